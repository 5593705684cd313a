package facade

import (
	"context"
	"time"
)

// clock is the time source of retries and rate-limit waits. Tests replace it
// (see withClock) so that they never sleep.
type clock interface {
	// Now returns the current time.
	Now() time.Time
	// Sleep waits for d or until ctx is done, whichever comes first, and
	// returns ctx.Err() in the second case.
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock is the wall clock.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// withClock replaces the clock of retries, rate-limit waits and the default
// pacer. It is unexported: only tests need it.
func withClock(c clock) Option {
	return func(cfg *config) error {
		if c == nil {
			return invalid("clock", "must not be nil")
		}
		cfg.clock = c
		return nil
	}
}
