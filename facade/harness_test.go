package facade

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test harness of the package, in the spirit of go-github's setup(t):
//
//	f, c := newFake(t)                       // a client pointed at a recording fake Intercom
//	f.reply("GET /admins/{id}", 200, body)   // a fixed answer on a route (http.ServeMux pattern)
//	f.replies("/", answer(503, ""), okJSON)  // answers in turn, the last one repeats
//	f.respond("POST /tickets", fn)           // status and body computed from the request
//	f.handle("/", fn)                        // an http.HandlerFunc where the test needs more
//	... call c ...
//	f.expect(t, "GET", "/admins/1", nil, "") // the one request: method, path, query, JSON body
//	f.expectInputError(t, err, "admin_id")   // refused before any request was sent
//	f.take()                                 // the requests so far, forgotten
//	f.newClient(t, opts...)                  // another client on the same fake
//
// Every request is recorded (method, path, query, headers, body) whatever
// answers it; f.requests() returns them. A request that no route matches
// fails the test. The client retries with the default policy, waiting on a
// fake clock that returns at once, so no test sleeps.

// testToken is the token the harness's clients authenticate with. Tests that
// check the token never leaks search for it.
const testToken = "tok_SECRET_7f3a9c"

// request is one request the fake received.
type request struct {
	Method   string
	Path     string // as sent on the wire (escaped)
	Query    url.Values
	RawQuery string // the query as sent
	Header   http.Header
	Body     string
}

// fakeAPI is a recording fake Intercom behind an httptest server (loopback).
type fakeAPI struct {
	t   *testing.T
	mux *http.ServeMux
	URL string // the server's base URL

	mu   sync.Mutex
	reqs []request
}

// newFake starts a fake with no routes and returns it with a client pointed
// at it. opts apply after the harness's defaults (base URL, fake clock), so a
// test can pass its own clock, retry policy, logger or middleware.
func newFake(t *testing.T, opts ...Option) (*fakeAPI, *Client) {
	t.Helper()
	f := &fakeAPI{t: t, mux: http.NewServeMux()}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f, f.newClient(t, opts...)
}

// newClient returns another client pointed at the fake, with the same
// defaults; opts apply after them (WithBaseURL(f.URL+"/proxy") mounts the
// client under a path).
func (f *fakeAPI) newClient(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := NewClient(testToken, append([]Option{WithBaseURL(f.URL), withClock(newFakeClock())}, opts...)...)
	require.NoError(t, err)
	return c
}

// closedURL returns a loopback URL nothing listens on: every dial fails.
func closedURL() string {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	return srv.URL
}

// ServeHTTP records r and passes it, body intact, to the route that matches.
func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs = append(f.reqs, request{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), RawQuery: r.URL.RawQuery, Header: r.Header.Clone(), Body: string(b)})
	f.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(b))
	if _, pattern := f.mux.Handler(r); pattern == "" {
		assert.Failf(f.t, "no route for the request", "%s %s", r.Method, r.URL)
		answer(http.StatusNotFound, `{"type":"error.list","errors":[{"code":"not_found","message":"no route"}]}`)(w, r)
		return
	}
	f.mux.ServeHTTP(w, r)
}

// handle serves pattern (an http.ServeMux pattern; "/" matches every
// request) with fn.
func (f *fakeAPI) handle(pattern string, fn http.HandlerFunc) {
	f.mux.HandleFunc(pattern, fn)
}

// respond serves pattern with fn, which gets the request and its body and
// returns the status and JSON body to answer with.
func (f *fakeAPI) respond(pattern string, fn func(r *http.Request, body string) (int, string)) {
	f.handle(pattern, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		status, out := fn(r, string(b))
		answer(status, out)(w, r)
	})
}

// reply answers every request on pattern with status, body and the header
// pairs given.
func (f *fakeAPI) reply(pattern string, status int, body string, header ...string) {
	f.handle(pattern, answer(status, body, header...))
}

// replies answers the requests on pattern with fns in turn; the last one
// repeats.
func (f *fakeAPI) replies(pattern string, fns ...http.HandlerFunc) {
	var mu sync.Mutex
	n := 0
	f.handle(pattern, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fn := fns[min(n, len(fns)-1)]
		n++
		mu.Unlock()
		fn(w, r)
	})
}

// answer is a handler that writes the header pairs, status and body; a body
// that looks like JSON is sent as application/json unless the pairs say
// otherwise.
func answer(status int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if strings.HasPrefix(body, "{") || strings.HasPrefix(body, "[") {
			w.Header().Set("Content-Type", "application/json")
		}
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// okJSON answers 200 with an empty admin list, a body any read accepts.
var okJSON = answer(200, `{"type":"admin.list","admins":[]}`)

// requests returns the requests received so far.
func (f *fakeAPI) requests() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]request(nil), f.reqs...)
}

// take returns the requests received so far and forgets them.
func (f *fakeAPI) take() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	reqs := f.reqs
	f.reqs = nil
	return reqs
}

// rawQueries lists the query, as sent, of each of reqs.
func rawQueries(reqs []request) []string {
	qs := make([]string, len(reqs))
	for i, r := range reqs {
		qs[i] = r.RawQuery
	}
	return qs
}

// only returns the one request the fake received, failing the test otherwise.
func (f *fakeAPI) only(t *testing.T) request {
	t.Helper()
	reqs := f.requests()
	require.Len(t, reqs, 1, "requests received")
	return reqs[0]
}

// expect checks the one request the fake received: its method, path, query
// (nil for none), the Intercom-Version header, and its body (JSON, compared as
// values; "" for none). It returns the request for further checks.
func (f *fakeAPI) expect(t *testing.T, method, path string, query url.Values, body string) request {
	t.Helper()
	r := f.only(t)
	assert.Equal(t, method+" "+path, r.Method+" "+r.Path)
	if query == nil {
		query = url.Values{}
	}
	assert.Equal(t, query, r.Query)
	assert.Equal(t, APIVersion, r.Header.Get("Intercom-Version"))
	if body == "" {
		assert.Empty(t, strings.TrimSpace(r.Body), "request body")
		return r
	}
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.JSONEq(t, body, r.Body)
	return r
}

// expectNone checks that the fake received no request.
func (f *fakeAPI) expectNone(t *testing.T) {
	t.Helper()
	assert.Empty(t, f.requests(), "no request is sent")
}

// expectInputError checks that err is an *InputError on field, with a
// problem stated, and that no request was sent.
func (f *fakeAPI) expectInputError(t *testing.T, err error, field string) *InputError {
	t.Helper()
	ie := requireInputError(t, err, field)
	f.expectNone(t)
	return ie
}

// requireInputError checks that err is an *InputError on field that states a
// problem, and returns it.
func requireInputError(t *testing.T, err error, field string) *InputError {
	t.Helper()
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, field, ie.Field, "InputError.Field (%v)", ie)
	assert.NotEmpty(t, ie.Problem, "InputError.Problem")
	return ie
}

// query builds url.Values from key, value pairs.
func query(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

// opCase is one facade call checked against what the fake received.
type opCase struct {
	name      string
	pattern   string // route served, e.g. "GET /contacts/{id}"
	resp      string // JSON answer
	call      func(ctx context.Context, c *Client) (any, *Response, error)
	wantPath  string
	wantQuery string // url-encoded, keys sorted; "" for none
	wantBody  string // JSON; "" for no body
	check     func(t *testing.T, got any)
}

// runOpCases runs each case against a fresh fake.
func runOpCases(t *testing.T, cases []opCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			f.reply(tc.pattern, http.StatusOK, tc.resp)
			got, resp, err := tc.call(t.Context(), c)
			require.NoError(t, err)
			require.NotNil(t, resp)
			assert.Equal(t, http.StatusOK, resp.StatusCode)
			want, err := url.ParseQuery(tc.wantQuery)
			require.NoError(t, err)
			method, _, _ := strings.Cut(tc.pattern, " ")
			f.expect(t, method, tc.wantPath, want, tc.wantBody)
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

// inputCase is a facade call that must fail with an *InputError on field,
// without a request.
type inputCase struct {
	name  string
	field string
	call  func(ctx context.Context, c *Client) error
}

// runInputCases checks that each call is refused before sending.
func runInputCases(t *testing.T, cases []inputCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			err := tc.call(t.Context(), c)
			f.expectInputError(t, err, tc.field)
			assert.Contains(t, err.Error(), tc.field, "the error names the field")
		})
	}
}

// callCase is a facade call, closing over nothing but the client, that the
// fake answers with reply; the one request it sends must be method and path,
// with query (url-encoded, "" for none) and, unless body is "", that JSON body.
type callCase struct {
	name                string
	reply               string
	call                func(c *Client) error
	method, path, query string
	body                string
}

// runCallCases runs each case against a fresh fake that does not retry.
func runCallCases(t *testing.T, cases []callCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.reply("/", 200, tc.reply)
			require.NoError(t, tc.call(c))
			r := f.only(t)
			assert.Equal(t, tc.method+" "+tc.path+"?"+tc.query, r.Method+" "+r.Path+"?"+r.Query.Encode())
			if tc.body != "" {
				assert.JSONEq(t, tc.body, r.Body)
			}
		})
	}
}

// call3 adapts a (T, *Response, error) method to opCase.call.
func call3[T any](v T, resp *Response, err error) (any, *Response, error) { return v, resp, err }

// err3 keeps the error of a (T, *Response, error) method.
func err3[T any](_ T, _ *Response, err error) error { return err }

// firstErr returns the first error an iterator yields (nil if none).
func firstErr[T any](seq func(func(T, error) bool)) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// err2 keeps the error of a (T, error) function.
func err2[T any](_ T, err error) error { return err }

// fakeClock is a clock whose Sleep returns at once (or with ctx.Err() when ctx
// is already done), advances Now by the requested duration and records it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return nil
}

// Sleeps returns the durations Sleep was asked to wait, in order.
func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}
