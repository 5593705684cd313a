package facade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/go-intercom/intercom/gen"
)

// Decoding oneOf values
//
// gen's oneOf types (reply_ticket_request, manage_conversation_request, …)
// keep the raw JSON and offer AsX methods that unmarshal into any variant
// without checking it is the right one. The Decode… functions here read the
// field that tells the variants apart first — `type`, `message_type`, or
// which identity field is present — and only then convert, so a value is
// never read as the wrong variant. A value that matches no variant is a
// *UnionError naming the union and the fields seen, with the raw JSON kept.

// UnionError reports a oneOf value that matches none of its variants.
type UnionError struct {
	// Union is the schema name of the oneOf, e.g. "reply_ticket_request".
	Union string
	// Seen lists the top-level fields of the value, with the value of the
	// discriminating field when it is a string (`type="robot"`).
	Seen []string
	// Problem says why no variant matched.
	Problem string
	// Raw is the value as received. Error does not print it.
	Raw json.RawMessage
}

// Error implements error. It names the union and the fields, never the
// values (other than the discriminator), so it is safe to log.
func (e *UnionError) Error() string {
	return fmt.Sprintf("intercom: %s matches no variant: %s (fields seen: %s)", e.Union, e.Problem, strings.Join(e.Seen, ", "))
}

// unionObject parses raw as a JSON object, or returns a *UnionError.
func unionObject(union string, raw []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, &UnionError{Union: union, Problem: "not a JSON object", Raw: cloneRaw(raw)}
	}
	return obj, nil
}

// unionMismatch builds the *UnionError for obj.
func unionMismatch(union string, raw []byte, obj map[string]json.RawMessage, discriminator, format string, args ...any) *UnionError {
	seen := make([]string, 0, len(obj))
	for k, v := range obj {
		if k == discriminator {
			var s string
			if json.Unmarshal(v, &s) == nil {
				seen = append(seen, fmt.Sprintf("%s=%q", k, s))
				continue
			}
		}
		seen = append(seen, k)
	}
	sort.Strings(seen)
	return &UnionError{Union: union, Seen: seen, Problem: fmt.Sprintf(format, args...), Raw: cloneRaw(raw)}
}

// stringField reads obj[field] as a string; ok is false when it is absent or
// not a string.
func stringField(obj map[string]json.RawMessage, field string) (string, bool) {
	v, present := obj[field]
	if !present {
		return "", false
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return "", false
	}
	return s, true
}

// identityField returns which one of fields obj carries (as a non-null
// value); none or several is a *UnionError.
func identityField(union string, raw []byte, obj map[string]json.RawMessage, fields ...string) (string, error) {
	var found []string
	for _, f := range fields {
		if v, ok := obj[f]; ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			found = append(found, f)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", unionMismatch(union, raw, obj, "", "none of %s is present", strings.Join(fields, ", "))
	default:
		return "", unionMismatch(union, raw, obj, "", "several identities are present: %s", strings.Join(found, ", "))
	}
}

func cloneRaw(raw []byte) json.RawMessage { return append(json.RawMessage(nil), raw...) }

// asVariant converts with gen's AsX after discrimination, wrapping a decode
// failure (a field of the wrong JSON type) as a *UnionError.
func asVariant[T any](union string, raw []byte, obj map[string]json.RawMessage, as func() (T, error)) (*T, error) {
	v, err := as()
	if err != nil {
		return nil, unionMismatch(union, raw, obj, "", "%v", err)
	}
	return &v, nil
}

// TicketReplyVariant is a reply_ticket_request told apart: exactly one field
// is set.
type TicketReplyVariant struct {
	// Admin is set when type is "admin" (comment, note or quick_reply).
	Admin *AdminReplyTicketRequest
	// ByIntercomUserID, ByUserID and ByEmail are set when type is "user",
	// by which identity field the reply carries.
	ByIntercomUserID *ContactReplyTicketIntercomUserIdRequest
	ByUserID         *ContactReplyTicketUserIdRequest
	ByEmail          *ContactReplyTicketEmailRequest
}

// DecodeTicketReplyRequest tells which variant of reply_ticket_request v
// holds, by its `type` (admin or user) and, for a contact, by which of
// intercom_user_id, user_id or email it carries.
func DecodeTicketReplyRequest(v ReplyTicketRequest) (*TicketReplyVariant, error) {
	const union = "reply_ticket_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &TicketReplyVariant{}
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

// ConversationReplyVariant is a reply_conversation_request told apart:
// exactly one field is set.
type ConversationReplyVariant struct {
	// Admin is set when type is "admin" (comment or note).
	Admin *AdminReplyConversationRequest
	// ByIntercomUserID, ByUserID and ByEmail are set when type is "user".
	ByIntercomUserID *ContactReplyIntercomUserIdRequest
	ByUserID         *ContactReplyUserIdRequest
	ByEmail          *ContactReplyEmailRequest
}

// DecodeConversationReplyRequest tells which variant of
// reply_conversation_request v holds, by its `type` and, for a contact, by
// which identity field it carries.
func DecodeConversationReplyRequest(v ReplyConversationRequest) (*ConversationReplyVariant, error) {
	const union = "reply_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &ConversationReplyVariant{}
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

// ConversationActionVariant is a manage_conversation_request told apart by
// its message_type: exactly one field is set.
type ConversationActionVariant struct {
	Close  *CloseConversationRequest  // message_type "close"
	Snooze *SnoozeConversationRequest // message_type "snoozed"
	Open   *OpenConversationRequest   // message_type "open"
	Assign *AssignConversationRequest // message_type "assignment"
}

// DecodeManageConversationRequest tells which variant of
// manage_conversation_request v holds, by its message_type.
func DecodeManageConversationRequest(v ManageConversationRequest) (*ConversationActionVariant, error) {
	const union = "manage_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	mt, _ := stringField(obj, "message_type")
	out := &ConversationActionVariant{}
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

// RedactionVariant is a redact_conversation_request told apart by its
// type: exactly one field is set.
type RedactionVariant struct {
	Part   *RedactConversationPartRequest   // type "conversation_part"
	Source *RedactConversationSourceRequest // type "source"
}

// DecodeRedactConversationRequest tells which variant of
// redact_conversation_request v holds, by its type.
func DecodeRedactConversationRequest(v RedactConversationRequest) (*RedactionVariant, error) {
	const union = "redact_conversation_request"
	raw, _ := v.MarshalJSON()
	obj, err := unionObject(union, raw)
	if err != nil {
		return nil, err
	}
	typ, _ := stringField(obj, "type")
	out := &RedactionVariant{}
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

// DecodeConversationCustomer tells which contact the customer of an
// attach_contact_to_conversation_request names, by which of
// intercom_user_id, user_id or email it carries.
func DecodeConversationCustomer(v ConversationCustomerRequest) (ContactIdentifier, error) {
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

// DecodeTicketContact tells which contact an item of
// create_ticket_request.contacts names, by which of id, external_id or
// email it carries.
func DecodeTicketContact(v TicketContactRequest) (TicketContact, error) {
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

// Field returns the identity field the contact is named by: id,
// external_id or email.
func (c TicketContact) Field() string { return c.field }

// Value returns the identifier itself.
func (c TicketContact) Value() string { return c.value }

// ReplyTicketRequest is the body of Tickets.Reply, built by the reply
// constructors (AdminComment, ContactReply…); DecodeTicketReplyRequest tells
// its variants apart.
type ReplyTicketRequest = gen.ReplyTicketRequest

// ReplyConversationRequest is the body of Conversations.Reply;
// DecodeConversationReplyRequest tells its variants apart.
type ReplyConversationRequest = gen.ReplyConversationRequest

// ManageConversationRequest is the body of Conversations.Manage;
// DecodeManageConversationRequest tells its variants apart.
type ManageConversationRequest = gen.ManageConversationRequest

// RedactConversationRequest is the body of Conversations.Redact;
// DecodeRedactConversationRequest tells its variants apart.
type RedactConversationRequest = gen.RedactConversationRequest

// ConversationCustomerRequest names the contact Conversations.AttachContact
// adds; DecodeConversationCustomer tells its variants apart.
type ConversationCustomerRequest = gen.AttachContactToConversationRequest_Customer

// TicketContactRequest names one contact of Tickets.Create;
// DecodeTicketContact tells its variants apart.
type TicketContactRequest = gen.CreateTicketRequest_Contacts_Item

// TicketAttributeRaw is one custom attribute value of a ticket as decoded;
// DecodeTicketAttribute tells its variants apart.
type TicketAttributeRaw = gen.TicketCustomAttributes_AdditionalProperties

// The variants the Decode… functions return.

// AdminReplyTicketRequest is an admin's reply to a ticket.
type AdminReplyTicketRequest = gen.AdminReplyTicketRequest

// ContactReplyTicketIntercomUserIdRequest is a contact's reply to a ticket, by Intercom user id.
type ContactReplyTicketIntercomUserIdRequest = gen.ContactReplyTicketIntercomUserIdRequest

// ContactReplyTicketUserIdRequest is a contact's reply to a ticket, by your user_id.
type ContactReplyTicketUserIdRequest = gen.ContactReplyTicketUserIdRequest

// ContactReplyTicketEmailRequest is a contact's reply to a ticket, by email.
type ContactReplyTicketEmailRequest = gen.ContactReplyTicketEmailRequest

// AdminReplyConversationRequest is an admin's reply to a conversation.
type AdminReplyConversationRequest = gen.AdminReplyConversationRequest

// ContactReplyIntercomUserIdRequest is a contact's reply to a conversation, by Intercom user id.
type ContactReplyIntercomUserIdRequest = gen.ContactReplyIntercomUserIdRequest

// ContactReplyUserIdRequest is a contact's reply to a conversation, by your user_id.
type ContactReplyUserIdRequest = gen.ContactReplyUserIdRequest

// ContactReplyEmailRequest is a contact's reply to a conversation, by email.
type ContactReplyEmailRequest = gen.ContactReplyEmailRequest

// CloseConversationRequest is the close variant of a conversation action.
type CloseConversationRequest = gen.CloseConversationRequest

// SnoozeConversationRequest is the snooze variant of a conversation action.
type SnoozeConversationRequest = gen.SnoozeConversationRequest

// OpenConversationRequest is the open variant of a conversation action.
type OpenConversationRequest = gen.OpenConversationRequest

// AssignConversationRequest is the assign variant of a conversation action.
type AssignConversationRequest = gen.AssignConversationRequest

// RedactConversationPartRequest is a redaction of a conversation part.
type RedactConversationPartRequest = gen.RedactConversationPartRequest

// RedactConversationSourceRequest is a redaction of a conversation's source message.
type RedactConversationSourceRequest = gen.RedactConversationSourceRequest
