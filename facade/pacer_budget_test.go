package facade

import (
	"context"
	"sync"
	"testing"
	"time"

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
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 3, Reset: reset})
	for range 3 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if s := clk.Sleeps(); len(s) != 0 {
		t.Fatalf("slept %v before the window was used up", s)
	}
	// The fourth waits for the reset, then the new window has the whole limit
	// (one taken by this request).
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if s := clk.Sleeps(); len(s) != 1 || s[0] != 10*time.Second {
		t.Fatalf("sleeps %v, want one of 10s", s)
	}
	// A late answer from the old window changes nothing; the first answer
	// of the new one can only lower the count.
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 0, Reset: reset})
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 2, Reset: reset.Add(10 * time.Second)})
	for range 2 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if s := clk.Sleeps(); len(s) != 1 {
		t.Fatalf("sleeps %v, want no new one", s)
	}
	// Another client used the rest: the next request waits.
	p.Observe(RateLimit{Known: true, Limit: 5, Remaining: 0, Reset: reset.Add(10 * time.Second)})
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if s := clk.Sleeps(); len(s) != 2 {
		t.Fatalf("sleeps %v, want a second wait", s)
	}
	if p.window != 10*time.Second {
		t.Errorf("window %s, want 10s learnt from two resets", p.window)
	}
}

func TestPacerBlindRequestsAreCounted(t *testing.T) {
	clk := newFakeClock()
	p := newRateLimitPacer(clk, rate.Inf, 0)
	ctx := context.Background()
	for range 4 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The answer of one says 5 left: the 3 others may not be counted yet.
	p.Observe(RateLimit{Known: true, Limit: 10, Remaining: 5, Reset: clk.Now().Add(time.Second)})
	if p.left != 2 {
		t.Fatalf("left %d, want 2", p.left)
	}
	// A reset more than an hour away is not trusted.
	q := newRateLimitPacer(clk, rate.Inf, 0)
	q.Observe(RateLimit{Known: true, Limit: 10, Remaining: 0, Reset: clk.Now().Add(48 * time.Hour)})
	if q.known {
		t.Fatal("pacer trusted a reset two days away")
	}
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
	if passed != 0 {
		// A done context fails Wait even with budget left.
		t.Fatalf("%d waits passed with a done context", passed)
	}
	ctx = context.Background()
	for range 50 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if len(clk.Sleeps()) != 0 {
		t.Fatalf("slept within the budget: %v", clk.Sleeps())
	}
}
