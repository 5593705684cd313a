package facade

// TicketTypesService groups the operations on ticket types and their attributes.
type TicketTypesService struct {
	service
	// Attributes calls the operations on attributes of ticket types.
	Attributes *TicketTypeAttributesService
}
