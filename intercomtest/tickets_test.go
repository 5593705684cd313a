package intercomtest

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	_, err := fmt.Sscan(s, &n)
	require.NoError(t, err)
	return n
}

func TestTicketAttributeValues(t *testing.T) {
	s := newHarness(t)
	ttID := newTicketType(t, s)
	ct := s.AddContact(Contact{Email: "c@example.com"})
	create := func(attrs map[string]any) (int, map[string]any) {
		status, _, body := s.send("POST", "/tickets", map[string]any{"ticket_type_id": ttID,
			"contacts": []any{map[string]any{"id": ct.ID}}, "ticket_attributes": attrs})
		return status, body
	}
	for _, attrs := range []map[string]any{
		{"integer": 1.5},
		{"integer": "1"},
		{"decimal": "1.5"},
		{"boolean": "yes"},
		{"datetime": true},
		{"_default_title_": 5},
		{"colour": "red"},
	} {
		status, body := create(attrs)
		assert.Equal(t, 400, status, "%v: %d %v", attrs, status, body)
		assert.Equal(t, "parameter_invalid", errField(body, "code"), "%v: %d %v", attrs, status, body)
	}
	status, body := create(map[string]any{"integer": 2, "decimal": 1.5, "boolean": true, "datetime": 1700000000,
		"_default_title_": nil})
	require.Equal(t, 200, status, "good values: %d %v", status, body)
	got := body["ticket_attributes"].(map[string]any)
	assert.EqualValues(t, 2.0, got["integer"], "attributes %v", got)
	assert.EqualValues(t, 1.5, got["decimal"], "attributes %v", got)
	assert.Equal(t, true, got["boolean"], "attributes %v", got)
	assert.EqualValues(t, 1700000000.0, got["datetime"], "attributes %v", got)
	status, body = create(map[string]any{"datetime": "2024-01-01T00:00:00Z"})
	assert.Equal(t, 200, status, "datetime string: %v", body)
	assert.Equal(t, 2, s.Count("createTicket"), "created %d tickets", s.Count("createTicket"))
	s.clean()
}

func TestCreateTicketContacts(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	s := newHarness(t, WithClock(func() time.Time { return now }))
	ttID := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Q"})["id"].(string)
	ct := s.AddContact(Contact{Email: "known@example.com", ExternalID: "ext-9"})
	create := func(contacts []any, extra map[string]any) (int, map[string]any) {
		body := map[string]any{"ticket_type_id": ttID, "contacts": contacts}
		for k, v := range extra {
			body[k] = v
		}
		status, _, out := s.send("POST", "/tickets", body)
		return status, out
	}
	status, body := create([]any{map[string]any{"id": ct.ID}}, map[string]any{"ticket_type_id": "1"})
	assert.Equal(t, 404, status, "unknown type: %d %v", status, body)
	assert.Equal(t, "not_found", errField(body, "code"), "unknown type: %d %v", status, body)
	status, body = create([]any{}, nil)
	assert.Equal(t, 400, status, "no contacts: %d %v", status, body)
	assert.Equal(t, "parameter_invalid", errField(body, "code"), "no contacts: %d %v", status, body)
	status, body = create([]any{map[string]any{"id": "nope"}}, nil)
	assert.Equal(t, 404, status, "unknown contact id: %d %v", status, body)
	status, tk := create([]any{map[string]any{"external_id": "ext-9"}}, map[string]any{"created_at": 1600000000, "company_id": "co"})
	assert.Equal(t, 200, status, "by external id: %d %v", status, tk)
	assert.EqualValues(t, 1600000000.0, tk["created_at"], "by external id: %d %v", status, tk)
	assert.EqualValues(t, 1600000000.0, tk["updated_at"], "by external id: %d %v", status, tk)
	assert.Equal(t, ct.ID, tk["contacts"].(map[string]any)["contacts"].([]any)[0].(map[string]any)["id"], "by external id: %d %v", status, tk)
	assert.Equal(t, "1", tk["ticket_id"], "by external id: %d %v", status, tk)
	// An unknown email creates the contact.
	status, tk = create([]any{map[string]any{"email": "new@example.com"}}, nil)
	require.Equal(t, 200, status, "by new email: %d %v", status, tk)
	require.Equal(t, float64(now.Unix()), tk["created_at"], "by new email: %d %v", status, tk)
	require.Equal(t, "2", tk["ticket_id"], "by new email: %d %v", status, tk)
	newID := tk["contacts"].(map[string]any)["contacts"].([]any)[0].(map[string]any)["id"].(string)
	c := s.must(200, "GET", "/contacts/"+newID, nil)
	assert.Equal(t, "new@example.com", c["email"], "created contact %v", c)
	assert.Equal(t, "user", c["role"], "created contact %v", c)
	s.clean()
}

func TestUpdateTicket(t *testing.T) {
	s := newHarness(t)
	ttID := newTicketType(t, s)
	ct := s.AddContact(Contact{Email: "c@example.com"})
	team := s.AddTeam("Tier 2")
	grace := s.Admins()[1]
	tk := s.must(200, "POST", "/tickets", map[string]any{"ticket_type_id": ttID,
		"contacts": []any{map[string]any{"id": ct.ID}}})
	id := tk["id"].(string)
	path := "/tickets/" + id

	s.must(404, "PUT", "/tickets/1", map[string]any{"open": false})
	s.must(404, "PUT", path, assign(t, "1", "0"))
	// An unknown assignee changes nothing, not even the valid attributes.
	s.must(404, "PUT", path, with(setState(t, "in_progress"), with(assign(t, "", "1"), map[string]any{"ticket_attributes": map[string]any{"integer": 1}})))
	got := s.must(200, "GET", path, nil)
	assert.Equal(t, "submitted", stateOf(got), "failed update changed the ticket: %v", got)
	assert.EqualValues(t, 0.0, got["ticket_parts"].(map[string]any)["total_count"], "failed update changed the ticket: %v", got)
	assert.Equal(t, 0, len(got["ticket_attributes"].(map[string]any)), "failed update changed the ticket: %v", got)
	s.refused(400, "parameter_invalid", "PUT", path, map[string]any{"ticket_attributes": map[string]any{"integer": "x"}}, "bad attribute")

	tk = s.must(200, "PUT", path, with(assign(t, grace.ID, grace.ID), map[string]any{
		"ticket_attributes": map[string]any{"integer": 7},
		"is_shared":         true, "snoozed_until": 1800000000,
	}))
	assert.Equal(t, grace.ID, atStr(tk, "admin_assignee_id"), "update %v", tk)
	assert.Equal(t, true, tk["is_shared"], "update %v", tk)
	assert.EqualValues(t, 1800000000.0, tk["snoozed_until"], "update %v", tk)
	assert.EqualValues(t, 7.0, tk["ticket_attributes"].(map[string]any)["integer"], "update %v", tk)
	tk = s.must(200, "PUT", path, assign(t, "", team.ID))
	assert.Equal(t, team.ID, atStr(tk, "team_assignee_id"), "team assignment %v", tk)
	tk = s.must(200, "PUT", path, map[string]any{"open": false})
	assert.Equal(t, "resolved", stateOf(tk), "close %v", tk)
	assert.Equal(t, false, tk["open"], "close %v", tk)
	parts := tk["ticket_parts"].(map[string]any)["total_count"]
	tk = s.must(200, "PUT", path, map[string]any{"open": false}) // already resolved: no change
	assert.Equal(t, "resolved", stateOf(tk), "closing a resolved ticket changed it: %v", tk)
	assert.Equal(t, parts, tk["ticket_parts"].(map[string]any)["total_count"], "closing a resolved ticket changed it: %v", tk)
	tk = s.must(200, "PUT", path, map[string]any{"open": true})
	assert.Equal(t, "in_progress", stateOf(tk), "reopen %v", tk)
	assert.Equal(t, true, tk["open"], "reopen %v", tk)
	tk = s.must(200, "PUT", path, assign(t, "", "0"))
	_, ok := tk["admin_assignee_id"]
	assert.False(t, ok, "unassigned ticket %v", tk)
	_, ok = tk["team_assignee_id"]
	assert.False(t, ok, "unassigned ticket %v", tk)

	var summary []string
	for _, p := range tk["ticket_parts"].(map[string]any)["ticket_parts"].([]any) {
		p := p.(map[string]any)
		line := fmt.Sprint(p["part_type"], " by ", p["author"].(map[string]any)["id"])
		if a, ok := p["assigned_to"].(map[string]any); ok {
			line += fmt.Sprint(" to ", a["type"], " ", a["id"])
		}
		summary = append(summary, line)
	}
	me := s.Me().ID
	want := []string{
		"ticket_attribute_updated_by_admin by " + grace.ID,
		"assignment by " + grace.ID + " to admin " + grace.ID,
		"assignment by " + me + " to team " + team.ID,
		"ticket_state_updated_by_admin by " + me,
		"ticket_state_updated_by_admin by " + me,
		"assignment by " + me + " to nobody_admin ",
	}
	assert.Equal(t, fmt.Sprint(want), fmt.Sprint(summary), "parts\n%q\nwant\n%q", summary, want)
	s.clean()
}

func TestReplyTicket(t *testing.T) {
	s := newHarness(t)
	ttID := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Q"})["id"].(string)
	ct := s.AddContact(Contact{Email: "c@example.com", ExternalID: "u-1"})
	id := s.must(200, "POST", "/tickets", map[string]any{"ticket_type_id": ttID,
		"contacts": []any{map[string]any{"id": ct.ID}}})["id"].(string)
	path := "/tickets/" + id + "/reply"
	me := s.Me().ID
	s.refusals("POST", []refusal{
		{"/tickets/1/reply", map[string]any{"type": "admin", "admin_id": me, "message_type": "comment", "body": "x"}, 404, "not_found"},
		{path, map[string]any{"type": "admin", "admin_id": "1", "message_type": "comment", "body": "x"}, 404, "not_found"},
		{path, map[string]any{"type": "user", "user_id": "nobody", "message_type": "comment", "body": "x"}, 404, "not_found"},
		{path, map[string]any{"type": "admin", "admin_id": me, "message_type": "note", "body": " "}, 400, "parameter_not_found"},
	})
	// A quick reply needs no body.
	p := s.must(200, "POST", path, map[string]any{"type": "admin", "admin_id": me, "message_type": "quick_reply"})
	assert.Equal(t, "quick_reply", p["part_type"], "quick reply %v", p)
	assert.Nil(t, p["body"], "quick reply %v", p)
	p = s.must(200, "POST", path, map[string]any{"type": "user", "user_id": "u-1", "message_type": "comment", "body": "hi"})
	assert.Equal(t, ct.ID, p["author"].(map[string]any)["id"], "user reply %v", p)
	_, ok := p["ticket_state"]
	assert.False(t, ok, "a reply has no ticket_state: %v", p)
	assert.Equal(t, 2, s.Count("replyTicket"), "applied %d replies", s.Count("replyTicket"))
	s.clean()
}

func TestTicketSearchFields(t *testing.T) {
	s := newHarness(t)
	ttID := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Q", "category": "Tracker"})["id"].(string)
	s.must(200, "POST", "/ticket_types/"+ttID+"/attributes", map[string]any{"name": "env", "description": "d", "data_type": "string"})
	ct := s.AddContact(Contact{Email: "c@example.com"})
	mk := func(title, desc string) string {
		return s.must(200, "POST", "/tickets", map[string]any{"ticket_type_id": ttID,
			"contacts": []any{map[string]any{"id": ct.ID}}, "ticket_attributes": map[string]any{
				"_default_title_": title, "_default_description_": desc, "env": "prod"}})["id"].(string)
	}
	a, b := mk("Login broken", "Cannot sign in"), mk("Slow export", "Takes ages")
	grace := s.Admins()[1].ID
	team := s.AddTeam("T2").ID
	s.must(200, "PUT", "/tickets/"+a, with(with(setState(t, "in_progress"), assign(t, grace, grace)), map[string]any{"snoozed_until": 1800000000}))
	s.must(200, "PUT", "/tickets/"+b, assign(t, "", team))

	cases := []searchCase{
		{"id", "=", b, []string{b}},
		{"ticket_id", "=", "1", []string{a}},
		{"created_at", ">", 0, []string{a, b}},
		{"updated_at", "<", 0, nil},
		{"title", "~", "LOGIN", []string{a}},
		{"_default_title_", "$", "export", []string{b}},
		{"description", "^", "takes", []string{b}},
		{"_default_description_", "=", "Cannot sign in", []string{a}},
		{"category", "=", "Tracker", []string{a, b}},
		{"ticket_type_id", "=", ttID, []string{a, b}},
		{"contact_ids", "=", ct.ID, []string{a, b}},
		{"admin_assignee_id", "=", grace, []string{a}},
		{"team_assignee_id", "=", team, []string{b}},
		{"teammate_ids", "=", grace, []string{a}},
		{"open", "=", true, []string{a, b}},
		{"ticket_state", "!=", "submitted", []string{a}},
		{"snoozed_until", ">=", 1800000000, []string{a}},
		{"ticket_attributes.env", "=", "prod", []string{a, b}},
	}
	s.searches("/tickets/search", "tickets", cases)
	s.clean()
}

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
