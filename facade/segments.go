package facade

// SegmentsService groups the operations on segments of contacts.
type SegmentsService service
