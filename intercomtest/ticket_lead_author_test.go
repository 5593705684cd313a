package intercomtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLeadRepliesToTicket checks that a lead's reply on a ticket is shown
// with the author type 2.11 allows for ticket parts (a user), in the reply,
// the ticket and a search, and that every answer fits the description.
func TestLeadRepliesToTicket(t *testing.T) {
	s := newHarness(t)
	lead := s.must(200, "POST", "/contacts", map[string]any{"role": "lead", "name": "Lin"})
	tt := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Bug"})
	ticket := s.must(200, "POST", "/tickets", map[string]any{
		"ticket_type_id": tt["id"], "contacts": []any{map[string]any{"id": lead["id"]}},
		"ticket_attributes": map[string]any{"_default_title_": "Export fails"},
	})
	reply := s.must(200, "POST", "/tickets/"+ticket["id"].(string)+"/reply", map[string]any{
		"message_type": "comment", "type": "user", "intercom_user_id": lead["id"], "body": "Thanks!",
	})
	a := reply["author"].(map[string]any)
	assert.Equal(t, "user", a["type"], "the lead's reply has the author %v, want type user and the lead's id", a)
	assert.Equal(t, lead["id"], a["id"], "the lead's reply has the author %v, want type user and the lead's id", a)
	got := s.must(200, "GET", "/tickets/"+ticket["id"].(string), nil)
	parts := got["ticket_parts"].(map[string]any)["ticket_parts"].([]any)
	last := parts[len(parts)-1].(map[string]any)["author"].(map[string]any)
	assert.Equal(t, "user", last["type"], "the ticket shows the lead's part by %v", last)
	s.must(200, "POST", "/tickets/search", map[string]any{
		"query": map[string]any{"field": "contact_ids", "operator": "=", "value": lead["id"]},
	})
	s.clean()
}
