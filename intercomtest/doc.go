// Package intercomtest runs a fake Intercom REST API 2.11 server on the
// loopback interface, for the tests of code that uses package facade or gen,
// as net/http/httptest does for HTTP.
//
//	srv := intercomtest.NewServer(t) // closed, and checked, when the test ends
//	client, _ := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
//	// … exercise your code …
//	if bad := srv.InvalidRequests(); len(bad) > 0 { t.Fatal(bad) }
//
// Every request is checked against the API description: one Intercom would
// refuse gets Intercom's error.list answer and is recorded. Behind the checks,
// an in-memory workspace serves every operation, in the shapes of the
// description gen was generated from (after a refresh, that version's). Seed puts content in,
// Snapshot reads it back, Count and Requests tell what your code sent, and
// Inject adds faults (429s, 5xx, delays, dropped connections). Start runs a
// server outside a test; cmd/intercom-mock serves one to tests in any
// language.
//
// See ExampleStart, ExampleServer_Seed and ExampleServer_Inject.
package intercomtest
