package facade

// NotesService groups the operations on notes on contacts.
type NotesService service
