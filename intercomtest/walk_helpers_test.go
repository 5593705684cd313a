package intercomtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// walker sends requests and notes which operations a test covered. Every
// answer is checked for empty ids.
type walker struct {
	t    *testing.T
	s    *Server
	seen map[string]bool
}

func newWalker(t *testing.T, opts ...Option) *walker {
	return &walker{t: t, s: NewServer(t, opts...), seen: map[string]bool{}}
}

// call sends a request that must route to op and answer want.
func (w *walker) call(op string, want int, method, path string, body any) map[string]any {
	w.t.Helper()
	status, _, out := send(w.t, w.s, method, path, body)
	w.check(op, want, method, path, status, out)
	return out
}

func (w *walker) check(op string, want int, method, path string, status int, out map[string]any) {
	w.t.Helper()
	reqs := w.s.Requests()
	if got := reqs[len(reqs)-1].OperationID; got != op {
		w.t.Fatalf("%s %s routed to %q, want %q", method, path, got, op)
	}
	if status != want {
		w.t.Fatalf("%s %s (%s): status %d, want %d; body %v; invalid requests %v", method, path, op, status, want, out, w.s.InvalidRequests())
	}
	w.seen[op] = true
	if p := emptyID(out, ""); p != "" {
		w.t.Errorf("%s: empty id at %s in %v", op, p, out)
	}
	if status == http.StatusNotFound {
		assertNotFound(w.t, op, out)
	}
}

// raw sends a request and returns the answer's bytes and content type.
func (w *walker) raw(op string, want int, method, path string) ([]byte, string) {
	w.t.Helper()
	req, _ := http.NewRequest(method, w.s.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+w.s.Token)
	req.Header.Set("Intercom-Version", "2.11")
	resp, err := w.s.Client().Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &out); err != nil {
			w.t.Fatalf("%s: %v", op, err)
		}
	}
	w.check(op, want, method, path, resp.StatusCode, out)
	return b, resp.Header.Get("Content-Type")
}

// emptyID returns where v holds an "id" that is the empty string.
func emptyID(v any, at string) string {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["id"]; ok && id == "" {
			return at + "/id"
		}
		for k, sub := range x {
			if p := emptyID(sub, at+"/"+k); p != "" {
				return p
			}
		}
	case []any:
		for i, sub := range x {
			if p := emptyID(sub, fmt.Sprintf("%s/%d", at, i)); p != "" {
				return p
			}
		}
	}
	return ""
}

var requestID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// assertNotFound checks Intercom's not-found body: error.list, code
// not_found, a request id.
func assertNotFound(t *testing.T, op string, body map[string]any) {
	t.Helper()
	assert.False(t, body["type"] != "error.list" || errField(body, "code") != "not_found" || errField(body, "message") == "", "%s: not-found body %v", op, body)
	id, _ := body["request_id"].(string)
	assert.True(t, requestID.MatchString(id), "%s: request_id %v", op, body["request_id"])
}

// at reads a value inside JSON: keys of objects and indexes of arrays.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func atStr(v any, path ...any) string {
	switch x := at(v, path...).(type) {
	case string:
		return x
	case float64:
		return fmt.Sprint(int64(x))
	}
	return ""
}

// ids are the ids of the objects of a JSON list.
func ids(v any, path ...any) []string {
	l, _ := at(v, path...).([]any)
	out := []string{}
	for _, x := range l {
		out = append(out, atStr(x, "id"))
	}
	return out
}

func (w *walker) has(what string, list []string, id string) {
	w.t.Helper()
	if !slices.Contains(list, id) {
		w.t.Errorf("%s: %v lacks %s", what, list, id)
	}
}

func (w *walker) hasNot(what string, list []string, id string) {
	w.t.Helper()
	if slices.Contains(list, id) {
		w.t.Errorf("%s: %v still has %s", what, list, id)
	}
}

func (w *walker) eq(what string, got, want any) {
	w.t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		w.t.Errorf("%s = %v, want %v", what, got, want)
	}
}

var (
	hex24   = regexp.MustCompile(`^[0-9a-f]{24}$`)
	numeric = regexp.MustCompile(`^[0-9]+$`)
)

func (w *walker) idLike(what, id string, re *regexp.Regexp) {
	w.t.Helper()
	if !re.MatchString(id) {
		w.t.Errorf("%s id %q is not of Intercom's form %s", what, id, re)
	}
}

func q(parts ...string) string { return "?" + strings.Join(parts, "&") }
