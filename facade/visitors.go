package facade

// VisitorsService groups the operations on visitors of the Messenger.
type VisitorsService service
