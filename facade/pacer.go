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

// RateLimitPacer is the Pacer WithPacing installs. It keeps count of the
// requests left in the API's current rate-limit window: each Wait takes one,
// each response's X-RateLimit-Remaining can only lower the count, and once
// none are left requests wait for the window's reset. Counting before the
// answers come back is what keeps many goroutines from overshooting the limit
// together. It can additionally keep a steady client-side rate with a token
// bucket (golang.org/x/time/rate).
type RateLimitPacer struct {
	clock clock
	// limiter is the optional steady rate; nil when unlimited.
	limiter *rate.Limiter

	mu sync.Mutex
	// known is set by the first response that reported a rate limit; until
	// then requests go through uncounted (blind counts them).
	known bool
	blind int
	limit int
	// left is how many more requests the current window takes.
	left int
	// reset ends the current window. apiReset is the latest reset the API
	// reported; reset is later than apiReset when the pacer has moved on to
	// the next window by itself (the API's reset passed before any response
	// of the new window came back), and window is the length it assumes for
	// the new one: the distance between the last two resets the API
	// reported, one second until it has seen two.
	reset, apiReset time.Time
	window          time.Duration
}

// maxPacerHold bounds how far ahead a reported reset may be: a state with a
// later reset is ignored rather than holding every request for that long
// (Intercom's windows last a minute at most).
const maxPacerHold = time.Hour

// NewRateLimitPacer returns a pacer that counts the requests left in the
// API's rate-limit window and holds requests once none are. A limit other
// than rate.Inf also spaces requests to at most limit per second, with bursts
// of up to burst (at least 1).
func NewRateLimitPacer(limit rate.Limit, burst int) *RateLimitPacer {
	return newRateLimitPacer(realClock{}, limit, burst)
}

func newRateLimitPacer(c clock, limit rate.Limit, burst int) *RateLimitPacer {
	p := &RateLimitPacer{clock: c, window: time.Second}
	if limit != rate.Inf {
		p.limiter = rate.NewLimiter(limit, max(burst, 1))
	}
	return p
}

// Observe records the rate-limit state of a response: a new window, or fewer
// requests left in the current one than the pacer counted.
func (p *RateLimitPacer) Observe(rl RateLimit) {
	if !rl.Known || rl.Reset.Sub(p.clock.Now()) > maxPacerHold {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.limit = rl.Limit
	switch {
	case !p.known:
		// Requests sent blind before this one may not be counted in
		// Remaining yet: assume none of them are.
		p.known = true
		p.left = max(rl.Remaining-max(p.blind-1, 0), 0)
		p.reset, p.apiReset = rl.Reset, rl.Reset
	case rl.Reset.After(p.apiReset):
		// The first answer from a new window. If the pacer already moved on
		// to it, left counts the requests it let through since.
		if d := rl.Reset.Sub(p.apiReset); d > 0 && d <= time.Hour {
			p.window = d
		}
		if p.reset.After(p.apiReset) {
			p.left = min(p.left, rl.Remaining)
		} else {
			p.left = rl.Remaining
		}
		p.reset, p.apiReset = rl.Reset, rl.Reset
	case rl.Reset.Equal(p.apiReset) && !p.reset.After(p.apiReset):
		// The current window: another client of the same app may have used
		// requests too.
		p.left = min(p.left, rl.Remaining)
	}
	// An answer from a window already over changes nothing.
}

// Wait takes one of the requests left in the window, waiting for the
// window's reset when none are, then takes a token of the steady rate, if
// any.
func (p *RateLimitPacer) Wait(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err // a request that will not be sent takes nothing
		}
		p.mu.Lock()
		if !p.known {
			p.blind++
			p.mu.Unlock()
			break
		}
		now := p.clock.Now()
		if !now.Before(p.reset) {
			// The window is over: the next one starts with the whole limit.
			p.reset = p.reset.Add(p.window * (now.Sub(p.reset)/p.window + 1))
			p.left = max(p.limit, 1)
		}
		if p.left > 0 {
			p.left--
			p.mu.Unlock()
			break
		}
		d := p.reset.Sub(now)
		p.mu.Unlock()
		if err := p.clock.Sleep(ctx, d); err != nil {
			return err
		}
	}
	if p.limiter == nil {
		return nil
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
