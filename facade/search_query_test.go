package facade

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func marshalSearch(t *testing.T, q SearchQuery, opts *SearchOptions) string {
	t.Helper()
	req, err := BuildSearchRequest(q, opts)
	require.NoError(t, err)
	b, err := json.Marshal(req)
	require.NoError(t, err)
	return string(b)
}

func TestBuildSearchRequestSingle(t *testing.T) {
	assert.JSONEq(t, `{"query":{"field":"email","operator":"=","value":"a@example.com"}}`,
		marshalSearch(t, Filter("email", OpEquals, "a@example.com"), nil))
	assert.JSONEq(t, `{"query":{"field":"email","operator":"=","value":null}}`,
		marshalSearch(t, Filter("email", OpEquals, nil), nil))
	assert.JSONEq(t, `{"query":{"field":"created_at","operator":">","value":1577836800},"pagination":{"per_page":20}}`,
		marshalSearch(t, Filter("created_at", OpGreaterThan, time.Unix(1577836800, 0)), &SearchOptions{PerPage: 20}))
	assert.JSONEq(t, `{"query":{"field":"tag_id","operator":"IN","value":["1","2"]},"pagination":{"per_page":50,"starting_after":"abc"}}`,
		marshalSearch(t, Filter("tag_id", OpIn, []string{"1", "2"}), &SearchOptions{StartingAfter: "abc"}))
	assert.JSONEq(t, `{"query":{"field":"owner_id","operator":"NIN","value":[1,2]}}`,
		marshalSearch(t, Filter("owner_id", OpNotIn, []int64{1, 2}), nil))
	assert.JSONEq(t, `{"query":{"field":"open","operator":"!=","value":true}}`,
		marshalSearch(t, Filter("open", OpNotEquals, true), nil))
}

func TestBuildSearchRequestNested(t *testing.T) {
	q := And(
		Filter("role", OpEquals, "user"),
		Or(
			Filter("email", OpEndsWith, "@example.com"),
			Filter("name", OpStartsWith, "Ada"),
			Filter("name", OpContains, "Love"),
			Filter("name", OpNotContains, "x"),
		),
		Filter("created_at", OpLessOrEqual, 5),
		Filter("created_at", OpGreaterOrEqual, int32(1)),
		Filter("created_at", OpLessThan, uint16(9)),
	)
	assert.JSONEq(t, `{"query":{"operator":"AND","value":[
		{"field":"role","operator":"=","value":"user"},
		{"operator":"OR","value":[
			{"field":"email","operator":"$","value":"@example.com"},
			{"field":"name","operator":"^","value":"Ada"},
			{"field":"name","operator":"~","value":"Love"},
			{"field":"name","operator":"!~","value":"x"}]},
		{"field":"created_at","operator":"<=","value":5},
		{"field":"created_at","operator":">=","value":1},
		{"field":"created_at","operator":"<","value":9}]}}`, marshalSearch(t, q, nil))
	// Pointers to filters and groups are accepted too.
	f := Filter("id", OpEquals, "1")
	g := Or(&f)
	assert.NoError(t, ValidateSearchQuery(&g))
}

func TestValidateSearchQueryErrors(t *testing.T) {
	sixteen := make([]SearchQuery, MaxSearchGroupSize+1)
	for i := range sixteen {
		sixteen[i] = Filter("id", OpEquals, "x")
	}
	var nilFilter *SearchFilter
	cases := []struct {
		name  string
		q     SearchQuery
		field string
		want  string
	}{
		{"nil", nil, "query", "nil"},
		{"nil pointer", nilFilter, "query", "nil"},
		{"empty field", Filter("", OpEquals, "x"), "query.field", "empty"},
		{"unknown operator", Filter("id", "==", "x"), "query.operator", "not an operator"},
		{"IN scalar", Filter("id", OpIn, "x"), "query.value", "list"},
		{"NIN scalar", Filter("id", OpNotIn, 3), "query.value", "list"},
		{"IN empty", Filter("id", OpIn, []string{}), "query.value", "at least one"},
		{"= list", Filter("id", OpEquals, []string{"a"}), "query.value", "IN or NIN"},
		{"~ number", Filter("name", OpContains, 3), "query.value", "string"},
		{"> bool", Filter("n", OpGreaterThan, true), "query.value", "integer"},
		{"> null", Filter("n", OpGreaterThan, nil), "query.value", "integer"},
		{"^ null", Filter("n", OpStartsWith, nil), "query.value", "string"},
		{"float", Filter("n", OpEquals, 1.5), "query.value", "float64"},
		{"empty group", And(), "query.value", "at least one"},
		{"bad group op", SearchGroup{Operator: "XOR", Queries: []SearchQuery{Filter("a", OpEquals, 1)}}, "query.operator", "AND or OR"},
		{"too many", Or(sixteen...), "query.value", "at most 15"},
		{"too deep", And(Or(And(Filter("a", OpEquals, 1)))), "query.value[0].value[0]", "nested"},
		{"inner error path", And(Filter("a", OpEquals, 1), Or(Filter("b", OpIn, "x"))), "query.value[1].value[0].value", "list"},
		{"nil in group", And(Filter("a", OpEquals, 1), nil), "query.value[1]", "nil"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidateSearchQuery(c.q)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, c.field, ie.Field)
			assert.Contains(t, ie.Problem, c.want)
			_, err = BuildSearchRequest(c.q, nil)
			assert.ErrorAs(t, err, &ie)
		})
	}
}

func TestBuildSearchRequestPerPage(t *testing.T) {
	q := Filter("id", OpEquals, "1")
	for _, n := range []int{-1, MaxSearchPerPage + 1} {
		_, err := BuildSearchRequest(q, &SearchOptions{PerPage: n})
		var ie *InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "pagination.per_page", ie.Field)
	}
}

func TestParseSearchQuery(t *testing.T) {
	in := `{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"},
		{"operator":"OR","value":[{"field":"owner_id","operator":"IN","value":[1,2]},{"field":"email","operator":"=","value":null}]},
		{"field":"unsubscribed_from_emails","operator":"=","value":false}]}`
	q, err := ParseSearchQuery([]byte(in))
	require.NoError(t, err)
	want := And(
		Filter("role", OpEquals, "user"),
		Or(Filter("owner_id", OpIn, []int{1, 2}), Filter("email", OpEquals, nil)),
		Filter("unsubscribed_from_emails", OpEquals, false),
	)
	assert.Equal(t, want, q)

	bad := map[string]string{
		`[]`: "query",
		`{"field":"a","operator":"=","value":1.5}`:         "query.value",
		`{"field":"a","operator":"IN","value":["a",1]}`:    "query.value",
		`{"field":"a","operator":"=","value":{}}`:          "query.value",
		`{"field":"a","operator":"="}`:                     "query.value",
		`{"field":"a","value":1}`:                          "query.operator",
		`{"operator":"=","value":1}`:                       "query.field",
		`{"operator":"AND","value":"x"}`:                   "query.value",
		`{"field":"a","operator":"=","value":1,"extra":2}`: "query",
		`{"operator":"AND","value":[]}`:                    "query.value",
		`{"field":"a","operator":"=","value":1} {}`:        "query",
		`{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"a","operator":"=","value":1}]}]}]}`: "query.value[0].value[0]",
	}
	for in, field := range bad {
		_, err := ParseSearchQuery([]byte(in))
		var ie *InputError
		if assert.ErrorAs(t, err, &ie, in) {
			assert.Equal(t, field, ie.Field, in)
		}
	}
	// Hostile nesting is refused without deep recursion.
	deep := strings.Repeat(`{"operator":"AND","value":[`, 10000) + strings.Repeat(`]}`, 10000)
	_, err = ParseSearchQuery([]byte(deep))
	assert.Error(t, err)
}

// FuzzParseSearchQuery checks that any input either is refused with an
// *InputError or is a query that builds, and reads back to the same query.
func FuzzParseSearchQuery(f *testing.F) {
	f.Add(`{"field":"email","operator":"=","value":"a@b.c"}`)
	f.Add(`{"operator":"OR","value":[{"field":"a","operator":"IN","value":[1,2]},{"field":"b","operator":"!=","value":null}]}`)
	f.Add(`{"operator":"AND","value":[{"operator":"OR","value":[{"field":"a","operator":"~","value":"x"}]}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		q, err := ParseSearchQuery([]byte(in))
		if err != nil {
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			return
		}
		req, err := BuildSearchRequest(q, nil)
		require.NoError(t, err)
		out, err := json.Marshal(req.Query)
		require.NoError(t, err)
		back, err := ParseSearchQuery(out)
		require.NoError(t, err, string(out))
		assert.Equal(t, q, back)
	})
}

func TestSearchFilterIntegerWidths(t *testing.T) {
	for _, v := range []any{int8(1), int16(1), int32(1), int64(1), uint8(1), uint16(1), uint32(1), uint(1), uint64(1),
		time.Unix(1700000000, 0), []int64{1, 2}} {
		op := OpEquals
		if _, ok := v.([]int64); ok {
			op = OpIn
		}
		err := ValidateSearchQuery(Filter("n", op, v))
		assert.NoError(t, err)
	}
	for _, v := range []any{uint(1 << 63), uint64(1 << 63)} {
		var ie *InputError
		err := ValidateSearchQuery(Filter("n", OpEquals, v))
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "query.value", ie.Field)
	}
	// Pointers to filters and groups are queries too; nil ones are not.
	f := Filter("a", OpEquals, 1)
	g := And(f)
	for _, q := range []SearchQuery{&f, &g} {
		err := ValidateSearchQuery(q)
		assert.NoError(t, err)
	}
	for _, q := range []SearchQuery{(*SearchFilter)(nil), (*SearchGroup)(nil)} {
		err := ValidateSearchQuery(q)
		assert.Error(t, err, "%T nil accepted", q)
	}
	f.isSearchQuery()
	g.isSearchQuery()
}

// searchBadInputs are searches of each service whose query or paging is
// refused, naming the field, before anything is sent.
var searchBadInputs = []inputCase{
	{"search: nil query", "query", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Search(ctx, nil, nil)) }},
	{"search: empty field", "query.field", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("", OpEquals, "x"), nil))
	}},
	{"search: unknown operator", "query.operator", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("email", "LIKE", "x"), nil))
	}},
	{"search: IN with one value", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Conversations.Search(ctx, Filter("state", OpIn, "open"), nil))
	}},
	{"search: contains a number", "query.value[1].value", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, And(Filter("open", OpEquals, true), Filter("title", OpContains, 3)), nil))
	}},
	{"search: empty group", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, Or(), nil))
	}},
	{"search: too deep", "query.value[0].value[0]", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, And(And(And(Filter("a", OpEquals, 1)))), nil))
	}},
	{"search: group too large", "query.value", func(ctx context.Context, c *Client) error {
		qs := make([]SearchQuery, MaxSearchGroupSize+1)
		for i := range qs {
			qs[i] = Filter("a", OpEquals, i)
		}
		return err3(c.Contacts.Search(ctx, And(qs...), nil))
	}},
	{"search: negative page size", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("role", OpEquals, "user"), &SearchOptions{PerPage: -1}))
	}},
	{"search: page too large", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, Filter("open", OpEquals, true), &SearchOptions{PerPage: MaxSearchPerPage + 1}))
	}},
	{"search: unsupported value type", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("score", OpGreaterThan, 1.5), nil))
	}},
}

func TestSearchBadInputsSendNothing(t *testing.T) {
	runInputCases(t, searchBadInputs)
}
