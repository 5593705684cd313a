package facade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// Response describes the HTTP exchange behind a call: its status, Intercom's
// request id and the rate-limit state the API reported. Every facade method
// returns one, on success and on error (nil only when no response came:
// invalid input, or a connection failure).
type Response struct {
	// StatusCode is the HTTP status.
	StatusCode int
	// RequestID is Intercom's X-Request-Id (or the error body's request_id),
	// for support tickets.
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

// decode finishes a call made through the generated client: it reads and
// closes the body, and on success decodes it into a new T. The transport has
// already turned every non-2xx status into an *Error. It is shaped to take
// the generated client's results directly: decode[gen.Ticket](raw.GetTicket(…)).
func decode[T any](r *http.Response, err error) (*T, *Response, error) {
	if err != nil {
		return nil, responseOf(err), err
	}
	resp := newResponse(r)
	out := new(T)
	if err := decodeBody(r, out); err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// decodeBody reads r's body into a pooled buffer (sized from Content-Length
// when known), closes it and unmarshals it into out. encoding/json copies
// what it keeps, so the buffer can be reused.
func decodeBody(r *http.Response, out any) error {
	buf := bufPool.Get().(*bytes.Buffer)
	defer putBuf(buf)
	if n := r.ContentLength; n > 0 && n < maxPrealloc {
		buf.Grow(int(n) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(r.Body)
	r.Body.Close()
	if err != nil {
		return fmt.Errorf("intercom: read %s: %w", requestName(r), err)
	}
	if err := json.Unmarshal(buf.Bytes(), out); err != nil {
		return fmt.Errorf("intercom: decode %s: %w", requestName(r), err)
	}
	return nil
}

// requestName is "METHOD /path" of the request behind r, for errors.
func requestName(r *http.Response) string {
	if r.Request == nil || r.Request.URL == nil {
		return "response"
	}
	return r.Request.Method + " " + r.Request.URL.Path
}

const (
	// maxPrealloc bounds the buffer preallocated from Content-Length.
	maxPrealloc = 64 << 20
	// maxPooled is the largest buffer kept for reuse.
	maxPooled = 4 << 20
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func putBuf(b *bytes.Buffer) {
	if b.Cap() > maxPooled {
		return
	}
	b.Reset()
	bufPool.Put(b)
}

// finish is decode for calls whose success body the caller does not need
// (a 204, or an acknowledgement): it drains and closes the body.
func finish(r *http.Response, err error) (*Response, error) {
	if err != nil {
		return responseOf(err), err
	}
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
	return newResponse(r), nil
}

// responseOf returns the Response an *Error carries, or nil.
func responseOf(err error) *Response {
	if e, ok := err.(*Error); ok {
		return e.Response
	}
	return nil
}
