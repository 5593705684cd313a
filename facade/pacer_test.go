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
