package facade

// TicketsService groups the operations on tickets, their replies and their state.
type TicketsService service
