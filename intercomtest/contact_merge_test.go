package intercomtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMergeMovesEverythingOfTheLead: after a merge the user has the lead's
// details it lacked, its tags, companies, notes, events, conversations,
// tickets and segments, and the lead is gone.
func TestMergeMovesEverythingOfTheLead(t *testing.T) {
	w := newHarness(t)
	const user, lead, co, tag = "6650c0de0000000000000011", "6650c0de0000000000000022", "6650c0ab0000000000000033", "7300001"
	_, err := w.Seed(Workspace{
		Tags:      []Tag{{ID: tag, Name: "t"}},
		Companies: []Company{{ID: co, Name: "Co"}},
		Contacts: []Contact{
			{ID: user, Email: "u@example.com", CustomAttributes: map[string]any{"tier": "gold"}},
			{ID: lead, Role: "lead", Name: "Lee", Phone: "+15550002222", TagIDs: []string{tag}, CompanyIDs: []string{co},
				CustomAttributes: map[string]any{"tier": "silver", "source": "fair"}},
		},
		Segments:      []Segment{{Name: "Fair", ContactIDs: []string{lead, user}}},
		TicketTypes:   []TicketType{{ID: "800", Name: "Q"}},
		Tickets:       []Ticket{{TicketTypeID: "800", ContactIDs: []string{lead}}},
		Conversations: []Conversation{{ContactIDs: []string{user, lead}, Body: "hi"}},
		Notes:         []Note{{ContactID: lead, Body: "met"}},
		Events:        []Event{{ContactID: lead, Name: "visited", Count: 2}, {ContactID: user, Name: "visited", Count: 1}},
	})
	require.NoError(t, err)
	merged := w.call("MergeContact", 200, "POST", "/contacts/merge", map[string]any{"from": lead, "into": user})
	w.eq("name taken", atStr(merged, "name"), "Lee")
	w.eq("email kept", atStr(merged, "email"), "u@example.com")
	w.eq("custom kept and added", at(merged, "custom_attributes"), map[string]any{"tier": "gold", "source": "fair"})
	w.eq("tags", ids(merged, "tags", "data"), []string{tag})
	w.eq("companies", ids(merged, "companies", "data"), []string{co})
	w.call("ShowContact", 404, "GET", "/contacts/"+lead, nil)
	snap := w.Snapshot()
	w.eq("conversation contacts", snap.Conversations[0].ContactIDs, []string{user})
	w.eq("ticket contacts", snap.Tickets[0].ContactIDs, []string{user})
	w.eq("segment members", snap.Segments[len(snap.Segments)-1].ContactIDs, []string{user})
	w.eq("note", snap.Notes[0].ContactID, user)
	require.Len(t, snap.Events, 1, "events %+v", snap.Events)
	assert.EqualValues(t, 3, snap.Events[0].Count, "events %+v", snap.Events)
	assert.Contains(t, ids(w.call("ListAttachedContacts", 200, "GET", "/companies/"+co+"/contacts", nil), "data"), user, "the company lists the user")
}
