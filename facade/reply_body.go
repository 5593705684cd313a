package facade

import (
	"encoding/json"

	"github.com/go-intercom/intercom/gen"
	"github.com/google/uuid"
)

// replyBody is every field a reply can carry, under the API's names. The
// admin and contact variants of reply_ticket_request and
// reply_conversation_request are the same fields under different Go types in
// gen; each variant is the set of fields its reply fills, so one builder
// serves both unions and each gen union decodes its variant from the JSON.
type replyBody struct {
	Type            string                  `json:"type"`
	MessageType     ReplyMessageType        `json:"message_type"`
	AdminID         string                  `json:"admin_id,omitempty"`
	IntercomUserID  string                  `json:"intercom_user_id,omitempty"`
	UserID          string                  `json:"user_id,omitempty"`
	Email           string                  `json:"email,omitempty"`
	Body            *string                 `json:"body,omitempty"`
	ReplyOptions    []gen.TicketReplyOption `json:"reply_options,omitempty"`
	AttachmentURLs  []string                `json:"attachment_urls,omitempty"`
	AttachmentFiles []AttachmentFile        `json:"attachment_files,omitempty"`
	CreatedAt       *int                    `json:"created_at,omitempty"`
}

// replyBodyOf is the body of a validated reply: as the admin for
// AdminComment and AdminNote, on behalf of the contact (by the field its
// ContactIdentifier names) for ContactReply.
func replyBodyOf(r Reply) (replyBody, error) {
	b, err := r.params.body()
	if err != nil {
		return b, err
	}
	b.MessageType = r.messageType
	body := r.body
	b.Body = &body
	if r.IsAdmin() {
		b.Type, b.AdminID = "admin", r.adminID
		return b, nil
	}
	b.Type = "user"
	switch r.contact.field {
	case "intercom_user_id":
		b.IntercomUserID = r.contact.value
	case "user_id":
		b.UserID = r.contact.value
	default: // email; Validate has rejected anything else
		b.Email = r.contact.value
	}
	return b, nil
}

// quickReplyBodyOf is the body of a validated quick reply: the admin variant
// with message_type quick_reply, and a random UUID for each option left
// without one.
func quickReplyBodyOf(q QuickReply) (replyBody, error) {
	b, err := q.params.body()
	if err != nil {
		return b, err
	}
	b.Type, b.MessageType, b.AdminID, b.Body = "admin", ReplyQuickReply, q.adminID, q.params.quickBody
	b.ReplyOptions = make([]gen.TicketReplyOption, len(q.params.quickOptions))
	for i, o := range q.params.quickOptions {
		b.ReplyOptions[i] = gen.TicketReplyOption{Text: o.Text, Uuid: o.UUID}
		if o.UUID == "" {
			b.ReplyOptions[i].Uuid = uuid.NewString()
		}
	}
	return b, nil
}

// body is the optional fields every variant carries.
func (p replyParams) body() (replyBody, error) {
	created, err := p.createdAtUnix()
	return replyBody{AttachmentURLs: p.attachmentURLs, AttachmentFiles: p.attachmentFiles, CreatedAt: created}, err
}

// into sets union, one of gen's reply unions, to the variant b is.
func (b replyBody) into(union json.Unmarshaler) error {
	data, err := json.Marshal(b)
	if err != nil {
		return err
	}
	return union.UnmarshalJSON(data)
}
