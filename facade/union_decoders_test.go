package facade

import (
	"encoding/json"

	"github.com/go-intercom/intercom/gen"
)

// The decoders below tell the variants of a request oneOf apart, the way
// the API does: by the field that discriminates (type, message_type, or
// which identity field is present), and only then convert with gen's AsX.
// The tests use them to check that every body the facade builds is exactly
// one variant, and the right one.

// asVariant converts with gen's AsX after discrimination, wrapping a decode
// failure (a field of the wrong JSON type) as a *UnionError.
func asVariant[T any](union string, raw []byte, obj map[string]json.RawMessage, as func() (T, error)) (*T, error) {
	v, err := as()
	if err != nil {
		return nil, unionMismatch(union, raw, obj, "", "%v", err)
	}
	return &v, nil
}

// ticketReplyVariant is a reply_ticket_request told apart: exactly one field
// is set.
type ticketReplyVariant struct {
	// Admin is set when type is "admin" (comment, note or quick_reply).
	Admin *gen.AdminReplyTicketRequest
	// ByIntercomUserID, ByUserID and ByEmail are set when type is "user",
	// by which identity field the reply carries.
	ByIntercomUserID *gen.ContactReplyTicketIntercomUserIdRequest
	ByUserID         *gen.ContactReplyTicketUserIdRequest
	ByEmail          *gen.ContactReplyTicketEmailRequest
}

// decodeTicketReplyRequest tells which variant of reply_ticket_request v
// holds, by its `type` (admin or user) and, for a contact, by which of
// intercom_user_id, user_id or email it carries.
func decodeTicketReplyRequest(v ReplyTicketRequest) (*ticketReplyVariant, error) {
	const union = "reply_ticket_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &ticketReplyVariant{}
	switch typ {
	case "admin":
		out.Admin, err = asVariant(union, raw, obj, v.AsAdminReplyTicketRequest)
	case "user":
		var field string
		if field, err = identityField(union, raw, obj, "intercom_user_id", "user_id", "email"); err != nil {
			return nil, err
		}
		var c gen.ContactReplyTicketRequest
		_ = c.UnmarshalJSON(raw)
		switch field {
		case "intercom_user_id":
			out.ByIntercomUserID, err = asVariant(union, raw, obj, c.AsContactReplyTicketIntercomUserIdRequest)
		case "user_id":
			out.ByUserID, err = asVariant(union, raw, obj, c.AsContactReplyTicketUserIdRequest)
		default:
			out.ByEmail, err = asVariant(union, raw, obj, c.AsContactReplyTicketEmailRequest)
		}
	default:
		return nil, unionMismatch(union, raw, obj, "type", "type must be admin or user")
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// conversationReplyVariant is a reply_conversation_request told apart:
// exactly one field is set.
type conversationReplyVariant struct {
	// Admin is set when type is "admin" (comment or note).
	Admin *gen.AdminReplyConversationRequest
	// ByIntercomUserID, ByUserID and ByEmail are set when type is "user".
	ByIntercomUserID *gen.ContactReplyIntercomUserIdRequest
	ByUserID         *gen.ContactReplyUserIdRequest
	ByEmail          *gen.ContactReplyEmailRequest
}

// decodeConversationReplyRequest tells which variant of
// reply_conversation_request v holds, by its `type` and, for a contact, by
// which identity field it carries.
func decodeConversationReplyRequest(v ReplyConversationRequest) (*conversationReplyVariant, error) {
	const union = "reply_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &conversationReplyVariant{}
	switch typ {
	case "admin":
		out.Admin, err = asVariant(union, raw, obj, v.AsAdminReplyConversationRequest)
	case "user":
		var field string
		if field, err = identityField(union, raw, obj, "intercom_user_id", "user_id", "email"); err != nil {
			return nil, err
		}
		var c gen.ContactReplyConversationRequest
		_ = c.UnmarshalJSON(raw)
		switch field {
		case "intercom_user_id":
			out.ByIntercomUserID, err = asVariant(union, raw, obj, c.AsContactReplyIntercomUserIdRequest)
		case "user_id":
			out.ByUserID, err = asVariant(union, raw, obj, c.AsContactReplyUserIdRequest)
		default:
			out.ByEmail, err = asVariant(union, raw, obj, c.AsContactReplyEmailRequest)
		}
	default:
		return nil, unionMismatch(union, raw, obj, "type", "type must be admin or user")
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// conversationActionVariant is a manage_conversation_request told apart by
// its message_type: exactly one field is set.
type conversationActionVariant struct {
	Close  *gen.CloseConversationRequest  // message_type "close"
	Snooze *gen.SnoozeConversationRequest // message_type "snoozed"
	Open   *gen.OpenConversationRequest   // message_type "open"
	Assign *gen.AssignConversationRequest // message_type "assignment"
}

// decodeManageConversationRequest tells which variant of
// manage_conversation_request v holds, by its message_type.
func decodeManageConversationRequest(v ManageConversationRequest) (*conversationActionVariant, error) {
	const union = "manage_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	mt, _ := stringField(obj, "message_type")
	out := &conversationActionVariant{}
	switch mt {
	case "close":
		out.Close, err = asVariant(union, raw, obj, v.AsCloseConversationRequest)
	case "snoozed":
		out.Snooze, err = asVariant(union, raw, obj, v.AsSnoozeConversationRequest)
	case "open":
		out.Open, err = asVariant(union, raw, obj, v.AsOpenConversationRequest)
	case "assignment":
		out.Assign, err = asVariant(union, raw, obj, v.AsAssignConversationRequest)
	default:
		return nil, unionMismatch(union, raw, obj, "message_type", "message_type must be close, snoozed, open or assignment")
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// redactionVariant is a redact_conversation_request told apart by its
// type: exactly one field is set.
type redactionVariant struct {
	Part   *gen.RedactConversationPartRequest   // type "conversation_part"
	Source *gen.RedactConversationSourceRequest // type "source"
}

// decodeRedactConversationRequest tells which variant of
// redact_conversation_request v holds, by its type.
func decodeRedactConversationRequest(v RedactConversationRequest) (*redactionVariant, error) {
	const union = "redact_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &redactionVariant{}
	switch typ {
	case "conversation_part":
		out.Part, err = asVariant(union, raw, obj, v.AsRedactConversationPartRequest)
	case "source":
		out.Source, err = asVariant(union, raw, obj, v.AsRedactConversationSourceRequest)
	default:
		return nil, unionMismatch(union, raw, obj, "type", "type must be conversation_part or source")
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// decodeConversationCustomer tells which contact the customer of an
// attach_contact_to_conversation_request names, by which of
// intercom_user_id, user_id or email it carries.
func decodeConversationCustomer(v gen.AttachContactToConversationRequest_Customer) (ContactIdentifier, error) {
	const union = "attach_contact_to_conversation_request.customer"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return ContactIdentifier{}, err
	}
	field, err := identityField(union, raw, obj, "intercom_user_id", "user_id", "email")
	if err != nil {
		return ContactIdentifier{}, err
	}
	value, ok := stringField(obj, field)
	if !ok {
		return ContactIdentifier{}, unionMismatch(union, raw, obj, "", "%s is not a string", field)
	}
	return ContactIdentifier{field: field, value: value}, nil
}

// decodeTicketContact tells which contact an item of
// create_ticket_request.contacts names, by which of id, external_id or
// email it carries.
func decodeTicketContact(v gen.CreateTicketRequest_Contacts_Item) (TicketContact, error) {
	const union = "create_ticket_request.contacts"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return TicketContact{}, err
	}
	field, err := identityField(union, raw, obj, "id", "external_id", "email")
	if err != nil {
		return TicketContact{}, err
	}
	value, ok := stringField(obj, field)
	if !ok {
		return TicketContact{}, unionMismatch(union, raw, obj, "", "%s is not a string", field)
	}
	return TicketContact{field: field, value: value}, nil
}
