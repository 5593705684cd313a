package redispacer

import (
	"strconv"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-redis/redis_rate/v10"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Unix(1_800_000_000, 0)

func rl(limit, remaining int, reset time.Time) facade.RateLimit {
	return facade.RateLimit{Limit: limit, Remaining: remaining, Reset: reset, Known: true}
}

func TestBudgetLearnsLimitAndWindowFromResets(t *testing.T) {
	var b budget
	now := t0.Add(-300 * time.Millisecond)
	ch := b.observe(rl(200, 150, t0), now, true)
	require.True(t, b.known, "after the first state: %+v", b)
	require.Equal(t, 200, b.limit)
	require.Zero(t, b.window)
	require.True(t, b.reset.Equal(t0), "reset %s, want %s", b.reset, t0)
	assert.Equal(t, map[string]any{fieldLimit: 200, fieldReset: t0.Unix()}, ch, "want the limit and its reset")
	// The same window again: nothing new.
	assert.Nil(t, b.observe(rl(200, 120, t0), now, true), "published for a state that taught nothing")
	// Three windows later (no traffic in between), then the next one: the
	// shortest distance is the window.
	b.observe(rl(200, 199, t0.Add(3*time.Second)), t0.Add(2500*time.Millisecond), true)
	require.Equal(t, 3*time.Second, b.window, "window after a 3s gap")
	ch = b.observe(rl(200, 199, t0.Add(4*time.Second)), t0.Add(3500*time.Millisecond), true)
	require.Equal(t, time.Second, b.window)
	require.Equal(t, int64(1000), ch[fieldWindow], "published %v", ch)
	// A longer distance does not lengthen it.
	b.observe(rl(200, 199, t0.Add(9*time.Second)), t0.Add(8500*time.Millisecond), true)
	assert.Equal(t, time.Second, b.window, "window after a longer gap, want it kept at 1s")
	// A state of a window already over changes nothing.
	assert.Nil(t, b.observe(rl(50, 10, t0.Add(5*time.Second)), t0.Add(8600*time.Millisecond), true), "an old window's state was published")
	assert.Equal(t, 200, b.limit, "an old window's state changed the limit")
	// A new limit with a new window is published with its reset.
	ch = b.observe(rl(250, 240, t0.Add(10*time.Second)), t0.Add(9500*time.Millisecond), true)
	assert.Equal(t, 250, b.limit)
	assert.Equal(t, 250, ch[fieldLimit], "published %v", ch)
	assert.Equal(t, t0.Add(10*time.Second).Unix(), ch[fieldReset], "published %v", ch)
	// A new limit, in the current window, is published with its reset.
	ch = b.observe(rl(300, 250, t0.Add(10*time.Second)), t0.Add(9700*time.Millisecond), true)
	assert.Equal(t, 300, b.limit)
	assert.Equal(t, 300, ch[fieldLimit], "published %v", ch)
	assert.Equal(t, t0.Add(10*time.Second).Unix(), ch[fieldReset], "published %v", ch)
}

func TestBudgetWithFixedWindowLearnsNoWindow(t *testing.T) {
	var b budget
	b.observe(rl(200, 150, t0), t0.Add(-time.Second/2), false)
	assert.Nil(t, b.observe(rl(200, 150, t0.Add(time.Second)), t0.Add(time.Second/2), false), "published a window although it was fixed")
	assert.Zero(t, b.window, "learned a window although it was fixed")
	b.merge(budget{window: time.Second}, false)
	assert.Zero(t, b.window, "merged a window although it was fixed")
}

func TestBudgetHoldsWhenNoneRemain(t *testing.T) {
	var b budget
	now := t0.Add(-400 * time.Millisecond)
	b.observe(rl(200, 3, t0), now, true)
	require.True(t, b.hold.IsZero(), "hold %s with requests remaining", b.hold)
	ch := b.observe(rl(200, 0, t0), now, true)
	assert.True(t, b.hold.Equal(t0), "hold %s, want until the reset %s", b.hold, t0)
	assert.Equal(t, t0.UnixMilli(), ch[fieldHold], "published %v", ch)
	// Once the reset has passed, a late answer of that window holds nothing.
	var late budget
	late.observe(rl(200, 0, t0), t0.Add(time.Millisecond), true)
	assert.True(t, late.hold.IsZero(), "hold %s from a window already over", late.hold)
	// A limit of 0 allows nothing until the reset.
	var zero budget
	zero.observe(rl(0, 0, t0), now, true)
	assert.True(t, zero.hold.Equal(t0), "hold %s with a limit of 0, want %s", zero.hold, t0)
}

func TestBudgetMergeTakesNewerLimitShorterWindowLaterHold(t *testing.T) {
	b := budget{known: true, limit: 100, reset: t0, window: 2 * time.Second, hold: t0}
	b.merge(budget{known: true, limit: 50, reset: t0.Add(-time.Second), window: 3 * time.Second, hold: t0.Add(-time.Second)}, true)
	assert.Equal(t, 100, b.limit, "merging older news changed the budget: %+v", b)
	assert.Equal(t, 2*time.Second, b.window, "merging older news changed the budget: %+v", b)
	assert.True(t, b.hold.Equal(t0), "merging older news changed the budget: %+v", b)
	b.merge(budget{known: true, limit: 50, reset: t0.Add(time.Second), window: time.Second, hold: t0.Add(time.Second)}, true)
	assert.Equal(t, 50, b.limit, "merging newer news: %+v", b)
	assert.True(t, b.reset.Equal(t0.Add(time.Second)), "merging newer news: %+v", b)
	assert.Equal(t, time.Second, b.window, "merging newer news: %+v", b)
	assert.True(t, b.hold.Equal(t0.Add(time.Second)), "merging newer news: %+v", b)
	var blank budget
	blank.merge(budget{}, true)
	assert.False(t, blank.known, "merging an empty state: %+v", blank)
	assert.Zero(t, blank.window, "merging an empty state: %+v", blank)
	assert.True(t, blank.hold.IsZero(), "merging an empty state: %+v", blank)
}

func TestParseState(t *testing.T) {
	s := parseState([]any{"200", "1800000000", "1000", "1800000000500"})
	want := budget{known: true, limit: 200, reset: t0, window: time.Second, hold: t0.Add(500 * time.Millisecond)}
	assert.Equal(t, want, s)
	// Missing, malformed or out-of-range fields stay unknown.
	for _, vals := range [][]any{
		{nil, nil, nil, nil},
		{"x", "1800000000", "-5", "y"},
		{"200", nil, "7200000", nil}, // a limit without its reset; a window over an hour
		{},
	} {
		assert.Equal(t, budget{}, parseState(vals), "parseState(%v), want nothing known", vals)
	}
}

func TestGCRALimit(t *testing.T) {
	c := defaultConfig()
	var b budget
	// Nothing reported yet: the initial limit and window.
	assert.Equal(t, redis_rate.Limit{Rate: DefaultInitialLimit - 3, Period: DefaultInitialWindow + DefaultSlack, Burst: 3}, b.gcra(&c), "initial")
	// A reported limit, window still unknown: the initial window.
	b = budget{known: true, limit: 200}
	got := b.gcra(&c)
	assert.Equal(t, 197, got.Rate, "limit only: %v", got)
	assert.Equal(t, DefaultInitialWindow+DefaultSlack, got.Period, "limit only: %v", got)
	b.window = time.Second
	got = b.gcra(&c)
	assert.Equal(t, redis_rate.Limit{Rate: 197, Period: time.Second + DefaultSlack, Burst: 3}, got, "learned")
	// A fixed window wins over the learned one.
	c.window = 10 * time.Second
	got = b.gcra(&c)
	assert.Equal(t, 10*time.Second+DefaultSlack, got.Period, "fixed window: %v", got)
	// Tiny limits still allow one request per window, one at a time.
	for _, limit := range []int{0, 1, 2} {
		b := budget{known: true, limit: limit, window: time.Second}
		got := b.gcra(&c)
		assert.Equal(t, 1, got.Rate, "limit %d: %v, want 1 request at a time", limit, got)
		assert.Equal(t, 1, got.Burst, "limit %d: %v, want 1 request at a time", limit, got)
	}
	b = budget{known: true, limit: 3, window: time.Second}
	got = b.gcra(&c)
	assert.Equal(t, 1, got.Rate, "limit 3: %v, want 1 per window with a burst of 2", got)
	assert.Equal(t, 2, got.Burst, "limit 3: %v, want 1 per window with a burst of 2", got)
}

func strconvI(n int64) string { return strconv.FormatInt(n, 10) }
