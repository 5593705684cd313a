package facade

// TicketTypeAttributesService groups the operations on attributes of ticket types.
type TicketTypeAttributesService service
