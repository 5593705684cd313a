package facade

// MessagesService groups the operations on outbound messages sent by admins.
type MessagesService service
