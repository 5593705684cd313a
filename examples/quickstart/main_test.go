package main

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/gen"
	"github.com/go-intercom/intercom/intercomtest"
)

// TestEmbeddedWorkflow runs the quickstart as `go run` does with no
// environment. run fails if the embedded server saw an invalid request or
// wrote an invalid response.
func TestEmbeddedWorkflow(t *testing.T) {
	var out bytes.Buffer
	t.Setenv(facade.EnvToken, "") // the embedded server, whatever the machine has set
	if err := run(context.Background(), &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"Opened ticket #1",
		"comment by user lin@example.com",
		"Moved the ticket to resolved",
		"Tagged the ticket \"export\"",
		"found 1",
		"waiting_on_customer → resolved",
		"all valid against the " + facade.APIVersion + " description",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestWorkflowAgainstServer runs the workflow on a server the test owns and
// checks what the server saw: no invalid request, and each write once.
func TestWorkflowAgainstServer(t *testing.T) {
	srv := intercomtest.NewServer(t)
	var versions []string
	sawVersion := func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			versions = append(versions, r.Header.Get("Intercom-Version"))
			return next.RoundTrip(r)
		})
	}
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL), facade.WithMiddleware(sawVersion))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := workflow(context.Background(), &out, client); err != nil {
		t.Fatalf("workflow: %v\n%s", err, out.String())
	}
	// The version gen was generated from (make generate SPEC=…) is the one
	// every request asks for.
	if len(versions) == 0 {
		t.Fatal("no request seen")
	}
	for i, v := range versions {
		if v != gen.APIVersion {
			t.Fatalf("request %d sent Intercom-Version %q, want %q", i, v, gen.APIVersion)
		}
	}
	if bad := srv.InvalidRequests(); len(bad) != 0 {
		t.Errorf("invalid requests: %v", bad)
	}
	if bad := srv.InvalidResponses(); len(bad) != 0 {
		t.Errorf("invalid responses: %v", bad)
	}
	for op, want := range map[string]int{
		"createTicketType": 1, "createTicketTypeAttribute": 1, "createTicket": 1,
		"replyTicket": 3, "updateTicket": 3, "attachTagToTicket": 1, "searchTickets": 1,
	} {
		if got := srv.Count(op); got != want {
			t.Errorf("%s applied %d times, want %d", op, got, want)
		}
	}
}

// TestReadOnlyWithToken runs the quickstart as it runs with INTERCOM_TOKEN
// set, pointed at an intercomtest server through INTERCOM_BASE_URL, and
// checks that it changed nothing.
func TestReadOnlyWithToken(t *testing.T) {
	srv := intercomtest.NewServer(t)
	t.Setenv(facade.EnvToken, srv.Token)
	t.Setenv(facade.EnvBaseURL, srv.URL)
	var out bytes.Buffer
	if err := run(context.Background(), &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "read-only") || strings.Contains(out.String(), "Opened ticket") {
		t.Errorf("output:\n%s", out.String())
	}
	if bad := srv.InvalidRequests(); len(bad) != 0 {
		t.Errorf("invalid requests: %v", bad)
	}
	for _, r := range srv.Requests() {
		if r.Method != http.MethodGet && !strings.HasSuffix(r.Path, "/search") {
			t.Errorf("read-only run sent %s %s", r.Method, r.Path)
		}
	}
}

// TestRunFailsOnAPIError checks that an error from the API makes run fail
// (and so the command exit non-zero).
func TestRunFailsOnAPIError(t *testing.T) {
	srv := intercomtest.NewServer(t)
	t.Setenv(facade.EnvToken, "wrong-token")
	t.Setenv(facade.EnvBaseURL, srv.URL)
	err := run(context.Background(), &bytes.Buffer{})
	if err == nil {
		t.Fatal("run succeeded with a wrong token")
	}
	if n := len(srv.InvalidRequests()); n == 0 {
		t.Errorf("the server did not record the unauthorized request")
	}
}

// roundTripFunc lets a function be an http.RoundTripper.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
