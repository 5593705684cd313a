package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// TicketTypeAttributesService groups the operations on attributes of ticket types.
type TicketTypeAttributesService service

// TicketTypeAttribute is a field of a ticket type. Read its data type with
// TicketTypeAttributeDataType(a.DataType).
type TicketTypeAttribute = gen.TicketTypeAttribute

// TicketTypeAttributeOptions are the optional settings of a ticket type
// attribute; nil pointers and empty strings are left out.
type TicketTypeAttributeOptions struct {
	// RequiredToCreate makes teammates fill the attribute in when creating a ticket.
	RequiredToCreate *bool
	// RequiredToCreateForContacts makes contacts fill it in.
	RequiredToCreateForContacts *bool
	// VisibleOnCreate shows the attribute on the creation form.
	VisibleOnCreate *bool
	// VisibleToContacts shows the attribute to contacts.
	VisibleToContacts *bool
	// Multiline allows several lines (string attributes).
	Multiline *bool
	// ListItems is the comma-separated list of choices (list attributes).
	ListItems string
	// AllowMultipleValues allows several files (files attributes).
	AllowMultipleValues *bool
}

// fields returns the settings in the order both the create and the update
// request declare them, copied so that a request never shares memory with
// the caller's options.
func (o TicketTypeAttributeOptions) fields() (required, requiredForContacts, visibleOnCreate, visibleToContacts, multiline *bool, listItems *string, allowMultiple *bool) {
	return ptrCopy(o.RequiredToCreate), ptrCopy(o.RequiredToCreateForContacts), ptrCopy(o.VisibleOnCreate),
		ptrCopy(o.VisibleToContacts), ptrCopy(o.Multiline), stringOrNil(o.ListItems), ptrCopy(o.AllowMultipleValues)
}

// Create adds an attribute named name, described by description, of type
// dataType to the ticket type ticketTypeID.
//
// Calls createTicketTypeAttribute: POST /ticket_types/{ticket_type_id}/attributes.
func (s *TicketTypeAttributesService) Create(ctx context.Context, ticketTypeID, name, description string, dataType TicketTypeAttributeDataType, opts *TicketTypeAttributeOptions) (*TicketTypeAttribute, *Response, error) {
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	if err := required("name", name); err != nil {
		return nil, nil, err
	}
	if err := required("description", description); err != nil {
		return nil, nil, err
	}
	if _, err := parseEnum("data_type", string(dataType), ticketTypeAttributeDataTypes); err != nil {
		return nil, nil, err
	}
	body := gen.CreateTicketTypeAttributeRequest{
		Name:        name,
		Description: description,
		DataType:    gen.CreateTicketTypeAttributeRequestDataType(dataType),
	}
	if opts != nil {
		body.RequiredToCreate, body.RequiredToCreateForContacts, body.VisibleOnCreate, body.VisibleToContacts,
			body.Multiline, body.ListItems, body.AllowMultipleValues = opts.fields()
	}
	return decode[TicketTypeAttribute](s.client.raw.CreateTicketTypeAttribute(ctx, ticketTypeID, nil, body))
}

// UpdateTicketTypeAttributeOptions are the fields an update may change;
// nil pointers and empty strings are left out. The data type cannot change.
type UpdateTicketTypeAttributeOptions struct {
	Name        string
	Description string
	// Archived archives (true) or restores (false) the attribute.
	Archived *bool
	TicketTypeAttributeOptions
}

// Update changes the attribute attributeID of the ticket type ticketTypeID.
//
// Calls updateTicketTypeAttribute: PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}.
func (s *TicketTypeAttributesService) Update(ctx context.Context, ticketTypeID, attributeID string, opts *UpdateTicketTypeAttributeOptions) (*TicketTypeAttribute, *Response, error) {
	if err := required("ticket_type_id", ticketTypeID); err != nil {
		return nil, nil, err
	}
	if err := required("attribute_id", attributeID); err != nil {
		return nil, nil, err
	}
	var body gen.UpdateTicketTypeAttributeRequest
	if opts != nil {
		body.Name = stringOrNil(opts.Name)
		body.Description = stringOrNil(opts.Description)
		body.Archived = opts.Archived
		body.RequiredToCreate, body.RequiredToCreateForContacts, body.VisibleOnCreate, body.VisibleToContacts,
			body.Multiline, body.ListItems, body.AllowMultipleValues = opts.fields()
	}
	return decode[TicketTypeAttribute](s.client.raw.UpdateTicketTypeAttribute(ctx, ticketTypeID, attributeID, nil, body))
}
