package facade

import (
	"github.com/go-intercom/intercom/gen"
	"github.com/google/uuid"
)

// TicketReplyRequest is what Tickets.Reply sends: a Reply (AdminComment,
// AdminNote, ContactReply) or a QuickReply (AdminQuickReply). TicketRequest
// validates it and builds exactly one variant of gen's reply_ticket_request.
type TicketReplyRequest interface {
	TicketRequest() (gen.ReplyTicketRequest, error)
}

var (
	_ TicketReplyRequest = Reply{}
	_ TicketReplyRequest = QuickReply{}
)

// TicketRequest validates r and builds the body of POST /tickets/{id}/reply:
// the admin variant for AdminComment and AdminNote, the contact variant
// (intercom_user_id, user_id or email) for ContactReply.
func (r Reply) TicketRequest() (ReplyTicketRequest, error) {
	var out gen.ReplyTicketRequest
	if err := r.Validate(); err != nil {
		return out, err
	}
	if len(r.params.attachmentFiles) > 0 {
		return out, invalid("attachment_files", "ticket replies take attachment_urls only")
	}
	b, err := replyBodyOf(r)
	if err != nil {
		return out, err
	}
	return out, b.into(&out)
}

// QuickReplyOption is one button of a quick reply: the text shown, and a
// UUID the answer refers to. Leave UUID empty to have a random one
// generated when the request is built.
type QuickReplyOption struct {
	Text string
	UUID string
}

// QuickReplyArg is an argument of AdminQuickReply: a QuickReplyOption (a
// button), QuickReplyBody (the question) or a ReplyOption (attachments,
// created_at).
type QuickReplyArg interface {
	applyQuickReply(*replyParams)
}

func (o QuickReplyOption) applyQuickReply(p *replyParams) { p.quickOptions = append(p.quickOptions, o) }
func (o ReplyOption) applyQuickReply(p *replyParams) {
	if o != nil {
		o(p)
	}
}

// quickReplyBody is the QuickReplyArg QuickReplyBody returns.
type quickReplyBody string

func (b quickReplyBody) applyQuickReply(p *replyParams) { s := string(b); p.quickBody = &s }

// QuickReplyBody sets the text shown above the buttons of a quick reply.
func QuickReplyBody(text string) QuickReplyArg { return quickReplyBody(text) }

// QuickReply is an admin reply that offers the customer buttons to answer
// with. Only tickets accept it. Build one with AdminQuickReply.
type QuickReply struct {
	adminID string
	params  replyParams
}

// AdminQuickReply is a quick reply by the admin adminID: at least one
// QuickReplyOption, each with a text; optionally a QuickReplyBody and
// ReplyOptions (WithAttachmentURLs, WithCreatedAt).
func AdminQuickReply(adminID string, args ...QuickReplyArg) QuickReply {
	q := QuickReply{adminID: adminID}
	for _, a := range args {
		if a != nil {
			a.applyQuickReply(&q.params)
		}
	}
	return q
}

// Validate checks the quick reply as it would be sent.
func (q QuickReply) Validate() error {
	if err := required("admin_id", q.adminID); err != nil {
		return err
	}
	if len(q.params.quickOptions) == 0 {
		return invalid("reply_options", "a quick reply needs at least one option")
	}
	for i, o := range q.params.quickOptions {
		if o.Text == "" {
			return invalid(itemField("reply_options", i)+".text", "must not be empty")
		}
		if o.UUID != "" {
			if _, err := uuid.Parse(o.UUID); err != nil {
				return invalid(itemField("reply_options", i)+".uuid", "must be a UUID, got %q", o.UUID)
			}
		}
	}
	return q.params.validate()
}

// TicketRequest validates q and builds the admin variant of
// reply_ticket_request with message_type quick_reply.
func (q QuickReply) TicketRequest() (ReplyTicketRequest, error) {
	var out gen.ReplyTicketRequest
	if err := q.Validate(); err != nil {
		return out, err
	}
	b, err := quickReplyBodyOf(q)
	if err != nil {
		return out, err
	}
	return out, b.into(&out)
}
