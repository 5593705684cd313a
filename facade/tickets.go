package facade

import (
	"context"
	"encoding/json"
	"iter"
	"maps"
	"sort"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// TicketsService groups the operations on tickets, their replies and their state.
type TicketsService service

// Ticket is a ticket with its state, type, contacts and attributes. Read its
// state with TicketStateOf and its category with TicketCategory(t.Category).
type Ticket = gen.Ticket

// TicketList is one page of tickets, as the search endpoint returns it.
type TicketList = gen.TicketList

// TicketPart is one event in the history of a ticket: a reply, a note, a
// state change.
type TicketPart = gen.TicketPart

// TicketPartAuthor is who wrote a ticket part; see AuthorTypeOf.
type TicketPartAuthor = gen.TicketPartAuthor

// TicketReply is the ticket part a reply created. Its PartType is a
// ReplyMessageType.
type TicketReply = gen.TicketReply

// TicketContact names a contact a new ticket is about: build it with
// TicketContactByID, TicketContactByExternalID or TicketContactByEmail.
type TicketContact struct {
	field, value string
}

// TicketContactByID names a contact by the id Intercom gave it.
func TicketContactByID(id string) TicketContact { return TicketContact{"id", id} }

// TicketContactByExternalID names a contact by the external_id your
// application gave it.
func TicketContactByExternalID(id string) TicketContact { return TicketContact{"external_id", id} }

// TicketContactByEmail names a contact by its email address.
func TicketContactByEmail(addr string) TicketContact { return TicketContact{"email", addr} }

// Field returns the identity field the contact is named by: id,
// external_id or email.
func (c TicketContact) Field() string { return c.field }

// Value returns the identifier itself.
func (c TicketContact) Value() string { return c.value }

// item builds one element of create_ticket_request.contacts.
func (c TicketContact) item(i int) (gen.CreateTicketRequest_Contacts_Item, error) {
	var it gen.CreateTicketRequest_Contacts_Item
	field := itemField("contacts", i)
	var err error
	switch c.field {
	case "id":
		err = it.FromTicketContactById(gen.TicketContactById{Id: c.value})
	case "external_id":
		err = it.FromTicketContactByExternalId(gen.TicketContactByExternalId{ExternalId: c.value})
	case "email":
		err = it.FromTicketContactByEmail(gen.TicketContactByEmail{Email: c.value})
	default:
		return it, invalid(field, "empty contact: use TicketContactByID, TicketContactByExternalID or TicketContactByEmail")
	}
	if err != nil {
		return it, err
	}
	if c.value == "" {
		return it, invalid(field+"."+c.field, "must not be empty")
	}
	if c.field == "email" {
		return it, checkEmail(field+".email", c.value)
	}
	return it, nil
}

// CreateTicketOptions are the optional fields of a new ticket.
type CreateTicketOptions struct {
	// CompanyID links the ticket to a company (its Intercom id).
	CompanyID string
	// CreatedAt backdates the ticket.
	CreatedAt time.Time
	// Attributes are the ticket type's attributes, by name: string, bool,
	// integer or floating-point numbers, or a list ([]any, []string) for
	// files and multiple values.
	Attributes map[string]any
}

// Create opens a ticket of the ticket type ticketTypeID for one or more
// contacts.
//
// Calls createTicket: POST /tickets.
func (s *TicketsService) Create(ctx context.Context, ticketTypeID string, contacts []TicketContact, opts *CreateTicketOptions) (*Ticket, *Response, error) {
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	if len(contacts) == 0 {
		return nil, nil, invalid("contacts", "a ticket needs at least one contact")
	}
	body := gen.CreateTicketRequest{TicketTypeId: ticketTypeID, Contacts: make([]gen.CreateTicketRequest_Contacts_Item, len(contacts))}
	for i, c := range contacts {
		it, err := c.item(i)
		if err != nil {
			return nil, nil, err
		}
		body.Contacts[i] = it
	}
	if opts != nil {
		if opts.CompanyID != "" {
			id := opts.CompanyID
			body.CompanyId = &id
		}
		created, err := optionalTime("created_at", opts.CreatedAt)
		if err != nil {
			return nil, nil, err
		}
		body.CreatedAt = created
		if opts.Attributes != nil {
			attrs, err := ticketRequestAttributes("ticket_attributes", opts.Attributes)
			if err != nil {
				return nil, nil, err
			}
			body.TicketAttributes = &attrs
		}
	}
	return decode[Ticket](s.client.raw.CreateTicket(ctx, nil, body))
}

// Get returns the ticket ticketID, with its parts.
//
// Calls getTicket: GET /tickets/{ticket_id}.
func (s *TicketsService) Get(ctx context.Context, ticketID string) (*Ticket, *Response, error) {
	if err := required("ticket_id", ticketID); err != nil {
		return nil, nil, err
	}
	return decode[Ticket](s.client.raw.GetTicket(ctx, ticketID, nil))
}

// TicketAssignment assigns a ticket: AssigneeID is the admin or team that
// gets it ("0" to unassign), AdminID the admin who makes the change.
type TicketAssignment struct {
	AdminID    string
	AssigneeID string
}

// UpdateTicketOptions are the fields an update may change; zero values are
// left out.
type UpdateTicketOptions struct {
	// State moves the ticket to in_progress, waiting_on_customer or
	// resolved; never back to submitted.
	State TicketState
	// StateID moves the ticket to the ticket state with this id, for the API
	// versions whose updates take one (2.12 and later;
	// gen.UpdateTicketStateByID is true); their GET /ticket_states lists the
	// states. There, State is turned into the id of the workspace's first
	// state of that category.
	StateID string
	// Open closes (false) or reopens (true) the ticket.
	Open *bool
	// IsShared makes the ticket visible to its contacts.
	IsShared *bool
	// SnoozedUntil snoozes the ticket until that time.
	SnoozedUntil time.Time
	// Assignment reassigns the ticket.
	Assignment *TicketAssignment
	// Attributes sets ticket attributes by name (see CreateTicketOptions).
	Attributes map[string]any
}

// Update changes the state, assignment or attributes of the ticket ticketID.
// A nil opts sends an empty update.
//
// Calls updateTicket: PUT /tickets/{ticket_id}.
func (s *TicketsService) Update(ctx context.Context, ticketID string, opts *UpdateTicketOptions) (*Ticket, *Response, error) {
	if err := required("ticket_id", ticketID); err != nil {
		return nil, nil, err
	}
	var body gen.UpdateTicketRequest
	if opts != nil {
		body.Open = opts.Open
		body.IsShared = opts.IsShared
		snoozed, err := optionalTime("snoozed_until", opts.SnoozedUntil)
		if err != nil {
			return nil, nil, err
		}
		body.SnoozedUntil = snoozed
		if a := opts.Assignment; a != nil {
			if err := required("assignment.assignee_id", a.AssigneeID); err != nil {
				return nil, nil, err
			}
			if err := gen.SetUpdateTicketAssignment(&body, a.AdminID, a.AssigneeID); err != nil {
				return nil, nil, invalid("assignment.admin_id", "%v", err)
			}
		}
		if opts.Attributes != nil {
			if _, err := ticketRequestAttributes("ticket_attributes", opts.Attributes); err != nil {
				return nil, nil, err
			}
			attrs := maps.Clone(opts.Attributes)
			body.TicketAttributes = &attrs
		}
		// Last: from 2.12 the state's id may need a request of its own,
		// which no bad input above may cause.
		if err := s.setUpdateState(ctx, &body, opts.State, opts.StateID); err != nil {
			return nil, nil, err
		}
	}
	return decode[Ticket](s.client.raw.UpdateTicket(ctx, ticketID, nil, body))
}

// Reply adds a reply to the ticket ticketID: AdminComment, AdminNote,
// AdminQuickReply or ContactReply. The reply is validated before anything is
// sent.
//
// Calls replyTicket: POST /tickets/{ticket_id}/reply.
func (s *TicketsService) Reply(ctx context.Context, ticketID string, reply TicketReplyRequest) (*TicketReply, *Response, error) {
	if err := required("ticket_id", ticketID); err != nil {
		return nil, nil, err
	}
	if reply == nil {
		return nil, nil, invalid("message_type", "no reply given: use AdminComment, AdminNote, AdminQuickReply or ContactReply")
	}
	body, err := reply.TicketRequest()
	if err != nil {
		return nil, nil, err
	}
	return decode[TicketReply](s.client.raw.ReplyTicket(ctx, ticketID, nil, body))
}

// Search returns one page of the tickets that match q. Pass the previous
// page's pages.next.starting_after as opts.StartingAfter for the next one, or
// use SearchIter.
//
// Calls searchTickets: POST /tickets/search.
func (s *TicketsService) Search(ctx context.Context, q SearchQuery, opts *SearchOptions) (*TicketList, *Response, error) {
	body, err := BuildSearchRequest(q, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[TicketList](s.client.raw.SearchTickets(ctx, nil, body))
}

// SearchIter iterates over every ticket that matches q, fetching pages as
// the loop needs them.
//
// Each page is a searchTickets request (POST /tickets/search).
func (s *TicketsService) SearchIter(ctx context.Context, q SearchQuery, opts *SearchOptions) iter.Seq2[Ticket, error] {
	return searchPages(ctx, q, opts, func(ctx context.Context, body SearchRequest) ([]Ticket, string, error) {
		page, _, err := decode[TicketList](s.client.raw.SearchTickets(ctx, nil, body))
		if err != nil {
			return nil, "", err
		}
		return page.GetTickets(), nextCursor(page.Pages), nil
	})
}

// ticketRequestAttributes checks ticket attribute values (string, bool,
// number, or list) and converts them to gen's union map, keeping numbers
// exactly as given.
func ticketRequestAttributes(field string, in map[string]any) (gen.TicketRequestCustomAttributes, error) {
	out := make(gen.TicketRequestCustomAttributes, len(in))
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := field + "." + k
		if k == "" {
			return nil, invalid(field, "attribute names must not be empty")
		}
		switch in[k].(type) {
		case string, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64, json.Number,
			[]any, []string, []int, []float64, []bool:
		default:
			return nil, invalid(f, "must be a string, bool, number or list, got %T", in[k])
		}
		raw, err := json.Marshal(in[k])
		if err != nil {
			return nil, invalid(f, "%v", err)
		}
		var v gen.TicketRequestCustomAttributes_AdditionalProperties
		if err := v.UnmarshalJSON(raw); err != nil {
			return nil, invalid(f, "%v", err)
		}
		out[k] = v
	}
	return out, nil
}

// setUpdateState sets the state an update moves a ticket to, in the form
// this API version takes: a category (state), or the id of a ticket state
// (ticket_state_id). On the versions that take an id, a category is turned
// into the id of the workspace's first state of that category.
func (s *TicketsService) setUpdateState(ctx context.Context, body *gen.UpdateTicketRequest, state TicketState, stateID string) error {
	switch {
	case state == "" && stateID == "":
		return nil
	case state != "" && stateID != "":
		return invalid("state", "set State or StateID, not both")
	case stateID != "" && !gen.UpdateTicketStateByID:
		return invalid("ticket_state_id", "API %s moves a ticket by the category of its state: set State", APIVersion)
	case stateID != "":
		gen.SetUpdateTicketState(body, stateID)
		return nil
	}
	if err := validUpdateState(state); err != nil {
		return err
	}
	if !gen.UpdateTicketStateByID {
		gen.SetUpdateTicketState(body, string(state))
		return nil
	}
	id, err := s.ticketStateIDOf(ctx, state)
	if err != nil {
		return err
	}
	gen.SetUpdateTicketState(body, id)
	return nil
}

// ticketStateList is the answer of GET /ticket_states (2.12 and later), as
// far as ticketStateIDOf reads it.
type ticketStateList struct {
	Data []struct {
		ID       string `json:"id"`
		Category string `json:"category"`
		Archived bool   `json:"archived"`
	} `json:"data"`
}

// ticketStateIDOf finds the id of the workspace's first ticket state in a
// category, from GET /ticket_states, which the versions whose updates take
// a state's id have.
func (s *TicketsService) ticketStateIDOf(ctx context.Context, state TicketState) (string, error) {
	u, err := s.client.pageURL("/ticket_states")
	if err != nil {
		return "", err
	}
	l, _, err := getPage[ticketStateList](ctx, s.client, u)
	if err != nil {
		return "", err
	}
	for _, st := range l.Data {
		if st.Category == string(state) && !st.Archived && st.ID != "" {
			return st.ID, nil
		}
	}
	return "", invalid("state", "the workspace has no ticket state in category %s; set StateID", state)
}
