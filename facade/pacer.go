package facade

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Pacer holds requests back before they provoke a 429. The client calls
// Wait before every attempt and Observe with the rate-limit state of every
// response that reported one. Implementations must be safe for concurrent
// use; several processes that share one app's rate limit can plug in a pacer
// backed by a shared store.
type Pacer interface {
	// Wait blocks until a request may be sent, or returns ctx.Err().
	Wait(ctx context.Context) error
	// Observe records the state the API reported.
	Observe(RateLimit)
}

// RateLimitPacer is the Pacer WithPacing installs. It holds every request
// while the API reports no remaining requests, until the reported reset; and
// it can additionally keep a steady client-side rate with a token bucket
// (golang.org/x/time/rate).
type RateLimitPacer struct {
	clock clock
	// limiter is the optional steady rate; nil when unlimited.
	limiter *rate.Limiter

	mu        sync.Mutex
	holdUntil time.Time
}

// NewRateLimitPacer returns a pacer that holds requests while Remaining is 0.
// A limit other than rate.Inf also spaces requests to at most limit per
// second, with bursts of up to burst (at least 1).
func NewRateLimitPacer(limit rate.Limit, burst int) *RateLimitPacer {
	return newRateLimitPacer(realClock{}, limit, burst)
}

func newRateLimitPacer(c clock, limit rate.Limit, burst int) *RateLimitPacer {
	p := &RateLimitPacer{clock: c}
	if limit != rate.Inf {
		p.limiter = rate.NewLimiter(limit, max(burst, 1))
	}
	return p
}

// Observe holds further requests until rl.Reset when rl.Remaining is 0.
func (p *RateLimitPacer) Observe(rl RateLimit) {
	if !rl.Known || rl.Remaining > 0 {
		return
	}
	p.mu.Lock()
	if rl.Reset.After(p.holdUntil) {
		p.holdUntil = rl.Reset
	}
	p.mu.Unlock()
}

// Wait blocks while the API reported no remaining requests, then takes a
// token of the steady rate, if any.
func (p *RateLimitPacer) Wait(ctx context.Context) error {
	p.mu.Lock()
	until := p.holdUntil
	p.mu.Unlock()
	if !until.IsZero() {
		if d := until.Sub(p.clock.Now()); d > 0 {
			if err := p.clock.Sleep(ctx, d); err != nil {
				return err
			}
		}
	}
	if p.limiter == nil {
		return ctx.Err()
	}
	now := p.clock.Now()
	r := p.limiter.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		if err := p.clock.Sleep(ctx, d); err != nil {
			r.CancelAt(p.clock.Now())
			return err
		}
	}
	return nil
}
