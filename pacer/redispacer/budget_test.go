package redispacer

import (
	"strconv"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-redis/redis_rate/v10"
)

var t0 = time.Unix(1_800_000_000, 0)

func rl(limit, remaining int, reset time.Time) facade.RateLimit {
	return facade.RateLimit{Limit: limit, Remaining: remaining, Reset: reset, Known: true}
}

func TestBudgetLearnsLimitAndWindowFromResets(t *testing.T) {
	var b budget
	now := t0.Add(-300 * time.Millisecond)
	ch := b.observe(rl(200, 150, t0), now, true)
	if !b.known || b.limit != 200 || b.window != 0 || !b.reset.Equal(t0) {
		t.Fatalf("after the first state: %+v", b)
	}
	if ch[fieldLimit] != 200 || ch[fieldReset] != t0.Unix() || len(ch) != 2 {
		t.Errorf("published %v, want the limit and its reset", ch)
	}
	// The same window again: nothing new.
	if ch := b.observe(rl(200, 120, t0), now, true); ch != nil {
		t.Errorf("published %v for a state that taught nothing", ch)
	}
	// Three windows later (no traffic in between), then the next one: the
	// shortest distance is the window.
	b.observe(rl(200, 199, t0.Add(3*time.Second)), t0.Add(2500*time.Millisecond), true)
	if b.window != 3*time.Second {
		t.Fatalf("window = %s after a 3s gap, want 3s", b.window)
	}
	ch = b.observe(rl(200, 199, t0.Add(4*time.Second)), t0.Add(3500*time.Millisecond), true)
	if b.window != time.Second || ch[fieldWindow] != int64(1000) {
		t.Fatalf("window = %s, published %v; want 1s", b.window, ch)
	}
	// A longer distance does not lengthen it.
	b.observe(rl(200, 199, t0.Add(9*time.Second)), t0.Add(8500*time.Millisecond), true)
	if b.window != time.Second {
		t.Errorf("window = %s after a longer gap, want it kept at 1s", b.window)
	}
	// A state of a window already over changes nothing.
	if ch := b.observe(rl(50, 10, t0.Add(5*time.Second)), t0.Add(8600*time.Millisecond), true); ch != nil || b.limit != 200 {
		t.Errorf("an old window's state changed the budget: %v, %+v", ch, b)
	}
	// A new limit with a new window is published with its reset.
	ch = b.observe(rl(250, 240, t0.Add(10*time.Second)), t0.Add(9500*time.Millisecond), true)
	if b.limit != 250 || ch[fieldLimit] != 250 || ch[fieldReset] != t0.Add(10*time.Second).Unix() {
		t.Errorf("limit %d, published %v; want 250 with its reset", b.limit, ch)
	}
	// A new limit, in the current window, is published with its reset.
	ch = b.observe(rl(300, 250, t0.Add(10*time.Second)), t0.Add(9700*time.Millisecond), true)
	if b.limit != 300 || ch[fieldLimit] != 300 || ch[fieldReset] != t0.Add(10*time.Second).Unix() {
		t.Errorf("limit %d, published %v; want 300 with its reset", b.limit, ch)
	}
}

func TestBudgetWithFixedWindowLearnsNoWindow(t *testing.T) {
	var b budget
	b.observe(rl(200, 150, t0), t0.Add(-time.Second/2), false)
	if ch := b.observe(rl(200, 150, t0.Add(time.Second)), t0.Add(time.Second/2), false); ch != nil || b.window != 0 {
		t.Errorf("learned a window %s (published %v) although it was fixed", b.window, ch)
	}
	b.merge(budget{window: time.Second}, false)
	if b.window != 0 {
		t.Errorf("merged a window %s although it was fixed", b.window)
	}
}

func TestBudgetHoldsWhenNoneRemain(t *testing.T) {
	var b budget
	now := t0.Add(-400 * time.Millisecond)
	b.observe(rl(200, 3, t0), now, true)
	if !b.hold.IsZero() {
		t.Fatalf("hold %s with requests remaining", b.hold)
	}
	ch := b.observe(rl(200, 0, t0), now, true)
	if !b.hold.Equal(t0) || ch[fieldHold] != t0.UnixMilli() {
		t.Errorf("hold %s, published %v; want until the reset %s", b.hold, ch, t0)
	}
	// Once the reset has passed, a late answer of that window holds nothing.
	var late budget
	if late.observe(rl(200, 0, t0), t0.Add(time.Millisecond), true); !late.hold.IsZero() {
		t.Errorf("hold %s from a window already over", late.hold)
	}
	// A limit of 0 allows nothing until the reset.
	var zero budget
	if zero.observe(rl(0, 0, t0), now, true); !zero.hold.Equal(t0) {
		t.Errorf("hold %s with a limit of 0, want %s", zero.hold, t0)
	}
}

func TestBudgetMergeTakesNewerLimitShorterWindowLaterHold(t *testing.T) {
	b := budget{known: true, limit: 100, reset: t0, window: 2 * time.Second, hold: t0}
	b.merge(budget{known: true, limit: 50, reset: t0.Add(-time.Second), window: 3 * time.Second, hold: t0.Add(-time.Second)}, true)
	if b.limit != 100 || b.window != 2*time.Second || !b.hold.Equal(t0) {
		t.Errorf("merging older news changed the budget: %+v", b)
	}
	b.merge(budget{known: true, limit: 50, reset: t0.Add(time.Second), window: time.Second, hold: t0.Add(time.Second)}, true)
	if b.limit != 50 || !b.reset.Equal(t0.Add(time.Second)) || b.window != time.Second || !b.hold.Equal(t0.Add(time.Second)) {
		t.Errorf("merging newer news: %+v", b)
	}
	var blank budget
	blank.merge(budget{}, true)
	if blank.known || blank.window != 0 || !blank.hold.IsZero() {
		t.Errorf("merging an empty state: %+v", blank)
	}
}

func TestParseState(t *testing.T) {
	s := parseState([]any{"200", "1800000000", "1000", "1800000000500"})
	want := budget{known: true, limit: 200, reset: t0, window: time.Second, hold: t0.Add(500 * time.Millisecond)}
	if s != want {
		t.Errorf("parseState = %+v, want %+v", s, want)
	}
	// Missing, malformed or out-of-range fields stay unknown.
	for _, vals := range [][]any{
		{nil, nil, nil, nil},
		{"x", "1800000000", "-5", "y"},
		{"200", nil, "7200000", nil}, // a limit without its reset; a window over an hour
		{},
	} {
		if s := parseState(vals); s != (budget{}) {
			t.Errorf("parseState(%v) = %+v, want nothing known", vals, s)
		}
	}
}

func TestGCRALimit(t *testing.T) {
	c := defaultConfig()
	var b budget
	// Nothing reported yet: the initial limit and window.
	if got, want := b.gcra(&c), (redis_rate.Limit{Rate: DefaultInitialLimit - 3, Period: DefaultInitialWindow + DefaultSlack, Burst: 3}); got != want {
		t.Errorf("initial: %v, want %v", got, want)
	}
	// A reported limit, window still unknown: the initial window.
	b = budget{known: true, limit: 200}
	if got := b.gcra(&c); got.Rate != 197 || got.Period != DefaultInitialWindow+DefaultSlack {
		t.Errorf("limit only: %v", got)
	}
	b.window = time.Second
	if got := b.gcra(&c); got.Rate != 197 || got.Period != time.Second+DefaultSlack || got.Burst != 3 {
		t.Errorf("learned: %v", got)
	}
	// A fixed window wins over the learned one.
	c.window = 10 * time.Second
	if got := b.gcra(&c); got.Period != 10*time.Second+DefaultSlack {
		t.Errorf("fixed window: %v", got)
	}
	// Tiny limits still allow one request per window, one at a time.
	for _, limit := range []int{0, 1, 2} {
		b := budget{known: true, limit: limit, window: time.Second}
		if got := b.gcra(&c); got.Rate != 1 || got.Burst != 1 {
			t.Errorf("limit %d: %v, want 1 request at a time", limit, got)
		}
	}
	b = budget{known: true, limit: 3, window: time.Second}
	if got := b.gcra(&c); got.Rate != 1 || got.Burst != 2 {
		t.Errorf("limit 3: %v, want 1 per window with a burst of 2", got)
	}
}

func strconvI(n int64) string { return strconv.FormatInt(n, 10) }
