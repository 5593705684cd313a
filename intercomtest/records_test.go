package intercomtest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRecordStrings(t *testing.T) {
	r := InvalidRequest{Method: "GET", Path: "/x", OperationID: "op", Status: 400, Code: "parameter_invalid", Message: "bad"}
	got := r.String()
	assert.Equal(t, "GET /x (op): 400 parameter_invalid: bad", got, "InvalidRequest.String = %q", got)
	short := InvalidResponse{Method: "GET", Path: "/me", OperationID: "identifyAdmin", Status: 200, Err: "wrong", Body: []byte(`{}`)}
	got = short.String()
	assert.Equal(t, "GET /me (identifyAdmin): 200: wrong\nbody: {}", got, "InvalidResponse.String = %q", got)
	long := short
	long.Body = []byte(strings.Repeat("a", 600))
	got = long.String()
	assert.True(t, strings.HasSuffix(got, "\nbody: "+strings.Repeat("a", 500)+"…"), "long body not cut: %d chars", len(got))
}
