// Package facade is the Go client for the Intercom REST API 2.11: what
// programs import.
//
// Create a Client with NewClient(token, options…) or NewClientFromEnv
// (INTERCOM_TOKEN, INTERCOM_REGION, INTERCOM_BASE_URL). Its fields group the
// 108 operations as Intercom's SDKs do: client.Contacts, client.Tickets,
// client.Conversations, client.Admins, … Every method takes a context first
// and returns the decoded value, a *Response (request id, rate limit) and an
// error. Lists have an …Iter method that walks every page.
//
// Errors from the API are *Error values (errors.As; errors.Is with
// ErrNotFound and the other sentinels); bad input is an *InputError returned
// before any request is sent; retries, rate limits and regions are handled
// underneath (RetryPolicy, WithPacing, WithRegion).
//
// Start with the examples, which run against package intercomtest:
// ExampleNewClient, ExampleTicketsService_Reply, ExampleContactsService_ListIter,
// ExampleContactsService_SearchIter and ExampleError. Webhook notifications
// are received with package webhook; README.md covers the rest.
package facade
