package facade

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
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
			if !errors.As(err, &ie) || !strings.HasPrefix(ie.Field, "query") {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		if err := ValidateSearchQuery(q); err != nil {
			t.Fatalf("parsed query does not validate: %v", err)
		}
		req, err := BuildSearchRequest(q, &SearchOptions{PerPage: 10, StartingAfter: "c1"})
		if err != nil {
			t.Fatalf("parsed query does not build: %v", err)
		}
		raw, err := json.Marshal(req.Query)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseSearchQuery(raw)
		if err != nil {
			t.Fatalf("built query %s does not parse: %v", raw, err)
		}
		if !reflect.DeepEqual(q, back) {
			t.Fatalf("round trip changed the query:\n%#v\n%#v", q, back)
		}
	})
}
