package intercomtest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCreateTagVariants(t *testing.T) {
	s := newHarness(t)
	s.refused(400, "parameter_invalid", "POST", "/tags", map[string]any{"name": "   "}, "blank name")
	id := s.must(200, "POST", "/tags", map[string]any{"name": "Beta"})["id"].(string)
	// The same name (any letter case) is the same tag.
	again := s.must(200, "POST", "/tags", map[string]any{"name": "beta"})
	assert.Equal(t, id, again["id"], "second create %v", again)
	// With an id, the tag is renamed.
	renamed := s.must(200, "POST", "/tags", map[string]any{"name": "Gamma", "id": id})
	assert.Equal(t, id, renamed["id"], "rename %v", renamed)
	assert.Equal(t, "Gamma", renamed["name"], "rename %v", renamed)
	got := s.must(200, "GET", "/tags/"+id, nil)
	assert.Equal(t, "Gamma", got["name"], "find %v", got)
	s.must(404, "POST", "/tags", map[string]any{"name": "x", "id": "1"})
	s.must(404, "GET", "/tags/1", nil)
	list := s.must(200, "GET", "/tags", nil)["data"].([]any)
	assert.Len(t, list, 1, "tags %v", list)
	s.clean()
}

func TestTagsOnTicketsAndConversations(t *testing.T) {
	now := time.Unix(1_700_000_000, 0)
	s := newHarness(t, WithClock(func() time.Time { return now }))
	me := s.Me().ID
	ct := s.AddContact(Contact{Email: "c@example.com"})
	ttID := s.must(200, "POST", "/ticket_types", map[string]any{"name": "Q"})["id"].(string)
	ticket := s.must(200, "POST", "/tickets", map[string]any{"ticket_type_id": ttID,
		"contacts": []any{map[string]any{"id": ct.ID}}})["id"].(string)
	conv := newConversation(t, s, ct.ID, "hello")
	tagID, other := s.AddTag("vip"), s.AddTag("other")

	for _, tc := range []struct{ base, missing string }{
		{"/tickets/" + ticket, "/tickets/1"},
		{"/conversations/" + conv, "/conversations/1"},
	} {
		base := tc.base
		s.must(404, "POST", tc.missing+"/tags", map[string]any{"id": tagID, "admin_id": me})
		s.must(404, "POST", base+"/tags", map[string]any{"id": tagID, "admin_id": "1"})
		s.must(404, "POST", base+"/tags", map[string]any{"id": "1", "admin_id": me})
		first := s.must(200, "POST", base+"/tags", map[string]any{"id": tagID, "admin_id": me})
		assert.Equal(t, float64(now.Unix()), first["applied_at"], "%s: applied %v", base, first)
		assert.Equal(t, me, first["applied_by"].(map[string]any)["id"], "%s: applied %v", base, first)
		// Tagging again keeps the first application.
		now = now.Add(time.Hour)
		again := s.must(200, "POST", base+"/tags", map[string]any{"id": tagID, "admin_id": s.Admins()[1].ID})
		assert.Equal(t, first["applied_at"], again["applied_at"], "%s: applied again %v", base, again)
		assert.Equal(t, me, again["applied_by"].(map[string]any)["id"], "%s: applied again %v", base, again)
		s.must(404, "DELETE", tc.missing+"/tags/"+tagID, map[string]any{"admin_id": me})
		s.must(404, "DELETE", base+"/tags/"+tagID, map[string]any{"admin_id": "1"})
		s.must(404, "DELETE", base+"/tags/1", map[string]any{"admin_id": me})
		s.must(404, "DELETE", base+"/tags/"+other, map[string]any{"admin_id": me})
	}
	cv := s.must(200, "GET", "/conversations/"+conv, nil)
	tags := cv["tags"].(map[string]any)["tags"].([]any)
	require.Len(t, tags, 1, "conversation tags %v", cv["tags"])
	assert.Equal(t, tagID, tags[0].(map[string]any)["id"], "conversation tags %v", cv["tags"])
	// Deleting the tag takes it off both.
	s.must(200, "DELETE", "/tags/"+tagID, nil)
	s.must(404, "DELETE", "/tags/"+tagID, nil)
	cv = s.must(200, "GET", "/conversations/"+conv, nil)
	tags = cv["tags"].(map[string]any)["tags"].([]any)
	assert.Len(t, tags, 0, "conversation tags after delete %v", tags)
	hits := s.must(200, "POST", "/conversations/search", map[string]any{"query": map[string]any{
		"field": "tag_ids", "operator": "=", "value": tagID}})
	assert.EqualValues(t, 0.0, hits["total_count"], "search after delete %v", hits)
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
