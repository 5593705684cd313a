package webhook

import "net/http"

// DefaultMaxBodyBytes is the largest body NewHandler accepts unless
// MaxBodyBytes says otherwise: 1 MiB.
const DefaultMaxBodyBytes = 1 << 20

// Option configures NewHandler. Options check their input and make
// NewHandler fail on a bad value.
type Option func(*config) error

// config is what the options set.
type config struct {
	maxBodyBytes int64
	onReject     func(r *http.Request, status int, err error)
}

// MaxBodyBytes sets the largest body the handler reads; a larger one is
// answered 413 without being read past the limit. n must be positive.
func MaxBodyBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return invalid("max_body_bytes", "must be positive, got %d", n)
		}
		c.maxBodyBytes = n
		return nil
	}
}

// OnReject sets a function called with each request the handler rejects,
// the status it answers and why (for logging or metrics), before the answer
// is written. It must not read the request body.
func OnReject(f func(r *http.Request, status int, err error)) Option {
	return func(c *config) error {
		if f == nil {
			return invalid("on_reject", "must not be nil")
		}
		c.onReject = f
		return nil
	}
}
