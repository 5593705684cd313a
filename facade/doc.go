// Package facade is the hand-written Go client for the Intercom REST API 2.11.
//
// It sits on top of package gen, which oapi-codegen generates from the
// project's description of the API, and adds what a Go program expects of a
// client: authentication, the Intercom-Version header, regions, typed errors,
// retries that never repeat a write, rate-limit handling, iterators over
// paginated lists, and constructors that only build valid requests.
//
// Every method takes a context first and returns the decoded value, a
// *Response with the request id and rate-limit state, and an error. Errors
// from the API are *Error values; bad input is an *InputError returned
// before any request is sent.
package facade
