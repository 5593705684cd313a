package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// ErrNotVerified is returned by NotificationOf for a request that did not
// pass through a Handler.
var ErrNotVerified = errors.New("intercom: request was not verified by a webhook handler")

// Handler is middleware that admits only webhook notifications signed with
// the app's client secret and hands them to the next handler. Make one with
// NewHandler.
type Handler struct {
	secret string
	next   http.Handler
	cfg    config
}

// NewHandler returns a Handler that admits only notifications signed with
// secret, the app's client secret, and hands them to next.
//
// For each request it reads the body up to the size limit (1 MiB unless
// MaxBodyBytes is given) and checks the X-Hub-Signature header with Verify.
// It answers:
//   - 413 when the body is over the limit, without reading it whole;
//   - 401 when the signature is missing, malformed or wrong;
//   - 400 when the body cannot be read;
//   - 200 to a HEAD request, which Intercom sends to check the URL when it
//     is saved; next is not called.
//
// Otherwise it calls next with the verified body in r.Body, ready to be read
// again, and NotificationOf(r) returns the decoded notification. NewHandler
// fails with a *facade.InputError on an empty secret, a nil next or a bad
// option.
func NewHandler(secret string, next http.Handler, opts ...Option) (*Handler, error) {
	if secret == "" {
		return nil, invalid("secret", "must not be empty")
	}
	if next == nil {
		return nil, invalid("next", "must not be nil")
	}
	cfg := config{maxBodyBytes: DefaultMaxBodyBytes}
	for _, opt := range opts {
		if opt == nil {
			return nil, invalid("option", "must not be nil")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	return &Handler{secret: secret, next: next, cfg: cfg}, nil
}

// ServeHTTP implements http.Handler: it answers HEAD, refuses what is too
// large or not signed, and passes the rest to the next handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	limit := h.cfg.maxBodyBytes
	if r.ContentLength > limit {
		h.reject(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("intercom: webhook body of %d bytes is over the limit of %d", r.ContentLength, limit))
		return
	}
	var body []byte
	if r.Body != nil {
		var err error
		// MaxBytesReader never asks the underlying body for more than
		// limit+1 bytes, and tells the server to close the connection
		// when the body is too large.
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				h.reject(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("intercom: webhook body is over the limit of %d bytes", limit))
				return
			}
			h.reject(w, r, http.StatusBadRequest, fmt.Errorf("intercom: reading webhook body: %w", err))
			return
		}
	}
	if err := Verify(h.secret, body, r.Header.Get(SignatureHeader)); err != nil {
		h.reject(w, r, http.StatusUnauthorized, err)
		return
	}
	v := &verified{body: body}
	r2 := r.WithContext(context.WithValue(r.Context(), verifiedKey{}, v))
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	r2.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	h.next.ServeHTTP(w, r2)
}

// reject reports a refused request to the OnReject hook and answers it.
func (h *Handler) reject(w http.ResponseWriter, r *http.Request, status int, err error) {
	if h.cfg.onReject != nil {
		h.cfg.onReject(r, status, err)
	}
	http.Error(w, http.StatusText(status), status)
}

// verifiedKey is the context key of a verified body.
type verifiedKey struct{}

// verified is a verified body and its notification, decoded once on demand.
type verified struct {
	body []byte
	once sync.Once
	n    *Notification
	err  error
}

// NotificationOf returns the notification of a request that a Handler
// verified, decoding it on the first call; later calls return the same
// value. Its errors are those of ParseNotification, or ErrNotVerified when r
// was not verified. An endpoint should still answer 2xx to a notification
// whose item it cannot decode, or Intercom will retry it.
func NotificationOf(r *http.Request) (*Notification, error) {
	v, ok := r.Context().Value(verifiedKey{}).(*verified)
	if !ok {
		return nil, ErrNotVerified
	}
	v.once.Do(func() { v.n, v.err = ParseNotification(v.body) })
	return v.n, v.err
}
