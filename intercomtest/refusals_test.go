package intercomtest

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRefusalsUseIntercomCodes sends requests the description allows but
// Intercom refuses (bad values, conflicts, wrong references), and checks the
// status and error code of each refusal, and that nothing changed.
func TestRefusalsUseIntercomCodes(t *testing.T) {
	s := newHarness(t)
	seeded, err := s.Seed(Workspace{
		Contacts: []Contact{
			{ID: "6650c0de0000000000000001", Email: "u@example.com", ExternalID: "u-1"},
			{ID: "6650c0de0000000000000002", Role: "lead", Name: "L"},
			{ID: "6650c0de0000000000000003", Role: "lead"},
		},
		TicketTypes:   []TicketType{{ID: "900", Name: "Back", Category: "Back-office"}, {ID: "901", Name: "Cust"}},
		Conversations: []Conversation{{ID: "100", ContactIDs: []string{"6650c0de0000000000000001"}, Body: "hi"}},
		Collections:   []Collection{{ID: "1800001", Name: "C"}},
		Articles:      []Article{{ID: "4800001", Title: "A"}},
		NewsItems:     []NewsItem{{ID: "33001", Title: "N"}},
		Visitors:      []Visitor{{ID: "6650c0ee0000000000000001", UserID: "v-1"}},
	})
	require.NoError(t, err)
	me := s.Me().ID
	user, lead := seeded.Contacts[0].ID, seeded.Contacts[1].ID
	before := s.Snapshot()
	// Two refusals come from the 2.11 description, which declares that an
	// event names someone and a visitor update its visitor; where the
	// description in use allows them, the workspace refuses: no such one.
	eventBody := map[string]any{"event_name": "x", "created_at": 1}
	eventStatus, eventCode := refusedElse(t, "POST", "/events", eventBody, 404, "not_found")
	visitorBody := map[string]any{"name": "x"}
	visitorStatus, visitorCode := refusedElse(t, "PUT", "/visitors", visitorBody, 404, "not_found")
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		code               string
	}{
		{"contact with a malformed email", "POST", "/contacts", map[string]any{"email": "not-an-email"}, 400, "parameter_invalid"},
		{"contact already there", "POST", "/contacts", map[string]any{"email": "u@example.com"}, 409, "conflict"},
		{"contact update with a malformed email", "PUT", "/contacts/" + user, map[string]any{"email": "x"}, 400, "parameter_invalid"},
		{"contact update to an unknown role", "PUT", "/contacts/" + user, map[string]any{"role": "admin"}, 400, "parameter_invalid"},
		{"merge from a user", "POST", "/contacts/merge", map[string]any{"from": user, "into": user}, 400, "parameter_invalid"},
		{"merge into a lead", "POST", "/contacts/merge", map[string]any{"from": lead, "into": lead}, 400, "parameter_invalid"},
		{"company without name or id", "POST", "/companies", map[string]any{"plan": "x"}, 400, "parameter_not_found"},
		{"tag a missing company", "POST", "/tags", map[string]any{"name": "t", "companies": []any{map[string]any{"company_id": "nope"}}}, 404, "not_found"},
		{"article by a non-admin", "POST", "/articles", map[string]any{"title": "x", "author_id": 1}, 400, "parameter_invalid"},
		{"article without title", "POST", "/articles", map[string]any{"title": " ", "author_id": 1}, 400, "parameter_not_found"},
		{"article in a missing collection", "POST", "/articles", map[string]any{"title": "x", "author_id": mustInt(t, me), "parent_id": 1}, 404, "not_found"},
		{"article update by a non-admin", "PUT", "/articles/4800001", map[string]any{"author_id": 1}, 400, "parameter_invalid"},
		{"article update to an empty title", "PUT", "/articles/4800001", map[string]any{"title": ""}, 400, "parameter_invalid"},
		{"article update into a missing collection", "PUT", "/articles/4800001", map[string]any{"parent_id": "1"}, 404, "not_found"},
		{"article search in an unknown state", "GET", "/articles/search?state=gone", nil, 400, "parameter_invalid"},
		{"collection without name", "POST", "/help_center/collections", map[string]any{"name": ""}, 400, "parameter_not_found"},
		{"collection in a missing help center", "POST", "/help_center/collections", map[string]any{"name": "x", "help_center_id": 1}, 404, "not_found"},
		{"collection under a missing parent", "POST", "/help_center/collections", map[string]any{"name": "x", "parent_id": "1"}, 404, "not_found"},
		{"collection renamed empty", "PUT", "/help_center/collections/1800001", map[string]any{"name": " "}, 400, "parameter_invalid"},
		{"collection its own parent", "PUT", "/help_center/collections/1800001", map[string]any{"parent_id": "1800001"}, 404, "not_found"},
		{"news without title", "POST", "/news/news_items", map[string]any{"title": "", "sender_id": 1}, 400, "parameter_not_found"},
		{"news by a non-admin", "POST", "/news/news_items", map[string]any{"title": "x", "sender_id": 1}, 400, "parameter_invalid"},
		{"news in a missing feed", "PUT", "/news/news_items/33001", map[string]any{"title": "x", "sender_id": mustInt(t, me), "newsfeed_assignments": []any{map[string]any{"newsfeed_id": 1, "published_at": 1}}}, 404, "not_found"},
		{"note without body", "POST", "/contacts/" + user + "/notes", map[string]any{"body": " "}, 400, "parameter_not_found"},
		{"note by a missing admin", "POST", "/contacts/" + user + "/notes", map[string]any{"body": "x", "admin_id": "1"}, 404, "not_found"},
		{"subscription with an unknown consent", "POST", "/contacts/" + user + "/subscriptions", map[string]any{"id": "37001", "consent_type": "maybe"}, 400, "parameter_invalid"},
		{"detach a subscription never attached", "DELETE", "/contacts/" + user + "/subscriptions/37001", nil, 404, "not_found"},
		{"data attribute with a dot", "POST", "/data_attributes", map[string]any{"name": "a.b", "model": "contact", "data_type": "string"}, 400, "parameter_invalid"},
		{"data attribute already built in", "POST", "/data_attributes", map[string]any{"name": "email", "model": "contact", "data_type": "string"}, 400, "parameter_invalid"},
		{"data attributes of an unknown model", "GET", "/data_attributes?model=ticket", nil, 400, "parameter_invalid"},
		{"update a built-in attribute", "PUT", "/data_attributes/email", map[string]any{"archived": true}, 404, "not_found"},
		{"event without name", "POST", "/events", map[string]any{"event_name": "", "user_id": "u-1", "created_at": 1}, 400, "parameter_not_found"},
		{"event without anyone", "POST", "/events", eventBody, eventStatus, eventCode},
		{"event summary without name", "POST", "/events/summaries", map[string]any{"user_id": "u-1", "event_summaries": map[string]any{}}, 400, "parameter_not_found"},
		{"events of another type", "GET", "/events?type=company&user_id=u-1", nil, 400, "parameter_invalid"},
		{"events with a zero page", "GET", "/events?type=user&user_id=u-1&per_page=0", nil, 400, "parameter_invalid"},
		{"export of an empty period", "POST", "/export/content/data", map[string]any{"created_at_after": 2, "created_at_before": 1}, 400, "parameter_invalid"},
		{"message of an unknown type", "POST", "/messages", map[string]any{"message_type": "sms", "body": "x", "from": map[string]any{"type": "admin", "id": 1}, "to": map[string]any{"type": "user", "id": user}}, 400, "parameter_invalid"},
		{"message without body", "POST", "/messages", map[string]any{"message_type": "inapp", "body": " ", "from": map[string]any{"type": "admin", "id": 1}, "to": map[string]any{"type": "user", "id": user}}, 400, "parameter_not_found"},
		{"email without subject", "POST", "/messages", map[string]any{"message_type": "email", "body": "x", "from": map[string]any{"type": "admin", "id": 1}, "to": map[string]any{"type": "user", "id": user}}, 400, "parameter_not_found"},
		{"message from a contact", "POST", "/messages", map[string]any{"message_type": "inapp", "body": "x", "from": map[string]any{"type": "user", "id": 1}, "to": map[string]any{"type": "user", "id": user}}, 400, "parameter_invalid"},
		{"message to a missing contact", "POST", "/messages", map[string]any{"message_type": "inapp", "body": "x", "from": map[string]any{"type": "admin", "id": mustInt(t, me)}, "to": map[string]any{"type": "user", "id": "x"}}, 404, "not_found"},
		{"message to a lead as a user", "POST", "/messages", map[string]any{"message_type": "inapp", "body": "x", "from": map[string]any{"type": "admin", "id": mustInt(t, me)}, "to": map[string]any{"type": "user", "id": lead}}, 400, "parameter_invalid"},
		{"email to a contact without one", "POST", "/messages", map[string]any{"message_type": "email", "subject": "s", "template": "plain", "body": "x", "from": map[string]any{"type": "admin", "id": mustInt(t, me)}, "to": map[string]any{"type": "lead", "id": lead}}, 400, "parameter_invalid"},
		{"visitor update without id", "PUT", "/visitors", visitorBody, visitorStatus, visitorCode},
		{"visitor converted to an admin", "POST", "/visitors/convert", map[string]any{"type": "admin", "visitor": map[string]any{"user_id": "v-1"}, "user": map[string]any{"user_id": "x"}}, 400, "parameter_invalid"},
		{"visitor converted with a bad email", "POST", "/visitors/convert", map[string]any{"type": "user", "visitor": map[string]any{"user_id": "v-1"}, "user": map[string]any{"user_id": "x", "email": "bad"}}, 400, "parameter_invalid"},
		{"visitor merged into a missing contact", "POST", "/visitors/convert", map[string]any{"type": "user", "visitor": map[string]any{"user_id": "v-1"}, "user": map[string]any{"id": "x"}}, 404, "not_found"},
		{"phone that is not E.164", "POST", "/phone_call_redirects", map[string]any{"phone": "555-1234"}, 400, "parameter_invalid"},
		{"reply with an attachment that is not a URL", "POST", "/conversations/100/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "x", "attachment_urls": []any{"file.png"}}, 400, "parameter_invalid"},
		{"ticket reply with an attachment that is not a URL", "POST", "/tickets/404/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": me, "body": "x"}, 404, "not_found"},
		{"redact a missing part", "POST", "/conversations/redact", map[string]any{"type": "conversation_part", "conversation_id": "100", "conversation_part_id": "1"}, 404, "not_found"},
		{"redact another source", "POST", "/conversations/redact", map[string]any{"type": "source", "conversation_id": "100", "source_id": "1"}, 404, "not_found"},
		{"attach by a missing admin", "POST", "/conversations/100/customers", map[string]any{"admin_id": "1", "customer": map[string]any{"intercom_user_id": user}}, 404, "not_found"},
		{"attach a missing contact", "POST", "/conversations/100/customers", map[string]any{"admin_id": me, "customer": map[string]any{"email": "no@example.com"}}, 404, "not_found"},
		{"attach a participant twice", "POST", "/conversations/100/customers", map[string]any{"admin_id": me, "customer": map[string]any{"intercom_user_id": user}}, 400, "parameter_invalid"},
		{"detach by a missing admin", "DELETE", "/conversations/100/customers/" + user, map[string]any{"admin_id": "1"}, 404, "not_found"},
		{"detach a non-participant", "DELETE", "/conversations/100/customers/" + lead, map[string]any{"admin_id": me}, 404, "not_found"},
		{"detach the last participant", "DELETE", "/conversations/100/customers/" + user, map[string]any{"admin_id": me}, 400, "parameter_invalid"},
		{"convert to a back-office ticket", "POST", "/conversations/100/convert", map[string]any{"ticket_type_id": "900"}, 400, "parameter_invalid"},
		{"convert with an unknown attribute", "POST", "/conversations/100/convert", map[string]any{"ticket_type_id": "901", "attributes": map[string]any{"nope": "x"}}, 400, "parameter_invalid"},
		{"scroll with a used param", "GET", "/companies/scroll?scroll_param=x", nil, 404, "not_found"},
		{"companies of a contact, page 0", "GET", "/contacts/" + user + "/companies?page=0", nil, 400, "parameter_invalid"},
		{"activity logs without a time", "GET", "/admins/activity_logs?created_at_after=yesterday", nil, 400, "parameter_invalid"},
		{"activity logs with a bad end", "GET", "/admins/activity_logs?created_at_after=1&created_at_before=soon", nil, 400, "parameter_invalid"},
	} {
		status, _, body := s.send(tc.method, tc.path, tc.body)
		assert.Equal(t, tc.status, status, "%s: %v", tc.name, body)
		assert.Equal(t, tc.code, errField(body, "code"), "%s: %v", tc.name, body)
	}
	after := s.Snapshot()
	require.Equal(t, sizes(before), sizes(after), "a refused request changed the workspace: %+v", after)
	require.Len(t, after.Conversations[0].ContactIDs, 1, "a refused request changed the workspace: %+v", after)
	assert.Len(t, after.DataExports, 0, "a refused request changed the workspace: %+v", after)
}

// refusedElse is the answer to a request with body: 400 parameter_invalid
// when the loaded description's request schema refuses the body, else status
// and code (what the workspace answers to a body the description allows).
func refusedElse(t *testing.T, method, path string, body any, status int, code string) (int, string) {
	t.Helper()
	sp, err := loadSpec()
	require.NoError(t, err)
	route, _, err := sp.router.FindRoute(httptest.NewRequest(method, path, nil))
	require.NoError(t, err, "%s %s: %v", method, path, err)
	schema := route.Operation.RequestBody.Value.Content.Get("application/json").Schema
	if schema.Value.VisitJSON(normalize(body)) != nil {
		return 400, "parameter_invalid"
	}
	return status, code
}
