package intercomtest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidationRejectsBadRequests(t *testing.T) {
	s := newHarness(t)
	cases := []struct {
		name    string
		method  string
		path    string
		body    any
		headers map[string]string
		status  int
		code    string
	}{
		{"wrong token", "GET", "/me", nil, map[string]string{"Authorization": "Bearer nope", "Intercom-Version": "2.11"}, 401, "unauthorized"},
		{"missing token", "GET", "/me", nil, map[string]string{"Intercom-Version": "2.11"}, 401, "unauthorized"},
		{"not bearer", "GET", "/me", nil, map[string]string{"Authorization": "Basic " + s.Token, "Intercom-Version": "2.11"}, 401, "unauthorized"},
		{"missing version", "GET", "/me", nil, map[string]string{"Authorization": "Bearer " + s.Token}, 400, "intercom_version_invalid"},
		{"unknown version", "GET", "/me", nil, map[string]string{"Authorization": "Bearer " + s.Token, "Intercom-Version": "9.9"}, 400, "intercom_version_invalid"},
		{"unknown route", "GET", "/nope", nil, nil, 404, "not_found"},
		{"unknown method", "DELETE", "/me", nil, nil, 404, "not_found"},
		{"missing required body field", "POST", "/tickets", map[string]any{"contacts": []any{map[string]any{"id": "x"}}}, nil, 400, "parameter_not_found"},
		{"bad enum", "POST", "/ticket_types", map[string]any{"name": "x", "category": "done"}, nil, 400, "parameter_invalid"},
		{"wrong type", "POST", "/tags", map[string]any{"name": 5}, nil, 400, "parameter_invalid"},
		{"bad query parameter", "GET", "/conversations?per_page=1000", nil, nil, 400, "parameter_invalid"},
		{"missing required query parameter", "GET", "/visitors", nil, nil, 400, "parameter_not_found"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			headers := tc.headers
			if headers == nil {
				headers = map[string]string{"Authorization": "Bearer " + s.Token, "Intercom-Version": "2.11"}
			}
			status, h, body := s.sendWith(tc.method, tc.path, tc.body, headers)
			require.Equal(t, tc.status, status, "status (%v)", body)
			assert.Equal(t, "error.list", body["type"], "body %v is not an error.list with the request id %q", body, h.Get("X-Request-Id"))
			assert.Equal(t, h.Get("X-Request-Id"), body["request_id"], "body %v is not an error.list with the request id %q", body, h.Get("X-Request-Id"))
			got := errField(body, "code")
			assert.Equal(t, tc.code, got, "code (%v)", body)
			bad := s.InvalidRequests()
			require.Len(t, bad, i+1, "invalid requests recorded")
			last := bad[i]
			assert.Equal(t, tc.status, last.Status, "recorded %+v", last)
			assert.Equal(t, tc.code, last.Code, "recorded %+v", last)
			assert.Equal(t, pathOnly(tc.path), last.Path, "recorded %+v", last)
		})
	}
	n := s.Count("createTicket") + s.Count("createTicketType") + s.Count("createTag")
	assert.Equal(t, 0, n, "%d invalid requests were applied", n)
}

func pathOnly(p string) string {
	for i := range p {
		if p[i] == '?' {
			return p[:i]
		}
	}
	return p
}

func TestValidRequestsAreNotRecorded(t *testing.T) {
	s := newHarness(t)
	s.must(200, "GET", "/me", nil)
	s.must(200, "GET", "/admins", nil)
	// A valid request for something that does not exist is a 404, not an
	// invalid request.
	status, _, body := s.send("GET", "/tickets/999", nil)
	require.Equal(t, http.StatusNotFound, status, "status %d body %v", status, body)
	require.Equal(t, "not_found", errField(body, "code"), "status %d body %v", status, body)
	s.clean()
	assert.Equal(t, 1, s.Count("identifyAdmin"), "counts: identifyAdmin %d, getTicket %d", s.Count("identifyAdmin"), s.Count("getTicket"))
	assert.Equal(t, 0, s.Count("getTicket"), "counts: identifyAdmin %d, getTicket %d", s.Count("identifyAdmin"), s.Count("getTicket"))
}

func TestResponseValidation(t *testing.T) {
	s := uncheckedHarness(t)
	// A handler that answers with an id of the wrong type.
	s.override = map[string]handler{"identifyAdmin": func(ws *workspace, c *call) reply {
		me := ws.meJSON()
		me["id"] = 42
		return ok(me)
	}}
	s.must(200, "GET", "/me", nil)
	bad := s.InvalidResponses()
	require.Len(t, bad, 1, "invalid responses %v", bad)
	require.Equal(t, "identifyAdmin", bad[0].OperationID, "invalid responses %v", bad)
	require.Equal(t, 200, bad[0].Status, "invalid responses %v", bad)
	// A response missing required properties is completed from the schema.
	s.override = map[string]handler{"identifyAdmin": func(ws *workspace, c *call) reply {
		return ok(obj{"type": "admin", "id": "1"})
	}}
	me := s.must(200, "GET", "/me", nil)
	_, ok := me["email"]
	require.True(t, ok, "not completed: %v; invalid responses %v", me, s.InvalidResponses())
	assert.Equal(t, 1, len(s.InvalidResponses()), "not completed: %v; invalid responses %v", me, s.InvalidResponses())
}

// TestNewServerReportsInvalidResponses checks that NewServer's cleanup turns
// an invalid response into a test error.
func TestNewServerReportsInvalidResponses(t *testing.T) {
	rec := &recordingTB{TB: t}
	s := harnessOf(t, NewServer(rec))
	s.override = map[string]handler{"listTeams": func(ws *workspace, c *call) reply {
		return ok(obj{"type": "team.list", "teams": "none"})
	}}
	s.must(200, "GET", "/teams", nil)
	rec.runCleanups()
	require.Len(t, rec.errors, 1, "errors reported: %q", rec.errors)
}

// recordingTB is a testing.TB that records Errorf and its cleanups.
type recordingTB struct {
	testing.TB
	errors   []string
	cleanups []func()
}

func (r *recordingTB) Helper()          {}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Errorf(format string, args ...any) {
	r.errors = append(r.errors, format)
}
func (r *recordingTB) runCleanups() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}
