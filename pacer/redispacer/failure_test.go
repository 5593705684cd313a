package redispacer

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/redis/go-redis/v9"
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

	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	p.Observe(rl(1000, 999, clock.now().Add(time.Second)))
	if w, o := fb.counts(); w != 0 || o != 1 {
		t.Fatalf("with Redis up the fallback waited %d times and was told %d states; want 0 and 1", w, o)
	}
	if err := p.Unavailable(); err != nil {
		t.Fatalf("Unavailable() = %v with Redis up", err)
	}

	srv.stop()
	if err := p.Wait(ctx); err != nil {
		t.Fatalf("fail-open Wait with Redis down = %v, want the fallback's answer", err)
	}
	if w, _ := fb.counts(); w != 1 {
		t.Fatalf("fallback waited %d times, want 1", w)
	}
	if err := p.Unavailable(); err == nil {
		t.Error("Unavailable() = nil with Redis down")
	}
	if !strings.Contains(logs.String(), "redis is unavailable") || !strings.Contains(logs.String(), "mode=fail-open") {
		t.Errorf("log %q does not report the failure", logs.String())
	}
	// Observe still reaches the fallback; nothing is published.
	p.Observe(rl(1000, 0, clock.now().Add(2*time.Second)))
	if _, o := fb.counts(); o != 2 {
		t.Errorf("fallback was told %d states, want 2", o)
	}

	// Redis is back, but the pacer leaves it alone until the recheck.
	if err := srv.restart(); err != nil {
		t.Fatal(err)
	}
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if w, _ := fb.counts(); w != 2 {
		t.Fatalf("fallback waited %d times before the recheck, want 2", w)
	}
	clock.advance(2 * time.Minute)
	if err := p.Unavailable(); err != nil {
		t.Errorf("Unavailable() = %v once the recheck is due", err)
	}
	if err := p.Wait(ctx); err != nil {
		t.Fatalf("Wait after the recheck: %v", err)
	}
	if w, _ := fb.counts(); w != 2 {
		t.Errorf("fallback waited %d times after Redis came back, want still 2", w)
	}
	if !strings.Contains(logs.String(), "redis is available again") {
		t.Errorf("log %q does not report the recovery", logs.String())
	}
}

func TestFailClosedRefusesRequestsWhileRedisIsDown(t *testing.T) {
	srv := needRedisServer(t)
	api := intercomtest.NewServer(t)
	fb := &recordingPacer{}
	p := newTestPacer(t, srv, api.Token, WithBaseURL(api.URL), WithFailureMode(FailClosed), WithFallback(fb))
	c, err := facade.NewClient(api.Token, facade.WithBaseURL(api.URL), facade.WithPacer(p))
	if err != nil {
		t.Fatal(err)
	}
	ctx := minuteCtx(t)
	if _, _, err := c.Admins.Identify(ctx); err != nil {
		t.Fatalf("call with Redis up: %v", err)
	}
	srv.stop()
	for i := range 2 { // the first call finds Redis down, the second is refused at once
		_, _, err := c.Admins.Identify(ctx)
		var te *facade.TransportError
		if !errors.Is(err, ErrUnavailable) || !errors.As(err, &te) {
			t.Fatalf("call %d with Redis down = %v, want a *facade.TransportError matching ErrUnavailable", i, err)
		}
	}
	if n := len(api.Requests()); n != 1 {
		t.Errorf("server received %d requests, want only the one sent while Redis was up", n)
	}
	if w, _ := fb.counts(); w != 0 {
		t.Errorf("fail-closed pacer used its fallback %d times", w)
	}
}

func TestFailOpenKeepsClientsWorking(t *testing.T) {
	srv := needRedisServer(t)
	api := intercomtest.NewServer(t)
	p := newTestPacer(t, srv, api.Token, WithBaseURL(api.URL)) // FailOpen is the default
	c, err := facade.NewClient(api.Token, facade.WithBaseURL(api.URL), facade.WithPacer(p))
	if err != nil {
		t.Fatal(err)
	}
	srv.stop()
	for i := range 3 {
		if _, _, err := c.Admins.Identify(minuteCtx(t)); err != nil {
			t.Fatalf("call %d with Redis down: %v", i, err)
		}
	}
	if n := len(api.Requests()); n != 3 {
		t.Errorf("server received %d requests, want 3", n)
	}
	if p.Unavailable() == nil {
		t.Error("Unavailable() = nil with Redis down")
	}
}

// A goroutine that queued for the slot while another found Redis down
// follows the failure mode without calling Redis.
func TestQueuedWaitFollowsTheFailureMode(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}) // never called
	defer rdb.Close()
	boom := errors.New("boom")
	open, err := New(rdb, "t", WithRecheck(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	open.markDown(boom)
	if err := open.waitShared(context.Background()); !errors.Is(err, errFallback) {
		t.Errorf("fail-open waitShared = %v, want the fallback", err)
	}
	closed, err := New(rdb, "t", WithRecheck(time.Hour), WithFailureMode(FailClosed))
	if err != nil {
		t.Fatal(err)
	}
	closed.markDown(boom)
	if err := closed.waitShared(context.Background()); !errors.Is(err, ErrUnavailable) || !errors.Is(err, boom) {
		t.Errorf("fail-closed waitShared = %v, want ErrUnavailable wrapping the cause", err)
	}
}

// Observe finding Redis down marks it so, and the next Wait paces locally.
func TestObserveNoticesRedisDown(t *testing.T) {
	srv := needRedisServer(t)
	fb := &recordingPacer{}
	p := newTestPacer(t, srv, testToken, WithFallback(fb))
	srv.stop()
	p.Observe(rl(100, 50, time.Now().Add(time.Second)))
	if p.Unavailable() == nil {
		t.Fatal("Unavailable() = nil after a failed publish")
	}
	if err := p.Wait(minuteCtx(t)); err != nil {
		t.Fatal(err)
	}
	if w, o := fb.counts(); w != 1 || o != 1 {
		t.Errorf("fallback waited %d times and was told %d states; want 1 and 1", w, o)
	}
}
