package facade

// ConversationsService groups the operations on conversations, their replies and their management.
type ConversationsService service
