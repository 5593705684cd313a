package intercomtest

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("broken body") }

func TestUnreadableBody(t *testing.T) {
	s := newHarness(t)
	req := httptest.NewRequest("POST", "/tags", errReader{})
	req.Header.Set("Authorization", "Bearer "+s.Token)
	req.Header.Set("Intercom-Version", "2.11")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, 400, rec.Code, "%d %s", rec.Code, rec.Body)
	assert.Contains(t, rec.Body.String(), `"unreadable body"`, "%d %s", rec.Code, rec.Body)
	assert.Contains(t, rec.Body.String(), `"parameter_invalid"`, "%d %s", rec.Code, rec.Body)
	assert.Equal(t, 0, s.Count("createTag"), "unreadable request was recorded or applied: %+v", s.Requests())
	assert.Equal(t, 0, len(s.Requests()), "unreadable request was recorded or applied: %+v", s.Requests())
}

func TestHoldEndsWhenClientLeavesOrServerCloses(t *testing.T) {
	s, err := Start()
	require.NoError(t, err)
	defer s.Close()
	blocked := make(chan Request) // nobody receives: Reached blocks
	cases := []struct {
		name string
		f    Fault
	}{
		{"reached", Fault{Reached: blocked}},
		{"delay", Fault{Delay: time.Hour}},
		{"wait", Fault{Wait: make(chan struct{})}},
	}
	for _, tc := range cases {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.False(t, s.hold(ctx, &faultState{Fault: tc.f}, Request{}), "%s: hold went on after the client left", tc.name)
	}
	released := make(chan struct{})
	close(released)
	assert.True(t, s.hold(context.Background(), &faultState{Fault: Fault{Delay: time.Nanosecond, Wait: released}}, Request{}), "hold stopped a request it should let through")
	s.Close()
	for _, tc := range cases {
		assert.False(t, s.hold(context.Background(), &faultState{Fault: tc.f}, Request{}), "%s: hold went on after Close", tc.name)
	}
}

func TestUnencodableResponse(t *testing.T) {
	s := uncheckedHarness(t)
	s.override = map[string]handler{"identifyAdmin": func(ws *workspace, c *call) reply {
		return ok(obj{"bad": func() {}})
	}}
	status, _, body := s.send("GET", "/me", nil)
	require.Equal(t, 500, status, "%d %v", status, body)
	require.Equal(t, "server_error", errField(body, "code"), "%d %v", status, body)
	r := s.Requests()
	require.Len(t, r, 1, "recorded %+v (the handler ran; only encoding failed)", r)
	assert.True(t, r[0].Applied, "recorded %+v (the handler ran; only encoding failed)", r)
}

// TestErrorBodyHelpers: errField reads Intercom's error.list, shortError
// keeps the first line of an error, responseSchema copes with no responses.
func TestErrorBodyHelpers(t *testing.T) {
	got := errField(map[string]any{"type": "error.list"}, "code")
	assert.Empty(t, got, "errField without errors = %q", got)
	got = errField(errorList("r", "c", "m"), "message")
	assert.Equal(t, "m", got, "errField = %q", got)
	assert.Nil(t, responseSchema(nil, 200), "responseSchema without responses")
	assert.Nil(t, responseSchema(&openapi3.Operation{}, 200), "responseSchema without responses")
	got = shortError(errors.New("first line\nsecond line"))
	assert.Equal(t, "first line", got, "shortError = %q", got)
	got = shortError(&openapi3.SchemaError{Reason: "no good"})
	assert.Equal(t, "no good", got, "shortError(SchemaError) = %q", got)
}
