package intercomtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
)

// send makes a request with the server's token and the 2.11 version header
// and decodes the JSON answer (nil for an empty body).
func send(t *testing.T, s *Server, method, path string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	return sendWith(t, s, method, path, body, map[string]string{
		"Authorization": "Bearer " + s.Token, "Intercom-Version": "2.11",
	})
}

func sendWith(t *testing.T, s *Server, method, path string, body any, headers map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	require.NoError(t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := s.Client().Do(req)
	require.NoError(t, err, "%s %s: %v", method, path, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var out map[string]any
	if len(raw) > 0 {
		require.NoError(t, json.Unmarshal(raw, &out), "%s %s: decode %q: %v", method, path, raw, err)
	}
	return resp.StatusCode, resp.Header, out
}

// mustSend is send that fails the test unless the status is want.
func mustSend(t *testing.T, s *Server, want int, method, path string, body any) map[string]any {
	t.Helper()
	status, _, out := send(t, s, method, path, body)
	require.Equal(t, want, status, "%s %s: status %d, want %d; body %v; invalid requests %v", method, path, status, want, out, s.InvalidRequests())
	return out
}

// assertClean fails the test when the server saw invalid requests.
func assertClean(t *testing.T, s *Server) {
	t.Helper()
	for _, r := range s.InvalidRequests() {
		t.Errorf("invalid request: %s", r)
	}
}

// stateOf is the category of a ticket's state, whether the description
// renders it as 2.11's category or as the state object of 2.12 and later.
func stateOf(tk map[string]any) string {
	if o, ok := tk["ticket_state"].(map[string]any); ok {
		s, _ := o["category"].(string)
		return s
	}
	s, _ := tk["ticket_state"].(string)
	return s
}

// setState is the body of a ticket update that moves it to the state of
// category, in the form the loaded description takes: 2.11's state, or the
// ticket_state_id of 2.12 and later.
func setState(t *testing.T, category string) map[string]any {
	t.Helper()
	sp, err := loadSpec()
	require.NoError(t, err)
	if sp.updateTicketState {
		return map[string]any{"state": category}
	}
	return map[string]any{"ticket_state_id": stateIDs[category]}
}

// with adds fields to a request body.
func with(body map[string]any, fields map[string]any) map[string]any {
	for k, v := range fields {
		body[k] = v
	}
	return body
}

// assign is the body of a ticket update that assigns the ticket to assignee
// (by the admin by, when not empty), in the form the loaded description
// takes: an assignment object (2.11 to 2.13), or admin_id and assignee_id of
// the update's own (2.14 and later), typed as the description declares them.
func assign(t *testing.T, by, assignee string) map[string]any {
	t.Helper()
	sp, err := loadSpec()
	require.NoError(t, err)
	fields := map[string]any{"assignee_id": assignee}
	if by != "" {
		fields["admin_id"] = by
	}
	if sp.updateTicketAssignment {
		return map[string]any{"assignment": fields}
	}
	route, _, err := sp.router.FindRoute(httptest.NewRequest("PUT", "/tickets/1", nil))
	require.NoError(t, err)
	schema := route.Operation.RequestBody.Value.Content.Get("application/json").Schema
	for k, v := range fields {
		fields[k] = typedID(propertySchema(schema, k), v.(string))
	}
	return fields
}
