package facade_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/go-intercom/intercom/facade"
)

// exampleCoreAPI stands in for Intercom: GET /me answers with the rate-limit
// headers Intercom sends, and GET /admins/999 with a 404 error.list.
func exampleCoreAPI() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-RateLimit-Limit", "10000")
		w.Header().Set("X-RateLimit-Remaining", "9999")
		w.Header().Set("X-RateLimit-Reset", "1767225600")
		switch r.URL.Path {
		case "/me":
			w.Header().Set("X-Request-Id", "req-me-1")
			fmt.Fprint(w, `{"type":"admin","id":"991","name":"Ann","email":"ann@example.com"}`)
		default:
			w.Header().Set("X-Request-Id", "req-404-1")
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"type":"error.list","request_id":"req-404-1","errors":[{"code":"not_found","message":"Admin not found"}]}`)
		}
	}))
}

// Create a client for a workspace hosted in the EU, with a user agent
// suffix, a bound on each attempt, fewer retries and proactive pacing.
func ExampleNewClient() {
	policy := facade.DefaultRetryPolicy()
	policy.MaxAttempts = 3

	client, err := facade.NewClient("my-access-token",
		facade.WithRegion(facade.RegionEU),
		facade.WithUserAgent("my-app/1.0"),
		facade.WithAttemptTimeout(30*time.Second),
		facade.WithRetryPolicy(policy),
		facade.WithPacing(),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client.BaseURL())

	// A bad option is an error, not a surprise later.
	_, err = facade.NewClient("my-access-token", facade.WithBaseURL("http://api.example.com"))
	fmt.Println(err)
	// Output:
	// https://api.eu.intercom.io
	// intercom: invalid base_url: "http://api.example.com" must use https (plain http only for loopback hosts)
}

// Branch on what went wrong: errors.Is with a sentinel for the common
// cases, errors.As for the details of Intercom's answer.
func ExampleError() {
	srv := exampleCoreAPI()
	defer srv.Close()
	client, err := facade.NewClient("my-access-token", facade.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, _, err = client.Admins.Find(context.Background(), "999")
	if errors.Is(err, facade.ErrNotFound) {
		fmt.Println("no such admin")
	}
	var apiErr *facade.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Method, apiErr.Path)
		fmt.Println(apiErr.Errors[0].Code, "-", apiErr.Errors[0].Message)
		fmt.Println("request id:", apiErr.RequestID)
	}
	fmt.Println(err)
	// Output:
	// no such admin
	// 404 GET /admins/999
	// not_found - Admin not found
	// request id: req-404-1
	// intercom: GET /admins/999: 404 Not Found: not_found: Admin not found (request id req-404-1)
}

// Every call returns a *Response with Intercom's request id and the
// rate-limit state, on success and (inside *Error) on failure.
func ExampleResponse() {
	srv := exampleCoreAPI()
	defer srv.Close()
	client, err := facade.NewClient("my-access-token", facade.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, resp, err := client.Admins.Identify(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	rl := resp.RateLimit
	fmt.Println("request id:", resp.RequestID)
	fmt.Printf("%d of %d requests left until %s\n", rl.Remaining, rl.Limit, rl.Reset.UTC().Format(time.RFC3339))
	// Output:
	// request id: req-me-1
	// 9999 of 10000 requests left until 2026-01-01T00:00:00Z
}
