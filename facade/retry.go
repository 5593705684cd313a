package facade

import (
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy says how often and how long the client retries a request.
//
// Which failures are retried depends on the request: GET, HEAD, PUT, DELETE
// and the read-only POSTs (searches, POST /companies/list) are retried on
// connection errors, attempt timeouts, 408, 409 and 5xx; any other POST only
// when the connection could not be dialed (the request never left the
// client). Every request is retried on 429, after the rate-limit wait.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts in all, the first included. 1
	// disables retries.
	MaxAttempts int
	// BaseDelay is the first backoff delay; each retry doubles it, with jitter.
	BaseDelay time.Duration
	// MaxDelay caps one backoff delay, and is the longest Retry-After the
	// client waits for before retrying a 408, 409 or 5xx. A longer
	// Retry-After ends the retries (the answer is returned as an *Error):
	// the client never retries sooner than the server asked.
	MaxDelay time.Duration
	// MaxRateLimitWait caps how long the client waits for a rate-limit reset
	// after a 429; a longer reset returns the 429 as an error at once. Zero
	// means a 429 is never waited for.
	MaxRateLimitWait time.Duration
}

// DefaultRetryPolicy returns the policy a client uses unless told otherwise:
// 4 attempts, backoff from 500ms up to 8s, rate-limit waits up to 60s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 8 * time.Second, MaxRateLimitWait: time.Minute}
}

// NoRetries is a policy that sends every request once and never waits for a
// rate-limit reset.
func NoRetries() RetryPolicy {
	return RetryPolicy{MaxAttempts: 1}
}

func (p RetryPolicy) validate() error {
	switch {
	case p.MaxAttempts < 1:
		return invalid("retry.max_attempts", "must be at least 1, got %d", p.MaxAttempts)
	case p.BaseDelay < 0:
		return invalid("retry.base_delay", "must not be negative, got %s", p.BaseDelay)
	case p.MaxDelay < p.BaseDelay:
		return invalid("retry.max_delay", "must be at least base_delay (%s), got %s", p.BaseDelay, p.MaxDelay)
	case p.MaxRateLimitWait < 0:
		return invalid("retry.max_rate_limit_wait", "must not be negative, got %s", p.MaxRateLimitWait)
	}
	return nil
}

// backoff returns the delay before retry number n (1 for the first retry):
// BaseDelay doubled n-1 times, capped at MaxDelay, with "equal jitter" (a
// random point in the upper half), so that clients retrying together spread
// out.
func (p RetryPolicy) backoff(n int) time.Duration {
	d := p.BaseDelay
	for i := 1; i < n && d < p.MaxDelay; i++ {
		d *= 2
	}
	d = min(d, p.MaxDelay)
	if d <= 1 {
		return d
	}
	half := d / 2
	return half + rand.N(d-half+1)
}

// isSafeToRepeat reports whether sending req again cannot do harm twice: the
// idempotent methods, and the POSTs listed in readOnlyPOSTs. path is the
// request path without the base URL's prefix.
func isSafeToRepeat(method, path string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	case http.MethodPost:
		_, ok := readOnlyPOSTs[path]
		return ok
	}
	return false
}

// retryableStatus reports whether a safe-to-repeat request that got status
// is worth another attempt.
func retryableStatus(status int) bool {
	return status == http.StatusRequestTimeout || status == http.StatusConflict || status >= 500
}

// isDialError reports whether err proves the request never reached the
// server: the connection (to the server or its proxy) could not be opened.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// maxRetryAfterSeconds caps a Retry-After in seconds (a year), so that a
// huge value cannot overflow time.Duration into a negative wait.
const maxRetryAfterSeconds = 365 * 24 * 60 * 60

// retryAfter reads a Retry-After header given in seconds (Intercom's form)
// or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		if s > maxRetryAfterSeconds {
			s = maxRetryAfterSeconds // beyond any wait bound; and no overflow
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// rateLimitWait is how long to wait after a 429: Retry-After when given,
// else until X-RateLimit-Reset, else the backoff for retry n.
func (p RetryPolicy) rateLimitWait(h http.Header, now time.Time, n int) time.Duration {
	if d, ok := retryAfter(h, now); ok {
		return d
	}
	if rl := parseRateLimit(h); rl.Known && rl.Reset.After(now) {
		return rl.Reset.Sub(now)
	}
	return p.backoff(n)
}
