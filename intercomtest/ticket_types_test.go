package intercomtest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketTypes(t *testing.T) {
	s := newHarness(t)
	s.refused(400, "parameter_invalid", "POST", "/ticket_types", map[string]any{"name": "  "}, "blank name")
	tt := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Bug", "is_internal": true})
	id := tt["id"].(string)
	attrs := tt["ticket_type_attributes"].(map[string]any)["ticket_type_attributes"].([]any)
	require.Equal(t, "Customer", tt["category"], "created %v", tt)
	require.Equal(t, "🎟️", tt["icon"], "created %v", tt)
	require.Len(t, attrs, 2, "created %v", tt)
	require.Equal(t, "_default_title_", attrs[0].(map[string]any)["name"], "created %v", tt)
	require.Equal(t, true, attrs[1].(map[string]any)["input_options"].(map[string]any)["multiline"], "created %v", tt)
	s.refused(400, "parameter_invalid", "POST", "/ticket_types", map[string]any{"name": "bug"}, "duplicate name")
	s.must(200, "POST", "/ticket_types", map[string]any{"name": "Ops", "category": "Back-office", "icon": "🛠"})
	list := s.must(200, "GET", "/ticket_types", nil)["data"].([]any)
	require.Len(t, list, 2, "list %v", list)
	assert.Equal(t, "Back-office", list[1].(map[string]any)["category"], "list %v", list)
	s.must(404, "GET", "/ticket_types/1", nil)
	s.must(404, "PUT", "/ticket_types/1", map[string]any{"name": "x"})
	tt = s.must(200, "PUT", "/ticket_types/"+id, map[string]any{
		"name": "Defect", "description": "Broken things", "icon": "🐞", "category": "Tracker",
		"archived": true, "is_internal": false,
	})
	assert.Equal(t, "Defect", tt["name"], "updated %v", tt)
	assert.Equal(t, "Broken things", tt["description"], "updated %v", tt)
	assert.Equal(t, "🐞", tt["icon"], "updated %v", tt)
	assert.Equal(t, "Tracker", tt["category"], "updated %v", tt)
	assert.Equal(t, true, tt["archived"], "updated %v", tt)
	got := s.must(200, "GET", "/ticket_types/"+id, nil)
	assert.Equal(t, "Defect", got["name"], "get %v", got)
	// An archived type takes no tickets.
	ct := s.AddContact(Contact{Email: "x@example.com"})
	s.refused(400, "parameter_invalid", "POST", "/tickets", map[string]any{"ticket_type_id": id,
		"contacts": []any{map[string]any{"id": ct.ID}}}, "archived type")
	s.clean()
}

func TestTicketTypeAttributes(t *testing.T) {
	s := newHarness(t)
	id := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Bug"})["id"].(string)
	path := "/ticket_types/" + id + "/attributes"
	s.must(404, "POST", "/ticket_types/1/attributes", map[string]any{"name": "x", "description": "d", "data_type": "string"})
	for _, tc := range []struct {
		body map[string]any
		code string
	}{
		{map[string]any{"name": " ", "description": "d", "data_type": "string"}, "parameter_invalid"},
		{map[string]any{"name": "_DEFAULT_TITLE_", "description": "d", "data_type": "string"}, "parameter_invalid"},
		{map[string]any{"name": "size", "description": "d", "data_type": "list"}, "parameter_not_found"},
	} {
		status, _, body := s.send("POST", path, tc.body)
		assert.Equal(t, 400, status, "%v: %d %v", tc.body, status, body)
		assert.Equal(t, tc.code, errField(body, "code"), "%v: %d %v", tc.body, status, body)
	}
	a := s.must(200, "POST", path, map[string]any{"name": "size", "description": "d", "data_type": "list",
		"list_items": "S, M,,L", "allow_multiple_values": true, "required_to_create": true, "visible_to_contacts": false})
	opts := a["input_options"].(map[string]any)
	assert.EqualValues(t, 2.0, a["order"], "created %v", a)
	assert.Equal(t, true, a["required_to_create"], "created %v", a)
	assert.Equal(t, false, a["visible_to_contacts"], "created %v", a)
	assert.Equal(t, true, opts["allow_multiple_values"], "created %v", a)
	assert.Equal(t, "[map[label:S] map[label:M] map[label:L]]", fmt.Sprint(opts["list_options"]), "created %v", a)
	assert.Equal(t, float64(mustAtoi(t, id)), a["ticket_type_id"], "created %v", a)
	aid := a["id"].(string)
	s.must(404, "PUT", "/ticket_types/1/attributes/"+aid, map[string]any{"name": "x"})
	s.must(404, "PUT", path+"/1", map[string]any{"name": "x"})
	a = s.must(200, "PUT", path+"/"+aid, map[string]any{"name": "sizes", "description": "which",
		"list_items": "XL", "archived": true, "multiline": true, "required_to_create": false})
	assert.Equal(t, "sizes", a["name"], "updated %v", a)
	assert.Equal(t, "which", a["description"], "updated %v", a)
	assert.Equal(t, true, a["archived"], "updated %v", a)
	assert.Equal(t, false, a["required_to_create"], "updated %v", a)
	assert.Equal(t, "[map[label:XL]]", fmt.Sprint(a["input_options"].(map[string]any)["list_options"]), "updated %v", a)
	// The type shows the attribute, archived.
	tt := s.must(200, "GET", "/ticket_types/"+id, nil)
	attrs := tt["ticket_type_attributes"].(map[string]any)["ticket_type_attributes"].([]any)
	require.Len(t, attrs, 3, "type attributes %v", attrs)
	assert.Equal(t, true, attrs[2].(map[string]any)["archived"], "type attributes %v", attrs)
	s.clean()
}

// newTicketType creates a ticket type with one attribute of each data type.
func newTicketType(t *testing.T, s *harness) string {
	t.Helper()
	id := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Everything"})["id"].(string)
	for _, dt := range []string{"integer", "decimal", "boolean", "datetime"} {
		s.must(200, "POST", "/ticket_types/"+id+"/attributes", map[string]any{
			"name": dt, "description": dt, "data_type": dt})
	}
	return id
}
