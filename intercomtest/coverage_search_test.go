package intercomtest

import (
	"encoding/base64"
	"fmt"
	"reflect"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMatchQuery(t *testing.T) {
	fields := func(name string) (any, bool) {
		v, ok := map[string]any{
			"name": "Ada", "count": int64(3), "ratio": 0.5, "small": 2, "ids": []string{"a", "b"},
			"flag": true, "none": nil, "numstr": "12",
		}[name]
		return v, ok
	}
	cases := []struct {
		q    map[string]any
		want bool
		err  string
	}{
		{map[string]any{"field": "count", "operator": "<", "value": 4.0}, true, ""},
		{map[string]any{"field": "count", "operator": "<=", "value": 3.0}, true, ""},
		{map[string]any{"field": "small", "operator": ">", "value": 2.0}, false, ""},
		{map[string]any{"field": "ratio", "operator": ">=", "value": "0.5"}, true, ""},
		{map[string]any{"field": "numstr", "operator": ">", "value": 11.0}, true, ""},
		{map[string]any{"field": "none", "operator": "<", "value": 1.0}, false, ""},
		{map[string]any{"field": "name", "operator": "<", "value": 1.0}, false, `operator < needs numbers (field "name")`},
		{map[string]any{"field": "count", "operator": ">", "value": "many"}, false, `operator > needs numbers (field "count")`},
		{map[string]any{"field": "ratio", "operator": "=", "value": 0.5}, true, ""},
		{map[string]any{"field": "flag", "operator": "=", "value": true}, true, ""},
		{map[string]any{"field": "ids", "operator": "~", "value": "a,b"}, true, ""},
		{map[string]any{"field": "ids", "operator": "IN", "value": []any{"x", "b"}}, true, ""},
		{map[string]any{"field": "ids", "operator": "NIN", "value": []any{"b"}}, false, ""},
		{map[string]any{"field": "name", "operator": "IN", "value": "Ada"}, false, "operator IN needs a list value"},
		{map[string]any{"field": "name", "operator": "!~", "value": "x"}, true, ""},
		{map[string]any{"field": "name", "operator": "like", "value": "x"}, false, `operator "like" is not supported`},
		{map[string]any{"field": "name"}, false, "a filter needs field, operator and value"},
		{map[string]any{"operator": "="}, false, "a filter needs field, operator and value"},
		{map[string]any{"field": "size", "operator": "=", "value": 1.0}, false, `"size" is not a searchable field here`},
		{map[string]any{"operator": "AND", "value": []any{}}, false, "operator AND needs a list of queries as value"},
		{map[string]any{"operator": "OR", "value": []any{"x"}}, false, "operator OR needs a list of queries as value"},
		{map[string]any{"operator": "OR", "value": []any{
			map[string]any{"field": "size", "operator": "=", "value": 1.0}}}, false, `"size" is not a searchable field here`},
		{map[string]any{"operator": "OR", "value": []any{
			map[string]any{"field": "name", "operator": "=", "value": "Bob"},
			map[string]any{"field": "flag", "operator": "=", "value": false}}}, false, ""},
		{map[string]any{"operator": "AND", "value": []any{
			map[string]any{"field": "name", "operator": "^", "value": "a"},
			map[string]any{"field": "name", "operator": "$", "value": "A"}}}, true, ""},
	}
	for _, tc := range cases {
		got, err := matchQuery(tc.q, fields)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		assert.Equal(t, tc.want, got, "%v: %v, %q; want %v, %q", tc.q, got, errText, tc.want, tc.err)
		assert.Equal(t, tc.err, errText, "%v: %v, %q; want %v, %q", tc.q, got, errText, tc.want, tc.err)
	}
}

func TestScalarAndNumber(t *testing.T) {
	for v, want := range map[any]string{nil: "", "s": "s", 1.5: "1.5", int64(7): "7", true: "true"} {
		got := scalar(v)
		assert.Equal(t, want, got, "scalar(%v) = %q, want %q", v, got, want)
	}
	got := scalar([]string{"a", "b"})
	assert.Equal(t, "a,b", got, "scalar(list) = %q", got)
	for _, v := range []any{true, nil, "x", []string{"1"}} {
		_, ok := number(v)
		assert.False(t, ok, "number(%v) is a number", v)
	}
	n, ok := number(4)
	require.True(t, ok, "number(4) = %v, %v", n, ok)
	assert.Equal(t, 4.0, n, "number(4)")
	assert.True(t, equalAny("", nil), "equalAny")
	assert.False(t, equalAny("x", nil), "equalAny")
	assert.True(t, equalAny(int64(2), "2"), "equalAny")
	assert.False(t, equalAny([]string{"a"}, "b"), "equalAny")
}

func TestSearchPagination(t *testing.T) {
	s := newHarness(t)
	for i := range 3 {
		s.AddContact(Contact{Email: fmt.Sprintf("p%d@example.com", i)})
	}
	q := map[string]any{"field": "email", "operator": "~", "value": "example"}
	for _, pg := range []map[string]any{
		{"per_page": 0},
		{"per_page": 151},
		{"per_page": 2, "starting_after": "bogus"},
		{"per_page": 2, "starting_after": base64.RawURLEncoding.EncodeToString([]byte("7"))},
	} {
		status, _, body := s.send("POST", "/contacts/search", map[string]any{"query": q, "pagination": pg})
		assert.Equal(t, 400, status, "pagination %v: %d %v", pg, status, body)
		assert.Equal(t, "parameter_invalid", errField(body, "code"), "pagination %v: %d %v", pg, status, body)
	}
	// A cursor past the end gives an empty last page.
	past := base64.RawURLEncoding.EncodeToString([]byte("offset:99"))
	page := s.must(200, "POST", "/contacts/search", map[string]any{"query": q,
		"pagination": map[string]any{"per_page": 2, "starting_after": past}})
	require.Equal(t, 0, len(page["data"].([]any)), "past the end %v", page)
	assert.EqualValues(t, 3.0, page["total_count"], "past the end %v", page)
	// per_page 0 in a list means the default.
	page = s.must(200, "GET", "/contacts?per_page=0", nil)
	assert.EqualValues(t, 50.0, page["pages"].(map[string]any)["per_page"], "default per_page %v", page)
	assert.Equal(t, 3, len(page["data"].([]any)), "default per_page %v", page)
	s.clean()
}

func TestTagMultipleUsers(t *testing.T) {
	s := newHarness(t)
	a := s.AddContact(Contact{Email: "a@example.com"})
	b := s.AddContact(Contact{Email: "b@example.com"})
	status, _, body := s.send("POST", "/tags", map[string]any{"name": "bulk",
		"users": []any{map[string]any{"id": a.ID}, map[string]any{"id": b.ID}, map[string]any{"id": "nobody"}}})
	require.Equal(t, 200, status, "tagging several contacts: %d %v", status, body)
	for _, id := range []string{a.ID, b.ID} {
		tags := s.must(200, "GET", "/contacts/"+id+"/tags", nil)["data"].([]any)
		require.Len(t, tags, 1, "contact %s tags %v", id, tags)
		assert.Equal(t, body["id"], tags[0].(map[string]any)["id"], "contact %s tags %v", id, tags)
	}
}

func TestSynthesize(t *testing.T) {
	str := func(format string, minLen uint64) *openapi3.SchemaRef {
		return openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: format, MinLength: minLen})
	}
	minimum := 3.0
	cases := []struct {
		name   string
		schema *openapi3.SchemaRef
		want   any
	}{
		{"nil", nil, map[string]any{}},
		{"default", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"integer"}, Default: 7}), 7},
		{"date-time", str("date-time", 0), "2024-01-01T00:00:00Z"},
		{"date", str("date", 0), "2024-01-01"},
		{"uuid", str("uuid", 0), "00000000-0000-4000-8000-000000000000"},
		{"email", str("email", 0), "someone@example.com"},
		{"uri", str("uri", 0), "https://example.com/"},
		{"min length", str("", 3), "xxx"},
		{"minimum", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"number"}, Min: &minimum}), 3.0},
		{"nullable untyped", openapi3.NewSchemaRef("", &openapi3.Schema{Nullable: true}), nil},
		{"untyped", openapi3.NewSchemaRef("", &openapi3.Schema{}), map[string]any{}},
		{"min items", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"array"}, MinItems: 2,
			Items: openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"boolean"}})}), []any{false, false}},
		{"oneOf without an acceptable alternative", openapi3.NewSchemaRef("", &openapi3.Schema{
			OneOf: openapi3.SchemaRefs{str("", 0), str("", 0)}}), ""},
		{"oneOf naming a property of the enclosing schema", openapi3.NewSchemaRef("", &openapi3.Schema{
			Type: &openapi3.Types{"object"},
			Properties: openapi3.Schemas{
				"kind": openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"a"}}),
			},
			OneOf: openapi3.SchemaRefs{openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"kind"}})},
		}), map[string]any{"kind": "a"}},
	}
	for _, tc := range cases {
		got := synthesize(tc.schema)
		assert.True(t, reflect.DeepEqual(got, tc.want), "%s: %#v, want %#v", tc.name, got, tc.want)
	}
	// Deep in a recursive schema, a nullable value is null.
	got := synth(openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"object"}, Nullable: true}), maxSynthDepth+1)
	assert.Nil(t, got, "deep nullable: %#v", got)
}

func TestCompleteLeavesAlternativesAlone(t *testing.T) {
	schema := openapi3.NewSchemaRef("", &openapi3.Schema{
		Required: []string{"a"},
		OneOf:    openapi3.SchemaRefs{openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"b"}})},
	})
	v := map[string]any{}
	complete(schema, v)
	assert.Len(t, v, 0, "completed %v", v)
}

func TestNormalizeKeepsUnencodableValues(t *testing.T) {
	ch := make(chan int)
	got := normalize(ch)
	assert.Equal(t, any(ch), got, "normalize(chan) = %v", got)
	got = normalize(map[string]int{"a": 1})
	assert.True(t, reflect.DeepEqual(got, map[string]any{"a": 1.0}), "normalize(map) = %#v", got)
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

func TestPagingHelpers(t *testing.T) {
	items := []int{1, 2, 3}
	page, pages, ok := pageOf(items, 0, "")
	require.True(t, ok, "pageOf default %v %v", page, pages)
	require.Len(t, page, 3, "pageOf default %v %v", page, pages)
	assert.Equal(t, 50, pages["per_page"], "pageOf default %v %v", page, pages)
	_, _, ok = pageOf(items, 1, base64.RawURLEncoding.EncodeToString([]byte("offset:x")))
	assert.False(t, ok, "pageOf accepted a bad offset")
	got, p := numberedPage(items, -1, -1)
	require.Len(t, got, 3, "numberedPage defaults %v %v", got, p)
	assert.Equal(t, 1, p["page"], "numberedPage defaults %v %v", got, p)
	assert.Equal(t, 15, p["per_page"], "numberedPage defaults %v %v", got, p)
	got, p = numberedPage(items, 5, 2)
	require.Len(t, got, 0, "numberedPage past the end %v %v", got, p)
	assert.Equal(t, 2, p["total_pages"], "numberedPage past the end %v %v", got, p)
}
