package intercomtest

import (
	"strings"
	"testing"
)

// unknownBodies are valid bodies for the operations that take one, so that
// an unknown id, not the body, is what the server refuses.
var unknownBodies = map[string]any{
	"attachContactToACompany":         map[string]any{"id": "6650c0ab0000000000000404"},
	"attachContactToConversation":     map[string]any{"admin_id": "9100001", "customer": map[string]any{"intercom_user_id": "6650c0de0000000000000404"}},
	"attachSubscriptionTypeToContact": map[string]any{"id": "37001", "consent_type": "opt_in"},
	"attachTagToContact":              map[string]any{"id": "404"},
	"attachTagToConversation":         map[string]any{"id": "404", "admin_id": "9100001"},
	"attachTagToTicket":               map[string]any{"id": "404", "admin_id": "9100001"},
	"convertConversationToTicket":     map[string]any{"ticket_type_id": "404"},
	"createNote":                      map[string]any{"body": "x"},
	"createTicketTypeAttribute":       map[string]any{"name": "x", "description": "x", "data_type": "string"},
	"detachContactFromConversation":   map[string]any{"admin_id": "9100001"},
	"detachTagFromConversation":       map[string]any{"admin_id": "9100001"},
	"detachTagFromTicket":             map[string]any{"admin_id": "9100001"},
	"manageConversation":              map[string]any{"message_type": "open", "type": "admin", "admin_id": "9100001"},
	"replyConversation":               map[string]any{"message_type": "comment", "type": "admin", "admin_id": "9100001", "body": "x"},
	"replyTicket":                     map[string]any{"message_type": "comment", "type": "admin", "admin_id": "9100001", "body": "x"},
	"setAwayAdmin":                    map[string]any{"away_mode_enabled": true, "away_mode_reassign": false},
	"updateArticle":                   map[string]any{"title": "x"},
	"updateCollection":                map[string]any{"name": "x"},
	"UpdateContact":                   map[string]any{"name": "x"},
	"updateConversation":              map[string]any{"read": true},
	"updateDataAttribute":             map[string]any{"archived": true},
	"updateNewsItem":                  map[string]any{"title": "x", "sender_id": 9100001},
	"updateTicket":                    map[string]any{"state": "resolved"},
	"updateTicketType":                map[string]any{"name": "x"},
	"updateTicketTypeAttribute":       map[string]any{"description": "x"},
}

// TestUnknownIDsAreNotFound sends every operation that names a resource in
// its path an id that does not exist, and the lookups by body or query an
// unknown one: each answers 404 with Intercom's not_found body.
func TestUnknownIDsAreNotFound(t *testing.T) {
	w := newHarness(t)
	n := 0
	for path, item := range w.spec.doc.Paths.Map() {
		if !strings.Contains(path, "{") {
			continue
		}
		for method, op := range item.Operations() {
			name := w.spec.names[op]
			p := path
			for _, prm := range op.Parameters {
				if prm.Value.In == "path" {
					p = strings.ReplaceAll(p, "{"+prm.Value.Name+"}", "404404")
				}
			}
			if name == "downloadDataExport" {
				w.raw(name, 404, method, p)
			} else {
				body := unknownBodies[name]
				if body == nil && op.RequestBody != nil && op.RequestBody.Value != nil {
					// An operation only a newer description declares: a
					// minimal body it accepts.
					if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
						body = normalize(synthesize(mt.Schema))
					}
				}
				status, _, out := requiredSend(t, w, op, method, p+requiredQuery(op), body)
				w.check(name, 404, method, p, status, out)
			}
			n++
		}
	}
	for _, tc := range []struct {
		op, method, path string
		body             any
	}{
		{"retrieveVisitorWithUserId", "GET", "/visitors?user_id=nobody", nil},
		{"updateVisitor", "PUT", "/visitors", map[string]any{"id": "6650c0ee0000000000000404", "name": "x"}},
		{"convertVisitor", "POST", "/visitors/convert", map[string]any{"type": "lead", "visitor": map[string]any{"id": "nobody"}, "user": map[string]any{"user_id": "u"}}},
		{"MergeContact", "POST", "/contacts/merge", map[string]any{"from": "6650c0de0000000000000404", "into": "6650c0de0000000000000405"}},
		{"redactConversation", "POST", "/conversations/redact", map[string]any{"type": "source", "conversation_id": "404", "source_id": "4040"}},
		{"retrieveCompany", "GET", "/companies?company_id=nobody", nil},
		{"lisDataEvents", "GET", "/events?type=user&user_id=nobody", nil},
		{"createDataEvent", "POST", "/events", map[string]any{"event_name": "x", "user_id": "nobody", "created_at": 1700000000}},
		{"dataEventSummaries", "POST", "/events/summaries", map[string]any{"user_id": "nobody", "event_summaries": map[string]any{"event_name": "x"}}},
		{"createMessage", "POST", "/messages", map[string]any{"message_type": "inapp", "body": "x", "from": map[string]any{"type": "admin", "id": 404}, "to": map[string]any{"type": "user", "id": "x"}}},
		{"createConversation", "POST", "/conversations", map[string]any{"from": map[string]any{"type": "user", "id": "6650c0de0000000000000404"}, "body": "x"}},
		{"createTicket", "POST", "/tickets", map[string]any{"ticket_type_id": "404", "contacts": []any{map[string]any{"id": "x"}}}},
		{"scrollOverAllCompanies", "GET", "/companies/scroll?scroll_param=nobody", nil},
	} {
		w.call(tc.op, 404, tc.method, tc.path, tc.body)
		n++
	}
	t.Logf("%d unknown-id requests answered 404 not_found", n)
	w.clean()
}
