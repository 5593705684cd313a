package intercomtest

import (
	"encoding/base64"
	"fmt"
	"testing"

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
		assert.Equal(t, tc.want, got, "match of %v", tc.q)
		assert.Equal(t, tc.err, errText, "error of %v", tc.q)
	}
}

func TestScalarAndNumber(t *testing.T) {
	for v, want := range map[any]string{nil: "", "s": "s", 1.5: "1.5", int64(7): "7", true: "true"} {
		got := scalar(v)
		assert.Equal(t, want, got, "scalar(%v)", v)
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
