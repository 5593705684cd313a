package facade

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// The RateLimitPacer counts the requests left in the window before the
// answers come back; these tests pin that accounting on a fake clock.

func TestPacerCountsRequestsLeftInWindow(t *testing.T) {
	clk := newFakeClock()
	p := newRateLimitPacer(clk, rate.Inf, 0)
	ctx := context.Background()
	reset := clk.Now().Add(10 * time.Second)
	// One request went blind; its answer says 3 are left.
	require.NoError(t, p.Wait(ctx))
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 3, Reset: reset})
	for range 3 {
		require.NoError(t, p.Wait(ctx))
	}
	s := clk.Sleeps()
	require.Empty(t, s)
	// The fourth waits for the reset, then the new window has the whole limit
	// (one taken by this request).
	require.NoError(t, p.Wait(ctx))
	s = clk.Sleeps()
	require.Len(t, s, 1)
	require.Equal(t, 10*time.Second, s[0])
	// A late answer from the old window changes nothing; the first answer
	// of the new one can only lower the count.
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 0, Reset: reset})
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 2, Reset: reset.Add(10 * time.Second)})
	for range 2 {
		require.NoError(t, p.Wait(ctx))
	}
	s = clk.Sleeps()
	require.Len(t, s, 1)
	// Another client used the rest: the next request waits.
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 0, Reset: reset.Add(10 * time.Second)})
	require.NoError(t, p.Wait(ctx))
	s = clk.Sleeps()
	require.Len(t, s, 2)
	assert.Equal(t, 10*time.Second, p.window)
}

func TestPacerBlindRequestsAreCounted(t *testing.T) {
	clk := newFakeClock()
	p := newRateLimitPacer(clk, rate.Inf, 0)
	ctx := context.Background()
	for range 4 {
		require.NoError(t, p.Wait(ctx))
	}
	// The answer of one says 5 left: the 3 others may not be counted yet.
	p.Observe(RateLimit{Known: true, Limit: 10, Remaining: 5, Reset: clk.Now().Add(time.Second)})
	require.EqualValues(t, 2, p.left)
	// A reset more than an hour away is not trusted.
	q := newRateLimitPacer(clk, rate.Inf, 0)
	q.Observe(RateLimit{Known: true, Limit: 10, Remaining: 0, Reset: clk.Now().Add(48 * time.Hour)})
	require.False(t, q.known, "pacer trusted a reset two days away")
}

func TestPacerConcurrentWaitersNeverExceedLimit(t *testing.T) {
	clk := newFakeClock()
	p := newRateLimitPacer(clk, rate.Inf, 0)
	p.Observe(RateLimit{Known: true, Limit: 50, Remaining: 50, Reset: clk.Now().Add(time.Hour - time.Second)})
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // waiters past the budget give up instead of sleeping
	var wg sync.WaitGroup
	var mu sync.Mutex
	passed := 0
	for range 200 {
		wg.Go(func() {
			if p.Wait(ctx) == nil {
				mu.Lock()
				passed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	// A done context fails Wait even with budget left.
	require.Zero(t, passed, "waits passed with a done context")
	ctx = context.Background()
	for range 50 {
		require.NoError(t, p.Wait(ctx))
	}
	require.Empty(t, clk.Sleeps())
}
