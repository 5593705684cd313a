package facade

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// testToken is the token newTestClient authenticates with. Tests that check
// the token never leaks search for it.
const testToken = "tok_SECRET_7f3a9c"

// newTestClient starts an httptest server (loopback) serving h and returns a
// client pointed at it. Retries wait on a fake clock that returns at once, so
// tests never sleep. Options given here apply after the defaults, so a test can
// pass its own withClock, retry policy or logger.
func newTestClient(t *testing.T, h http.Handler, opts ...Option) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	all := append([]Option{WithBaseURL(srv.URL), withClock(newFakeClock())}, opts...)
	c, err := NewClient(testToken, all...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// fakeClock is a clock whose Sleep returns at once (or with ctx.Err() when ctx
// is already done), advances Now by the requested duration and records it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	if d > 0 {
		c.now = c.now.Add(d)
	}
	return nil
}

// Sleeps returns the durations Sleep was asked to wait, in order.
func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}
