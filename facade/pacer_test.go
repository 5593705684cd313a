package facade

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

func TestPacingHoldsUntilReset(t *testing.T) {
	clk := newFakeClock()
	reset := clk.Now().Add(4 * time.Second)
	rec, c := newFake(t, withClock(clk), WithPacing())
	rec.replies("/",
		answer(200, `{}`, "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10)),
		answer(200, `{}`, "X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "99", "X-RateLimit-Reset", strconv.FormatInt(reset.Unix()+10, 10)),
	)
	ctx := context.Background()
	for range 3 {
		_, err := finish(c.raw.ListAdmins(ctx, nil))
		require.NoError(t, err)
	}
	// Only the request after the one that reported Remaining 0 waited.
	assert.Equal(t, []time.Duration{4 * time.Second}, clk.Sleeps())
	assert.Len(t, rec.requests(), 3)
}

func TestPacingWaitRespectsContext(t *testing.T) {
	p := newRateLimitPacer(realClock{}, rate.Inf, 0)
	p.Observe(RateLimit{Known: true, Remaining: 0, Limit: 10, Reset: time.Now().Add(time.Hour)})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, p.Wait(ctx), context.Canceled)

	rec, c := newFake(t, WithPacer(p))
	rec.replies("/", okJSON)
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := finish(c.raw.ListAdmins(ctx, nil))
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Empty(t, rec.requests())
}

func TestPacerSteadyRate(t *testing.T) {
	clk := newFakeClock()
	p := newRateLimitPacer(clk, rate.Every(100*time.Millisecond), 1)
	ctx := context.Background()
	for range 3 {
		require.NoError(t, p.Wait(ctx))
	}
	assert.Equal(t, []time.Duration{100 * time.Millisecond, 100 * time.Millisecond}, clk.Sleeps())
}

// coreCountingPacer is a custom Pacer, as a shared limiter would be.
type coreCountingPacer struct {
	mu       sync.Mutex
	waits    int
	observed []RateLimit
}

func (p *coreCountingPacer) Wait(ctx context.Context) error {
	p.mu.Lock()
	p.waits++
	p.mu.Unlock()
	return ctx.Err()
}

func (p *coreCountingPacer) Observe(rl RateLimit) {
	p.mu.Lock()
	p.observed = append(p.observed, rl)
	p.mu.Unlock()
}

func TestCustomPacer(t *testing.T) {
	p := &coreCountingPacer{}
	rec, c := newFake(t, WithPacer(p))
	rec.replies("/", answer(503, "", "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "5", "X-RateLimit-Reset", "1700000000"), answer(200, `{}`))
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	assert.Equal(t, 2, p.waits, "Wait before every attempt")
	assert.Equal(t, []RateLimit{{Limit: 10, Remaining: 5, Reset: time.Unix(1700000000, 0), Known: true}}, p.observed, "Observe only known states")
	var _ http.Handler = rec
}

// TestNewRateLimitPacer checks what the exported constructor sets up, on a
// fake clock: no steady rate for rate.Inf; otherwise at most limit requests a
// second, in bursts of up to burst (at least 1): the burst passes at once and
// each request after it waits 1/limit.
func TestNewRateLimitPacer(t *testing.T) {
	assert.Nil(t, NewRateLimitPacer(rate.Inf, 0).limiter, "rate.Inf sets no steady rate")
	for _, tc := range []struct{ burst, passes int }{{5, 5}, {0, 1}, {1, 1}} {
		p := NewRateLimitPacer(1000, tc.burst)
		clk := newFakeClock()
		p.clock = clk
		for range tc.passes + 2 {
			require.NoError(t, p.Wait(context.Background()))
		}
		assert.Equal(t, []time.Duration{time.Millisecond, time.Millisecond}, clk.Sleeps(),
			"burst %d: %d requests at once, then one every millisecond", tc.burst, tc.passes)
	}
}

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
	require.Equal(t, 2, p.left)
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
