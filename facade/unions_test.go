package facade

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

func TestUnionErrorDoesNotPrintValues(t *testing.T) {
	var v gen.ReplyTicketRequest
	_ = v.UnmarshalJSON([]byte(`{"type":"robot","body":"secret text","email":"a@b.c","user_id":"u"}`))
	_, err := decodeTicketReplyRequest(v)
	assert.Error(t, err)
	assert.NotContains(t, err.Error(), "secret")
	assert.NotContains(t, err.Error(), "a@b.c")
	assert.Contains(t, err.Error(), "body, email, type=\"robot\", user_id")
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
		{SnoozeConversation("1", timeUnix(99)), func(d *conversationActionVariant) bool { return d.Snooze != nil && d.Snooze.SnoozedUntil == 99 }},
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

func TestDecodeTicketAttributes(t *testing.T) {
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(ticketJSON), &tk))
	attrs, err := TicketAttributesOf(&tk)
	require.NoError(t, err)
	a := attrs["_default_title_"]
	assert.Equal(t, TicketAttributeKindString, a.Kind)
	assert.Equal(t, "Broken", a.String)
	a = attrs["count"]
	assert.Equal(t, TicketAttributeKindNumber, a.Kind)
	assert.Equal(t, "12345678901", a.Number.String())
	a = attrs["urgent"]
	assert.Equal(t, TicketAttributeKindBool, a.Kind)
	assert.True(t, a.Bool)
	a = attrs["files"]
	assert.Equal(t, TicketAttributeKindList, a.Kind)
	assert.NotNil(t, a.List)
	a = attrs["gone"]
	assert.Equal(t, TicketAttributeKindNull, a.Kind)
	// An object matches no variant; decoding the ticket still works.
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1,"lng":2}}}`), &tk), "ticket with an object attribute must decode")
	_, err = TicketAttributesOf(&tk)
	requireUnionError(t, err, "ticket_attributes.geo", `{"lat":1,"lng":2}`, "lat", "lng")
}

func timeUnix(s int64) time.Time { return time.Unix(s, 0) }

// TestTicketAttributesWithAFile: a ticket whose file attribute holds an
// upload (2.11's file_attribute) decodes whole: the file with every field,
// a list of files, and the other attributes beside them.
func TestTicketAttributesWithAFile(t *testing.T) {
	const file = `{"type":"upload","name":"Screenshot.png","url":"https://files.example.com/s.png","content_type":"image/png","filesize":11308309,"width":3024,"height":1964}`
	const pdf = `{"type":"upload","name":"a.pdf","url":"https://files.example.com/a.pdf","content_type":"application/pdf","filesize":20,"width":null,"height":null}`
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"_default_title_":"Broken","screenshot":`+file+`,"more":[`+pdf+`],"count":3}}`), &tk))
	attrs, err := TicketAttributesOf(&tk)
	require.NoError(t, err, "TicketAttributesOf")
	assert.Len(t, attrs, 4)
	assert.Equal(t, "Broken", attrs["_default_title_"].String)
	assert.EqualValues(t, "3", attrs["count"].Number)
	a := attrs["screenshot"]
	want := FileAttribute{Type: "upload", Name: "Screenshot.png", Url: "https://files.example.com/s.png", ContentType: "image/png", Filesize: 11308309, Width: 3024, Height: 1964}
	assert.Equal(t, TicketAttributeKindFile, a.Kind)
	assert.NotNil(t, a.File)
	assert.Equal(t, want, *a.File)
	assert.Equal(t, file, string(a.Raw))
	l := attrs["more"]
	assert.Equal(t, TicketAttributeKindList, l.Kind)
	assert.Len(t, l.List, 1)
	assert.Equal(t, "a.pdf", l.List[0].(map[string]any)["name"])
	// A file without width and height (not an image) is a file too.
	var v gen.TicketCustomAttributes_AdditionalProperties
	require.NoError(t, v.UnmarshalJSON([]byte(pdf)))
	got, err := DecodeTicketAttribute(v)
	assert.NoError(t, err)
	assert.Equal(t, TicketAttributeKindFile, got.Kind)
	assert.Equal(t, "a.pdf", got.File.Name)
	assert.Equal(t, 0, got.File.Width)
	// A file field of the wrong type is a *UnionError that keeps the value.
	bad := `{"type":"upload","url":"https://files.example.com/x","filesize":"big"}`
	require.NoError(t, v.UnmarshalJSON([]byte(bad)))
	_, err = DecodeTicketAttribute(v)
	requireUnionError(t, err, "ticket_custom_attributes", bad, `type="upload"`, "filesize")
}

// TestTicketAttributesOfKeepsTheOthers: a value that matches no variant is
// reported, and every other value is still returned.
func TestTicketAttributesOfKeepsTheOthers(t *testing.T) {
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1},"box":{"w":2},"title":"x","n":1}}`), &tk))
	attrs, err := TicketAttributesOf(&tk)
	assert.Len(t, attrs, 2)
	assert.Equal(t, "x", attrs["title"].String)
	assert.EqualValues(t, "1", attrs["n"].Number)
	requireUnionError(t, err, "ticket_attributes.box", `{"w":2}`, "w")
	assert.Contains(t, err.Error(), "ticket_attributes.geo")
}
