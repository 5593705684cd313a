package facade

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// DefaultWebhookMaxBodyBytes is the largest webhook body NewWebhookHandler
// accepts unless WebhookMaxBodyBytes says otherwise: 1 MiB.
const DefaultWebhookMaxBodyBytes = 1 << 20

// ErrWebhookNotVerified is returned by WebhookNotification for a request that
// did not pass through a handler made by NewWebhookHandler.
var ErrWebhookNotVerified = errors.New("intercom: request was not verified by a webhook handler")

// WebhookOption configures NewWebhookHandler. Options check their input and
// make NewWebhookHandler fail on a bad value.
type WebhookOption func(*webhookConfig) error

// webhookConfig is what the webhook options set.
type webhookConfig struct {
	maxBodyBytes int64
	onReject     func(r *http.Request, status int, err error)
}

// WebhookMaxBodyBytes sets the largest body the handler reads; a larger one
// is answered 413 without being read past the limit. n must be positive.
func WebhookMaxBodyBytes(n int64) WebhookOption {
	return func(c *webhookConfig) error {
		if n <= 0 {
			return invalid("max_body_bytes", "must be positive, got %d", n)
		}
		c.maxBodyBytes = n
		return nil
	}
}

// WebhookOnReject sets a function called with each request the handler
// rejects, the status it answers and why (for logging or metrics), before the
// answer is written. It must not read the request body.
func WebhookOnReject(f func(r *http.Request, status int, err error)) WebhookOption {
	return func(c *webhookConfig) error {
		if f == nil {
			return invalid("on_reject", "must not be nil")
		}
		c.onReject = f
		return nil
	}
}

// NewWebhookHandler returns middleware that admits only webhook notifications
// signed with secret, the app's client secret, and hands them to next.
//
// For each request it reads the body up to the size limit (1 MiB unless
// WebhookMaxBodyBytes is given) and checks the X-Hub-Signature header with
// VerifyWebhook. It answers:
//   - 413 when the body is over the limit, without reading it whole;
//   - 401 when the signature is missing, malformed or wrong;
//   - 400 when the body cannot be read;
//   - 200 to a HEAD request, which Intercom sends to check the URL when it
//     is saved; next is not called.
//
// Otherwise it calls next with the verified body in r.Body, ready to be read
// again, and WebhookNotification(r) returns the decoded notification.
// NewWebhookHandler fails on an empty secret, a nil next or a bad option.
func NewWebhookHandler(secret string, next http.Handler, opts ...WebhookOption) (http.Handler, error) {
	if err := required("secret", secret); err != nil {
		return nil, err
	}
	if next == nil {
		return nil, invalid("next", "must not be nil")
	}
	cfg := webhookConfig{maxBodyBytes: DefaultWebhookMaxBodyBytes}
	for _, opt := range opts {
		if opt == nil {
			return nil, invalid("option", "must not be nil")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	return &webhookHandler{secret: secret, next: next, cfg: cfg}, nil
}

// webhookHandler is the http.Handler NewWebhookHandler returns.
type webhookHandler struct {
	secret string
	next   http.Handler
	cfg    webhookConfig
}

// ServeHTTP implements http.Handler.
func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
	if err := VerifyWebhook(h.secret, body, r.Header.Get(WebhookSignatureHeader)); err != nil {
		h.reject(w, r, http.StatusUnauthorized, err)
		return
	}
	v := &verifiedWebhook{body: body}
	r2 := r.WithContext(context.WithValue(r.Context(), verifiedWebhookKey{}, v))
	r2.Body = io.NopCloser(bytes.NewReader(body))
	r2.ContentLength = int64(len(body))
	r2.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	h.next.ServeHTTP(w, r2)
}

// reject reports a refused request to the OnReject hook and answers it.
func (h *webhookHandler) reject(w http.ResponseWriter, r *http.Request, status int, err error) {
	if h.cfg.onReject != nil {
		h.cfg.onReject(r, status, err)
	}
	http.Error(w, http.StatusText(status), status)
}

// verifiedWebhookKey is the context key of a verified webhook body.
type verifiedWebhookKey struct{}

// verifiedWebhook is a verified body and its notification, decoded once on
// demand.
type verifiedWebhook struct {
	body []byte
	once sync.Once
	n    *Notification
	err  error
}

// WebhookNotification returns the notification of a request that a handler
// made by NewWebhookHandler verified, decoding it on the first call; later
// calls return the same value. Its errors are those of ParseNotification, or
// ErrWebhookNotVerified when r was not verified. An endpoint should still
// answer 2xx to a notification whose item it cannot decode, or Intercom will
// retry it.
func WebhookNotification(r *http.Request) (*Notification, error) {
	v, ok := r.Context().Value(verifiedWebhookKey{}).(*verifiedWebhook)
	if !ok {
		return nil, ErrWebhookNotVerified
	}
	v.once.Do(func() { v.n, v.err = ParseNotification(v.body) })
	return v.n, v.err
}
