package intercomtest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
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
	assert.Empty(t, reqs[3].Fault, "requests %+v", reqs)
	s.clean()
}

func TestFault429HasRateLimitHeaders(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Status: 429, Header: http.Header{"Retry-After": {"2"}}})
	status, h, body := s.send("GET", "/me", nil)
	require.Equal(t, 429, status, "%d %v", status, body)
	require.Equal(t, "rate_limit_exceeded", errField(body, "code"), "%d %v", status, body)
	assert.Equal(t, "0", h.Get("X-RateLimit-Remaining"), "headers %v", h)
	assert.NotEmpty(t, h.Get("X-RateLimit-Limit"), "headers %v", h)
	assert.NotEmpty(t, h.Get("X-RateLimit-Reset"), "headers %v", h)
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

func TestFaultMatchers(t *testing.T) {
	s := newHarness(t)
	// A fault for another method, and one for another path, are skipped.
	s.Inject(Fault{Method: "POST", Status: 500, Times: -1})
	s.Inject(Fault{Path: "/admins", Status: 502, Times: -1})
	s.Inject(Fault{OperationID: "listTeams", Status: 504, Times: -1})
	s.must(200, "GET", "/me", nil)
	for range 2 {
		status, _, body := s.send("GET", "/admins", nil)
		require.Equal(t, 502, status, "/admins: %d %v", status, body)
		require.Equal(t, "bad_gateway", errField(body, "code"), "/admins: %d %v", status, body)
	}
	status, _, body := s.send("POST", "/tags", map[string]any{"name": "x"})
	require.Equal(t, 500, status, "POST /tags: %d %v", status, body)
	require.Equal(t, "server_error", errField(body, "code"), "POST /tags: %d %v", status, body)
	status, _, body = s.send("GET", "/teams", nil)
	require.Equal(t, 504, status, "/teams: %d %v", status, body)
	require.Equal(t, "gateway_timeout", errField(body, "code"), "/teams: %d %v", status, body)

	s.ClearFaults()
	s.must(200, "GET", "/admins", nil)
	s.must(200, "GET", "/teams", nil)
	s.must(200, "POST", "/tags", map[string]any{"name": "x"})
	var faults []string
	for _, r := range s.Requests() {
		faults = append(faults, r.Fault)
	}
	got := strings.Join(faults, ",")
	assert.Equal(t, ",502,502,500,504,,,", got, "faults %q", got)
	assert.Equal(t, 1, s.Count("createTag"), "counts createTag %d listAdmins %d", s.Count("createTag"), s.Count("listAdmins"))
	assert.Equal(t, 1, s.Count("listAdmins"), "counts createTag %d listAdmins %d", s.Count("createTag"), s.Count("listAdmins"))
}

func TestFaultStatusCodes(t *testing.T) {
	s := newHarness(t)
	cases := []struct {
		status int
		code   string
	}{
		{400, "parameter_invalid"}, {401, "unauthorized"}, {403, "forbidden"}, {404, "not_found"},
		{409, "conflict"}, {422, "unprocessable_entity"}, {429, "rate_limit_exceeded"},
		{500, "server_error"}, {502, "bad_gateway"}, {503, "service_unavailable"},
		{504, "gateway_timeout"}, {418, "error"},
	}
	for _, tc := range cases {
		s.Inject(Fault{OperationID: "identifyAdmin", Status: tc.status})
		status, h, body := s.send("GET", "/me", nil)
		assert.Equal(t, tc.status, status, "fault %d: %d %v", tc.status, status, body)
		assert.Equal(t, tc.code, errField(body, "code"), "fault %d: %d %v", tc.status, status, body)
		assert.Equal(t, h.Get("X-Request-Id"), body["request_id"], "fault %d: %d %v", tc.status, status, body)
		code, msg := statusCode(tc.status)
		assert.Equal(t, tc.code, code, "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
		assert.NotEmpty(t, msg, "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
		assert.Equal(t, msg, errField(body, "message"), "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
	}
	assert.Equal(t, 0, s.Count("identifyAdmin"), "a faulted request was applied")
	s.clean()
}

func TestFaultKinds(t *testing.T) {
	release := make(chan struct{})
	close(release)
	cases := []struct {
		f    faultState
		want string
	}{
		{faultState{}, ""},
		{faultState{Fault: Fault{Wait: release, Status: 503}}, "delay+503"},
		{faultState{Fault: Fault{Delay: time.Second, Drop: true, AfterApply: true}}, "delay+drop+after-apply"},
	}
	for _, tc := range cases {
		got := tc.f.kind()
		assert.Equal(t, tc.want, got, "kind of %+v", tc.f)
	}
}

func TestFaultDropAfterApply(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{OperationID: "createTag", Drop: true, AfterApply: true})
	status, err := s.rawStatus("POST", "/tags", `{"name":"lost"}`)
	require.Error(t, err, "dropped connection answered %d", status)
	// The write happened although the client saw a transport error.
	list := s.must(200, "GET", "/tags", nil)
	data := list["data"].([]any)
	require.Len(t, data, 1, "tags %v", list)
	assert.Equal(t, "lost", data[0].(map[string]any)["name"], "tags %v", list)
	r := s.Requests()[0]
	assert.Equal(t, "drop+after-apply", r.Fault, "recorded %+v", r)
	assert.Equal(t, 0, r.Status, "recorded %+v", r)
	assert.True(t, r.Applied, "recorded %+v", r)
	assert.EqualValues(t, `{"name":"lost"}`, string(r.Body), "recorded %+v", r)
}

// TestFaultDropWithoutHijacker checks that a writer that cannot be hijacked
// gets the connection aborted with http.ErrAbortHandler.
func TestFaultDropWithoutHijacker(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Drop: true})
	req := httptest.NewRequest("GET", "/me", nil)
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			v := recover()
			assert.Equal(t, http.ErrAbortHandler, v, "recovered %v, want http.ErrAbortHandler", v)
		}()
		s.ServeHTTP(rec, req)
	}()
	r := s.Requests()
	require.Len(t, r, 1, "recorded %+v", r)
	assert.Equal(t, "drop", r[0].Fault, "recorded %+v", r)
	assert.Equal(t, 0, r[0].Status, "recorded %+v", r)
}
