package facade

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzSearchQuery feeds arbitrary JSON to ParseSearchQuery. A query it
// accepts builds a request body, and that body's query parses back to the
// same query; a query it refuses is an *InputError naming a part of the
// "query" field. Seeds are the shapes of the API's search examples.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{
		`{"field":"email","operator":"=","value":"lin@example.com"}`,
		`{"field":"role","operator":"!=","value":null}`,
		`{"field":"created_at","operator":">","value":1577836800}`,
		`{"field":"open","operator":"=","value":true}`,
		`{"field":"state","operator":"IN","value":["open","snoozed"]}`,
		`{"field":"admin_assignee_id","operator":"NIN","value":[1,2,3]}`,
		`{"field":"name","operator":"~","value":"Lin"}`,
		`{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"},{"operator":"OR","value":[{"field":"email","operator":"$","value":"@example.com"},{"field":"created_at","operator":">=","value":1577836800}]}]}`,
		`{"operator":"OR","value":[]}`,
		`{"operator":"AND","value":[{"operator":"AND","value":[{"operator":"AND","value":[{"field":"a","operator":"=","value":1}]}]}]}`,
		`{"field":"x","operator":"IN","value":[1,"a"]}`,
		`{"field":"x","operator":"~","value":1.5}`,
		`{"field":"x","operator":"LIKE","value":"a"}`,
		`{"field":"x","operator":"=","value":"a","extra":1}`,
		`{"field":"x","operator":"=","value":"a"} {}`,
		`[]`, `null`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		q, err := ParseSearchQuery(data)
		if err != nil {
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			require.True(t, strings.HasPrefix(ie.Field, "query"))
			return
		}
		require.NoError(t, ValidateSearchQuery(q), "parsed query does not validate")
		req, err := BuildSearchRequest(q, &SearchOptions{PerPage: 10, StartingAfter: "c1"})
		require.NoError(t, err, "parsed query does not build")
		raw, err := json.Marshal(req.Query)
		require.NoError(t, err)
		back, err := ParseSearchQuery(raw)
		require.NoError(t, err)
		require.Equal(t, back, q)
	})
}
