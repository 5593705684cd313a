package intercomtest

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFaultStatus(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{OperationID: "CreateTag", Status: 503, Times: 2})
	for range 2 {
		status, _, body := s.send("POST", "/tags", map[string]any{"name": "x"})
		require.Equal(t, 503, status, "%d %v", status, body)
		require.Equal(t, "service_unavailable", errField(body, "code"), "%d %v", status, body)
	}
	// Other operations are not affected, and the fault is used up.
	s.must(200, "GET", "/me", nil)
	s.must(200, "POST", "/tags", map[string]any{"name": "x"})
	assert.Equal(t, 1, s.Count("createTag"), "createTag applied %d times, want 1", s.Count("createTag"))
	reqs := s.Requests()
	assert.Equal(t, "503", reqs[0].Fault, "requests %+v", reqs)
	assert.False(t, reqs[0].Applied, "requests %+v", reqs)
	assert.Equal(t, "", reqs[3].Fault, "requests %+v", reqs)
	s.clean()
}

func TestFault429HasRateLimitHeaders(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Status: 429, Header: http.Header{"Retry-After": {"2"}}})
	status, h, body := s.send("GET", "/me", nil)
	require.Equal(t, 429, status, "%d %v", status, body)
	require.Equal(t, "rate_limit_exceeded", errField(body, "code"), "%d %v", status, body)
	assert.Equal(t, "0", h.Get("X-RateLimit-Remaining"), "headers %v", h)
	assert.NotEqualValues(t, "", h.Get("X-RateLimit-Limit"), "headers %v", h)
	assert.NotEqualValues(t, "", h.Get("X-RateLimit-Reset"), "headers %v", h)
	assert.Equal(t, "2", h.Get("Retry-After"), "headers %v", h)
}

func TestFaultAfterApply(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Method: "POST", Path: "/tags", Status: 500, AfterApply: true})
	status, _, _ := s.send("POST", "/tags", map[string]any{"name": "once"})
	require.Equal(t, 500, status, "status %d", status)
	assert.Equal(t, 1, s.Count("createTag"), "the write was not applied before the 500")
	list := s.must(200, "GET", "/tags", nil)
	assert.Equal(t, 1, len(list["data"].([]any)), "tags %v", list)
}

func TestFaultDrop(t *testing.T) {
	s := newHarness(t)
	s.must(200, "GET", "/me", nil) // a reused connection must not hide the drop
	s.Inject(Fault{OperationID: "identifyAdmin", Drop: true})
	status, err := s.rawStatus("GET", "/me", "")
	require.Error(t, err, "dropped connection answered %d", status)
	s.must(200, "GET", "/me", nil)
	require.Len(t, s.Requests(), 3, "the client retried the dropped one?")
	r := s.Requests()[1]
	assert.Equal(t, "drop", r.Fault)
	assert.Zero(t, r.Status)
}

func TestFaultWaitAndReached(t *testing.T) {
	s := newHarness(t)
	release := make(chan struct{})
	reached := make(chan Request, 1)
	s.Inject(Fault{OperationID: "listAdmins", Wait: release, Reached: reached})
	done := make(chan int)
	go func() {
		status, _, _ := s.send("GET", "/admins", nil)
		done <- status
	}()
	r := <-reached
	assert.Equal(t, "listAdmins", r.OperationID, "reached %+v", r)
	select {
	case <-done:
		require.Fail(t, "held request finished before release")
	default:
	}
	close(release)
	status := <-done
	assert.Equal(t, 200, status, "status %d", status)
}

func TestFaultWaitHonoursClientContext(t *testing.T) {
	s := newHarness(t)
	reached := make(chan Request, 1)
	s.Inject(Fault{Wait: make(chan struct{}), Reached: reached})
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", s.URL+"/me", nil)
	errc := make(chan error)
	go func() {
		resp, err := s.Client().Do(req)
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	<-reached
	cancel()
	err := <-errc
	assert.True(t, errors.Is(err, context.Canceled), "err %v", err)
}

func TestFaultDelay(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Delay: 20 * time.Millisecond})
	start := time.Now()
	s.must(200, "GET", "/me", nil)
	d := time.Since(start)
	assert.False(t, d < 20*time.Millisecond, "answered after %s", d)
	f := s.Requests()[0].Fault
	assert.Equal(t, "delay", f, "fault %q", f)
}

func TestCloseReleasesHeldRequests(t *testing.T) {
	s, err := Start()
	require.NoError(t, err)
	reached := make(chan Request, 1)
	s.Inject(Fault{Wait: make(chan struct{}), Reached: reached, Times: -1})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequest("GET", s.URL+"/me", nil)
		if resp, err := s.Client().Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	<-reached
	s.Close() // must not hang
	wg.Wait()
}

func TestRateLimit(t *testing.T) {
	now := time.Unix(1_700_000_005, 0)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := newHarness(t, WithRateLimit(3, 10*time.Second), WithClock(clock))
	for i := range 3 {
		status, h, _ := s.send("GET", "/me", nil)
		require.Equal(t, 200, status, "request %d: %d %v", i, status, h)
		require.Equal(t, "3", h.Get("X-RateLimit-Limit"), "request %d: %d %v", i, status, h)
		require.Equal(t, strconv.Itoa(2-i), h.Get("X-RateLimit-Remaining"), "request %d: %d %v", i, status, h)
		require.Equal(t, "1700000010", h.Get("X-RateLimit-Reset"), "request %d: %d %v", i, status, h)
	}
	status, h, body := s.send("GET", "/me", nil)
	require.Equal(t, 429, status, "over the limit: %d %v %v", status, h, body)
	require.Equal(t, "0", h.Get("X-RateLimit-Remaining"), "over the limit: %d %v %v", status, h, body)
	require.Equal(t, "rate_limit_exceeded", errField(body, "code"), "over the limit: %d %v %v", status, h, body)
	mu.Lock()
	now = now.Add(10 * time.Second)
	mu.Unlock()
	status, h, _ = s.send("GET", "/me", nil)
	require.Equal(t, 200, status, "next window: %d %v", status, h)
	require.Equal(t, "2", h.Get("X-RateLimit-Remaining"), "next window: %d %v", status, h)
	require.Equal(t, "1700000020", h.Get("X-RateLimit-Reset"), "next window: %d %v", status, h)
	assert.Equal(t, 4, s.Count("identifyAdmin"), "applied %d", s.Count("identifyAdmin"))
}
