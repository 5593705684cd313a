package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// TicketTypesService groups the operations on ticket types and their attributes.
type TicketTypesService struct {
	service
	// Attributes calls the operations on attributes of ticket types.
	Attributes *TicketTypeAttributesService
}

// TicketType is a kind of ticket (for example "Bug report"), with its
// category and attributes. Read its category with TicketCategory(tt.Category).
type TicketType = gen.TicketType

// TicketTypeList is the list of the workspace's ticket types; read them with
// TicketTypesOf.
type TicketTypeList = gen.TicketTypeList

// TicketTypesOf returns the ticket types of a TicketTypes.List answer. The API
// lists them under data (the description's own example); 2.11's schema
// declares ticket_types; either is read.
func TicketTypesOf(l *TicketTypeList) []TicketType {
	if data := l.GetData(); data != nil {
		return data
	}
	return l.GetTicketTypes()
}

// List returns every ticket type of the workspace.
//
// Calls listTicketTypes: GET /ticket_types.
func (s *TicketTypesService) List(ctx context.Context) (*TicketTypeList, *Response, error) {
	return decode[TicketTypeList](s.client.raw.ListTicketTypes(ctx, nil))
}

// Get returns the ticket type ticketTypeID with its attributes.
//
// Calls getTicketType: GET /ticket_types/{ticket_type_id}.
func (s *TicketTypesService) Get(ctx context.Context, ticketTypeID string) (*TicketType, *Response, error) {
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	return decode[TicketType](s.client.raw.GetTicketType(ctx, ticketTypeID, nil))
}

// CreateTicketTypeOptions are the optional fields of a new ticket type.
type CreateTicketTypeOptions struct {
	// Category is Customer (the default), Back-office or Tracker.
	Category TicketCategory
	// Description says what the tickets of this type are for.
	Description string
	// Icon is an emoji shown with the type.
	Icon string
	// IsInternal makes the type's tickets invisible to customers
	// (deprecated by Intercom in favour of Category).
	IsInternal *bool
}

// Create makes a ticket type named name.
//
// Calls createTicketType: POST /ticket_types.
func (s *TicketTypesService) Create(ctx context.Context, name string, opts *CreateTicketTypeOptions) (*TicketType, *Response, error) {
	if err := required("name", name); err != nil {
		return nil, nil, err
	}
	body := gen.CreateTicketTypeRequest{Name: name}
	if opts != nil {
		if err := validTicketCategory(opts.Category); err != nil {
			return nil, nil, err
		}
		if opts.Category != "" {
			c := gen.CreateTicketTypeRequestCategory(opts.Category)
			body.Category = &c
		}
		body.Description = stringOrNil(opts.Description)
		body.Icon = stringOrNil(opts.Icon)
		body.IsInternal = opts.IsInternal
	}
	return decode[TicketType](s.client.raw.CreateTicketType(ctx, nil, body))
}

// UpdateTicketTypeOptions are the fields an update may change; zero values
// are left out.
type UpdateTicketTypeOptions struct {
	Name        string
	Description string
	Icon        string
	// Category moves the type to Customer, Back-office or Tracker.
	Category TicketCategory
	// Archived archives (true) or restores (false) the type.
	Archived   *bool
	IsInternal *bool
}

// Update changes the ticket type ticketTypeID.
//
// Calls updateTicketType: PUT /ticket_types/{ticket_type_id}.
func (s *TicketTypesService) Update(ctx context.Context, ticketTypeID string, opts *UpdateTicketTypeOptions) (*TicketType, *Response, error) {
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	var body gen.UpdateTicketTypeRequestBody
	if opts != nil {
		if err := validTicketCategory(opts.Category); err != nil {
			return nil, nil, err
		}
		if opts.Category != "" {
			c := gen.UpdateTicketTypeRequestBodyCategory(opts.Category)
			body.Category = &c
		}
		body.Name = stringOrNil(opts.Name)
		body.Description = stringOrNil(opts.Description)
		body.Icon = stringOrNil(opts.Icon)
		body.Archived = opts.Archived
		body.IsInternal = opts.IsInternal
	}
	return decode[TicketType](s.client.raw.UpdateTicketType(ctx, ticketTypeID, nil, body))
}
