package intercomtest

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDescribedOperationsAnswerFromTheDescription sends every operation that
// has no hand-written handler (those only newer descriptions declare) a
// request built from its description: creates first, so that later requests
// name what they made; every path id names something that exists, and the
// answer is the operation's success status with a body the description
// accepts (NewServer fails the test on an invalid answer); then the same
// requests with an unknown id answer 404 not_found.
func TestDescribedOperationsAnswerFromTheDescription(t *testing.T) {
	s := newHarness(t)
	seeded, err := s.Seed(Workspace{
		Contacts:      []Contact{{ID: "6650c0de0000000000000d01", Email: "d@example.com"}},
		Companies:     []Company{{CompanyID: "d-1", Name: "D"}},
		Conversations: []Conversation{{ContactIDs: []string{"6650c0de0000000000000d01"}, Body: "hi"}},
		Articles:      []Article{{Title: "A"}},
		Tags:          []Tag{{Name: "t"}},
	})
	require.NoError(t, err)
	existing := map[string]string{
		"/contacts": seeded.Contacts[0].ID, "/companies": seeded.Companies[0].ID,
		"/conversations": seeded.Conversations[0].ID, "/articles": seeded.Articles[0].ID,
		"/tags": seeded.Tags[0].ID, "/admins": s.Me().ID,
	}
	var ops []opAt
	for path, item := range s.spec.doc.Paths.Map() {
		for method, op := range item.Operations() {
			name := s.spec.names[op]
			if _, ok := handlers[name]; ok {
				continue
			}
			if _, ok := newerHandlers[name]; ok {
				continue
			}
			ops = append(ops, opAt{name, method, path, op})
		}
	}
	// Creates, then reads and changes, deletes last; by path within each.
	rank := func(o opAt) int {
		switch {
		case o.method == http.MethodDelete:
			return 2
		case o.method == http.MethodPost && !strings.HasSuffix(o.path, "}"):
			return 0
		}
		return 1
	}
	slices.SortFunc(ops, func(a, b opAt) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a.path+a.method, b.path+b.method)
	})
	created := map[string]string{}
	answered, notFound, refused := 0, 0, 0
	for _, o := range ops {
		path, known := o.path, true
		for _, name := range pathParams(o.path) {
			prefix := o.path[:strings.Index(o.path, "/{"+name+"}")]
			id := existing[prefix]
			if id == "" {
				id = created[prefix]
			}
			if id == "" {
				id, known = "404404", false
			}
			path = strings.Replace(path, "{"+name+"}", url.PathEscape(id), 1)
		}
		path += requiredQuery(o.op)
		var body any
		if o.op.RequestBody != nil && o.op.RequestBody.Value != nil {
			if mt := o.op.RequestBody.Value.Content.Get("application/json"); mt != nil {
				body = normalize(synthesize(mt.Schema))
				if mt.Schema.Value.VisitJSON(body) != nil {
					// No minimal body the description accepts: the
					// server must refuse what it cannot validate.
					status, _, out := s.send(o.method, path, body)
					assert.Equal(t, 400, status, "%s with a body the description refuses: %d %v", o.name, status, out)
					assert.NotEmpty(t, errField(out, "code"), "%s with a body the description refuses: %d %v", o.name, status, out)
					refused++
					continue
				}
			}
		}
		status, _, out := requiredSend(t, s, o.op, o.method, path, body)
		got := s.Requests()[len(s.Requests())-1].OperationID
		require.Equal(t, o.name, got, "%s %s routed", o.method, path)
		want, _ := successResponse(o.op)
		if !known {
			want = http.StatusNotFound
		}
		if !assert.Equal(t, want, status, "%s %s (%s): %v; invalid requests %v", o.method, path, o.name, out, s.InvalidRequests()) {
			continue
		}
		p := emptyID(out, "")
		assert.Empty(t, p, "%s: empty id at %s", o.name, p)
		if status == http.StatusNotFound {
			assertNotFound(t, o.name, out)
			notFound++
			continue
		}
		answered++
		if rank(o) == 0 && out["id"] != nil {
			created[o.path] = atStr(out, "id")
		}
	}
	// What was deleted is gone.
	for _, o := range ops {
		last := pathParams(o.path)
		if o.method != http.MethodGet || len(last) != 1 || !strings.HasSuffix(o.path, "}") {
			continue
		}
		prefix := strings.TrimSuffix(o.path, "/{"+last[0]+"}")
		if id := created[prefix]; id != "" && deletes(ops, o.path) {
			status, _, out := requiredSend(t, s, o.op, "GET", strings.Replace(o.path, "{"+last[0]+"}", id, 1)+requiredQuery(o.op), nil)
			assert.Equal(t, http.StatusNotFound, status, "%s after its delete: %d %v", o.name, status, out)
		}
	}
	t.Logf("%d operations without a handler: %d answered, %d not found, %d refused", len(ops), answered, notFound, refused)
}

// opAt is an operation with its method and path template.
type opAt struct {
	name, method, path string
	op                 *openapi3.Operation
}

// deletes reports whether ops deletes at path.
func deletes(ops []opAt, path string) bool {
	for _, o := range ops {
		if o.method == http.MethodDelete && o.path == path {
			return true
		}
	}
	return false
}

// requiredSend sends a request with the server's token and version and a
// minimal value for every required header parameter of op.
func requiredSend(t *testing.T, s *harness, op *openapi3.Operation, method, path string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	headers := map[string]string{"Authorization": "Bearer " + s.Token, "Intercom-Version": "2.11"}
	for _, p := range op.Parameters {
		if p.Value != nil && p.Value.In == "header" && p.Value.Required && !strings.EqualFold(p.Value.Name, "Intercom-Version") {
			headers[p.Value.Name] = fmt.Sprint(synthesize(p.Value.Schema))
		}
	}
	return s.sendWith(method, path, body, headers)
}

// requiredQuery is a query string with a minimal value for every required
// query parameter of op.
func requiredQuery(op *openapi3.Operation) string {
	var parts []string
	for _, p := range op.Parameters {
		if p.Value == nil || p.Value.In != "query" || !p.Value.Required {
			continue
		}
		v := synthesize(p.Value.Schema)
		if s, ok := v.(string); ok && s == "" {
			v = "x"
		}
		parts = append(parts, url.QueryEscape(p.Value.Name)+"="+url.QueryEscape(fmt.Sprint(v)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "?" + strings.Join(parts, "&")
}

// On 2.11 every operation has a handler; the answers from the description
// are checked here through operations the server is told to answer that way.
func TestDescribedAnswersOn211Operations(t *testing.T) {
	s := newHarness(t)
	s.override = map[string]handler{}
	for _, name := range []string{"createTag", "findTag", "deleteTag", "getDataExport", "createPhoneSwitch", "createDataExport"} {
		s.override[name] = func(ws *workspace, c *call) reply { return ws.described(c) }
	}
	tag := s.must(200, "POST", "/tags", map[string]any{"name": "x"})
	require.NotEmpty(t, atStr(tag, "id"), "created %v", tag)
	// A tag is a workspace resource: one made by the description's answer
	// is not in the workspace.
	s.must(404, "GET", "/tags/"+atStr(tag, "id"), nil)
	real := s.AddTag("real")
	got := s.must(200, "GET", "/tags/"+real, nil)
	assert.Equal(t, real, got["id"], "found %v", got)
	s.must(200, "DELETE", "/tags/"+real, nil)
	// A data export is not: ids come from the answers.
	s.must(404, "GET", "/export/content/data/nope", nil)
	s.must(200, "POST", "/export/content/data", map[string]any{"created_at_after": 1, "created_at_before": 2})
	s.must(200, "POST", "/phone_call_redirects", map[string]any{"phone": "+353871234567"})
	assert.Equal(t, "Resource", resourceNoun(""), "nouns %q %q", resourceNoun(""), resourceNoun("/ai/external_pages"))
	assert.Equal(t, "External page", resourceNoun("/ai/external_pages"), "nouns %q %q", resourceNoun(""), resourceNoun("/ai/external_pages"))
	assert.Equal(t, int64(12), typedID(&openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}}}, "12"), "an integer id stays a string")
	assert.Equal(t, "x", typedID(&openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}}}, "x"), "a non-numeric id became a number")
	assert.Nil(t, propertySchema(nil, "id"), "a missing schema has properties")
	s.clean()
}

// A resource the workspace does not keep exists once a create answered
// its id, and no more after its delete.
func TestDescribedKeepsCreatedIDs(t *testing.T) {
	ws := newWorkspace(time.Now)
	withID := openapi3.NewObjectSchema().WithProperty("id", openapi3.NewIntegerSchema()).WithProperty("name", openapi3.NewStringSchema())
	withID.Required = []string{"id", "name"}
	op := func() *openapi3.Operation {
		o := openapi3.NewOperation()
		o.Responses = openapi3.NewResponses()
		o.Responses.Set("200", &openapi3.ResponseRef{Value: openapi3.NewResponse().WithJSONSchema(withID)})
		return o
	}
	do := func(method, path string, params map[string]string) reply {
		return ws.described(&call{route: &routers.Route{Method: method, Path: path, Operation: op()}, params: params, reqID: "r"})
	}
	created := do("POST", "/things", nil)
	id := fmt.Sprint(created.body.(map[string]any)["id"])
	require.Equal(t, 200, created.status, "created %+v", created)
	require.Equal(t, int64(99000001), created.body.(map[string]any)["id"], "created %+v", created)
	r := do("GET", "/things/{id}", map[string]string{"id": id})
	assert.Equal(t, 200, r.status, "get %+v", r)
	assert.Equal(t, int64(99000001), r.body.(map[string]any)["id"], "get %+v", r)
	r = do("GET", "/things/{id}", map[string]string{"id": "1"})
	assert.Equal(t, 404, r.status, "unknown %+v", r)
	assert.Equal(t, "Thing Not Found", errField(r.body, "message"), "unknown %+v", r)
	r = do("DELETE", "/things/{id}", map[string]string{"id": id})
	assert.Equal(t, 200, r.status, "delete %+v", r)
	r = do("GET", "/things/{id}", map[string]string{"id": id})
	assert.Equal(t, 404, r.status, "after delete %+v", r)
	noBody := openapi3.NewOperation()
	noBody.Responses = openapi3.NewResponses()
	noBody.Responses.Set("204", &openapi3.ResponseRef{Value: openapi3.NewResponse()})
	r = ws.described(&call{route: &routers.Route{Method: "POST", Path: "/x", Operation: noBody}})
	assert.Equal(t, 204, r.status, "no content %+v", r)
	assert.Nil(t, r.body, "no content %+v", r)
}

func TestSuccessResponse(t *testing.T) {
	op := &openapi3.Operation{Responses: openapi3.NewResponses()}
	op.Responses.Set("404", &openapi3.ResponseRef{Value: openapi3.NewResponse()})
	status, schema := successResponse(op)
	assert.Equal(t, 200, status, "no success response: %d %v", status, schema)
	assert.Nil(t, schema, "no success response: %d %v", status, schema)
	op = &openapi3.Operation{Responses: openapi3.NewResponses()}
	op.Responses.Set("204", &openapi3.ResponseRef{Value: openapi3.NewResponse()})
	status, schema = successResponse(op)
	assert.Equal(t, 204, status, "no content: %d %v", status, schema)
	assert.Nil(t, schema, "no content: %d %v", status, schema)
}
