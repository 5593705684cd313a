package facade

import (
	"net/url"
	"slices"
	"time"
)

// ReplyMessageType is the message_type of a reply, and the part_type of the
// ticket part a reply creates: comment, note or quick_reply. The constructors
// (AdminComment, AdminNote, AdminQuickReply, ContactReply) set it, so a
// request never carries a wrong one; on responses, Valid reports false for a
// value this version does not know.
type ReplyMessageType string

// The reply message types of Intercom 2.11.
const (
	// ReplyComment is a reply the customer sees.
	ReplyComment ReplyMessageType = "comment"
	// ReplyNote is an internal note, seen only by teammates.
	ReplyNote ReplyMessageType = "note"
	// ReplyQuickReply offers the customer buttons to answer with (tickets only).
	ReplyQuickReply ReplyMessageType = "quick_reply"
)

var replyMessageTypes = []ReplyMessageType{ReplyComment, ReplyNote, ReplyQuickReply}

// ParseReplyMessageType returns the ReplyMessageType named s, or an
// *InputError naming the field message_type and the allowed values.
func ParseReplyMessageType(s string) (ReplyMessageType, error) {
	return parseEnum("message_type", s, replyMessageTypes)
}

// Valid reports whether t is one of the reply message types of this version.
func (t ReplyMessageType) Valid() bool { return slices.Contains(replyMessageTypes, t) }

// String returns the message type as the API spells it.
func (t ReplyMessageType) String() string { return string(t) }

// maxReplyAttachments is the API's limit on attachment_urls and
// attachment_files of one reply.
const maxReplyAttachments = 10

// replyParams are the optional fields of a reply.
type replyParams struct {
	attachmentURLs  []string
	attachmentFiles []AttachmentFile
	createdAt       *time.Time
	// quick replies
	quickBody    *string
	quickOptions []QuickReplyOption
}

// ReplyOption sets an optional field of a ticket or conversation reply.
type ReplyOption func(*replyParams)

// WithAttachmentURLs attaches files by URL: at most 10, each an absolute
// http or https URL. Given more than once, the lists add up.
func WithAttachmentURLs(urls ...string) ReplyOption {
	urls = append([]string(nil), urls...)
	return func(p *replyParams) { p.attachmentURLs = append(p.attachmentURLs, urls...) }
}

// WithCreatedAt backdates the reply to t (sent as created_at, in Unix
// seconds), for importing history.
func WithCreatedAt(t time.Time) ReplyOption {
	return func(p *replyParams) { p.createdAt = &t }
}

// Reply is a reply as an admin (comment or note) or on behalf of a contact.
// It is valid both for Tickets.Reply and for Conversations.Reply. Build one
// with AdminComment, AdminNote or ContactReply; WithAttachmentFiles turns it
// into a ConversationReply, which only conversations accept.
type Reply struct {
	messageType ReplyMessageType
	adminID     string
	contact     ContactIdentifier
	fromContact bool
	body        string
	params      replyParams
}

// AdminComment is a reply the customer sees, written by the admin adminID.
func AdminComment(adminID, body string, opts ...ReplyOption) Reply {
	return Reply{messageType: ReplyComment, adminID: adminID, body: body, params: applyReplyOptions(opts)}
}

// AdminNote is an internal note by the admin adminID, seen only by teammates.
func AdminNote(adminID, body string, opts ...ReplyOption) Reply {
	return Reply{messageType: ReplyNote, adminID: adminID, body: body, params: applyReplyOptions(opts)}
}

// ContactReply is a comment written on behalf of the contact who, identified
// with ByIntercomUserID, ByUserID or ByEmail.
func ContactReply(who ContactIdentifier, body string, opts ...ReplyOption) Reply {
	return Reply{messageType: ReplyComment, contact: who, fromContact: true, body: body, params: applyReplyOptions(opts)}
}

// MessageType returns the reply's message_type.
func (r Reply) MessageType() ReplyMessageType { return r.messageType }

// IsAdmin reports whether the reply is written as an admin (true) or on
// behalf of a contact (false).
func (r Reply) IsAdmin() bool { return !r.fromContact }

// Validate checks the reply as it would be sent: an *InputError naming the
// field when something is missing or out of bounds.
func (r Reply) Validate() error {
	if r.messageType == "" {
		return invalid("message_type", "the reply is empty: build it with AdminComment, AdminNote or ContactReply")
	}
	if r.IsAdmin() {
		if err := required("admin_id", r.adminID); err != nil {
			return err
		}
	} else if err := r.contact.validate(); err != nil {
		return err
	}
	if err := required("body", r.body); err != nil {
		return err
	}
	return r.params.validate()
}

func applyReplyOptions(opts []ReplyOption) replyParams {
	var p replyParams
	for _, o := range opts {
		if o != nil {
			o(&p)
		}
	}
	return p
}

// validate checks attachments and created_at.
func (p replyParams) validate() error {
	if err := validAttachmentURLs(p.attachmentURLs); err != nil {
		return err
	}
	if p.createdAt != nil && p.createdAt.IsZero() {
		return invalid("created_at", "must be a real time, not the zero time.Time")
	}
	_, err := p.createdAtUnix()
	return err
}

// createdAtUnix returns created_at for the request, or nil.
func (p replyParams) createdAtUnix() (*int, error) {
	if p.createdAt == nil {
		return nil, nil
	}
	return optionalTime("created_at", *p.createdAt)
}

// validAttachmentURLs checks attachment_urls: at most 10, each absolute
// http(s).
func validAttachmentURLs(urls []string) error {
	if len(urls) > maxReplyAttachments {
		return invalid("attachment_urls", "at most %d attachments, got %d", maxReplyAttachments, len(urls))
	}
	for i, raw := range urls {
		u, err := url.Parse(raw)
		if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return invalid(itemField("attachment_urls", i), "must be an absolute http or https URL, got %q", raw)
		}
	}
	return nil
}
