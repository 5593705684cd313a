package facade

import (
	"encoding/base64"

	"github.com/go-intercom/intercom/gen"
)

// AttachmentFile is a file sent inline with a conversation reply: its name,
// MIME content type and base64-encoded data.
type AttachmentFile = gen.ConversationAttachmentFiles

// ConversationReplyRequest is what Conversations.Reply sends: a Reply
// (AdminComment, AdminNote, ContactReply) or a ConversationReply (a Reply
// with attachment files). ConversationRequest validates it and builds exactly
// one variant of gen's reply_conversation_request.
type ConversationReplyRequest interface {
	ConversationRequest() (gen.ReplyConversationRequest, error)
}

var (
	_ ConversationReplyRequest = Reply{}
	_ ConversationReplyRequest = ConversationReply{}
)

// ConversationReply is a Reply carrying inline attachment files, which only
// conversations accept. Build one with Reply.WithAttachmentFiles.
type ConversationReply struct {
	Reply
}

// WithAttachmentFiles returns the reply with files attached inline (sent as
// attachment_files; at most 10 for an admin reply and for a contact reply by
// user_id, the variants for which 2.11 declares a limit). Given more than once,
// the lists add up. Only Conversations.Reply accepts the result.
func (r Reply) WithAttachmentFiles(files ...AttachmentFile) ConversationReply {
	r.params.attachmentFiles = append(append([]AttachmentFile(nil), r.params.attachmentFiles...), files...)
	return ConversationReply{Reply: r}
}

// WithAttachmentFiles adds more files to the reply.
func (r ConversationReply) WithAttachmentFiles(files ...AttachmentFile) ConversationReply {
	return r.Reply.WithAttachmentFiles(files...)
}

// Validate checks the reply as it would be sent, files included.
func (r ConversationReply) Validate() error {
	if err := r.Reply.Validate(); err != nil {
		return err
	}
	files := r.params.attachmentFiles
	if limit := r.attachmentFilesLimit(); limit > 0 && len(files) > limit {
		return invalid("attachment_files", "at most %d files for %s, got %d", limit, r.variantName(), len(files))
	}
	for i, f := range files {
		field := itemField("attachment_files", i)
		if f.GetName() == "" {
			return invalid(field+".name", "must not be empty")
		}
		if f.GetContentType() == "" {
			return invalid(field+".content_type", "must not be empty")
		}
		if f.GetData() == "" {
			return invalid(field+".data", "must not be empty")
		}
		if _, err := base64.StdEncoding.DecodeString(f.GetData()); err != nil {
			return invalid(field+".data", "must be base64 (standard encoding)")
		}
	}
	return nil
}

// attachmentFilesLimit is the maxItems 2.11 declares on attachment_files
// for the variant r is sent as, 0 when it declares none:
// admin_reply_conversation_request and contact_reply_user_id_request say 10;
// contact_reply_email_request and contact_reply_intercom_user_id_request set
// no limit.
func (r Reply) attachmentFilesLimit() int {
	if r.IsAdmin() || r.contact.field == "user_id" {
		return maxReplyAttachments
	}
	return 0
}

// variantName says which reply variant r is, for error messages.
func (r Reply) variantName() string {
	if r.IsAdmin() {
		return "an admin reply"
	}
	return "a contact reply by " + r.contact.field
}

// ConversationRequest validates r and builds the body of POST
// /conversations/{id}/reply.
func (r ConversationReply) ConversationRequest() (ReplyConversationRequest, error) {
	if err := r.Validate(); err != nil {
		return gen.ReplyConversationRequest{}, err
	}
	return r.Reply.conversationRequest()
}

// ConversationRequest validates r and builds the body of POST
// /conversations/{id}/reply: the admin variant for AdminComment and
// AdminNote, the contact variant (intercom_user_id, user_id or email) for
// ContactReply.
func (r Reply) ConversationRequest() (ReplyConversationRequest, error) {
	if len(r.params.attachmentFiles) > 0 {
		return ConversationReply{Reply: r}.ConversationRequest()
	}
	if err := r.Validate(); err != nil {
		return gen.ReplyConversationRequest{}, err
	}
	return r.conversationRequest()
}

// conversationRequest builds the union from an already validated reply.
func (r Reply) conversationRequest() (gen.ReplyConversationRequest, error) {
	var out gen.ReplyConversationRequest
	b, err := replyBodyOf(r)
	if err != nil {
		return out, err
	}
	return out, b.into(&out)
}
