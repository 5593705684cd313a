package redispacer

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recordingPacer is a fallback that counts what it is asked.
type recordingPacer struct {
	mu       sync.Mutex
	waits    int
	observed []facade.RateLimit
}

func (r *recordingPacer) Wait(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.waits++
	return ctx.Err()
}

func (r *recordingPacer) Observe(rl facade.RateLimit) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.observed = append(r.observed, rl)
}

func (r *recordingPacer) counts() (waits, observed int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.waits, len(r.observed)
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// fakeNow is a clock the test moves by hand.
type fakeNow struct {
	mu sync.Mutex
	t  time.Time
}

func (f *fakeNow) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeNow) advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.t = f.t.Add(d)
}

func TestFailOpenPacesLocallyWhileRedisIsDown(t *testing.T) {
	srv := needRedisServer(t)
	fb := &recordingPacer{}
	var logs syncBuffer
	p := newTestPacer(t, srv, testToken, WithFallback(fb), WithRecheck(time.Minute),
		WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	clock := &fakeNow{t: time.Now()}
	p.now = clock.now
	ctx := minuteCtx(t)

	require.NoError(t, p.Wait(ctx))
	p.Observe(rl(1000, 999, clock.now().Add(time.Second)))
	w, o := fb.counts()
	require.Zero(t, w, "with Redis up the fallback waited")
	require.Equal(t, 1, o, "with Redis up the fallback was told that many states")
	require.NoError(t, p.Unavailable(), "Unavailable() with Redis up")

	srv.stop()
	require.NoError(t, p.Wait(ctx), "fail-open Wait with Redis down, want the fallback's answer")
	w, _ = fb.counts()
	require.Equal(t, 1, w, "fallback waits")
	assert.Error(t, p.Unavailable(), "Unavailable() with Redis down")
	assert.Contains(t, logs.String(), "redis is unavailable", "the log does not report the failure")
	assert.Contains(t, logs.String(), "mode=fail-open", "the log does not report the failure")
	// Observe still reaches the fallback; nothing is published.
	p.Observe(rl(1000, 0, clock.now().Add(2*time.Second)))
	_, o = fb.counts()
	assert.Equal(t, 2, o, "states the fallback was told")

	// Redis is back, but the pacer leaves it alone until the recheck.
	require.NoError(t, srv.restart())
	require.NoError(t, p.Wait(ctx))
	w, _ = fb.counts()
	require.Equal(t, 2, w, "fallback waits before the recheck")
	clock.advance(2 * time.Minute)
	assert.NoError(t, p.Unavailable(), "Unavailable() once the recheck is due")
	require.NoError(t, p.Wait(ctx), "Wait after the recheck")
	w, _ = fb.counts()
	assert.Equal(t, 2, w, "fallback waits after Redis came back, want still 2")
	assert.Contains(t, logs.String(), "redis is available again", "the log does not report the recovery")
}

func TestFailClosedRefusesRequestsWhileRedisIsDown(t *testing.T) {
	srv := needRedisServer(t)
	api := intercomtest.NewServer(t)
	fb := &recordingPacer{}
	p := newTestPacer(t, srv, api.Token, WithBaseURL(api.URL), WithFailureMode(FailClosed), WithFallback(fb))
	c, err := facade.NewClient(api.Token, facade.WithBaseURL(api.URL), facade.WithPacer(p))
	require.NoError(t, err)
	ctx := minuteCtx(t)
	_, _, err = c.Admins.Identify(ctx)
	require.NoError(t, err, "call with Redis up")
	srv.stop()
	for i := range 2 { // the first call finds Redis down, the second is refused at once
		_, _, err := c.Admins.Identify(ctx)
		require.ErrorIs(t, err, ErrUnavailable, "call %d with Redis down", i)
		var te *facade.TransportError
		require.ErrorAs(t, err, &te, "call %d with Redis down", i)
	}
	assert.Len(t, api.Requests(), 1, "want only the request sent while Redis was up")
	w, _ := fb.counts()
	assert.Zero(t, w, "the fail-closed pacer used its fallback")
}

func TestFailOpenKeepsClientsWorking(t *testing.T) {
	srv := needRedisServer(t)
	api := intercomtest.NewServer(t)
	p := newTestPacer(t, srv, api.Token, WithBaseURL(api.URL)) // FailOpen is the default
	c, err := facade.NewClient(api.Token, facade.WithBaseURL(api.URL), facade.WithPacer(p))
	require.NoError(t, err)
	srv.stop()
	for i := range 3 {
		_, _, err := c.Admins.Identify(minuteCtx(t))
		require.NoError(t, err, "call %d with Redis down", i)
	}
	assert.Len(t, api.Requests(), 3, "requests the server received")
	assert.Error(t, p.Unavailable(), "Unavailable() with Redis down")
}

// A goroutine that queued for the slot while another found Redis down
// follows the failure mode without calling Redis.
func TestQueuedWaitFollowsTheFailureMode(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}) // never called
	defer rdb.Close()
	boom := errors.New("boom")
	open, err := New(rdb, "t", WithRecheck(time.Hour))
	require.NoError(t, err)
	open.markDown(boom)
	assert.ErrorIs(t, open.waitShared(context.Background()), errFallback, "fail-open waitShared, want the fallback")
	closed, err := New(rdb, "t", WithRecheck(time.Hour), WithFailureMode(FailClosed))
	require.NoError(t, err)
	closed.markDown(boom)
	err = closed.waitShared(context.Background())
	assert.ErrorIs(t, err, ErrUnavailable, "fail-closed waitShared")
	assert.ErrorIs(t, err, boom, "fail-closed waitShared, want it wrapping the cause")
}

// Observe finding Redis down marks it so, and the next Wait paces locally.
func TestObserveNoticesRedisDown(t *testing.T) {
	srv := needRedisServer(t)
	fb := &recordingPacer{}
	p := newTestPacer(t, srv, testToken, WithFallback(fb))
	srv.stop()
	p.Observe(rl(100, 50, time.Now().Add(time.Second)))
	require.Error(t, p.Unavailable(), "Unavailable() after a failed publish")
	require.NoError(t, p.Wait(minuteCtx(t)))
	w, o := fb.counts()
	assert.Equal(t, 1, w, "fallback waits")
	assert.Equal(t, 1, o, "states the fallback was told")
}
