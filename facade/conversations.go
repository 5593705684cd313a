package facade

import (
	"context"
	"encoding/json"
	"iter"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// ConversationsService groups the operations on conversations, their replies and their management.
type ConversationsService service

// Conversation is a conversation with its source, parts, contacts and
// statistics.
type Conversation = gen.Conversation

// ConversationListItem is a conversation as lists and searches return it.
type ConversationListItem = gen.ConversationListItem

// ConversationList is one page of conversations, from List or Search.
type ConversationList = gen.PaginatedConversationResponse

// ConversationPart is one event of a conversation: a message, a note, an
// assignment, a state change.
type ConversationPart = gen.ConversationPart

// ConversationPartAuthor is who wrote a conversation part or its source; see
// AuthorTypeOf.
type ConversationPartAuthor = gen.ConversationPartAuthor

// MaxConversationsPerPage is the largest page List returns.
const MaxConversationsPerPage = 150

// ListConversationsOptions pages List. The zero value asks for the first
// page at the API's default size.
type ListConversationsOptions struct {
	// PerPage is 1 to MaxConversationsPerPage; 0 for the API's default (20).
	PerPage int
	// StartingAfter is the pages.next.starting_after of the page before;
	// empty for the first page.
	StartingAfter string
}

func (o *ListConversationsOptions) params() (*gen.ListConversationsParams, error) {
	p := &gen.ListConversationsParams{}
	if o == nil {
		return p, nil
	}
	if o.PerPage < 0 || o.PerPage > MaxConversationsPerPage {
		return nil, invalid("per_page", "must be between 1 and %d (0 for the default), got %d", MaxConversationsPerPage, o.PerPage)
	}
	p.PerPage = intOrNil(o.PerPage)
	p.StartingAfter = stringOrNil(o.StartingAfter)
	return p, nil
}

// List returns one page of the workspace's conversations, newest first. Use
// ListIter to walk every page.
//
// Calls listConversations: GET /conversations.
func (s *ConversationsService) List(ctx context.Context, opts *ListConversationsOptions) (*ConversationList, *Response, error) {
	params, err := opts.params()
	if err != nil {
		return nil, nil, err
	}
	return decode[ConversationList](s.client.raw.ListConversations(ctx, params))
}

// ListIter iterates over every conversation, fetching pages as the loop
// needs them, starting at opts.StartingAfter.
//
// Each page is a listConversations request (GET /conversations).
func (s *ConversationsService) ListIter(ctx context.Context, opts *ListConversationsOptions) iter.Seq2[ConversationListItem, error] {
	var o ListConversationsOptions
	if opts != nil {
		o = *opts
	}
	if _, err := o.params(); err != nil {
		return func(yield func(ConversationListItem, error) bool) { yield(ConversationListItem{}, err) }
	}
	return cursorPages(ctx, o.StartingAfter, func(ctx context.Context, cursor string) ([]ConversationListItem, string, error) {
		page := o
		page.StartingAfter = cursor
		params, _ := page.params()
		list, _, err := decode[ConversationList](s.client.raw.ListConversations(ctx, params))
		if err != nil {
			return nil, "", err
		}
		return list.Conversations, nextCursor(list.Pages), nil
	})
}

// ConversationInitiator is the contact who starts a conversation with
// Create: ConversationFromUser, ConversationFromLead or
// ConversationFromContact.
type ConversationInitiator struct {
	kind, id string
}

// ConversationFromUser names a user by its Intercom contact id.
func ConversationFromUser(id string) ConversationInitiator { return ConversationInitiator{"user", id} }

// ConversationFromLead names a lead by its Intercom contact id.
func ConversationFromLead(id string) ConversationInitiator { return ConversationInitiator{"lead", id} }

// ConversationFromContact names a contact (user or lead) by its Intercom id.
func ConversationFromContact(id string) ConversationInitiator {
	return ConversationInitiator{"contact", id}
}

// CreateConversationOptions are the optional fields of a new conversation.
type CreateConversationOptions struct {
	// Subject is the title of an email conversation.
	Subject string
	// AttachmentURLs are at most 10 absolute http(s) URLs.
	AttachmentURLs []string
	// CreatedAt backdates the conversation.
	CreatedAt time.Time
}

// Create starts a conversation written by the contact from, with the first
// message body.
//
// Calls createConversation: POST /conversations.
func (s *ConversationsService) Create(ctx context.Context, from ConversationInitiator, body string, opts *CreateConversationOptions) (*Message, *Response, error) {
	if from.kind == "" {
		return nil, nil, invalid("from", "no contact: use ConversationFromUser, ConversationFromLead or ConversationFromContact")
	}
	if err := required("from.id", from.id); err != nil {
		return nil, nil, err
	}
	if err := required("body", body); err != nil {
		return nil, nil, err
	}
	req := gen.CreateConversationRequest{Body: body}
	req.From.Type = gen.CreateConversationRequestFromType(from.kind)
	req.From.Id = from.id
	if opts != nil {
		if err := validAttachmentURLs(opts.AttachmentURLs); err != nil {
			return nil, nil, err
		}
		if len(opts.AttachmentURLs) > 0 {
			u := append([]string(nil), opts.AttachmentURLs...)
			req.AttachmentUrls = &u
		}
		req.Subject = stringOrNil(opts.Subject)
		created, err := optionalTime("created_at", opts.CreatedAt)
		if err != nil {
			return nil, nil, err
		}
		req.CreatedAt = created
	}
	return decode[Message](s.client.raw.CreateConversation(ctx, nil, req))
}

// FindConversationOptions are the optional parameters of Find and Update.
type FindConversationOptions struct {
	// PlainText returns message bodies as plain text instead of HTML
	// (display_as=plaintext).
	PlainText bool
}

func (o *FindConversationOptions) displayAs() *string {
	if o == nil || !o.PlainText {
		return nil
	}
	s := "plaintext"
	return &s
}

// Find returns the conversation conversationID with up to 500 of its parts.
//
// Calls retrieveConversation: GET /conversations/{conversation_id}.
func (s *ConversationsService) Find(ctx context.Context, conversationID string, opts *FindConversationOptions) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	return decode[Conversation](s.client.raw.RetrieveConversation(ctx, conversationID, &gen.RetrieveConversationParams{DisplayAs: opts.displayAs()}))
}

// UpdateConversationOptions are the fields Update may change; nil values
// are left out.
type UpdateConversationOptions struct {
	// Read marks the conversation read (true) or unread (false).
	Read *bool
	// CustomAttributes sets conversation data attributes by name.
	CustomAttributes map[string]any
	// PlainText returns message bodies as plain text.
	PlainText bool
}

// Update marks the conversation conversationID read or unread, or sets its
// custom attributes.
//
// Calls updateConversation: PUT /conversations/{conversation_id}.
func (s *ConversationsService) Update(ctx context.Context, conversationID string, opts *UpdateConversationOptions) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	var body gen.UpdateConversationRequest
	params := &gen.UpdateConversationParams{}
	if opts != nil {
		body.Read = opts.Read
		if opts.CustomAttributes != nil {
			for k, v := range opts.CustomAttributes {
				if k == "" {
					return nil, nil, invalid("custom_attributes", "attribute names must not be empty")
				}
				if _, err := json.Marshal(v); err != nil {
					return nil, nil, invalid("custom_attributes."+k, "cannot be sent as JSON: %v", err)
				}
			}
			ca := gen.CustomAttributes(opts.CustomAttributes)
			body.CustomAttributes = &ca
		}
		params.DisplayAs = (&FindConversationOptions{PlainText: opts.PlainText}).displayAs()
	}
	return decode[Conversation](s.client.raw.UpdateConversation(ctx, conversationID, params, body))
}

// Search returns one page of the conversations that match q. Pass the
// previous page's pages.next.starting_after as opts.StartingAfter for the
// next one, or use SearchIter.
//
// Calls searchConversations: POST /conversations/search.
func (s *ConversationsService) Search(ctx context.Context, q SearchQuery, opts *SearchOptions) (*ConversationList, *Response, error) {
	body, err := BuildSearchRequest(q, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[ConversationList](s.client.raw.SearchConversations(ctx, nil, body))
}

// SearchIter iterates over every conversation that matches q, fetching pages
// as the loop needs them.
//
// Each page is a searchConversations request (POST /conversations/search).
func (s *ConversationsService) SearchIter(ctx context.Context, q SearchQuery, opts *SearchOptions) iter.Seq2[ConversationListItem, error] {
	return searchPages(ctx, q, opts, func(ctx context.Context, body SearchRequest) ([]ConversationListItem, string, error) {
		page, _, err := decode[ConversationList](s.client.raw.SearchConversations(ctx, nil, body))
		if err != nil {
			return nil, "", err
		}
		return page.Conversations, nextCursor(page.Pages), nil
	})
}

// Reply adds a reply to the conversation conversationID: AdminComment,
// AdminNote or ContactReply, optionally WithAttachmentFiles. The reply is
// validated before anything is sent.
//
// Calls replyConversation: POST /conversations/{conversation_id}/reply.
func (s *ConversationsService) Reply(ctx context.Context, conversationID string, reply ConversationReplyRequest) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if reply == nil {
		return nil, nil, invalid("message_type", "no reply given: use AdminComment, AdminNote or ContactReply")
	}
	body, err := reply.ConversationRequest()
	if err != nil {
		return nil, nil, err
	}
	return decode[Conversation](s.client.raw.ReplyConversation(ctx, conversationID, nil, body))
}

// Manage closes, snoozes, opens or assigns the conversation conversationID:
// see CloseConversation, SnoozeConversation, OpenConversation and
// AssignConversation. Close, Snooze, Open and Assign are shorthands.
//
// Calls manageConversation: POST /conversations/{conversation_id}/parts.
func (s *ConversationsService) Manage(ctx context.Context, conversationID string, action ConversationAction) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	body, err := action.ManageRequest()
	if err != nil {
		return nil, nil, err
	}
	return decode[Conversation](s.client.raw.ManageConversation(ctx, conversationID, nil, body))
}

// Close closes the conversation as the admin adminID, with an optional
// message body ("" for none).
//
// It sends manageConversation (POST /conversations/{conversation_id}/parts) through Manage.
func (s *ConversationsService) Close(ctx context.Context, conversationID, adminID, body string) (*Conversation, *Response, error) {
	return s.Manage(ctx, conversationID, CloseConversation(adminID, body))
}

// Snooze snoozes the conversation as the admin adminID until until.
//
// It sends manageConversation (POST /conversations/{conversation_id}/parts) through Manage.
func (s *ConversationsService) Snooze(ctx context.Context, conversationID, adminID string, until time.Time) (*Conversation, *Response, error) {
	return s.Manage(ctx, conversationID, SnoozeConversation(adminID, until))
}

// Open reopens the conversation as the admin adminID.
//
// It sends manageConversation (POST /conversations/{conversation_id}/parts) through Manage.
func (s *ConversationsService) Open(ctx context.Context, conversationID, adminID string) (*Conversation, *Response, error) {
	return s.Manage(ctx, conversationID, OpenConversation(adminID))
}

// Assign assigns the conversation to an admin or team as the admin adminID,
// with an optional message body ("" for none).
//
// It sends manageConversation (POST /conversations/{conversation_id}/parts) through Manage.
func (s *ConversationsService) Assign(ctx context.Context, conversationID, adminID string, to ConversationAssignee, body string) (*Conversation, *Response, error) {
	return s.Manage(ctx, conversationID, AssignConversation(adminID, to, body))
}

// RunAssignmentRules assigns the conversation conversationID by the
// workspace's assignment rules.
//
// Calls autoAssignConversation: POST /conversations/{conversation_id}/run_assignment_rules.
func (s *ConversationsService) RunAssignmentRules(ctx context.Context, conversationID string) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	return decode[Conversation](s.client.raw.AutoAssignConversation(ctx, conversationID, nil))
}

// AttachContactAsAdmin adds the contact who as a participant of the
// conversation conversationID, as the admin adminID.
//
// Calls attachContactToConversation: POST /conversations/{conversation_id}/customers.
func (s *ConversationsService) AttachContactAsAdmin(ctx context.Context, conversationID, adminID string, who ContactIdentifier) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if err := required("admin_id", adminID); err != nil {
		return nil, nil, err
	}
	if err := who.validate(); err != nil {
		if ie, ok := err.(*InputError); ok {
			ie.Field = "customer." + ie.Field
		}
		return nil, nil, err
	}
	var customer gen.AttachContactToConversationRequest_Customer
	var err error
	switch who.field {
	case "intercom_user_id":
		err = customer.FromConversationCustomerByIntercomUserId(gen.ConversationCustomerByIntercomUserId{IntercomUserId: who.value})
	case "user_id":
		err = customer.FromConversationCustomerByUserId(gen.ConversationCustomerByUserId{UserId: who.value})
	default:
		err = customer.FromConversationCustomerByEmail(gen.ConversationCustomerByEmail{Email: who.value})
	}
	if err != nil {
		return nil, nil, err
	}
	body := gen.AttachContactToConversationRequest{AdminId: &adminID, Customer: &customer}
	return decode[Conversation](s.client.raw.AttachContactToConversation(ctx, conversationID, nil, body))
}

// DetachContactAsAdmin removes the contact contactID from the participants
// of the conversation conversationID, as the admin adminID.
//
// Calls detachContactFromConversation: DELETE /conversations/{conversation_id}/customers/{contact_id}.
func (s *ConversationsService) DetachContactAsAdmin(ctx context.Context, conversationID, contactID, adminID string) (*Conversation, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("admin_id", adminID); err != nil {
		return nil, nil, err
	}
	body := gen.DetachContactFromConversationRequest{AdminId: adminID}
	return decode[Conversation](s.client.raw.DetachContactFromConversation(ctx, conversationID, contactID, nil, body))
}

// ConversationRedaction names what RedactConversationPart blanks out: a
// part (RedactPart) or the source message (RedactSource) of a conversation.
type ConversationRedaction struct {
	kind, conversationID, id string
}

// RedactPart names the part partID of the conversation conversationID.
func RedactPart(conversationID, partID string) ConversationRedaction {
	return ConversationRedaction{"conversation_part", conversationID, partID}
}

// RedactSource names the source message sourceID of the conversation
// conversationID.
func RedactSource(conversationID, sourceID string) ConversationRedaction {
	return ConversationRedaction{"source", conversationID, sourceID}
}

// request validates r and builds exactly one variant of gen's
// redact_conversation_request.
func (r ConversationRedaction) request() (gen.RedactConversationRequest, error) {
	var out gen.RedactConversationRequest
	if r.kind == "" {
		return out, invalid("type", "nothing to redact: use RedactPart or RedactSource")
	}
	if err := required("conversation_id", r.conversationID); err != nil {
		return out, err
	}
	if r.kind == "source" {
		if err := required("source_id", r.id); err != nil {
			return out, err
		}
		return out, out.FromRedactConversationSourceRequest(gen.RedactConversationSourceRequest{
			Type: gen.RedactConversationSourceRequestType("source"), ConversationId: r.conversationID, SourceId: r.id,
		})
	}
	if err := required("conversation_part_id", r.id); err != nil {
		return out, err
	}
	return out, out.FromRedactConversationPartRequest(gen.RedactConversationPartRequest{
		Type: gen.RedactConversationPartRequestType("conversation_part"), ConversationId: r.conversationID, ConversationPartId: r.id,
	})
}

// RedactConversationPart blanks out a conversation part or source message
// for good: see RedactPart and RedactSource.
//
// Calls redactConversation: POST /conversations/redact.
func (s *ConversationsService) RedactConversationPart(ctx context.Context, what ConversationRedaction) (*Conversation, *Response, error) {
	body, err := what.request()
	if err != nil {
		return nil, nil, err
	}
	return decode[Conversation](s.client.raw.RedactConversation(ctx, nil, body))
}

// ConvertToTicketOptions are the optional fields of ConvertToTicket.
type ConvertToTicketOptions struct {
	// Attributes are the ticket type's attributes, by name (see
	// CreateTicketOptions).
	Attributes map[string]any
}

// ConvertToTicket turns the conversation conversationID into a ticket of the
// ticket type ticketTypeID.
//
// Calls convertConversationToTicket: POST /conversations/{conversation_id}/convert.
func (s *ConversationsService) ConvertToTicket(ctx context.Context, conversationID, ticketTypeID string, opts *ConvertToTicketOptions) (*Ticket, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	body := gen.ConvertConversationToTicketRequest{TicketTypeId: ticketTypeID}
	if opts != nil && opts.Attributes != nil {
		attrs, err := ticketRequestAttributes("attributes", opts.Attributes)
		if err != nil {
			return nil, nil, err
		}
		body.Attributes = &attrs
	}
	return decode[Ticket](s.client.raw.ConvertConversationToTicket(ctx, conversationID, nil, body))
}

// Reference names an object by type and id, as a conversation's teammates.
type Reference = gen.Reference

// TeammatesOf returns the admins who took part in a conversation. The API
// lists them under teammates.admins; the description declares
// teammates.teammates; either is read.
func TeammatesOf(c *Conversation) []Reference {
	if c == nil {
		return nil
	}
	if c.Teammates.Admins != nil {
		return *c.Teammates.Admins
	}
	return c.Teammates.GetTeammates()
}
