package intercomtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// DefaultToken is the access token a server accepts unless WithToken sets
// another.
const DefaultToken = "intercomtest-token"

// maxBody is the largest request body the server reads.
const maxBody = 10 << 20

// Server is a fake Intercom API on a loopback address. Create one with
// NewServer in tests or Start elsewhere; it is safe for concurrent use.
type Server struct {
	// URL is the base URL to give facade.WithBaseURL, e.g. http://127.0.0.1:41234.
	URL string
	// Token is the access token the server accepts.
	Token string

	srv     *httptest.Server
	addr    string
	spec    *spec
	now     func() time.Time
	closing chan struct{}
	once    sync.Once

	mu        sync.Mutex // guards everything below and the workspace
	ws        *workspace
	requests  []Request
	badReqs   []InvalidRequest
	badResps  []InvalidResponse
	faults    []*faultState
	rate      rateLimiter
	requestNo int
	// override replaces handlers of this server only (tests of the server).
	override map[string]handler
}

// Option configures a Server.
type Option func(*Server)

// WithAddr makes the server listen on addr (host:port) instead of a free
// loopback port.
func WithAddr(addr string) Option {
	return func(s *Server) { s.addr = addr }
}

// WithToken makes the server accept token instead of DefaultToken.
func WithToken(token string) Option {
	return func(s *Server) { s.Token = token }
}

// WithRateLimit allows limit requests per window (Intercom's default for a
// private app is 10,000 a minute, which is also the server's default). Every
// response reports the state in X-RateLimit-Limit, -Remaining and -Reset; a
// request over the limit gets a 429.
func WithRateLimit(limit int, window time.Duration) Option {
	return func(s *Server) {
		s.rate.limit = limit
		s.rate.window = window
	}
}

// WithClock makes the server read the time from now: timestamps of created
// resources and rate-limit windows. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}

// Start starts a server. Close it when done.
func Start(opts ...Option) (*Server, error) {
	sp, err := loadSpec()
	if err != nil {
		return nil, err
	}
	s := &Server{
		Token:   DefaultToken,
		spec:    sp,
		now:     time.Now,
		closing: make(chan struct{}),
		rate:    rateLimiter{limit: 10000, window: time.Minute},
	}
	for _, opt := range opts {
		opt(s)
	}
	if s.Token == "" {
		return nil, errors.New("intercomtest: token must not be empty")
	}
	if s.rate.limit <= 0 || s.rate.window <= 0 {
		return nil, errors.New("intercomtest: rate limit and window must be positive")
	}
	s.ws = newWorkspace(s.now)
	s.ws.shape = sp.shape
	s.srv = httptest.NewUnstartedServer(s)
	if s.addr != "" {
		l, err := net.Listen("tcp", s.addr)
		if err != nil {
			return nil, fmt.Errorf("intercomtest: listen: %w", err)
		}
		s.srv.Listener.Close()
		s.srv.Listener = l
	}
	s.srv.Start()
	s.URL = s.srv.URL
	s.ws.baseURL = s.URL
	return s, nil
}

// NewServer starts a server for the test t and closes it when t ends. At
// cleanup, every response the server wrote that broke the description is
// reported with t.Errorf: such a response is a bug in intercomtest.
func NewServer(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s, err := Start(opts...)
	if err != nil {
		t.Fatalf("intercomtest: %v", err)
	}
	t.Cleanup(func() {
		s.Close()
		for _, r := range s.InvalidResponses() {
			t.Errorf("intercomtest: invalid response: %s", r)
		}
	})
	return s
}

// Close shuts the server down, releasing requests held by a Wait fault.
func (s *Server) Close() {
	s.once.Do(func() {
		close(s.closing)
		s.srv.Close()
	})
}

// Client returns an HTTP client for the server (no authentication: use a
// facade client for that).
func (s *Server) Client() *http.Client { return s.srv.Client() }

// reply is what a handler answers: a status and a JSON-shaped body, or a
// rawBody.
type reply struct {
	status int
	body   any
}

// rawBody is a body of another content type than JSON (a data export's
// file).
type rawBody struct {
	data        []byte
	contentType string
}

// ServeHTTP implements http.Handler: rate limit, faults, validation, the
// workspace, then response validation.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requestNo++
	reqID := countedUUID(uint64(s.requestNo)<<32, uint64(s.requestNo))
	rl := s.rate.take(s.now())
	s.mu.Unlock()

	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Request-Id", reqID)
	rl.setHeaders(h)

	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		s.write(w, r, nil, reply{http.StatusBadRequest, errorList(reqID, "parameter_invalid", "unreadable body")}, nil)
		return
	}
	rec := Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Body: body}
	route, pathParams, routeErr := s.spec.router.FindRoute(r)
	if routeErr == nil {
		rec.OperationID = s.spec.names[route.Operation]
	}

	// Injected faults come first: they stand for trouble between the
	// client and Intercom's application.
	f := s.takeFault(rec)
	if f != nil {
		rec.Fault = f.kind()
		if !s.hold(r.Context(), f, rec) {
			s.record(rec)
			return
		}
		if !f.AfterApply && (f.Drop || f.Status != 0) {
			s.fail(w, r, &rec, f, reqID)
			return
		}
	}
	if rl.limited {
		rec.Status = http.StatusTooManyRequests
		s.record(rec)
		s.write(w, r, nil, reply{http.StatusTooManyRequests, errorList(reqID, "rate_limit_exceeded",
			fmt.Sprintf("Exceeded rate limit of %d in %s", rl.limit, rl.window))}, nil)
		return
	}

	res, in := s.check(r, route, pathParams, routeErr, body, reqID)
	if res != nil {
		rec.Status = res.status
		s.mu.Lock()
		s.badReqs = append(s.badReqs, InvalidRequest{
			Method: r.Method, Path: r.URL.Path, OperationID: rec.OperationID, Status: res.status,
			Code: errCode(res.body), Message: errMessage(res.body),
		})
		s.mu.Unlock()
		s.record(rec)
		s.write(w, r, nil, *res, nil)
		return
	}

	c := &call{route: route, op: rec.OperationID, path: r.URL.Path, params: pathParams, query: r.URL.Query(), reqID: reqID}
	if len(bytes.TrimSpace(body)) > 0 {
		var v any
		if err := json.Unmarshal(body, &v); err == nil {
			c.body, _ = v.(map[string]any)
		}
	}
	s.mu.Lock()
	out := s.dispatch(c)
	s.mu.Unlock()
	rec.Status = out.status
	rec.Applied = out.status/100 == 2

	if f != nil && f.AfterApply {
		s.fail(w, r, &rec, f, reqID)
		return
	}
	s.record(rec)
	s.write(w, r, route, out, in)
}

// check validates a routed request: route, token, version header, then
// parameters and body against the description. It returns the error answer,
// or the validation input for the response check.
func (s *Server) check(r *http.Request, route *routers.Route, params map[string]string, routeErr error, body []byte, reqID string) (*reply, *openapi3filter.RequestValidationInput) {
	if routeErr != nil {
		return &reply{http.StatusNotFound, errorList(reqID, "not_found", "Resource Not Found")}, nil
	}
	auth := r.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "Bearer ") || strings.TrimPrefix(auth, "Bearer ") != s.Token {
		return &reply{http.StatusUnauthorized, errorList(reqID, "unauthorized", "Access Token Invalid")}, nil
	}
	if r.Header.Get("Intercom-Version") == "" {
		return &reply{http.StatusBadRequest, errorList(reqID, "intercom_version_invalid",
			"The Intercom-Version header is required (this server speaks 2.11)")}, nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options: &openapi3filter.Options{
			AuthenticationFunc:  openapi3filter.NoopAuthenticationFunc,
			SkipSettingDefaults: true,
		},
	}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		code, msg := "parameter_invalid", shortError(err)
		var re *openapi3filter.RequestError
		if errors.As(err, &re) {
			switch {
			case re.Parameter != nil && strings.EqualFold(re.Parameter.Name, "Intercom-Version"):
				code = "intercom_version_invalid"
			case re.Err != nil && errors.Is(re.Err, openapi3filter.ErrInvalidRequired):
				code = "parameter_not_found"
			}
		}
		var se *openapi3.SchemaError
		if errors.As(err, &se) && strings.HasPrefix(se.Reason, "property") && strings.Contains(se.Reason, "missing") {
			code = "parameter_not_found"
		}
		return &reply{http.StatusBadRequest, errorList(reqID, code, msg)}, nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return nil, in
}

// write completes the body from the response schema, validates it when the
// request was valid, and sends it.
func (s *Server) write(w http.ResponseWriter, r *http.Request, route *routers.Route, out reply, in *openapi3filter.RequestValidationInput) {
	var b []byte
	if raw, isRaw := out.body.(rawBody); isRaw {
		w.Header().Set("Content-Type", raw.contentType)
		w.WriteHeader(out.status)
		w.Write(raw.data)
		return
	}
	if out.body != nil {
		body := normalize(out.body)
		if route != nil {
			if schema := responseSchema(route.Operation, out.status); schema != nil {
				complete(schema, body)
				conform(schema, body)
			}
		}
		var err error
		if b, err = json.Marshal(body); err != nil {
			out.status, b = http.StatusInternalServerError, []byte(`{"type":"error.list","errors":[{"code":"server_error","message":"encode"}]}`)
		}
	}
	if in != nil {
		err := openapi3filter.ValidateResponse(r.Context(), &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in,
			Status:                 out.status,
			Header:                 w.Header(),
			Body:                   io.NopCloser(bytes.NewReader(b)),
			Options:                &openapi3filter.Options{},
		})
		if err != nil {
			s.mu.Lock()
			s.badResps = append(s.badResps, InvalidResponse{
				Method: r.Method, Path: r.URL.Path, OperationID: s.spec.names[in.Route.Operation],
				Status: out.status, Err: shortError(err), Body: b,
			})
			s.mu.Unlock()
		}
	}
	w.WriteHeader(out.status)
	w.Write(b)
}

// responseSchema is the JSON schema of an operation's response with status.
func responseSchema(op *openapi3.Operation, status int) *openapi3.SchemaRef {
	if op == nil || op.Responses == nil {
		return nil
	}
	resp := op.Responses.Status(status)
	if resp == nil || resp.Value == nil {
		return nil
	}
	mt := resp.Value.Content.Get("application/json")
	if mt == nil {
		return nil
	}
	return mt.Schema
}

func errCode(body any) string    { return errField(body, "code") }
func errMessage(body any) string { return errField(body, "message") }

func errField(body any, field string) string {
	m, _ := body.(map[string]any)
	list, _ := m["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	e, _ := list[0].(map[string]any)
	v, _ := e[field].(string)
	return v
}

// shortError describes a validation error in one line: where, and what is
// wrong, without kin-openapi's dump of the schema and value.
func shortError(err error) string {
	prefix := ""
	var re *openapi3filter.RequestError
	if errors.As(err, &re) {
		switch {
		case re.Parameter != nil:
			prefix = fmt.Sprintf("parameter %q in %s: ", re.Parameter.Name, re.Parameter.In)
		case re.RequestBody != nil:
			prefix = "request body: "
		}
	}
	var se *openapi3.SchemaError
	if errors.As(err, &se) {
		if ptr := se.JSONPointer(); len(ptr) > 0 {
			return prefix + "/" + strings.Join(ptr, "/") + ": " + se.Reason
		}
		return prefix + se.Reason
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
