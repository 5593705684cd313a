package facade

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Response describes the HTTP exchange behind a call: its status, Intercom's
// request id and the rate-limit state the API reported. Every facade method
// returns one, on success and on error (nil only when no request was sent).
type Response struct {
	StatusCode int
	// RequestID is Intercom's X-Request-Id, for support tickets.
	RequestID string
	// RateLimit is what the X-RateLimit-* headers said.
	RateLimit RateLimit
	// Header is the full response header.
	Header http.Header
}

// newResponse reads the metadata of an HTTP response.
func newResponse(r *http.Response) *Response {
	return &Response{
		StatusCode: r.StatusCode,
		RequestID:  r.Header.Get("X-Request-Id"),
		RateLimit:  parseRateLimit(r.Header),
		Header:     r.Header,
	}
}

// decode finishes a call made through the generated client: it closes the
// body, and on success decodes it into a new T. The transport has already
// turned every non-2xx status into an *Error. It is shaped to take the
// generated client's results directly: decode[gen.Ticket](raw.GetTicket(…)).
func decode[T any](r *http.Response, err error) (*T, *Response, error) {
	if err != nil {
		return nil, responseOf(err), err
	}
	defer r.Body.Close()
	resp := newResponse(r)
	out := new(T)
	if err := json.NewDecoder(r.Body).Decode(out); err != nil {
		return nil, resp, fmt.Errorf("intercom: decode %s %s: %w", r.Request.Method, r.Request.URL.Path, err)
	}
	return out, resp, nil
}

// finish is decode for calls whose success body the caller does not need
// (a 204, or an acknowledgement): it drains and closes the body.
func finish(r *http.Response, err error) (*Response, error) {
	if err != nil {
		return responseOf(err), err
	}
	defer r.Body.Close()
	return newResponse(r), nil
}

// responseOf returns the Response an *Error carries, or nil.
func responseOf(err error) *Response {
	if e, ok := err.(*Error); ok {
		return e.Response
	}
	return nil
}
