package facade

// ContactsService groups the operations on contacts: users and leads.
type ContactsService service
