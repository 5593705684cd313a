package intercomtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// harness is the package's test harness: a server of the test (its
// recording of requests, invalid requests and faults included) with the
// calls every test makes. It notes the operations a test reached.
type harness struct {
	*Server
	t    *testing.T
	seen map[string]bool
}

// newHarness starts a server for the test, closed and checked when it ends.
func newHarness(t *testing.T, opts ...Option) *harness {
	return harnessOf(t, NewServer(t, opts...))
}

// uncheckedHarness is a harness over a server Start made: closed when the
// test ends but not checked then, for tests of what the checks report.
func uncheckedHarness(t *testing.T) *harness {
	srv, err := Start()
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	return harnessOf(t, srv)
}

// harnessOf is the harness over a server the test made otherwise.
func harnessOf(t *testing.T, s *Server) *harness {
	return &harness{Server: s, t: t, seen: map[string]bool{}}
}

// send makes a request with the server's token and the 2.11 version header
// and decodes the JSON answer (nil for an empty body).
func (h *harness) send(method, path string, body any) (int, http.Header, map[string]any) {
	h.t.Helper()
	return h.sendWith(method, path, body, map[string]string{
		"Authorization": "Bearer " + h.Token, "Intercom-Version": "2.11",
	})
}

// sendWith is send with the headers given (and no others).
func (h *harness) sendWith(method, path string, body any, headers map[string]string) (int, http.Header, map[string]any) {
	h.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(h.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, h.URL+path, rd)
	require.NoError(h.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	status, header, raw := h.do(req)
	var out map[string]any
	if len(raw) > 0 && strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		require.NoError(h.t, json.Unmarshal(raw, &out), "%s %s: decode %q", method, path, raw)
	}
	return status, header, out
}

func (h *harness) do(req *http.Request) (int, http.Header, []byte) {
	h.t.Helper()
	resp, err := h.Client().Do(req)
	require.NoError(h.t, err, "%s %s", req.Method, req.URL.Path)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(h.t, err)
	return resp.StatusCode, resp.Header, raw
}

// must is send that stops the test unless the status is want.
func (h *harness) must(want int, method, path string, body any) map[string]any {
	h.t.Helper()
	status, _, out := h.send(method, path, body)
	require.Equal(h.t, want, status, "%s %s: body %v; invalid requests %v", method, path, out, h.InvalidRequests())
	return out
}

// call sends a request that must route to op and answer want, and notes op
// as reached. An answer has no empty ids, and a 404 is Intercom's.
func (h *harness) call(op string, want int, method, path string, body any) map[string]any {
	h.t.Helper()
	status, _, out := h.send(method, path, body)
	h.check(op, want, method, path, status, out)
	return out
}

func (h *harness) check(op string, want int, method, path string, status int, out map[string]any) {
	h.t.Helper()
	reqs := h.Requests()
	require.NotEmpty(h.t, reqs)
	require.Equal(h.t, op, reqs[len(reqs)-1].OperationID, "%s %s routed", method, path)
	require.Equal(h.t, want, status, "%s %s (%s): body %v; invalid requests %v", method, path, op, out, h.InvalidRequests())
	h.seen[op] = true
	assert.Empty(h.t, emptyID(out, ""), "%s: empty id in %v", op, out)
	if status == http.StatusNotFound {
		assertNotFound(h.t, op, out)
	}
}

// raw is call for an answer that need not be JSON: its bytes and content
// type.
func (h *harness) raw(op string, want int, method, path string) ([]byte, string) {
	h.t.Helper()
	req, err := h.request(method, path, nil)
	require.NoError(h.t, err)
	status, header, b := h.do(req)
	var out map[string]any
	if strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		require.NoError(h.t, json.Unmarshal(b, &out), op)
	}
	h.check(op, want, method, path, status, out)
	return b, header.Get("Content-Type")
}

// rawStatus sends an authenticated request with a raw JSON body and
// returns the status, or the transport's error (a dropped connection).
func (h *harness) rawStatus(method, path, body string) (int, error) {
	req, err := h.request(method, path, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	resp, err := h.Client().Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// request is a request with the server's token and the 2.11 version header
// (and a JSON content type when it has a body).
func (h *harness) request(method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequest(method, h.URL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+h.Token)
	req.Header.Set("Intercom-Version", "2.11")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// searchCase is a search on one field and the ids it finds, in order.
type searchCase struct {
	field, op string
	value     any
	want      []string
}

// searches runs each case as a search at path (whose answer lists the hits
// under list) and checks the ids found and the total count; a search on a
// field the resource lacks is refused.
func (h *harness) searches(path, list string, cases []searchCase) {
	h.t.Helper()
	search := func(field, op string, value any) (int, map[string]any) {
		status, _, out := h.send("POST", path, map[string]any{"query": map[string]any{
			"field": field, "operator": op, "value": value}})
		return status, out
	}
	for _, tc := range cases {
		status, out := search(tc.field, tc.op, tc.value)
		require.Equal(h.t, http.StatusOK, status, "%s %s %v: %v", tc.field, tc.op, tc.value, out)
		assert.Equal(h.t, fmt.Sprint(tc.want), fmt.Sprint(ids(out, list)), "%s %s %v", tc.field, tc.op, tc.value)
		assert.Equal(h.t, float64(len(tc.want)), out["total_count"], "%s %s %v: total_count", tc.field, tc.op, tc.value)
	}
	status, out := search("no_such_field", "=", "x")
	assert.Equal(h.t, http.StatusBadRequest, status, "unknown field: %v", out)
	assert.Equal(h.t, "parameter_invalid", errField(out, "code"), "unknown field: %v", out)
}

// refusal is a request the server refuses: its path and body, and the
// status and error code of the answer.
type refusal struct {
	path   string
	body   map[string]any
	status int
	code   string
}

// refused sends a request that must be refused with status and code; what
// says which refusal it is.
func (h *harness) refused(status int, code, method, path string, body any, what string) {
	h.t.Helper()
	got, _, out := h.send(method, path, body)
	assert.Equal(h.t, status, got, "%s: %v", what, out)
	assert.Equal(h.t, code, errField(out, "code"), "%s: %v", what, out)
}

// refusals sends each request and checks that it is refused as expected.
func (h *harness) refusals(method string, cases []refusal) {
	h.t.Helper()
	for _, tc := range cases {
		h.refused(tc.status, tc.code, method, tc.path, tc.body, fmt.Sprintf("%s %s %v", method, tc.path, tc.body))
	}
}

// clean fails the test when the server saw invalid requests.
func (h *harness) clean() {
	h.t.Helper()
	assert.Empty(h.t, h.InvalidRequests(), "invalid requests")
}

// has and hasNot check that a list of ids holds id, or no longer does.
func (h *harness) has(what string, list []string, id string) {
	h.t.Helper()
	assert.Contains(h.t, list, id, what)
}

func (h *harness) hasNot(what string, list []string, id string) {
	h.t.Helper()
	assert.NotContains(h.t, list, id, what)
}

// eq compares what a JSON answer holds with what the test expects, by their
// printed forms (JSON numbers are float64, ids may be either).
func (h *harness) eq(what string, got, want any) {
	h.t.Helper()
	assert.Equal(h.t, fmt.Sprint(want), fmt.Sprint(got), what)
}

var (
	hex24     = regexp.MustCompile(`^[0-9a-f]{24}$`)
	numeric   = regexp.MustCompile(`^[0-9]+$`)
	requestID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// idLike checks that an id has the form Intercom gives that kind of id.
func (h *harness) idLike(what, id string, re *regexp.Regexp) {
	h.t.Helper()
	assert.Regexp(h.t, re, id, "%s id is not of Intercom's form", what)
}

// assertNotFound checks Intercom's not-found body: error.list, code
// not_found, a message and a request id.
func assertNotFound(t *testing.T, op string, body map[string]any) {
	t.Helper()
	assert.Equal(t, "error.list", body["type"], "%s: not-found body %v", op, body)
	assert.Equal(t, "not_found", errField(body, "code"), "%s: not-found body %v", op, body)
	assert.NotEmpty(t, errField(body, "message"), "%s: not-found body %v", op, body)
	id, _ := body["request_id"].(string)
	assert.Regexp(t, requestID, id, "%s: request_id", op)
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

// atStr reads a string or an integer inside JSON as a string.
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

// q is a query string of its parts.
func q(parts ...string) string { return "?" + strings.Join(parts, "&") }

// sizes are the numbers of records of each kind a workspace holds (the
// kinds it holds none of left out), by Workspace's field names.
func sizes(w Workspace) map[string]int {
	out := map[string]int{}
	v := reflect.ValueOf(w)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Slice && f.Len() > 0 {
			out[v.Type().Field(i).Name] = f.Len()
		}
	}
	return out
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
