package facade

import (
	"context"
	"strconv"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// MessagesService groups the operations on outbound messages sent by admins.
type MessagesService service

// Message is an outbound message an admin sent.
type Message = gen.Message

// MessageRecipient is the contact an outbound message goes to. Build one
// with MessageToUser or MessageToLead; the zero value is rejected.
type MessageRecipient struct {
	role string
	id   string
}

// MessageToUser addresses a message to the user with Intercom's contact id.
func MessageToUser(contactID string) MessageRecipient {
	return MessageRecipient{role: "user", id: contactID}
}

// MessageToLead addresses a message to the lead with Intercom's contact id.
func MessageToLead(contactID string) MessageRecipient {
	return MessageRecipient{role: "lead", id: contactID}
}

// EmailTemplate is the style of an email message.
type EmailTemplate string

// The email templates.
const (
	EmailTemplatePlain    EmailTemplate = "plain"
	EmailTemplatePersonal EmailTemplate = "personal"
)

// OutboundMessage is a message for MessagesService.Create: an in-app
// message or an email, built with InAppMessage or EmailMessage. The zero
// value is rejected.
type OutboundMessage struct {
	messageType gen.CreateMessageRequestMessageType
	adminID     string
	to          MessageRecipient
	subject     string
	body        string
	template    EmailTemplate
}

// InAppMessage is a message shown in the Messenger, sent by the admin
// adminID to a contact.
func InAppMessage(adminID string, to MessageRecipient, body string) OutboundMessage {
	return OutboundMessage{messageType: gen.CreateMessageRequestMessageTypeInApp, adminID: adminID, to: to, body: body}
}

// EmailMessage is an email sent by the admin adminID to a contact, with a
// subject and a template.
func EmailMessage(adminID string, to MessageRecipient, subject, body string, template EmailTemplate) OutboundMessage {
	return OutboundMessage{
		messageType: gen.CreateMessageRequestMessageTypeEmail,
		adminID:     adminID, to: to, subject: subject, body: body, template: template,
	}
}

// request checks m and builds the API's request body.
func (m OutboundMessage) request() (gen.CreateMessageRequest, error) {
	var req gen.CreateMessageRequest
	switch m.messageType {
	case gen.CreateMessageRequestMessageTypeInApp, gen.CreateMessageRequestMessageTypeEmail:
	default:
		return req, invalid("message_type", "build the message with InAppMessage or EmailMessage")
	}
	if err := required("from.id", m.adminID); err != nil {
		return req, err
	}
	fromID, err := strconv.Atoi(m.adminID)
	if err != nil || fromID <= 0 {
		return req, invalid("from.id", "%q is not an admin id (a positive number)", m.adminID)
	}
	if m.to.role == "" {
		return req, invalid("to", "name the recipient with MessageToUser or MessageToLead")
	}
	if err := required("to.id", m.to.id); err != nil {
		return req, err
	}
	if err := required("body", m.body); err != nil {
		return req, err
	}
	mt, body := m.messageType, m.body
	req.MessageType = &mt
	req.Body = &body
	req.From = &gen.MessageSender{Id: fromID, Type: gen.CreateMessageRequestFromTypeAdmin}
	req.To = &gen.MessageRecipient{Id: m.to.id, Type: gen.CreateMessageRequestToType(m.to.role)}
	if m.messageType == gen.CreateMessageRequestMessageTypeEmail {
		if err := required("subject", m.subject); err != nil {
			return req, err
		}
		switch m.template {
		case EmailTemplatePlain, EmailTemplatePersonal:
		default:
			return req, invalid("template", "%q is not one of plain, personal", m.template)
		}
		subject, template := m.subject, string(m.template)
		req.Subject = &subject
		req.Template = &template
	}
	return req, nil
}

// CreateMessageOptions holds the optional fields of an outbound message.
type CreateMessageOptions struct {
	// CreatedAt backdates the message (default: now).
	CreatedAt time.Time
	// CreateConversationWithoutContactReply opens a conversation in the
	// inbox at once, without waiting for the contact to reply.
	CreateConversationWithoutContactReply bool
}

// Create sends an outbound message from an admin to a contact.
//
// Calls createMessage: POST /messages.
func (s *MessagesService) Create(ctx context.Context, msg OutboundMessage, opts *CreateMessageOptions) (*Message, *Response, error) {
	body, err := msg.request()
	if err != nil {
		return nil, nil, err
	}
	if opts != nil {
		if !opts.CreatedAt.IsZero() {
			at, err := unixTimestamp("created_at", opts.CreatedAt)
			if err != nil {
				return nil, nil, err
			}
			ts := int(at)
			body.CreatedAt = &ts
		}
		if opts.CreateConversationWithoutContactReply {
			t := true
			body.CreateConversationWithoutContactReply = &t
		}
	}
	return decode[Message](s.client.raw.CreateMessage(ctx, nil, body))
}
