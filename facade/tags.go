package facade

// TagsService groups the operations on tags and tagging of contacts, conversations and tickets.
type TagsService service
