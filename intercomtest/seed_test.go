package intercomtest

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSeedFromJSON seeds a whole workspace from the JSON seed file and reads
// it through the API and back with Snapshot.
func TestSeedFromJSON(t *testing.T) {
	raw, err := os.ReadFile("testdata/seed.json")
	require.NoError(t, err)
	var in Workspace
	require.NoError(t, json.Unmarshal(raw, &in))
	w := newHarness(t)
	got, err := w.Seed(in)
	require.NoError(t, err)
	const lin, sam, acme = "6650c0de00000000000000c1", "6650c0de00000000000000c2", "6650c0ab00000000000000a1"
	w.eq("ids kept", got.Contacts[0].ID, lin)
	w.idLike("segment", got.Segments[0].ID, numeric)

	w.has("team admins", ids(map[string]any{"l": toObjs(at(w.call("retrieveTeam", 200, "GET", "/teams/8200001", nil), "admin_ids"))}, "l"), "9200001")
	w.has("company contacts", ids(w.call("ListAttachedContacts", 200, "GET", "/companies/"+acme+"/contacts", nil), "data"), lin)
	w.has("contact companies", ids(w.call("listCompaniesForAContact", 200, "GET", "/contacts/"+lin+"/companies", nil), "data"), acme)
	co := w.call("RetrieveACompanyById", 200, "GET", "/companies/"+acme, nil)
	w.eq("company tags", ids(co, "tags", "tags"), []string{"7200001"})
	w.eq("company segments", ids(co, "segments", "segments"), []string{got.Segments[0].ID})
	w.eq("company plan", atStr(co, "plan", "name"), "Enterprise")
	w.has("company segment list", ids(w.call("ListAttachedSegmentsForCompanies", 200, "GET", "/companies/"+acme+"/segments", nil), "data"), got.Segments[0].ID)
	w.has("contact segments", ids(w.call("listSegmentsForAContact", 200, "GET", "/contacts/"+lin+"/segments", nil), "data"), got.Segments[0].ID)
	samJSON := w.call("ShowContact", 200, "GET", "/contacts/"+sam, nil)
	w.eq("opted out", ids(samJSON, "opted_out_subscription_types", "data"), []string{"37001"})
	w.eq("subscriptions", ids(w.call("listSubscriptionsForAContact", 200, "GET", "/contacts/"+sam+"/subscriptions", nil), "data"), []string{"37001"})
	tk := w.call("getTicket", 200, "GET", "/tickets/"+got.Tickets[0].ID, nil)
	w.eq("ticket state", stateOf(tk), "in_progress")
	w.eq("ticket part author", atStr(tk, "ticket_parts", "ticket_parts", 0, "author", "id"), lin)
	cv := w.call("retrieveConversation", 200, "GET", "/conversations/"+got.Conversations[0].ID, nil)
	w.eq("conversation assignee", atStr(cv, "admin_assignee_id"), "9200001")
	w.eq("conversation part", atStr(cv, "conversation_parts", "conversation_parts", 0, "body"), "Sent it again")
	w.eq("admin-initiated", atStr(w.call("retrieveConversation", 200, "GET", "/conversations/"+got.Conversations[1].ID, nil), "source", "delivered_as"), "admin_initiated")
	w.eq("article in collection", atStr(w.call("retrieveArticle", 200, "GET", "/articles/"+got.Articles[0].ID, nil), "parent_id"), "1800001")
	w.has("live news", ids(w.call("listLiveNewsfeedItems", 200, "GET", "/news/newsfeeds/3200/items", nil), "data"), got.NewsItems[0].ID)
	w.eq("note", atStr(w.call("listNotes", 200, "GET", "/contacts/"+lin+"/notes", nil), "data", 0, "body"), "Prefers email")
	w.eq("events", at(w.call("lisDataEvents", 200, "GET", "/events?type=user&user_id=lin-1", nil), "events", 0, "count"), 3.0)
	w.eq("visitor", atStr(w.call("retrieveVisitorWithUserId", 200, "GET", "/visitors?user_id=visitor-1", nil), "name"), "Anon")
	w.has("help centers", ids(w.call("listHelpCenters", 200, "GET", "/help_center/help_centers", nil), "data"), got.HelpCenters[0].ID)

	snap := w.Snapshot()
	require.Equal(t, map[string]int{"Admins": 3, "Articles": 1, "Collections": 1, "Companies": 1, "Contacts": 2,
		"Conversations": 2, "DataAttributes": 19, "Events": 1, "HelpCenters": 2, "NewsItems": 1, "Newsfeeds": 2,
		"Notes": 1, "Segments": 3, "SubscriptionTypes": 3, "Tags": 1, "Teams": 2, "TicketTypes": 1, "Tickets": 1,
		"Visitors": 1}, sizes(snap), "snapshot %+v", snap)
	w.eq("snapshot ticket tags", snap.Tickets[0].TagIDs, []string{"7200001"})
	w.eq("snapshot conversation admin", snap.Conversations[1].AdminID, "9200001")
	w.eq("snapshot article collection", snap.Articles[0].CollectionID, "1800001")
	w.eq("snapshot news feeds", snap.NewsItems[len(snap.NewsItems)-1].NewsfeedIDs, []string{"3200"})
	_, err = json.Marshal(snap)
	assert.NoError(t, err)
}

// TestSeedRefusesBadReferences names the item a seed refers wrongly from.
func TestSeedRefusesBadReferences(t *testing.T) {
	s := newHarness(t)
	c := s.AddContact(Contact{Email: "a@example.com"})
	for _, tc := range []struct {
		w    Workspace
		want string
	}{
		{Workspace{Teams: []Team{{}}}, "team 0: name is required"},
		{Workspace{Teams: []Team{{Name: "x", AdminIDs: []string{"1"}}}}, `team 0: no admin with id "1"`},
		{Workspace{Admins: []Admin{{Name: "x"}}}, "admin 0: name and email"},
		{Workspace{Admins: []Admin{{ID: s.Me().ID, Name: "x", Email: "x@example.com"}}}, "already in the workspace"},
		{Workspace{Tags: []Tag{{}}}, "tag 0: name"},
		{Workspace{Companies: []Company{{}}}, "company 0: name or company_id"},
		{Workspace{Companies: []Company{{Name: "x", TagIDs: []string{"1"}}}}, `company 0: no tag with id "1"`},
		{Workspace{Contacts: []Contact{{Role: "admin"}}}, "contact 0: role must be user or lead"},
		{Workspace{Contacts: []Contact{{Email: "nope"}}}, `"nope" is not an email address`},
		{Workspace{Contacts: []Contact{{CompanyIDs: []string{"1"}}}}, `contact 0: no company with id "1"`},
		{Workspace{Contacts: []Contact{{TagIDs: []string{"1"}}}}, `contact 0: no tag with id "1"`},
		{Workspace{Contacts: []Contact{{Subscriptions: map[string]string{"1": "maybe"}}}}, "opt_in or opt_out"},
		{Workspace{Contacts: []Contact{{Subscriptions: map[string]string{"1": "opt_in"}}}}, `contact 0: no subscription type with id "1"`},
		{Workspace{Contacts: []Contact{{ID: c.ID}}}, "already in the workspace"},
		{Workspace{Segments: []Segment{{}}}, "segment 0: name"},
		{Workspace{Segments: []Segment{{Name: "x", PersonType: "lead"}}}, `segment 0: person_type must be one of user, contact, got "lead"`},
		{Workspace{SubscriptionTypes: []SubscriptionType{{Name: "x", ConsentType: "opt_in", ContentTypes: []string{"fax"}}}}, `subscription type 0: a content type must be one of email, sms_message, got "fax"`},
		{Workspace{Articles: []Article{{Title: "x", State: "live"}}}, `article 0: state must be one of draft, published, got "live"`},
		{Workspace{NewsItems: []NewsItem{{Title: "x", State: "published"}}}, `news item 0: state must be one of draft, live, got "published"`},
		{Workspace{Segments: []Segment{{Name: "x", ContactIDs: []string{"1"}}}}, `no contact with id "1"`},
		{Workspace{Segments: []Segment{{Name: "x", CompanyIDs: []string{"1"}}}}, `no company with id "1"`},
		{Workspace{SubscriptionTypes: []SubscriptionType{{}}}, "subscription type 0: name"},
		{Workspace{SubscriptionTypes: []SubscriptionType{{Name: "x", ConsentType: "maybe"}}}, "consent_type"},
		{Workspace{DataAttributes: []DataAttribute{{Name: "x"}}}, "data attribute 0"},
		{Workspace{DataAttributes: []DataAttribute{{Name: "x", Model: "contact", DataType: "colour"}}}, "data_type (string, integer, float, boolean, datetime, date)"},
		{Workspace{DataAttributes: []DataAttribute{{Name: "Email", Model: "contact", DataType: "string"}}}, `the contact model already has an attribute named "Email"`},
		{Workspace{TicketTypes: []TicketType{{}}}, "ticket type 0: name"},
		{Workspace{TicketTypes: []TicketType{{Name: "x", Attributes: []TicketTypeAttribute{{}}}}}, "needs a name and a data_type"},
		{Workspace{TicketTypes: []TicketType{{Name: "x", Attributes: []TicketTypeAttribute{{Name: "a", DataType: "colour"}}}}}, "needs a name and a data_type (string, list"},
		{Workspace{TicketTypes: []TicketType{{Name: "x", Category: "Sales"}}}, `category must be one of Customer, Back-office, Tracker, got "Sales"`},
		{Workspace{Messages: []Message{{ID: "1"}}}, "read back only"},
		{Workspace{PhoneCallRedirects: []PhoneCallRedirect{{Phone: "+1"}}}, "read back only"},
		{Workspace{DataExports: []DataExport{{JobIdentifier: "1"}}}, "read back only"},
		{Workspace{Tickets: []Ticket{{TicketTypeID: "1"}}}, `ticket 0: no ticket type with id "1"`},
		{Workspace{Conversations: []Conversation{{}}}, "conversation 0: a contact is required"},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{"1"}}}}, `conversation 0: no contact with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, AdminAssigneeID: "1"}}}, `no admin with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, TeamAssigneeID: "1"}}}, `no team with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, TagIDs: []string{"1"}}}}, `no tag with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, State: "gone"}}}, "state must be"},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, AdminID: "1"}}}, `no admin with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, Parts: []Part{{AuthorType: "admin", AuthorID: "1"}}}}}, `no admin with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, Parts: []Part{{AuthorType: "user", AuthorID: "1"}}}}}, `no contact with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, Parts: []Part{{AuthorType: "bot"}}}}}, "author_type"},
		{Workspace{HelpCenters: []HelpCenter{{}}}, "help center 0: identifier"},
		{Workspace{Collections: []Collection{{}}}, "collection 0: name"},
		{Workspace{Collections: []Collection{{Name: "x", HelpCenterID: "1"}}}, `no help center with id "1"`},
		{Workspace{Collections: []Collection{{Name: "x", ParentID: "1"}}}, `no collection with id "1"`},
		{Workspace{Articles: []Article{{}}}, "article 0: title"},
		{Workspace{Articles: []Article{{Title: "x", AuthorID: "1"}}}, `no admin with id "1"`},
		{Workspace{Articles: []Article{{Title: "x", CollectionID: "1"}}}, `no collection with id "1"`},
		{Workspace{Newsfeeds: []Newsfeed{{}}}, "newsfeed 0: name"},
		{Workspace{NewsItems: []NewsItem{{}}}, "news item 0: title"},
		{Workspace{NewsItems: []NewsItem{{Title: "x", SenderID: "1"}}}, `no admin with id "1"`},
		{Workspace{NewsItems: []NewsItem{{Title: "x", NewsfeedIDs: []string{"1"}}}}, `no newsfeed with id "1"`},
		{Workspace{Notes: []Note{{ContactID: "1"}}}, `note 0: no contact with id "1"`},
		{Workspace{Notes: []Note{{ContactID: c.ID}}}, "note 0: body"},
		{Workspace{Notes: []Note{{ContactID: c.ID, Body: "x", AdminID: "1"}}}, `no admin with id "1"`},
		{Workspace{Events: []Event{{ContactID: "1"}}}, `event 0: no contact with id "1"`},
		{Workspace{Events: []Event{{ContactID: c.ID}}}, "event 0: name"},
		{Workspace{Visitors: []Visitor{{Email: "nope"}}}, "visitor 0"},
	} {
		_, err := s.Seed(tc.w)
		require.Error(t, err, "Seed(%+v)", tc.w)
		assert.ErrorContains(t, err, tc.want, "Seed(%+v)", tc.w)
	}
	assert.Empty(t, s.Snapshot().TicketTypes, "a refused ticket type stays out of the workspace")
}

// TestSeedLinksTicketsAndConversations links a seeded conversation and
// ticket either way round, keeps a seeded part's redaction, and refuses a
// second link.
func TestSeedLinksTicketsAndConversations(t *testing.T) {
	s := newHarness(t)
	c := s.AddContact(Contact{Email: "a@example.com"})
	got, err := s.Seed(Workspace{
		TicketTypes: []TicketType{{Name: "Bug"}},
		Conversations: []Conversation{{ID: "501", ContactIDs: []string{c.ID}, Body: "help",
			Parts: []Part{{AuthorType: "user", AuthorID: c.ID, Redacted: true}}}},
	})
	require.NoError(t, err)
	tt := got.TicketTypes[0].ID
	got, err = s.Seed(Workspace{Tickets: []Ticket{
		{TicketTypeID: tt, ContactIDs: []string{c.ID}, ConversationID: "501"},
		{TicketTypeID: tt, ContactIDs: []string{c.ID}},
	}})
	require.NoError(t, err)
	first, second := got.Tickets[0].ID, got.Tickets[1].ID
	_, err = s.Seed(Workspace{Conversations: []Conversation{{ID: "502", ContactIDs: []string{c.ID}, Body: "x", TicketID: second}}})
	require.NoError(t, err)

	cv := s.call("retrieveConversation", 200, "GET", "/conversations/501", nil)
	s.eq("linked ticket", ids(cv, "linked_objects", "data"), []string{first})
	s.eq("redacted part", at(cv, "conversation_parts", "conversation_parts", 0, "redacted"), true)
	s.eq("linked conversation", ids(s.call("getTicket", 200, "GET", "/tickets/"+first, nil), "linked_objects", "data"), []string{"501"})
	s.eq("linked by the conversation", ids(s.call("getTicket", 200, "GET", "/tickets/"+second, nil), "linked_objects", "data"), []string{"502"})

	for _, tc := range []struct {
		w    Workspace
		want string
	}{
		{Workspace{Tickets: []Ticket{{TicketTypeID: tt, ContactIDs: []string{c.ID}, ConversationID: "501"}}}, "conversation 501 is already ticket " + first},
		{Workspace{Tickets: []Ticket{{TicketTypeID: tt, ContactIDs: []string{c.ID}, ConversationID: "1"}}}, `ticket 0: no conversation with id "1"`},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, TicketID: first}}}, "ticket " + first + " is already conversation 501's"},
		{Workspace{Conversations: []Conversation{{ContactIDs: []string{c.ID}, TicketID: "1"}}}, `conversation 0: no ticket with id "1"`},
	} {
		_, err := s.Seed(tc.w)
		require.Error(t, err, "Seed(%+v)", tc.w)
		assert.ErrorContains(t, err, tc.want, "Seed(%+v)", tc.w)
	}
}

// TestSeedKeepsTimestamps keeps the creation and update times a seed gives
// and reads them back through the API.
func TestSeedKeepsTimestamps(t *testing.T) {
	s := newHarness(t)
	const created, updated = 1_600_000_000, 1_700_000_000
	got, err := s.Seed(Workspace{
		Companies:   []Company{{Name: "Acme", CreatedAt: created, UpdatedAt: updated}},
		Contacts:    []Contact{{Email: "a@example.com", CreatedAt: created}},
		TicketTypes: []TicketType{{Name: "Bug"}},
		Articles:    []Article{{Title: "How to", CreatedAt: created, UpdatedAt: updated}},
	})
	require.NoError(t, err)
	ct := got.Contacts[0].ID
	got2, err := s.Seed(Workspace{
		Tickets:       []Ticket{{TicketTypeID: got.TicketTypes[0].ID, ContactIDs: []string{ct}, CreatedAt: created, UpdatedAt: updated}},
		Conversations: []Conversation{{ContactIDs: []string{ct}, Body: "hi", CreatedAt: created, UpdatedAt: updated}},
	})
	require.NoError(t, err)
	for _, tc := range []struct {
		op, path string
		want     [2]float64
	}{
		{"RetrieveACompanyById", "/companies/" + got.Companies[0].ID, [2]float64{created, updated}},
		{"ShowContact", "/contacts/" + ct, [2]float64{created, created}},
		{"retrieveArticle", "/articles/" + got.Articles[0].ID, [2]float64{created, updated}},
		{"getTicket", "/tickets/" + got2.Tickets[0].ID, [2]float64{created, updated}},
		{"retrieveConversation", "/conversations/" + got2.Conversations[0].ID, [2]float64{created, updated}},
	} {
		v := s.call(tc.op, 200, "GET", tc.path, nil)
		s.eq(tc.op+" times", [2]any{at(v, "created_at"), at(v, "updated_at")}, [2]any{tc.want[0], tc.want[1]})
	}
	assert.Equal(t, int64(created), got2.Conversations[0].CreatedAt, "Seed returns the times kept")
}

// TestSeedSubscribesToSeededTypes subscribes a contact to a subscription
// type of the same seed.
func TestSeedSubscribesToSeededTypes(t *testing.T) {
	s := newHarness(t)
	got, err := s.Seed(Workspace{
		SubscriptionTypes: []SubscriptionType{{ID: "37900", Name: "Offers", ConsentType: "opt_in"}},
		Contacts:          []Contact{{Email: "a@example.com", Subscriptions: map[string]string{"37900": "opt_in"}}},
	})
	require.NoError(t, err)
	list := s.call("listSubscriptionsForAContact", 200, "GET", "/contacts/"+got.Contacts[0].ID+"/subscriptions", nil)
	s.eq("subscriptions", ids(list, "data"), []string{"37900"})
}

// TestSeedKeepsADatetimeAttributeAsADate seeds a datetime attribute, which
// Intercom keeps (and lists) as a date, as it does one created through the
// API.
func TestSeedKeepsADatetimeAttributeAsADate(t *testing.T) {
	s := newHarness(t)
	got, err := s.Seed(Workspace{DataAttributes: []DataAttribute{{Name: "renewal", Model: "contact", DataType: "datetime"}}})
	require.NoError(t, err)
	assert.Equal(t, "date", got.DataAttributes[0].DataType, "returned")
	list := s.call("listDataAttributes", 200, "GET", "/data_attributes?model=contact", nil)
	data, _ := list["data"].([]any)
	for i := range data {
		if at(data, i, "name") == "renewal" {
			assert.Equal(t, "date", at(data, i, "data_type"), "listed %v", data[i])
			return
		}
	}
	assert.Fail(t, "the seeded attribute is not listed", "%v", list)
}
