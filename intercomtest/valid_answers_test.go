package intercomtest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEveryOperationAnswersValidly sends each operation of the description a
// request built from its schemas and checks the server's answer (stateful or
// synthesized) against the description: NewServer reports invalid responses.
func TestEveryOperationAnswersValidly(t *testing.T) {
	s := newHarness(t)
	for path, item := range s.spec.doc.Paths.Map() {
		for method, op := range item.Operations() {
			p := path
			for _, prm := range op.Parameters {
				if prm.Value.In == "path" {
					p = strings.ReplaceAll(p, "{"+prm.Value.Name+"}", "1")
				}
			}
			var body any
			if op.RequestBody != nil {
				if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
					body = synthesize(mt.Schema)
				}
			}
			status, _, _ := s.send(method, p, body)
			assert.False(t, status >= 500, "%s %s: status %d", method, p, status)
		}
	}
	n := 0
	for _, r := range s.Requests() {
		if r.Status == http.StatusOK {
			n++
		}
	}
	t.Logf("%d operations, %d answered 200, %d invalid requests", len(s.Requests()), n, len(s.InvalidRequests()))
	for _, r := range s.InvalidRequests() {
		t.Logf("invalid request: %s", r)
	}
}
