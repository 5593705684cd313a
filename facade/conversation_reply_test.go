package facade

import (
	"context"
	"testing"
	"time"

	"github.com/go-intercom/intercom/internal/description"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One test per variant: the exact JSON each conversation reply helper sends.
func TestConversationReplyJSONPerVariant(t *testing.T) {
	at := time.Unix(1717000000, 0)
	file := AttachmentFile{Name: "a.txt", ContentType: "text/plain", Data: "aGVsbG8="}
	cases := []struct {
		name  string
		reply ConversationReplyRequest
		want  string
	}{
		{"admin comment", AdminComment("991", "Hello", WithCreatedAt(at)),
			`{"type":"admin","message_type":"comment","admin_id":"991","body":"Hello","created_at":1717000000}`},
		{"admin note with urls and files", AdminNote("991", "n", WithAttachmentURLs("https://x.test/a")).WithAttachmentFiles(file),
			`{"type":"admin","message_type":"note","admin_id":"991","body":"n","attachment_urls":["https://x.test/a"],
			  "attachment_files":[{"name":"a.txt","content_type":"text/plain","data":"aGVsbG8="}]}`},
		{"contact by intercom_user_id", ContactReply(ByIntercomUserID("6657a"), "Thanks"),
			`{"type":"user","message_type":"comment","intercom_user_id":"6657a","body":"Thanks"}`},
		{"contact by user_id with files", ContactReply(ByUserID("u-42"), "Thanks").WithAttachmentFiles(file).WithAttachmentFiles(file),
			`{"type":"user","message_type":"comment","user_id":"u-42","body":"Thanks",
			  "attachment_files":[{"name":"a.txt","content_type":"text/plain","data":"aGVsbG8="},{"name":"a.txt","content_type":"text/plain","data":"aGVsbG8="}]}`},
		{"contact by email", ContactReply(ByEmail("jo@example.com"), "Thanks", WithAttachmentURLs("https://x.test/c.pdf")),
			`{"type":"user","message_type":"comment","email":"jo@example.com","body":"Thanks","attachment_urls":["https://x.test/c.pdf"]}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.reply("/", 200, conversationJSON)
			conv, _, err := c.Conversations.Reply(context.Background(), "123", tc.reply)
			require.NoError(t, err)
			r := f.only(t)
			assert.Equal(t, "POST /conversations/123/reply", r.Method+" "+r.Path)
			assert.JSONEq(t, tc.want, r.Body)
			assert.Equal(t, "123", conv.Id)
		})
	}
}

func TestConversationReplyInvalid(t *testing.T) {
	file := AttachmentFile{Name: "a.txt", ContentType: "text/plain", Data: "aGVsbG8="}
	eleven := make([]AttachmentFile, 11)
	for i := range eleven {
		eleven[i] = file
	}
	cases := []struct {
		name  string
		reply ConversationReplyRequest
		field string
	}{
		{"zero reply", Reply{}, "message_type"},
		{"zero conversation reply", ConversationReply{}, "message_type"},
		{"admin without id", AdminComment("", "hi"), "admin_id"},
		{"admin without body", AdminNote("1", ""), "body"},
		{"contact without identity", ContactReply(ContactIdentifier{}, "hi"), "intercom_user_id|user_id|email"},
		{"bad url", ContactReply(ByEmail("a@b.c"), "hi", WithAttachmentURLs("mailto:x@y.z")), "attachment_urls[0]"},
		{"eleven admin files", AdminComment("1", "hi").WithAttachmentFiles(eleven...), "attachment_files"},
		{"file without name", AdminComment("1", "hi").WithAttachmentFiles(file, AttachmentFile{ContentType: "a/b", Data: "aGk="}), "attachment_files[1].name"},
		{"file without type", AdminComment("1", "hi").WithAttachmentFiles(AttachmentFile{Name: "a", Data: "aGk="}), "attachment_files[0].content_type"},
		{"file without data", AdminComment("1", "hi").WithAttachmentFiles(AttachmentFile{Name: "a", ContentType: "a/b"}), "attachment_files[0].data"},
		{"file not base64", ContactReply(ByUserID("u"), "hi").WithAttachmentFiles(AttachmentFile{Name: "a", ContentType: "a/b", Data: "not base64!"}), "attachment_files[0].data"},
		{"files on a plain Reply", AdminComment("1", "hi").WithAttachmentFiles(AttachmentFile{Name: "a"}).Reply, "attachment_files[0].content_type"},
	}
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, conversationJSON)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := c.Conversations.Reply(context.Background(), "123", tc.reply)
			requireInputError(t, err, tc.field)
		})
	}
	_, _, err := c.Conversations.Reply(context.Background(), "", AdminNote("1", "x"))
	requireInputError(t, err, "conversation_id")
	_, _, err = c.Conversations.Reply(context.Background(), "1", nil)
	requireInputError(t, err, "message_type")
	f.expectNone(t)
}

// TestConversationReplyFileLimitsPerVariant: 2.11 declares at most 10
// attachment_files for the admin variant and for the contact variant by
// user_id, and no limit for the contact variants by email and by
// intercom_user_id. Eleven files are refused before sending exactly where a
// limit is declared; ten always go out, and eleven go out where none is.
func TestConversationReplyFileLimitsPerVariant(t *testing.T) {
	ten := elevenFiles()[:10]
	for _, tc := range []struct {
		name    string
		reply   Reply
		limited bool
	}{
		{"admin comment", AdminComment("1", "hi"), true},
		{"admin note", AdminNote("1", "hi"), true},
		{"contact by user_id", ContactReply(ByUserID("u-1"), "hi"), true},
		{"contact by email", ContactReply(ByEmail("a@example.com"), "hi"), false},
		{"contact by intercom_user_id", ContactReply(ByIntercomUserID("c1"), "hi"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.reply("/", 200, conversationJSON)
			require.NoError(t, err3(c.Conversations.Reply(context.Background(), "123", tc.reply.WithAttachmentFiles(ten...))), "ten files")
			_, _, err := c.Conversations.Reply(context.Background(), "123", tc.reply.WithAttachmentFiles(elevenFiles()...))
			sent := len(f.requests())
			if tc.limited {
				requireInputError(t, err, "attachment_files")
				assert.Equal(t, 1, sent)
				return
			}
			assert.NoError(t, err)
			assert.Equal(t, 2, sent)
		})
	}
}

// TestConversationReplyFileLimitsFollowTheDescription reads the maxItems of
// attachment_files from the embedded description, for each variant, and
// checks that the facade enforces exactly that.
func TestConversationReplyFileLimitsFollowTheDescription(t *testing.T) {
	doc, err := description.GetSpec()
	require.NoError(t, err)
	for schema, reply := range map[string]Reply{
		"admin_reply_conversation_request":       AdminComment("1", "hi"),
		"contact_reply_user_id_request":          ContactReply(ByUserID("u"), "hi"),
		"contact_reply_email_request":            ContactReply(ByEmail("a@example.com"), "hi"),
		"contact_reply_intercom_user_id_request": ContactReply(ByIntercomUserID("c"), "hi"),
	} {
		s := doc.Components.Schemas[schema]
		require.NotNil(t, s)
		require.NotNil(t, s.Value.Properties["attachment_files"])
		want := 0
		if m := s.Value.Properties["attachment_files"].Value.MaxItems; m != nil {
			want = int(*m)
		}
		got := reply.attachmentFilesLimit()
		assert.Equal(t, want, got)
	}
}

// elevenFiles returns 11 valid attachment files, one more than a reply
// variant with a declared limit takes.
func elevenFiles() []AttachmentFile {
	files := make([]AttachmentFile, 11)
	for i := range files {
		files[i] = AttachmentFile{Name: "a.txt", ContentType: "text/plain", Data: "aGk="}
	}
	return files
}
