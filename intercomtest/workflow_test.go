package intercomtest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketWorkflow(t *testing.T) {
	s := newHarness(t)
	me := s.must(200, "GET", "/me", nil)
	adminID := me["id"].(string)
	require.Equal(t, s.Me().ID, adminID, "/me is %v, Me() is %v", adminID, s.Me())
	ct := s.AddContact(Contact{Email: "lin@example.com", Name: "Lin"})

	tt := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Bug", "category": "Customer"})
	ttID := tt["id"].(string)
	s.must(200, "POST", "/ticket_types/"+ttID+"/attributes", map[string]any{
		"name": "severity", "description": "How bad", "data_type": "list", "list_items": "low,high", "required_to_create": true,
	})
	// The required attribute is enforced.
	status, _, body := s.send("POST", "/tickets", map[string]any{
		"ticket_type_id": ttID, "contacts": []any{map[string]any{"id": ct.ID}},
	})
	require.Equal(t, 400, status, "create without required attribute: %d %v", status, body)
	require.Equal(t, "parameter_not_found", errField(body, "code"), "create without required attribute: %d %v", status, body)
	tk := s.must(200, "POST", "/tickets", map[string]any{
		"ticket_type_id": ttID, "contacts": []any{map[string]any{"email": "lin@example.com"}},
		"ticket_attributes": map[string]any{"_default_title_": "Export fails", "severity": "high"},
	})
	id := tk["id"].(string)
	require.Equal(t, "submitted", stateOf(tk), "new ticket: %v", tk)
	require.Equal(t, true, tk["open"], "new ticket: %v", tk)

	reply := s.must(200, "POST", "/tickets/"+id+"/reply", map[string]any{
		"type": "admin", "admin_id": adminID, "message_type": "comment", "body": "Looking into it",
	})
	a := reply["author"].(map[string]any)
	assert.Equal(t, "admin", a["type"], "admin reply author %v", a)
	assert.Equal(t, adminID, a["id"], "admin reply author %v", a)
	reply = s.must(200, "POST", "/tickets/"+id+"/reply", map[string]any{
		"type": "user", "intercom_user_id": ct.ID, "message_type": "comment", "body": "Thanks",
	})
	a = reply["author"].(map[string]any)
	assert.Equal(t, "user", a["type"], "contact reply author %v", a)
	assert.Equal(t, ct.ID, a["id"], "contact reply author %v", a)
	s.must(200, "POST", "/tickets/"+id+"/reply", map[string]any{
		"type": "admin", "admin_id": adminID, "message_type": "note", "body": "internal",
	})
	for _, st := range []string{"in_progress", "waiting_on_customer", "resolved"} {
		tk = s.must(200, "PUT", "/tickets/"+id, setState(t, st))
		require.Equal(t, st, stateOf(tk), "state of %v", tk["ticket_state"])
	}
	assert.Equal(t, false, tk["open"], "resolved ticket is open")
	tagID := s.must(200, "POST", "/tags", map[string]any{"name": "urgent"})["id"].(string)
	tag := s.must(200, "POST", "/tickets/"+id+"/tags", map[string]any{"id": tagID, "admin_id": adminID})
	assert.Equal(t, "urgent", tag["name"], "tag %v", tag)
	assert.Equal(t, adminID, tag["applied_by"].(map[string]any)["id"], "tag %v", tag)
	hits := s.must(200, "POST", "/tickets/search", map[string]any{"query": map[string]any{
		"operator": "AND", "value": []any{
			map[string]any{"field": "contact_ids", "operator": "=", "value": ct.ID},
			map[string]any{"field": "title", "operator": "~", "value": "export"},
			map[string]any{"field": "state", "operator": "IN", "value": []any{"resolved", "in_progress"}},
		}}})
	assert.EqualValues(t, 1.0, hits["total_count"], "search: %v", hits)
	s.must(200, "DELETE", "/tickets/"+id+"/tags/"+tagID, map[string]any{"admin_id": adminID})
	s.must(404, "DELETE", "/tickets/"+id+"/tags/"+tagID, map[string]any{"admin_id": adminID})
	hits = s.must(200, "POST", "/tickets/search", map[string]any{"query": map[string]any{
		"field": "open", "operator": "=", "value": true}})
	assert.EqualValues(t, 0.0, hits["total_count"], "resolved ticket found as open: %v", hits)

	got := s.must(200, "GET", "/tickets/"+id, nil)
	parts := got["ticket_parts"].(map[string]any)["ticket_parts"].([]any)
	var summary []string
	for _, p := range parts {
		p := p.(map[string]any)
		a := p["author"].(map[string]any)
		line := fmt.Sprintf("%s by %s", p["part_type"], a["type"])
		if prev, ok := p["previous_ticket_state"]; ok {
			line += fmt.Sprintf(" %s->%s", prev, p["ticket_state"])
		}
		summary = append(summary, line)
	}
	want := []string{
		"comment by admin", "comment by user", "note by admin",
		"ticket_state_updated_by_admin by admin submitted->in_progress",
		"ticket_state_updated_by_admin by admin in_progress->waiting_on_customer",
		"ticket_state_updated_by_admin by admin waiting_on_customer->resolved",
	}
	assert.Equal(t, fmt.Sprint(want), fmt.Sprint(summary), "parts:\n%q\nwant\n%q", summary, want)
	assert.Equal(t, 3, s.Count("replyTicket"), "counts reply %d update %d create %d", s.Count("replyTicket"), s.Count("updateTicket"), s.Count("createTicket"))
	assert.Equal(t, 3, s.Count("updateTicket"), "counts reply %d update %d create %d", s.Count("replyTicket"), s.Count("updateTicket"), s.Count("createTicket"))
	assert.Equal(t, 1, s.Count("createTicket"), "counts reply %d update %d create %d", s.Count("replyTicket"), s.Count("updateTicket"), s.Count("createTicket"))
	s.clean()
}

func TestConversationWorkflow(t *testing.T) {
	s := newHarness(t)
	me := s.Me()
	ct := s.AddContact(Contact{Email: "kim@example.com", Name: "Kim"})
	msg := s.must(200, "POST", "/conversations", map[string]any{
		"from": map[string]any{"type": "user", "id": ct.ID}, "body": "Hello?",
	})
	id := msg["conversation_id"].(string)
	s.must(200, "POST", "/conversations/"+id+"/reply", map[string]any{
		"type": "admin", "admin_id": me.ID, "message_type": "comment", "body": "Hi Kim",
	})
	cv := s.must(200, "POST", "/conversations/"+id+"/parts", map[string]any{
		"type": "admin", "admin_id": me.ID, "message_type": "close", "body": "Bye",
	})
	require.Equal(t, "closed", cv["state"], "closed conversation: %v", cv)
	require.Equal(t, false, cv["open"], "closed conversation: %v", cv)
	// A contact's reply reopens it.
	cv = s.must(200, "POST", "/conversations/"+id+"/reply", map[string]any{
		"type": "user", "email": "kim@example.com", "message_type": "comment", "body": "One more thing",
	})
	assert.Equal(t, "open", cv["state"], "state after contact reply: %v", cv["state"])
	parts := cv["conversation_parts"].(map[string]any)["conversation_parts"].([]any)
	require.Len(t, parts, 3, "parts %v", parts)
	assert.Equal(t, "user", parts[2].(map[string]any)["author"].(map[string]any)["type"], "parts %v", parts)
	tagID := s.AddTag("vip")
	s.must(200, "POST", "/conversations/"+id+"/tags", map[string]any{"id": tagID, "admin_id": me.ID})
	hits := s.must(200, "POST", "/conversations/search", map[string]any{"query": map[string]any{
		"operator": "OR", "value": []any{
			map[string]any{"field": "contact_ids", "operator": "=", "value": ct.ID},
			map[string]any{"field": "title", "operator": "~", "value": "export"},
			map[string]any{"field": "source.body", "operator": "~", "value": "nothing like this"},
		}}})
	assert.EqualValues(t, 1.0, hits["total_count"], "search: %v", hits)
	s.clean()
}

func TestContactSearchAndPagination(t *testing.T) {
	s := newHarness(t)
	for i := range 7 {
		role := "user"
		if i%2 == 1 {
			role = "lead"
		}
		s.AddContact(Contact{Email: fmt.Sprintf("c%d@example.com", i), Role: role})
	}
	// List with cursor pagination: 3 + 3 + 1.
	var seen []string
	path := "/contacts?per_page=3"
	for pages := 0; path != ""; pages++ {
		require.False(t, pages > 5, "pagination does not end")
		page := s.must(200, "GET", path, nil)
		for _, c := range page["data"].([]any) {
			seen = append(seen, c.(map[string]any)["email"].(string))
		}
		assert.EqualValues(t, 7.0, page["total_count"], "total_count %v", page["total_count"])
		path = ""
		if next, ok := page["pages"].(map[string]any)["next"].(map[string]any); ok {
			path = "/contacts?per_page=3&starting_after=" + next["starting_after"].(string)
		}
	}
	require.Len(t, seen, 7, "listed %v", seen)
	assert.Equal(t, "c0@example.com", seen[0], "listed %v", seen)
	assert.Equal(t, "c6@example.com", seen[6], "listed %v", seen)

	// Search with pagination.
	q := map[string]any{"operator": "AND", "value": []any{
		map[string]any{"field": "role", "operator": "=", "value": "user"},
		map[string]any{"field": "email", "operator": "!=", "value": "c2@example.com"},
	}}
	page := s.must(200, "POST", "/contacts/search", map[string]any{"query": q, "pagination": map[string]any{"per_page": 2}})
	require.EqualValues(t, 3.0, page["total_count"], "first page %v", page)
	require.Equal(t, 2, len(page["data"].([]any)), "first page %v", page)
	next := page["pages"].(map[string]any)["next"].(map[string]any)["starting_after"]
	page = s.must(200, "POST", "/contacts/search", map[string]any{"query": q,
		"pagination": map[string]any{"per_page": 2, "starting_after": next}})
	data := page["data"].([]any)
	require.Len(t, data, 1, "second page %v", data)
	assert.Equal(t, "c6@example.com", data[0].(map[string]any)["email"], "second page %v", data)
	_, more := page["pages"].(map[string]any)["next"]
	assert.False(t, more, "last page has a next cursor")
	// Substring and an unknown field.
	page = s.must(200, "POST", "/contacts/search", map[string]any{"query": map[string]any{
		"field": "email", "operator": "~", "value": "C5@"}})
	assert.EqualValues(t, 1.0, page["total_count"], "~ search: %v", page)
	status, _, body := s.send("POST", "/contacts/search", map[string]any{"query": map[string]any{
		"field": "shoe_size", "operator": "=", "value": "9"}})
	assert.Equal(t, 400, status, "unknown field: %d %v", status, body)
	// A made-up cursor.
	status, _, _ = s.send("GET", "/contacts?starting_after=bogus", nil)
	assert.Equal(t, 400, status, "bogus cursor: %d", status)
	s.clean()
}

func TestTagContactAndCompanies(t *testing.T) {
	s := newHarness(t)
	ct := s.must(200, "POST", "/contacts", map[string]any{"email": "a@example.com", "name": "A"})
	id := ct["id"].(string)
	status, _, _ := s.send("POST", "/contacts", map[string]any{"email": "a@example.com"})
	assert.Equal(t, 409, status, "duplicate contact: %d", status)
	tagID := s.must(200, "POST", "/tags", map[string]any{"name": "beta"})["id"].(string)
	s.must(200, "POST", "/contacts/"+id+"/tags", map[string]any{"id": tagID})
	ct = s.must(200, "GET", "/contacts/"+id, nil)
	assert.EqualValues(t, 1.0, ct["tags"].(map[string]any)["total_count"], "contact tags %v", ct["tags"])
	s.must(200, "DELETE", "/contacts/"+id+"/tags/"+tagID, nil)
	co := s.must(200, "POST", "/companies", map[string]any{"company_id": "acme", "name": "Acme"})
	s.must(200, "POST", "/contacts/"+id+"/companies", map[string]any{"id": co["id"]})
	co = s.must(200, "GET", "/companies/"+co["id"].(string), nil)
	assert.EqualValues(t, 1.0, co["user_count"], "company %v", co)
	assert.Equal(t, "Acme", co["name"], "company %v", co)
	s.must(200, "DELETE", "/contacts/"+id, nil)
	s.must(404, "GET", "/contacts/"+id, nil)
	s.clean()
}
