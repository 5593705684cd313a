package facade

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// tkUnionError fails unless err is a *UnionError for union that keeps raw.
func tkUnionError(t *testing.T, err error, union, raw string, seen ...string) {
	t.Helper()
	var ue *UnionError
	if !errors.As(err, &ue) {
		t.Fatalf("error = %v (%T), want *UnionError", err, err)
	}
	if ue.Union != union {
		t.Errorf("Union = %q, want %q", ue.Union, union)
	}
	if !jsonEqual(ue.Raw, []byte(raw)) {
		t.Errorf("Raw = %s, want %s", ue.Raw, raw)
	}
	for _, s := range seen {
		if !strings.Contains(ue.Error(), s) {
			t.Errorf("error %q does not mention %q", ue.Error(), s)
		}
	}
}

// jsonEqual reports whether a and b are the same JSON value, whatever the
// order of their keys.
func jsonEqual(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
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
		if err := json.Unmarshal([]byte(tc.raw), &v); err != nil {
			t.Fatal(err)
		}
		d, err := decodeTicketReplyRequest(v)
		if err != nil {
			t.Fatalf("%s: %v", tc.raw, err)
		}
		got := map[string]bool{"admin": d.Admin != nil, "intercom_user_id": d.ByIntercomUserID != nil, "user_id": d.ByUserID != nil, "email": d.ByEmail != nil}
		for k, set := range got {
			if set != (k == tc.want) {
				t.Errorf("%s: %s set=%v", tc.raw, k, set)
			}
		}
	}
	// Round trip of what the helpers build.
	req, _ := ContactReply(ByEmail("a@b.c"), "hi").TicketRequest()
	if d, err := decodeTicketReplyRequest(req); err != nil || d.ByEmail == nil || d.ByEmail.Email != "a@b.c" {
		t.Errorf("round trip: %+v %v", d, err)
	}
	req, _ = AdminQuickReply("1", QuickReplyOption{Text: "a"}).TicketRequest()
	if d, err := decodeTicketReplyRequest(req); err != nil || d.Admin == nil || ReplyMessageType(d.Admin.MessageType) != ReplyQuickReply {
		t.Errorf("round trip: %+v %v", d, err)
	}
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
			if bad.raw[0] == '{' {
				t.Errorf("gen refused %s: %v", bad.raw, err)
			}
			continue
		}
		_, err := decodeTicketReplyRequest(v)
		tkUnionError(t, err, "reply_ticket_request", bad.raw, bad.seen)
	}
}

func TestUnionErrorDoesNotPrintValues(t *testing.T) {
	var v gen.ReplyTicketRequest
	_ = v.UnmarshalJSON([]byte(`{"type":"robot","body":"secret text","email":"a@b.c","user_id":"u"}`))
	_, err := decodeTicketReplyRequest(v)
	if err == nil || strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "a@b.c") {
		t.Errorf("error = %v", err)
	}
	if !strings.Contains(err.Error(), "body, email, type=\"robot\", user_id") {
		t.Errorf("error = %v, want the sorted fields seen", err)
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
		if err != nil {
			t.Fatalf("%s: %v", tc.raw, err)
		}
		got := map[string]bool{"admin": d.Admin != nil, "intercom_user_id": d.ByIntercomUserID != nil, "user_id": d.ByUserID != nil, "email": d.ByEmail != nil}
		for k, set := range got {
			if set != (k == tc.want) {
				t.Errorf("%s: %s set=%v", tc.raw, k, set)
			}
		}
	}
	for _, raw := range []string{`{"type":"team","admin_id":"1"}`, `{"type":"user"}`, `"x"`} {
		var v gen.ReplyConversationRequest
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeConversationReplyRequest(v)
		tkUnionError(t, err, "reply_conversation_request", raw)
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
		if err != nil {
			t.Fatal(err)
		}
		d, err := decodeManageConversationRequest(req)
		if err != nil || !tc.check(d) {
			t.Errorf("%s: %+v %v", tc.action.MessageType(), d, err)
		}
	}
	raw := `{"message_type":"reopen","admin_id":"1"}`
	var v gen.ManageConversationRequest
	_ = v.UnmarshalJSON([]byte(raw))
	_, err := decodeManageConversationRequest(v)
	tkUnionError(t, err, "manage_conversation_request", raw, `message_type="reopen"`, "admin_id")
}

func TestDecodeRedactConversationRequest(t *testing.T) {
	for _, r := range []ConversationRedaction{RedactPart("1", "p"), RedactSource("1", "s")} {
		req, err := r.request()
		if err != nil {
			t.Fatal(err)
		}
		d, err := decodeRedactConversationRequest(req)
		if err != nil || (d.Part != nil) == (d.Source != nil) {
			t.Errorf("%+v %v", d, err)
		}
	}
	raw := `{"type":"message","conversation_id":"1"}`
	var v gen.RedactConversationRequest
	_ = v.UnmarshalJSON([]byte(raw))
	_, err := decodeRedactConversationRequest(v)
	tkUnionError(t, err, "redact_conversation_request", raw, `type="message"`)
}

func TestDecodeIdentityUnions(t *testing.T) {
	for _, tc := range []struct{ raw, field string }{
		{`{"intercom_user_id":"c"}`, "intercom_user_id"}, {`{"user_id":"u"}`, "user_id"}, {`{"email":"e@x.y","customer":null}`, "email"},
	} {
		var v gen.AttachContactToConversationRequest_Customer
		_ = v.UnmarshalJSON([]byte(tc.raw))
		id, err := decodeConversationCustomer(v)
		if err != nil || id.Field() != tc.field {
			t.Errorf("%s: %+v %v", tc.raw, id, err)
		}
	}
	for _, raw := range []string{`{"name":"x"}`, `{"email":"a","user_id":"b"}`, `{"email":3}`} {
		var v gen.AttachContactToConversationRequest_Customer
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeConversationCustomer(v)
		tkUnionError(t, err, "attach_contact_to_conversation_request.customer", raw)
	}
	for _, tc := range []struct{ raw, field string }{
		{`{"id":"c"}`, "id"}, {`{"external_id":"u"}`, "external_id"}, {`{"email":"e@x.y"}`, "email"},
	} {
		var v gen.CreateTicketRequest_Contacts_Item
		_ = v.UnmarshalJSON([]byte(tc.raw))
		c, err := decodeTicketContact(v)
		if err != nil || c.Field() != tc.field || c.Value() == "" {
			t.Errorf("%s: %+v %v", tc.raw, c, err)
		}
	}
	for _, raw := range []string{`{}`, `{"id":"a","email":"b"}`} {
		var v gen.CreateTicketRequest_Contacts_Item
		_ = v.UnmarshalJSON([]byte(raw))
		_, err := decodeTicketContact(v)
		tkUnionError(t, err, "create_ticket_request.contacts", raw)
	}
}

func TestDecodeTicketAttributes(t *testing.T) {
	var tk Ticket
	if err := json.Unmarshal([]byte(tkTicketJSON), &tk); err != nil {
		t.Fatal(err)
	}
	attrs, err := TicketAttributesOf(&tk)
	if err != nil {
		t.Fatal(err)
	}
	if a := attrs["_default_title_"]; a.Kind != TicketAttributeKindString || a.String != "Broken" {
		t.Errorf("title = %+v", a)
	}
	if a := attrs["count"]; a.Kind != TicketAttributeKindNumber || a.Number.String() != "12345678901" {
		t.Errorf("count = %+v (must keep every digit)", a)
	}
	if a := attrs["urgent"]; a.Kind != TicketAttributeKindBool || !a.Bool {
		t.Errorf("urgent = %+v", a)
	}
	if a := attrs["files"]; a.Kind != TicketAttributeKindList || a.List == nil {
		t.Errorf("files = %+v", a)
	}
	if a := attrs["gone"]; a.Kind != TicketAttributeKindNull {
		t.Errorf("gone = %+v", a)
	}
	// An object matches no variant; decoding the ticket still works.
	if err := json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1,"lng":2}}}`), &tk); err != nil {
		t.Fatalf("ticket with an object attribute must decode: %v", err)
	}
	_, err = TicketAttributesOf(&tk)
	tkUnionError(t, err, "ticket_attributes.geo", `{"lat":1,"lng":2}`, "lat", "lng")
}

func timeUnix(s int64) time.Time { return time.Unix(s, 0) }

// TestTicketAttributesWithAFile: a ticket whose file attribute holds an
// upload (2.11's file_attribute) decodes whole: the file with every field,
// a list of files, and the other attributes beside them.
func TestTicketAttributesWithAFile(t *testing.T) {
	const file = `{"type":"upload","name":"Screenshot.png","url":"https://files.example.com/s.png","content_type":"image/png","filesize":11308309,"width":3024,"height":1964}`
	const pdf = `{"type":"upload","name":"a.pdf","url":"https://files.example.com/a.pdf","content_type":"application/pdf","filesize":20,"width":null,"height":null}`
	var tk Ticket
	if err := json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"_default_title_":"Broken","screenshot":`+file+`,"more":[`+pdf+`],"count":3}}`), &tk); err != nil {
		t.Fatal(err)
	}
	attrs, err := TicketAttributesOf(&tk)
	if err != nil {
		t.Fatalf("TicketAttributesOf: %v", err)
	}
	if len(attrs) != 4 || attrs["_default_title_"].String != "Broken" || attrs["count"].Number != "3" {
		t.Errorf("attributes = %+v", attrs)
	}
	a := attrs["screenshot"]
	want := FileAttribute{Type: "upload", Name: "Screenshot.png", Url: "https://files.example.com/s.png", ContentType: "image/png", Filesize: 11308309, Width: 3024, Height: 1964}
	if a.Kind != TicketAttributeKindFile || a.File == nil || *a.File != want {
		t.Errorf("screenshot = %+v, want the file %+v", a, want)
	}
	if string(a.Raw) != file {
		t.Errorf("Raw = %s, want %s", a.Raw, file)
	}
	if l := attrs["more"]; l.Kind != TicketAttributeKindList || len(l.List) != 1 || l.List[0].(map[string]any)["name"] != "a.pdf" {
		t.Errorf("more = %+v", l)
	}
	// A file without width and height (not an image) is a file too.
	var v gen.TicketCustomAttributes_AdditionalProperties
	if err := v.UnmarshalJSON([]byte(pdf)); err != nil {
		t.Fatal(err)
	}
	if got, err := DecodeTicketAttribute(v); err != nil || got.Kind != TicketAttributeKindFile || got.File.Name != "a.pdf" || got.File.Width != 0 {
		t.Errorf("pdf = %+v, %v", got, err)
	}
	// A file field of the wrong type is a *UnionError that keeps the value.
	bad := `{"type":"upload","url":"https://files.example.com/x","filesize":"big"}`
	if err := v.UnmarshalJSON([]byte(bad)); err != nil {
		t.Fatal(err)
	}
	_, err = DecodeTicketAttribute(v)
	tkUnionError(t, err, "ticket_custom_attributes", bad, `type="upload"`, "filesize")
}

// TestTicketAttributesOfKeepsTheOthers: a value that matches no variant is
// reported, and every other value is still returned.
func TestTicketAttributesOfKeepsTheOthers(t *testing.T) {
	var tk Ticket
	if err := json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1},"box":{"w":2},"title":"x","n":1}}`), &tk); err != nil {
		t.Fatal(err)
	}
	attrs, err := TicketAttributesOf(&tk)
	if len(attrs) != 2 || attrs["title"].String != "x" || attrs["n"].Number != "1" {
		t.Errorf("attributes = %+v", attrs)
	}
	tkUnionError(t, err, "ticket_attributes.box", `{"w":2}`, "w")
	if !strings.Contains(err.Error(), "ticket_attributes.geo") {
		t.Errorf("error %q does not name geo", err)
	}
}
