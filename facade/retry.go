package facade

import "time"

// RetryPolicy says how often and how long the client retries a request.
type RetryPolicy struct {
	// MaxAttempts is the number of attempts in all, the first included. 1
	// disables retries.
	MaxAttempts int
	// BaseDelay is the first backoff delay; each retry doubles it, with jitter.
	BaseDelay time.Duration
	// MaxDelay caps one backoff delay.
	MaxDelay time.Duration
	// MaxRateLimitWait caps how long the client waits for a rate-limit reset
	// after a 429; a longer reset returns the 429 as an error at once.
	MaxRateLimitWait time.Duration
}

// DefaultRetryPolicy returns the policy a client uses unless told otherwise:
// 4 attempts, backoff from 500ms up to 8s, rate-limit waits up to 60s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 8 * time.Second, MaxRateLimitWait: time.Minute}
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
