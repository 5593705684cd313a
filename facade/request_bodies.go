package facade

import "github.com/go-intercom/intercom/gen"

// The request bodies that are oneOf unions, as the facade's builders return
// them.

// ReplyTicketRequest is the body of Tickets.Reply, built by the reply
// constructors (AdminComment, ContactReply…).
type ReplyTicketRequest = gen.ReplyTicketRequest

// ReplyConversationRequest is the body of Conversations.Reply.
type ReplyConversationRequest = gen.ReplyConversationRequest

// ManageConversationRequest is the body of Conversations.Manage.
type ManageConversationRequest = gen.ManageConversationRequest

// RedactConversationRequest is the body of Conversations.Redact.
type RedactConversationRequest = gen.RedactConversationRequest
