// Package intercomtest runs a fake Intercom REST API 2.11 server on the
// loopback interface, for tests of code that uses package facade or gen, in
// the spirit of net/http/httptest.
//
// The server checks every request against the project's description of the
// API (the one package gen embeds): route, path and query parameters, body
// schema, bearer token and Intercom-Version header. A request that breaks the
// description gets Intercom's error.list body with the status Intercom uses,
// and is recorded, so a test can assert that its code sent none. Every
// response the server writes is checked against the description as well.
//
// Behind the checks is an in-memory workspace that every operation of the
// description reads or changes: admins, teams, contacts, companies, tags,
// ticket types, tickets, conversations with their parts, articles,
// collections, help centers, news, notes, segments, subscription types, data
// attributes, events, exports, messages and visitors. An unknown id is a 404
// with Intercom's not_found body. Seed puts content in from Go values (or
// JSON) and Snapshot reads the workspace back; the intercom-mock command
// serves the same workspace to tests in any language.
//
// Faults (429 with rate-limit headers, 5xx, delays, dropped connections) can
// be injected for the next requests or those of one operation, and every
// response carries Intercom's X-RateLimit-* headers.
//
//	srv := intercomtest.NewServer(t)
//	client, _ := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
//	// … exercise your code …
//	if bad := srv.InvalidRequests(); len(bad) > 0 { t.Fatal(bad) }
package intercomtest
