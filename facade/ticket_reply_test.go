package facade

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One test per variant: the exact JSON each ticket reply helper sends.
func TestTicketReplyJSONPerVariant(t *testing.T) {
	at := time.Unix(1717000000, 0)
	cases := []struct {
		name  string
		reply TicketReplyRequest
		want  string
	}{
		{"admin comment", AdminComment("991", "Hello"),
			`{"type":"admin","message_type":"comment","admin_id":"991","body":"Hello"}`},
		{"admin comment with attachments and created_at", AdminComment("991", "See", WithAttachmentURLs("https://x.test/a.png", "http://x.test/b"), WithCreatedAt(at)),
			`{"type":"admin","message_type":"comment","admin_id":"991","body":"See","attachment_urls":["https://x.test/a.png","http://x.test/b"],"created_at":1717000000}`},
		{"admin note", AdminNote("991", "<p>internal</p>"),
			`{"type":"admin","message_type":"note","admin_id":"991","body":"<p>internal</p>"}`},
		{"admin quick reply", AdminQuickReply("991", QuickReplyBody("Happy?"),
			QuickReplyOption{Text: "Yes", UUID: "0b3e5a7c-1f2d-4e6a-9b8c-7d6e5f4a3b2c"},
			QuickReplyOption{Text: "No", UUID: "1c4f6b8d-2a3e-4f7b-8c9d-8e7f6a5b4c3d"}, WithCreatedAt(at)),
			`{"type":"admin","message_type":"quick_reply","admin_id":"991","body":"Happy?","created_at":1717000000,
			  "reply_options":[{"text":"Yes","uuid":"0b3e5a7c-1f2d-4e6a-9b8c-7d6e5f4a3b2c"},{"text":"No","uuid":"1c4f6b8d-2a3e-4f7b-8c9d-8e7f6a5b4c3d"}]}`},
		{"contact by intercom_user_id", ContactReply(ByIntercomUserID("6657a"), "Thanks"),
			`{"type":"user","message_type":"comment","intercom_user_id":"6657a","body":"Thanks"}`},
		{"contact by user_id", ContactReply(ByUserID("u-42"), "Thanks", WithAttachmentURLs("https://x.test/c.pdf")),
			`{"type":"user","message_type":"comment","user_id":"u-42","body":"Thanks","attachment_urls":["https://x.test/c.pdf"]}`},
		{"contact by email", ContactReply(ByEmail("jo@example.com"), "Thanks", WithCreatedAt(at)),
			`{"type":"user","message_type":"comment","email":"jo@example.com","body":"Thanks","created_at":1717000000}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.reply("/", 200, `{"type":"ticket_part","id":"1","part_type":"comment","created_at":1}`)
			require.NoError(t, err3(c.Tickets.Reply(context.Background(), "77", tc.reply)))
			r := f.only(t)
			assert.Equal(t, "POST /tickets/77/reply", r.Method+" "+r.Path)
			assert.JSONEq(t, tc.want, r.Body)
		})
	}
}

func TestQuickReplyGeneratesUUID(t *testing.T) {
	req, err := AdminQuickReply("1", QuickReplyOption{Text: "Yes"}).TicketRequest()
	require.NoError(t, err)
	b, _ := req.MarshalJSON()
	var got struct {
		ReplyOptions []struct{ UUID string } `json:"reply_options"`
	}
	_ = json.Unmarshal(b, &got)
	v4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	assert.Len(t, got.ReplyOptions, 1)
	assert.True(t, v4.MatchString(got.ReplyOptions[0].UUID))
}

// Every invalid ticket reply is an *InputError naming the field, and no
// request reaches the server.
func TestTicketReplyInvalid(t *testing.T) {
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = "https://x.test/" + strings.Repeat("a", i+1)
	}
	cases := []struct {
		name  string
		reply TicketReplyRequest
		field string
	}{
		{"zero reply", Reply{}, "message_type"},
		{"comment without admin", AdminComment("", "hi"), "admin_id"},
		{"comment without body", AdminComment("1", ""), "body"},
		{"note without body", AdminNote("1", ""), "body"},
		{"contact without identity", ContactReply(ContactIdentifier{}, "hi"), "intercom_user_id|user_id|email"},
		{"contact empty email", ContactReply(ByEmail(""), "hi"), "email"},
		{"contact empty user_id", ContactReply(ByUserID(""), "hi"), "user_id"},
		{"contact empty intercom_user_id", ContactReply(ByIntercomUserID(""), "hi"), "intercom_user_id"},
		{"contact without body", ContactReply(ByEmail("a@b.c"), ""), "body"},
		{"eleven attachments", AdminComment("1", "hi", WithAttachmentURLs(eleven...)), "attachment_urls"},
		{"relative url", AdminNote("1", "hi", WithAttachmentURLs("https://x.test/a", "/files/b.png")), "attachment_urls[1]"},
		{"ftp url", ContactReply(ByUserID("u"), "hi", WithAttachmentURLs("ftp://x.test/a")), "attachment_urls[0]"},
		{"not a url", AdminComment("1", "hi", WithAttachmentURLs("://")), "attachment_urls[0]"},
		{"zero created_at", AdminComment("1", "hi", WithCreatedAt(time.Time{})), "created_at"},
		{"quick reply without admin", AdminQuickReply("", QuickReplyOption{Text: "a"}), "admin_id"},
		{"quick reply without options", AdminQuickReply("1", QuickReplyBody("Happy?")), "reply_options"},
		{"quick reply option without text", AdminQuickReply("1", QuickReplyOption{Text: "a"}, QuickReplyOption{}), "reply_options[1].text"},
		{"quick reply bad uuid", AdminQuickReply("1", QuickReplyOption{Text: "a", UUID: "nope"}), "reply_options[0].uuid"},
		{"quick reply bad url", AdminQuickReply("1", QuickReplyOption{Text: "a"}, WithAttachmentURLs("x")), "attachment_urls[0]"},
		{"files are for conversations", AdminComment("1", "hi").WithAttachmentFiles(AttachmentFile{Name: "a", ContentType: "text/plain", Data: "aGk="}).Reply, "attachment_files"},
	}
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, `{}`)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := c.Tickets.Reply(context.Background(), "77", tc.reply)
			requireInputError(t, err, tc.field)
		})
	}
	f.expectNone(t)
}

func TestReplyAccessors(t *testing.T) {
	r := ContactReply(ByEmail("a@b.c"), "hi")
	assert.False(t, r.IsAdmin())
	assert.Equal(t, ReplyComment, r.MessageType())
	n := AdminNote("1", "x")
	assert.True(t, n.IsAdmin())
	assert.Equal(t, ReplyNote, n.MessageType())
	id := ByIntercomUserID("x1")
	assert.Equal(t, "intercom_user_id", id.Field())
	assert.Equal(t, "x1", id.Value())
	// Options given to one reply do not leak into another.
	urls := []string{"https://x.test/a"}
	opt := WithAttachmentURLs(urls...)
	urls[0] = "changed"
	a, _ := AdminComment("1", "a", opt).TicketRequest()
	b, _ := a.MarshalJSON()
	assert.Contains(t, string(b), "https://x.test/a")
}
