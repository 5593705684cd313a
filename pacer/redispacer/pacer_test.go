package redispacer

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

const testToken = "tok_secret_0123456789abcdef"

// newTestPacer returns a pacer on srv's Redis, failing t on a bad option.
func newTestPacer(t *testing.T, srv *redisServer, token string, opts ...Option) *Pacer {
	t.Helper()
	p, err := New(srv.client(t), token, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// minuteCtx is a context whose deadline is a minute away: a Wait that would
// have to wait longer returns at once with context.DeadlineExceeded.
func minuteCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// With 2 requests an hour, one at a time, the first Wait of a budget passes
// and the next, in any process, would wait about an hour: it fails at once
// against a one-minute deadline.
func TestPacersShareOneBudget(t *testing.T) {
	srv := needRedisServer(t)
	hourly := WithInitialLimit(2, time.Hour)
	a := newTestPacer(t, srv, testToken, hourly)
	b := newTestPacer(t, srv, testToken, hourly) // another process, same token and region
	if err := a.Wait(minuteCtx(t)); err != nil {
		t.Fatalf("first Wait: %v", err)
	}
	err := b.Wait(minuteCtx(t))
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "after the context's deadline") {
		t.Fatalf("second Wait of the same budget = %v, want it refused for the deadline", err)
	}
	if err := a.Wait(minuteCtx(t)); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("third Wait = %v, want it refused for the deadline", err)
	}
	// Other tokens and regions have budgets of their own.
	for _, p := range []*Pacer{
		newTestPacer(t, srv, testToken+"-other", hourly),
		newTestPacer(t, srv, testToken, hourly, WithRegion(facade.RegionEU)),
		newTestPacer(t, srv, testToken, hourly, WithBaseURL("http://127.0.0.1:9999")),
		newTestPacer(t, srv, testToken, hourly, WithKeyPrefix("other-app:")),
	} {
		if err := p.Wait(minuteCtx(t)); err != nil {
			t.Errorf("first Wait of the budget %s: %v", p.Key(), err)
		}
	}
	// A cancelled context is not Redis's fault and takes nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := newTestPacer(t, srv, "fresh", hourly).Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait with a cancelled context = %v", err)
	}
	if err := newTestPacer(t, srv, "fresh", hourly).Wait(minuteCtx(t)); err != nil {
		t.Errorf("the cancelled Wait took the budget's request: %v", err)
	}
}

// What one process learns from the API reaches a process that has not had
// a response yet, through Redis.
func TestObservePublishesWhatTheAPIReported(t *testing.T) {
	srv := needRedisServer(t)
	a := newTestPacer(t, srv, testToken)
	reset := time.Now().Truncate(time.Second).Add(2 * time.Second)
	a.Observe(rl(40, 30, reset))
	a.Observe(rl(40, 39, reset.Add(2*time.Second)))
	if got, want := a.Budget(), (Budget{Limit: 40, Window: 2 * time.Second, LimitReported: true, WindowReported: true}); got != want {
		t.Fatalf("observing pacer's Budget() = %+v, want %+v", got, want)
	}
	vals, err := srv.client(t).HGetAll(context.Background(), a.keys.state).Result()
	if err != nil {
		t.Fatal(err)
	}
	if vals[fieldLimit] != "40" || vals[fieldWindow] != "2000" || vals[fieldReset] != strconvI(reset.Unix()) {
		t.Errorf("Redis holds %v", vals)
	}
	b := newTestPacer(t, srv, testToken)
	if got := b.Budget(); got.LimitReported {
		t.Fatalf("new pacer knows %+v before asking Redis", got)
	}
	if err := b.Wait(minuteCtx(t)); err != nil {
		t.Fatal(err)
	}
	if got, want := b.Budget(), (Budget{Limit: 40, Window: 2 * time.Second, LimitReported: true, WindowReported: true}); got != want {
		t.Errorf("other pacer's Budget() = %+v, want %+v", got, want)
	}
}

// A response with no requests remaining holds every process until the
// window's reset.
func TestNoneRemainingHoldsEveryProcess(t *testing.T) {
	srv := needRedisServer(t)
	a := newTestPacer(t, srv, testToken)
	b := newTestPacer(t, srv, testToken)
	if err := b.Wait(minuteCtx(t)); err != nil { // b has read Redis once
		t.Fatal(err)
	}
	reset := time.Now().Add(30 * time.Minute).Truncate(time.Second)
	a.Observe(rl(1000, 0, reset))
	b.refreshed = time.Time{} // as if refreshEvery had passed
	for name, p := range map[string]*Pacer{"observer": a, "other": b, "new": newTestPacer(t, srv, testToken)} {
		err := p.Wait(minuteCtx(t))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%s pacer's Wait = %v, want it held until the reset, past the deadline", name, err)
		}
	}
}

// The Redis keys and values never show the token.
func TestRedisNeverSeesTheToken(t *testing.T) {
	srv := needRedisServer(t)
	p := newTestPacer(t, srv, testToken)
	p.Observe(rl(100, 0, time.Now().Add(time.Minute)))
	ctx := context.Background()
	rdb := srv.client(t)
	keys, err := rdb.Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) == 0 {
		t.Fatal("the pacer wrote nothing")
	}
	for _, k := range keys {
		if strings.Contains(k, testToken) {
			t.Errorf("key %q holds the token", k)
		}
		dump, err := rdb.Dump(ctx, k).Result()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(dump, testToken) {
			t.Errorf("the value of %q holds the token", k)
		}
	}
}

// Three clients with pacers of their own, one token, against a server that
// allows 30 requests a second: the pacers learn the limit and the window
// from the responses, and no request meets a 429.
func TestClientsShareTheBudgetOfAServer(t *testing.T) {
	redisSrv := needRedisServer(t)
	api := intercomtest.NewServer(t, intercomtest.WithRateLimit(30, time.Second))
	const clients, goroutines, calls = 3, 3, 6 // 54 calls: about 2 windows
	var pacers []*Pacer
	var wg sync.WaitGroup
	errs := make(chan error, clients*goroutines*calls)
	for range clients {
		p := newTestPacer(t, redisSrv, api.Token, WithBaseURL(api.URL))
		pacers = append(pacers, p)
		c, err := facade.NewClient(api.Token, facade.WithBaseURL(api.URL), facade.WithPacer(p))
		if err != nil {
			t.Fatal(err)
		}
		for range goroutines {
			wg.Go(func() {
				for range calls {
					if _, _, err := c.Admins.Identify(context.Background()); err != nil {
						errs <- err
					}
				}
			})
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("call failed: %v", err)
	}
	tooMany := 0
	for _, r := range api.Requests() {
		if r.Status == http.StatusTooManyRequests {
			tooMany++
		}
	}
	if n := len(api.Requests()); tooMany > 0 || n != clients*goroutines*calls {
		t.Errorf("server saw %d requests, %d of them 429s; want %d and none", n, tooMany, clients*goroutines*calls)
	}
	for i, p := range pacers {
		if got, want := p.Budget(), (Budget{Limit: 30, Window: time.Second, LimitReported: true, WindowReported: true}); got != want {
			t.Errorf("pacer %d: Budget() = %+v, want %+v", i, got, want)
		}
	}
}

// Two worker processes share the budget of a server allowing 40 requests
// a second: no 429 in about three windows.
func TestProcessesShareTheBudgetOfAServer(t *testing.T) {
	redisSrv := needRedisServer(t)
	r := runWorkload(t, redisSrv.Addr, workload{
		pacing: pacingShared, processes: 2, goroutines: 4, limit: 40, window: time.Second, warmup: 1, measured: 1,
	})
	if r.tooMany > 0 || r.errors > 0 || r.served == 0 {
		t.Errorf("%d × 429, %d errors (first: %s), %d served in the measured window; want no 429, no error, some served",
			r.tooMany, r.errors, r.firstError, r.served)
	}
}

// A hold shorter than the context's deadline is waited out.
func TestWaitSitsOutAShortHold(t *testing.T) {
	srv := needRedisServer(t)
	p := newTestPacer(t, srv, testToken)
	hold := time.Now().Add(30 * time.Millisecond)
	p.Observe(rl(100, 0, hold))
	if err := p.Wait(minuteCtx(t)); err != nil {
		t.Fatal(err)
	}
	if now := time.Now(); now.Before(hold) {
		t.Errorf("Wait returned %s before the hold ended", hold.Sub(now))
	}
	// A reset too far ahead to be believed is ignored.
	before := p.Budget()
	p.Observe(rl(7, 0, time.Now().Add(2*time.Hour)))
	if p.Budget() != before {
		t.Errorf("a reset two hours ahead changed the budget to %+v", p.Budget())
	}
}

// A Wait held by the budget returns when its context is cancelled.
func TestWaitReturnsWhenCancelled(t *testing.T) {
	srv := needRedisServer(t)
	p := newTestPacer(t, srv, testToken)
	p.Observe(rl(100, 0, time.Now().Add(30*time.Minute)))
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	if err := p.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Wait = %v, want context.Canceled", err)
	}
	if err := p.sleep(context.Background(), 0); err != nil {
		t.Errorf("sleep(0) = %v", err)
	}
}
