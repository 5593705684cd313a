// Package webhook receives Intercom's webhook notifications: it checks their
// signature and decodes them. It needs no client or token, only the app's
// client secret.
//
// NewHandler returns middleware that admits only signed notifications (and
// answers Intercom's HEAD check of the URL); inside it, NotificationOf(r)
// returns the decoded notification. Outside net/http, Verify checks a body
// and its X-Hub-Signature header, and ParseNotification decodes the body.
// A Notification carries the envelope (id, topic, delivery attempts) and
// its item, decoded into package facade's types: n.Ticket(),
// n.Conversation(), n.Contact(), … Sign makes the header Intercom would
// send, for tests of an endpoint.
//
// Start with ExampleNewHandler and ExampleVerify; README.md ("Webhooks")
// covers the rest.
package webhook
