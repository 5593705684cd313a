package facade

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The request bodies the facade builds are each exactly one variant of
// their union: the decoders of union_decoders_test.go tell which.

// requireUnionError checks that err is a *UnionError for union that keeps
// raw and names each of seen.
func requireUnionError(t *testing.T, err error, union, raw string, seen ...string) {
	t.Helper()
	var ue *UnionError
	require.ErrorAs(t, err, &ue)
	assert.Equal(t, union, ue.Union)
	if json.Valid([]byte(raw)) {
		assert.JSONEq(t, raw, string(ue.Raw))
	} else {
		assert.Equal(t, raw, string(ue.Raw))
	}
	for _, s := range seen {
		assert.Contains(t, ue.Error(), s)
	}
}

func TestDecodeTicketReplyRequest(t *testing.T) {
	cases := []struct {
		raw  string
		want string // which field is set
	}{
		{`{"type":"admin","message_type":"note","admin_id":"1","body":"x"}`, "admin"},
		{`{"type":"admin","message_type":"quick_reply","admin_id":"1","reply_options":[{"text":"a","uuid":"u"}]}`, "admin"},
		{`{"type":"user","message_type":"comment","intercom_user_id":"c1","body":"x"}`, "intercom_user_id"},
		{`{"type":"user","message_type":"comment","user_id":"u1","body":"x"}`, "user_id"},
		{`{"type":"user","message_type":"comment","email":"a@b.c","body":"x","user_id":null}`, "email"},
	}
	for _, tc := range cases {
		var v gen.ReplyTicketRequest
		require.NoError(t, json.Unmarshal([]byte(tc.raw), &v))
		d, err := decodeTicketReplyRequest(v)
		require.NoError(t, err)
		got := map[string]bool{"admin": d.Admin != nil, "intercom_user_id": d.ByIntercomUserID != nil, "user_id": d.ByUserID != nil, "email": d.ByEmail != nil}
		for k, set := range got {
			assert.Equal(t, k == tc.want, set, "field %s set", k)
		}
	}
	// Round trip of what the helpers build.
	req, _ := ContactReply(ByEmail("a@b.c"), "hi").TicketRequest()
	d, err := decodeTicketReplyRequest(req)
	assert.NoError(t, err)
	assert.NotNil(t, d.ByEmail)
	assert.Equal(t, "a@b.c", d.ByEmail.Email)
	req, _ = AdminQuickReply("1", QuickReplyOption{Text: "a"}).TicketRequest()
	d, err = decodeTicketReplyRequest(req)
	assert.NoError(t, err)
	assert.NotNil(t, d.Admin)
	assert.Equal(t, ReplyQuickReply, ReplyMessageType(d.Admin.MessageType))
	for _, bad := range []struct{ raw, seen string }{
		{`{"type":"bot","body":"x"}`, `type="bot"`},
		{`{"message_type":"comment","body":"x"}`, "message_type"},
		{`{"type":"user","body":"x"}`, "none of intercom_user_id, user_id, email"},
		{`{"type":"user","body":"x","email":"a@b.c","user_id":"u"}`, "several identities"},
		{`{"type":"admin","admin_id":5}`, "admin_id"},
		{`[1,2]`, "not a JSON object"},
	} {
		var v gen.ReplyTicketRequest
		if err := v.UnmarshalJSON([]byte(bad.raw)); err != nil {
			// Where the union has fields of its own (skip_notifications
			// from 2.16), gen already refuses what is not an object.
			assert.NotEqual(t, byte('{'), bad.raw[0], "gen refused %s: %v", bad.raw, err)
			continue
		}
		_, err := decodeTicketReplyRequest(v)
		requireUnionError(t, err, "reply_ticket_request", bad.raw, bad.seen)
	}
}
func TestDecodeConversationReplyRequest(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{`{"type":"admin","message_type":"comment","admin_id":"1","body":"x","attachment_files":[{"name":"a","content_type":"b","data":"c"}]}`, "admin"},
		{`{"type":"user","message_type":"comment","intercom_user_id":"c1","body":"x"}`, "intercom_user_id"},
		{`{"type":"user","message_type":"comment","user_id":"u1","body":"x"}`, "user_id"},
		{`{"type":"user","message_type":"comment","email":"a@b.c","body":"x"}`, "email"},
	} {
		var v gen.ReplyConversationRequest
		_ = v.UnmarshalJSON([]byte(tc.raw))
		d, err := decodeConversationReplyRequest(v)
		require.NoError(t, err)
		got := map[string]bool{"admin": d.Admin != nil, "intercom_user_id": d.ByIntercomUserID != nil, "user_id": d.ByUserID != nil, "email": d.ByEmail != nil}
		for k, set := range got {
			assert.Equal(t, k == tc.want, set, "field %s set", k)
		}
	}
	for _, raw := range []string{`{"type":"team","admin_id":"1"}`, `{"type":"user"}`, `"x"`} {
		var v gen.ReplyConversationRequest
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeConversationReplyRequest(v)
		requireUnionError(t, err, "reply_conversation_request", raw)
	}
}
func TestDecodeManageConversationRequest(t *testing.T) {
	for _, tc := range []struct {
		action ConversationAction
		check  func(*conversationActionVariant) bool
	}{
		{CloseConversation("1", "bye"), func(d *conversationActionVariant) bool { return d.Close != nil && *d.Close.Body == "bye" }},
		{SnoozeConversation("1", time.Unix(99, 0)), func(d *conversationActionVariant) bool { return d.Snooze != nil && d.Snooze.SnoozedUntil == 99 }},
		{OpenConversation("1"), func(d *conversationActionVariant) bool { return d.Open != nil && d.Open.AdminId == "1" }},
		{AssignConversation("1", AssignToTeam("7"), ""), func(d *conversationActionVariant) bool {
			return d.Assign != nil && d.Assign.AssigneeId == "7" && d.Assign.Type == "team"
		}},
	} {
		req, err := tc.action.ManageRequest()
		require.NoError(t, err)
		d, err := decodeManageConversationRequest(req)
		assert.NoError(t, err)
		assert.True(t, tc.check(d))
	}
	raw := `{"message_type":"reopen","admin_id":"1"}`
	var v gen.ManageConversationRequest
	_ = v.UnmarshalJSON([]byte(raw))
	_, err := decodeManageConversationRequest(v)
	requireUnionError(t, err, "manage_conversation_request", raw, `message_type="reopen"`, "admin_id")
}
func TestDecodeRedactConversationRequest(t *testing.T) {
	for _, r := range []ConversationRedaction{RedactPart("1", "p"), RedactSource("1", "s")} {
		req, err := r.request()
		require.NoError(t, err)
		d, err := decodeRedactConversationRequest(req)
		assert.NoError(t, err)
		assert.NotEqual(t, d.Source != nil, d.Part != nil, "exactly one of source and part")
	}
	raw := `{"type":"message","conversation_id":"1"}`
	var v gen.RedactConversationRequest
	_ = v.UnmarshalJSON([]byte(raw))
	_, err := decodeRedactConversationRequest(v)
	requireUnionError(t, err, "redact_conversation_request", raw, `type="message"`)
}
func TestDecodeIdentityUnions(t *testing.T) {
	for _, tc := range []struct{ raw, field string }{
		{`{"intercom_user_id":"c"}`, "intercom_user_id"}, {`{"user_id":"u"}`, "user_id"}, {`{"email":"e@x.y","customer":null}`, "email"},
	} {
		var v gen.AttachContactToConversationRequest_Customer
		_ = v.UnmarshalJSON([]byte(tc.raw))
		id, err := decodeConversationCustomer(v)
		assert.NoError(t, err)
		assert.Equal(t, tc.field, id.Field())
	}
	for _, raw := range []string{`{"name":"x"}`, `{"email":"a","user_id":"b"}`, `{"email":3}`} {
		var v gen.AttachContactToConversationRequest_Customer
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeConversationCustomer(v)
		requireUnionError(t, err, "attach_contact_to_conversation_request.customer", raw)
	}
	for _, tc := range []struct{ raw, field string }{
		{`{"id":"c"}`, "id"}, {`{"external_id":"u"}`, "external_id"}, {`{"email":"e@x.y"}`, "email"},
	} {
		var v gen.CreateTicketRequest_Contacts_Item
		_ = v.UnmarshalJSON([]byte(tc.raw))
		c, err := decodeTicketContact(v)
		assert.NoError(t, err)
		assert.Equal(t, tc.field, c.Field())
		assert.NotEmpty(t, c.Value())
	}
	for _, raw := range []string{`{}`, `{"id":"a","email":"b"}`} {
		var v gen.CreateTicketRequest_Contacts_Item
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeTicketContact(v)
		requireUnionError(t, err, "create_ticket_request.contacts", raw)
	}
}
