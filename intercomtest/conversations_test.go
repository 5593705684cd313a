package intercomtest

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newConversation starts a conversation from a contact and returns its id.
func newConversation(t *testing.T, s *harness, contactID, body string) string {
	t.Helper()
	return s.must(200, "POST", "/conversations", map[string]any{
		"from": map[string]any{"type": "user", "id": contactID}, "body": body,
	})["conversation_id"].(string)
}

func TestCreateAndListConversations(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	s := newHarness(t, WithClock(func() time.Time { return now }))
	ct := s.AddContact(Contact{Email: "lead@example.com", Role: "lead", Name: "Lee"})
	status, _, body := s.send("POST", "/conversations", map[string]any{
		"from": map[string]any{"type": "user", "id": "000000000000000000000000"}, "body": "hi"})
	assert.Equal(t, 404, status, "unknown contact: %d %v", status, body)
	assert.Equal(t, "not_found", errField(body, "code"), "unknown contact: %d %v", status, body)
	msg := s.must(200, "POST", "/conversations", map[string]any{
		"from": map[string]any{"type": "lead", "id": ct.ID}, "body": "old", "subject": "Re", "created_at": 1600000000,
	})
	assert.EqualValues(t, 1600000000.0, msg["created_at"], "message %v", msg)
	assert.Equal(t, "Re", msg["subject"], "message %v", msg)
	assert.Equal(t, "user_message", msg["type"], "message %v", msg)
	id := msg["conversation_id"].(string)
	cv := s.must(200, "GET", "/conversations/"+id, nil)
	src := cv["source"].(map[string]any)
	assert.EqualValues(t, 1600000000.0, cv["created_at"], "conversation %v", cv)
	assert.Equal(t, "lead", src["author"].(map[string]any)["type"], "conversation %v", cv)
	assert.Equal(t, "Re", src["subject"], "conversation %v", cv)
	s.must(404, "GET", "/conversations/1", nil)

	newConversation(t, s, ct.ID, "second")
	newConversation(t, s, ct.ID, "third")
	page := s.must(200, "GET", "/conversations?per_page=2", nil)
	list := page["conversations"].([]any)
	require.EqualValues(t, 3.0, page["total_count"], "page 1 %v", page)
	require.Len(t, list, 2, "page 1 %v", page)
	_, ok := list[0].(map[string]any)["conversation_parts"]
	assert.False(t, ok, "a listed conversation has parts")
	next := page["pages"].(map[string]any)["next"].(map[string]any)["starting_after"].(string)
	page = s.must(200, "GET", "/conversations?per_page=2&starting_after="+next, nil)
	list = page["conversations"].([]any)
	require.Len(t, list, 1, "page 2")
	assert.Equal(t, "third", at(list, 0, "source", "body"), "page 2")
	status, _, body = s.send("GET", "/conversations?starting_after=b2Zmc2V0Oi0x", nil) // "offset:-1"
	assert.Equal(t, 400, status, "negative cursor: %d %v", status, body)
	assert.Equal(t, "parameter_invalid", errField(body, "code"), "negative cursor: %d %v", status, body)
	s.clean()
}

func TestReplyConversationErrors(t *testing.T) {
	s := newHarness(t)
	ct := s.AddContact(Contact{Email: "c@example.com", ExternalID: "u-1"})
	id := newConversation(t, s, ct.ID, "hello")
	me := s.Me().ID
	s.refusals("POST", []refusal{
		{"/conversations/1/reply", map[string]any{"type": "admin", "admin_id": me, "message_type": "comment", "body": "x"}, 404, "not_found"},
		{"/conversations/" + id + "/reply", map[string]any{"type": "admin", "admin_id": "1", "message_type": "comment", "body": "x"}, 404, "not_found"},
		{"/conversations/" + id + "/reply", map[string]any{"type": "admin", "admin_id": me, "message_type": "comment"}, 400, "parameter_not_found"},
		{"/conversations/" + id + "/reply", map[string]any{"type": "user", "user_id": "nobody", "message_type": "comment", "body": "x"}, 404, "not_found"},
	})
	// A note leaves the conversation waiting and unread; a comment does not.
	cv := s.must(200, "POST", "/conversations/"+id+"/reply", map[string]any{
		"type": "admin", "admin_id": me, "message_type": "note", "body": "internal"})
	require.NotNil(t, cv["waiting_since"], "after note %v", cv)
	assert.Equal(t, false, cv["read"], "after note %v", cv)
	cv = s.must(200, "POST", "/conversations/"+id+"/reply", map[string]any{
		"type": "admin", "admin_id": me, "message_type": "comment", "body": "hi"})
	assert.Nil(t, cv["waiting_since"], "after comment %v", cv)
	assert.Equal(t, true, cv["read"], "after comment %v", cv)
	cv = s.must(200, "POST", "/conversations/"+id+"/reply", map[string]any{
		"type": "user", "user_id": "u-1", "message_type": "comment", "body": "thanks"})
	require.NotNil(t, cv["waiting_since"], "after user reply %v", cv)
	assert.Equal(t, false, cv["read"], "after user reply %v", cv)
	s.clean()
}

func TestManageConversation(t *testing.T) {
	s := newHarness(t)
	ct := s.AddContact(Contact{Email: "c@example.com"})
	id := newConversation(t, s, ct.ID, "hello")
	path := "/conversations/" + id + "/parts"
	me := s.Me().ID
	grace := s.Admins()[1].ID
	team := s.AddTeam("Tier 2").ID
	otherTeam := s.AddTeam("Nobody's").ID

	s.must(404, "POST", "/conversations/1/parts", map[string]any{"message_type": "open", "admin_id": me})
	s.must(404, "POST", path, map[string]any{"message_type": "open", "admin_id": "1"})
	for _, tc := range []struct {
		typ, assignee string
	}{{"team", "1"}, {"admin", "1"}, {"admin", ""}} {
		status, _, body := s.send("POST", path, map[string]any{"message_type": "assignment", "type": tc.typ,
			"admin_id": me, "assignee_id": tc.assignee})
		assert.Equal(t, 404, status, "assign %v: %d %v", tc, status, body)
		assert.Equal(t, "not_found", errField(body, "code"), "assign %v: %d %v", tc, status, body)
	}

	cv := s.must(200, "POST", path, map[string]any{"message_type": "snoozed", "admin_id": me, "snoozed_until": 1800000000})
	assert.Equal(t, "snoozed", cv["state"], "snoozed %v", cv)
	assert.EqualValues(t, 1800000000.0, cv["snoozed_until"], "snoozed %v", cv)
	assert.Equal(t, true, cv["open"], "snoozed %v", cv)
	cv = s.must(200, "POST", path, map[string]any{"message_type": "open", "admin_id": me})
	assert.Equal(t, "open", cv["state"], "opened %v", cv)
	assert.Nil(t, cv["snoozed_until"], "opened %v", cv)
	cv = s.must(200, "POST", path, map[string]any{"message_type": "assignment", "type": "admin",
		"admin_id": me, "assignee_id": grace, "body": "yours"})
	assert.Equal(t, float64(mustAtoi(t, grace)), cv["admin_assignee_id"], "assigned to admin %v", cv)
	cv = s.must(200, "POST", path, map[string]any{"message_type": "assignment", "type": "team",
		"admin_id": me, "assignee_id": team})
	assert.Equal(t, float64(mustAtoi(t, team)), cv["team_assignee_id"], "assigned to team %v", cv)
	// A team id is recognised without type team.
	cv = s.must(200, "POST", path, map[string]any{"message_type": "assignment", "type": "admin",
		"admin_id": me, "assignee_id": otherTeam})
	assert.Equal(t, float64(mustAtoi(t, otherTeam)), cv["team_assignee_id"], "assigned to other team %v", cv)
	cv = s.must(200, "POST", path, map[string]any{"message_type": "assignment", "type": "admin",
		"admin_id": me, "assignee_id": "0"})
	assert.Nil(t, cv["admin_assignee_id"], "unassigned %v", cv)
	assert.Nil(t, cv["team_assignee_id"], "unassigned %v", cv)
	var summary []string
	for _, p := range cv["conversation_parts"].(map[string]any)["conversation_parts"].([]any) {
		p := p.(map[string]any)
		line := fmt.Sprint(p["part_type"])
		if a, ok := p["assigned_to"].(map[string]any); ok {
			line += fmt.Sprint(" to ", a["type"])
		}
		summary = append(summary, line)
	}
	want := "[snoozed open assignment to admin assignment to team assignment to team assignment to nobody_admin]"
	assert.Equal(t, want, fmt.Sprint(summary), "parts")
	s.clean()
}

func TestConversationSearchFields(t *testing.T) {
	s := newHarness(t)
	ann := s.AddContact(Contact{Email: "ann@example.com", Name: "Ann"})
	bob := s.AddContact(Contact{Email: "bob@example.com", Name: "Bob"})
	a := s.must(200, "POST", "/conversations", map[string]any{
		"from": map[string]any{"type": "user", "id": ann.ID}, "body": "Invoice missing", "subject": "Billing"})["conversation_id"].(string)
	b := newConversation(t, s, bob.ID, "App crashes")
	me := s.Me().ID
	team := s.AddTeam("T2").ID
	tagID := s.AddTag("vip")
	s.must(200, "POST", "/conversations/"+a+"/parts", map[string]any{"message_type": "assignment", "type": "admin",
		"admin_id": me, "assignee_id": me})
	s.must(200, "POST", "/conversations/"+a+"/reply", map[string]any{"type": "admin", "admin_id": me,
		"message_type": "comment", "body": "On it"})
	s.must(200, "POST", "/conversations/"+a+"/tags", map[string]any{"id": tagID, "admin_id": me})
	s.must(200, "POST", "/conversations/"+b+"/parts", map[string]any{"message_type": "assignment", "type": "team",
		"admin_id": me, "assignee_id": team})
	s.must(200, "POST", "/conversations/"+b+"/parts", map[string]any{"message_type": "snoozed", "admin_id": me,
		"snoozed_until": 1800000000})

	cases := []searchCase{
		{"id", "=", b, []string{b}},
		{"created_at", ">", 0, []string{a, b}},
		{"updated_at", "<", 0, nil},
		{"title", "=", nil, []string{a, b}},
		{"source.subject", "=", "Billing", []string{a}},
		{"source.body", "~", "crash", []string{b}},
		{"source.author.id", "=", bob.ID, []string{b}},
		{"source.author.email", "$", "ann@example.com", []string{a}},
		{"source.author.name", "^", "bo", []string{b}},
		{"source.delivered_as", "=", "customer_initiated", []string{a, b}},
		{"admin_assignee_id", "=", me, []string{a}},
		{"team_assignee_id", "=", team, []string{b}},
		{"teammate_ids", "IN", []any{me}, []string{a, b}},
		{"open", "=", true, []string{a, b}},
		{"state", "=", "snoozed", []string{b}},
		{"read", "=", true, []string{a}},
		{"priority", "=", "not_priority", []string{a, b}},
		{"tag_ids", "=", tagID, []string{a}},
		{"waiting_since", "=", nil, []string{a}},
		{"snoozed_until", ">", 0, []string{b}},
	}
	s.searches("/conversations/search", "conversations", cases)
	s.clean()
}
