package facade

// EventsService groups the operations on data events recorded for contacts.
type EventsService service
