package facade

// readOnlyPOSTs are the POST operations that only read: they are as safe to
// send twice as a GET and are retried like one. Keys are paths relative to
// the base URL; values are the operationIds, for reference.
//
// This is the one place to mark such an operation.
var readOnlyPOSTs = map[string]string{
	"/contacts/search":      "SearchContacts",
	"/conversations/search": "searchConversations",
	"/tickets/search":       "searchTickets",
	"/companies/list":       "listAllCompanies",
}
