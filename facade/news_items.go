package facade

// NewsItemsService groups the operations on news items.
type NewsItemsService service
