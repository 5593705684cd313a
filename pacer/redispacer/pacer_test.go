package redispacer

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testToken = "tok_secret_0123456789abcdef"

// newTestPacer returns a pacer on srv's Redis, failing t on a bad option.
func newTestPacer(t *testing.T, srv *redisServer, token string, opts ...Option) *Pacer {
	t.Helper()
	p, err := New(srv.client(t), token, opts...)
	require.NoError(t, err)
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
	require.NoError(t, a.Wait(minuteCtx(t)), "first Wait")
	err := b.Wait(minuteCtx(t))
	require.ErrorIs(t, err, context.DeadlineExceeded, "second Wait of the same budget, want it refused for the deadline")
	require.ErrorContains(t, err, "after the context's deadline")
	require.ErrorIs(t, a.Wait(minuteCtx(t)), context.DeadlineExceeded, "third Wait, want it refused for the deadline")
	// Other tokens and regions have budgets of their own.
	for _, p := range []*Pacer{
		newTestPacer(t, srv, testToken+"-other", hourly),
		newTestPacer(t, srv, testToken, hourly, WithRegion(facade.RegionEU)),
		newTestPacer(t, srv, testToken, hourly, WithBaseURL("http://127.0.0.1:9999")),
		newTestPacer(t, srv, testToken, hourly, WithKeyPrefix("other-app:")),
	} {
		assert.NoError(t, p.Wait(minuteCtx(t)), "first Wait of the budget %s", p.Key())
	}
	// A cancelled context is not Redis's fault and takes nothing.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, newTestPacer(t, srv, "fresh", hourly).Wait(ctx), context.Canceled, "Wait with a cancelled context")
	assert.NoError(t, newTestPacer(t, srv, "fresh", hourly).Wait(minuteCtx(t)), "the cancelled Wait took the budget's request")
}

// What one process learns from the API reaches a process that has not had
// a response yet, through Redis.
func TestObservePublishesWhatTheAPIReported(t *testing.T) {
	srv := needRedisServer(t)
	a := newTestPacer(t, srv, testToken)
	reset := time.Now().Truncate(time.Second).Add(2 * time.Second)
	a.Observe(rl(40, 30, reset))
	a.Observe(rl(40, 39, reset.Add(2*time.Second)))
	want := Budget{Limit: 40, Window: 2 * time.Second, LimitReported: true, WindowReported: true}
	require.Equal(t, want, a.Budget(), "observing pacer's Budget()")
	vals, err := srv.client(t).HGetAll(context.Background(), a.keys.state).Result()
	require.NoError(t, err)
	assert.Equal(t, "40", vals[fieldLimit], "Redis holds %v", vals)
	assert.Equal(t, "2000", vals[fieldWindow], "Redis holds %v", vals)
	assert.Equal(t, strconvI(reset.Unix()), vals[fieldReset], "Redis holds %v", vals)
	b := newTestPacer(t, srv, testToken)
	require.False(t, b.Budget().LimitReported, "new pacer knows %+v before asking Redis", b.Budget())
	require.NoError(t, b.Wait(minuteCtx(t)))
	assert.Equal(t, want, b.Budget(), "other pacer's Budget()")
}

// A response with no requests remaining holds every process until the
// window's reset.
func TestNoneRemainingHoldsEveryProcess(t *testing.T) {
	srv := needRedisServer(t)
	a := newTestPacer(t, srv, testToken)
	b := newTestPacer(t, srv, testToken)
	require.NoError(t, b.Wait(minuteCtx(t))) // b has read Redis once
	reset := time.Now().Add(30 * time.Minute).Truncate(time.Second)
	a.Observe(rl(1000, 0, reset))
	b.refreshed = time.Time{} // as if refreshEvery had passed
	for name, p := range map[string]*Pacer{"observer": a, "other": b, "new": newTestPacer(t, srv, testToken)} {
		assert.ErrorIs(t, p.Wait(minuteCtx(t)), context.DeadlineExceeded, "%s pacer's Wait, want it held until the reset, past the deadline", name)
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
	require.NoError(t, err)
	require.NotEmpty(t, keys, "the pacer wrote nothing")
	for _, k := range keys {
		assert.NotContains(t, k, testToken, "the key holds the token")
		dump, err := rdb.Dump(ctx, k).Result()
		require.NoError(t, err)
		assert.NotContains(t, dump, testToken, "the value of %q holds the token", k)
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
		require.NoError(t, err)
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
		assert.NoError(t, err, "call failed")
	}
	tooMany := 0
	for _, r := range api.Requests() {
		if r.Status == http.StatusTooManyRequests {
			tooMany++
		}
	}
	assert.Zero(t, tooMany, "429s the server sent")
	assert.Len(t, api.Requests(), clients*goroutines*calls, "requests the server saw")
	for i, p := range pacers {
		assert.Equal(t, Budget{Limit: 30, Window: time.Second, LimitReported: true, WindowReported: true}, p.Budget(), "pacer %d", i)
	}
}

// Two worker processes share the budget of a server allowing 40 requests
// a second: no 429 in about three windows.
func TestProcessesShareTheBudgetOfAServer(t *testing.T) {
	redisSrv := needRedisServer(t)
	r := runWorkload(t, redisSrv.Addr, workload{
		pacing: pacingShared, processes: 2, goroutines: 4, limit: 40, window: time.Second, warmup: 1, measured: 1,
	})
	assert.Zero(t, r.tooMany, "429s")
	assert.Zero(t, r.errors, "errors (first: %s)", r.firstError)
	assert.Positive(t, r.served, "served in the measured window")
}

// A hold shorter than the context's deadline is waited out.
func TestWaitSitsOutAShortHold(t *testing.T) {
	srv := needRedisServer(t)
	p := newTestPacer(t, srv, testToken)
	hold := time.Now().Add(30 * time.Millisecond)
	p.Observe(rl(100, 0, hold))
	require.NoError(t, p.Wait(minuteCtx(t)))
	now := time.Now()
	assert.False(t, now.Before(hold), "Wait returned %s before the hold ended", hold.Sub(now))
	// A reset too far ahead to be believed is ignored.
	before := p.Budget()
	p.Observe(rl(7, 0, time.Now().Add(2*time.Hour)))
	assert.Equal(t, before, p.Budget(), "a reset two hours ahead changed the budget")
}

// A Wait held by the budget returns when its context is cancelled.
func TestWaitReturnsWhenCancelled(t *testing.T) {
	srv := needRedisServer(t)
	p := newTestPacer(t, srv, testToken)
	p.Observe(rl(100, 0, time.Now().Add(30*time.Minute)))
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	assert.ErrorIs(t, p.Wait(ctx), context.Canceled)
	assert.NoError(t, p.sleep(context.Background(), 0), "sleep(0)")
}
