package facade

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefaultRetryPolicy(t *testing.T) {
	// These values are written in the README ("Retries and rate limits").
	assert.Equal(t, RetryPolicy{
		MaxAttempts:      4,
		BaseDelay:        500 * time.Millisecond,
		MaxDelay:         8 * time.Second,
		MaxRateLimitWait: time.Minute,
	}, DefaultRetryPolicy())
	c, err := NewClient(testToken)
	require.NoError(t, err)
	assert.Equal(t, DefaultRetryPolicy(), c.cfg.retry)
	assert.Zero(t, c.cfg.attemptTimeout)
	assert.Nil(t, c.cfg.pacer)
}

func TestBackoff(t *testing.T) {
	p := DefaultRetryPolicy()
	for n, want := range map[int]time.Duration{1: 500 * time.Millisecond, 2: time.Second, 3: 2 * time.Second, 4: 4 * time.Second, 5: 8 * time.Second, 9: 8 * time.Second} {
		for range 50 {
			d := p.backoff(n)
			assert.GreaterOrEqual(t, d, want/2, "retry %d", n)
			assert.LessOrEqual(t, d, want, "retry %d", n)
		}
	}
	assert.Zero(t, RetryPolicy{MaxAttempts: 3}.backoff(2))
}

func TestRateLimitedThenSuccess(t *testing.T) {
	clk := newFakeClock()
	reset := clk.Now().Add(7 * time.Second)
	rl := []string{"X-RateLimit-Limit", "1000", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10)}

	t.Run("waits until X-RateLimit-Reset, also for a POST", func(t *testing.T) {
		clk := newFakeClock()
		rec, c := newFake(t, withClock(clk))
		rec.replies("/", answer(429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"x"}]}`, rl...),
			answer(200, `{"type":"ticket"}`, "X-RateLimit-Limit", "1000", "X-RateLimit-Remaining", "999", "X-RateLimit-Reset", strconv.FormatInt(reset.Unix()+10, 10), "X-Request-Id", "r2"))
		_, resp, err := decode[map[string]any](c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{"message_type":"comment"}`)))
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{7 * time.Second}, clk.Sleeps())
		reqs := rec.requests()
		require.Len(t, reqs, 2)
		assert.Equal(t, `{"message_type":"comment"}`, reqs[1].Body, "body rewound")
		assert.Equal(t, "r2", resp.RequestID)
		assert.Equal(t, RateLimit{Limit: 1000, Remaining: 999, Reset: time.Unix(reset.Unix()+10, 0), Known: true}, resp.RateLimit)
	})
	t.Run("Retry-After wins", func(t *testing.T) {
		clk := newFakeClock()
		rec, c := newFake(t, withClock(clk))
		rec.replies("/", answer(429, "", append([]string{"Retry-After", "3"}, rl...)...), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{3 * time.Second}, clk.Sleeps())
	})
	t.Run("a reset beyond MaxRateLimitWait returns the 429 at once", func(t *testing.T) {
		clk := newFakeClock()
		p := DefaultRetryPolicy()
		p.MaxRateLimitWait = 5 * time.Second
		rec, c := newFake(t, withClock(clk), WithRetryPolicy(p))
		rec.replies("/", answer(429, "", rl...), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		assert.ErrorIs(t, err, ErrRateLimited)
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 0, apiErr.RateLimit.Remaining)
		assert.True(t, apiErr.RateLimit.Known)
		assert.Empty(t, clk.Sleeps())
		assert.Len(t, rec.requests(), 1)
	})
	t.Run("a reset beyond the context deadline returns at once", func(t *testing.T) {
		rec, c := newFake(t, withClock(realClock{}))
		rec.replies("/", answer(429, "", "Retry-After", "30"), okJSON)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := finish(c.raw.ListAdmins(ctx, nil))
		assert.ErrorIs(t, err, ErrRateLimited)
		assert.Less(t, time.Since(start), 500*time.Millisecond)
	})
	t.Run("gives up after MaxAttempts", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(429, "", "Retry-After", "1"))
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		assert.ErrorIs(t, err, ErrRateLimited)
		assert.Len(t, rec.requests(), DefaultRetryPolicy().MaxAttempts)
	})
}

func TestWriteIsNeverSentTwice(t *testing.T) {
	for _, code := range []int{500, 502, 503, 504, 408, 409} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			rec, c := newFake(t)
			rec.replies("/", answer(code, ""), okJSON)
			_, err := finish(c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{}`)))
			var apiErr *Error
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, code, apiErr.StatusCode)
			assert.Len(t, rec.requests(), 1, "POST sent more than once")
		})
	}
}

func TestIdempotentRequestRetried(t *testing.T) {
	for _, code := range []int{500, 502, 503, 504, 408, 409} {
		t.Run(strconv.Itoa(code), func(t *testing.T) {
			clk := newFakeClock()
			rec, c := newFake(t, withClock(clk))
			rec.replies("/", answer(code, ""), answer(code, ""), okJSON)
			_, err := finish(c.raw.ListAdmins(context.Background(), nil))
			require.NoError(t, err)
			assert.Len(t, rec.requests(), 3)
			sleeps := clk.Sleeps()
			require.Len(t, sleeps, 2)
			assert.True(t, sleeps[0] >= 250*time.Millisecond && sleeps[0] <= 500*time.Millisecond, sleeps[0])
			assert.True(t, sleeps[1] >= 500*time.Millisecond && sleeps[1] <= time.Second, sleeps[1])
		})
	}
	t.Run("PUT and DELETE", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(503, ""), okJSON, answer(503, ""), okJSON)
		_, err := finish(c.raw.UpdateTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{"open":true}`)))
		require.NoError(t, err)
		_, err = finish(c.raw.DeleteContact(context.Background(), "5", nil))
		require.NoError(t, err)
		reqs := rec.requests()
		require.Len(t, reqs, 4)
		assert.Equal(t, []string{"PUT", "PUT", "DELETE", "DELETE"}, []string{reqs[0].Method, reqs[1].Method, reqs[2].Method, reqs[3].Method})
		assert.Equal(t, `{"open":true}`, reqs[1].Body)
	})
	t.Run("other 4xx are not retried", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(400, ""), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		require.Error(t, err)
		assert.Len(t, rec.requests(), 1)
	})
	t.Run("Retry-After on a 503 is honoured up to MaxDelay, and above it ends the retries", func(t *testing.T) {
		clk := newFakeClock()
		rec, c := newFake(t, withClock(clk))
		rec.replies("/", answer(503, "", "Retry-After", "5"), answer(503, "", "Retry-After", "600"), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 503, apiErr.StatusCode)
		assert.Len(t, rec.requests(), 2, "no retry before the server's 600 s")
		assert.Equal(t, []time.Duration{5 * time.Second}, clk.Sleeps())
	})
}

func TestReadOnlyPOSTRetried(t *testing.T) {
	body := `{"query":{"field":"id","operator":"=","value":"1"}}`
	for _, path := range []string{"/contacts/search", "/conversations/search", "/tickets/search"} {
		t.Run(path, func(t *testing.T) {
			rec, c := newFake(t)
			rec.replies("/", answer(503, ""), okJSON)
			req, err := http.NewRequest(http.MethodPost, c.BaseURL()+path, strings.NewReader(body))
			require.NoError(t, err)
			_, err = finish(c.raw.Client.Do(req))
			require.NoError(t, err)
			reqs := rec.requests()
			require.Len(t, reqs, 2)
			assert.Equal(t, body, reqs[1].Body)
		})
	}
	t.Run("through the generated client", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(503, ""), okJSON, answer(502, ""), okJSON)
		_, err := finish(c.raw.SearchContactsWithBody(context.Background(), nil, "application/json", strings.NewReader(body)))
		require.NoError(t, err)
		_, err = finish(c.raw.ListAllCompanies(context.Background(), nil))
		require.NoError(t, err)
		assert.Len(t, rec.requests(), 4)
	})
}

func TestDialFailureRetriedForPOST(t *testing.T) {
	// The first attempt fails to dial; the second goes through. The POST is
	// retried because it provably never left the client.
	var dials atomic.Int32
	failFirstDial := func(next http.RoundTripper) http.RoundTripper {
		return coreRoundTrip(func(r *http.Request) (*http.Response, error) {
			if dials.Add(1) == 1 {
				return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
			}
			return next.RoundTrip(r)
		})
	}
	rec, c := newFake(t, WithMiddleware(failFirstDial))
	rec.replies("/", okJSON)
	_, err := finish(c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{"body":"hi"}`)))
	require.NoError(t, err)
	assert.EqualValues(t, 2, dials.Load())
	reqs := rec.requests()
	require.Len(t, reqs, 1)
	assert.Equal(t, `{"body":"hi"}`, reqs[0].Body)

	t.Run("a real refused connection", func(t *testing.T) {
		url := closedURL()
		var attempts atomic.Int32
		count := func(next http.RoundTripper) http.RoundTripper {
			return coreRoundTrip(func(r *http.Request) (*http.Response, error) { attempts.Add(1); return next.RoundTrip(r) })
		}
		c, err := NewClient(testToken, WithBaseURL(url), withClock(newFakeClock()), WithMiddleware(count))
		require.NoError(t, err)
		_, err = finish(c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{}`)))
		var op *net.OpError
		require.ErrorAs(t, err, &op)
		assert.Equal(t, "dial", op.Op)
		assert.EqualValues(t, DefaultRetryPolicy().MaxAttempts, attempts.Load())
	})
}

func TestBrokenConnection(t *testing.T) {
	// The server reads the request, then drops the connection without an
	// answer: the request may have been acted on.
	var calls atomic.Int32
	drop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		if calls.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		okJSON(w, r)
	})
	t.Run("POST is not retried", func(t *testing.T) {
		calls.Store(0)
		f, c := newFake(t)
		f.handle("/", drop)
		_, err := finish(c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{}`)))
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.EqualValues(t, 1, calls.Load())
	})
	t.Run("GET is retried", func(t *testing.T) {
		calls.Store(0)
		f, c := newFake(t)
		f.handle("/", drop)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		require.NoError(t, err)
		assert.EqualValues(t, 2, calls.Load())
	})
}

func TestBodyThatCannotBeRewoundIsNotRetried(t *testing.T) {
	rec, c := newFake(t)
	rec.replies("/", answer(503, ""), okJSON)
	req, err := http.NewRequest(http.MethodPut, c.BaseURL()+"/tickets/1", io.NopCloser(strings.NewReader(`{}`)))
	require.NoError(t, err)
	req.GetBody = nil
	_, err = finish(c.raw.Client.Do(req))
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.Len(t, rec.requests(), 1)
}

// waitingClock is the real clock, but tells the test when a wait begins, so
// that the test cancels during the wait without sleeping itself.
type waitingClock struct {
	realClock
	waiting chan time.Duration
}

func (c waitingClock) Sleep(ctx context.Context, d time.Duration) error {
	c.waiting <- d
	return c.realClock.Sleep(ctx, d)
}

func TestCancelDuringWaitReturnsPromptly(t *testing.T) {
	// A 429 asks for a 30s wait on the real clock; the caller cancels once the
	// wait has begun. The call must end at once, not after 30s, and keep the
	// 429 it got.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	clk := waitingClock{waiting: make(chan time.Duration, 1)}
	f, c := newFake(t, withClock(clk))
	f.handle("/", answer(429, "", "Retry-After", "30"))
	go func() { <-clk.waiting; cancel() }()
	start := time.Now()
	_, err := finish(c.raw.ListAdmins(ctx, nil))
	assert.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, ErrRateLimited, "the 429 is kept")
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "/admins", te.Path)
	assert.Less(t, time.Since(start), 5*time.Second)

	t.Run("during a backoff", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		p := DefaultRetryPolicy()
		p.BaseDelay, p.MaxDelay = time.Minute, time.Minute
		clk := waitingClock{waiting: make(chan time.Duration, 1)}
		f, c := newFake(t, withClock(clk), WithRetryPolicy(p))
		f.handle("/", answer(503, ""))
		go func() { <-clk.waiting; cancel() }()
		start := time.Now()
		_, err := finish(c.raw.ListAdmins(ctx, nil))
		assert.ErrorIs(t, err, context.Canceled)
		assert.Less(t, time.Since(start), 5*time.Second)
	})
	t.Run("before sending", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", okJSON)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := finish(c.raw.ListAdmins(ctx, nil))
		assert.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, rec.requests())
	})
}

func TestNoRetries(t *testing.T) {
	rec, c := newFake(t, WithRetryPolicy(NoRetries()))
	rec.replies("/", answer(503, ""), okJSON)
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.Error(t, err)
	assert.Len(t, rec.requests(), 1)
}

func TestIsSafeToRepeat(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		want         bool
	}{
		{"GET", "/tickets/1", true},
		{"HEAD", "/tickets/1", true},
		{"PUT", "/tickets/1", true},
		{"DELETE", "/tickets/1", true},
		{"POST", "/contacts/search", true},
		{"POST", "/conversations/search", true},
		{"POST", "/tickets/search", true},
		{"POST", "/companies/list", true},
		{"POST", "/tickets", false},
		{"POST", "/tickets/1/reply", false},
		{"POST", "/events/summaries", false},
		{"POST", "/contacts/search/extra", false},
		{"PATCH", "/tickets/1", false},
	} {
		assert.Equal(t, tc.want, isSafeToRepeat(tc.method, tc.path), "%s %s", tc.method, tc.path)
	}
}

func TestReadOnlyPOSTsAreInTheDescription(t *testing.T) {
	// Every entry of the table is a POST the generated client knows.
	known := map[string]bool{}
	for path := range readOnlyPOSTs {
		known[path] = false
	}
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", http.StatusNotFound, "")
	ctx := context.Background()
	for _, call := range []func() (*http.Response, error){
		func() (*http.Response, error) {
			return c.raw.SearchContactsWithBody(ctx, nil, "application/json", strings.NewReader("{}"))
		},
		func() (*http.Response, error) {
			return c.raw.SearchConversationsWithBody(ctx, nil, "application/json", strings.NewReader("{}"))
		},
		func() (*http.Response, error) {
			return c.raw.SearchTicketsWithBody(ctx, nil, "application/json", strings.NewReader("{}"))
		},
		func() (*http.Response, error) { return c.raw.ListAllCompanies(ctx, nil) },
	} {
		_, err := call()
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, "POST", apiErr.Method)
		_, ok := known[apiErr.Path]
		assert.True(t, ok, apiErr.Path)
		known[apiErr.Path] = true
	}
	for path, seen := range known {
		assert.True(t, seen, path)
	}
}

// TestRetryAfterAboveMaxDelayIsNeverShortened: with
// MaxDelay 1 s, a 503 asking for 5 s is not retried after a shorter backoff;
// the retries end with the 503. A wish at or below MaxDelay is waited in
// full, in seconds and as an HTTP date, and a wish beyond the context's
// deadline ends the retries too.
func TestRetryAfterAboveMaxDelayIsNeverShortened(t *testing.T) {
	policy := RetryPolicy{MaxAttempts: 4, BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second, MaxRateLimitWait: time.Minute}
	t.Run("above MaxDelay", func(t *testing.T) {
		clk := newFakeClock()
		rec, c := newFake(t, withClock(clk), WithRetryPolicy(policy))
		rec.replies("/", answer(503, "", "Retry-After", "5"), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 503, apiErr.StatusCode)
		assert.Len(t, rec.requests(), 1)
		assert.Empty(t, clk.Sleeps(), "no shorter backoff in place of the server's 5 s")
	})
	t.Run("at MaxDelay, in seconds and as a date", func(t *testing.T) {
		clk := newFakeClock()
		// The first wait moves the fake clock by 1 s: the date is 1 s ahead then.
		date := clk.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
		rec, c := newFake(t, withClock(clk), WithRetryPolicy(policy))
		rec.replies("/", answer(503, "", "Retry-After", "1"), answer(502, "", "Retry-After", date), okJSON)
		_, err := finish(c.raw.ListAdmins(context.Background(), nil))
		require.NoError(t, err)
		assert.Equal(t, []time.Duration{time.Second, time.Second}, clk.Sleeps())
	})
	t.Run("beyond the context's deadline", func(t *testing.T) {
		clk := newFakeClock()
		rec, c := newFake(t, withClock(clk), WithRetryPolicy(policy))
		rec.replies("/", answer(503, "", "Retry-After", "1"), okJSON)
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		_, err := finish(c.raw.ListAdmins(ctx, nil))
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Len(t, rec.requests(), 1)
		assert.Empty(t, clk.Sleeps())
	})
}

// TestErrorsSayHowManyAttempts checks that an error after retries says how
// many attempts were made, in Attempts and in its message, and that an error
// after a single attempt says nothing about attempts.
func TestErrorsSayHowManyAttempts(t *testing.T) {
	t.Run("retries ran out on a 503", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(503, "", "X-Request-Id", "req-503"))
		_, _, err := c.Admins.Find(context.Background(), "7")
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Len(t, rec.requests(), 4)
		assert.Equal(t, 4, apiErr.Attempts)
		assert.Equal(t, "intercom: GET /admins/7: 503 Service Unavailable (request id req-503, after 4 attempts)", err.Error())
	})
	t.Run("a retry answered by a 404", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(502, ""), answer(404, `{"type":"error.list","errors":[{"code":"not_found","message":"Admin not found"}]}`))
		_, _, err := c.Admins.Find(context.Background(), "7")
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.ErrorIs(t, err, ErrNotFound)
		assert.Equal(t, 2, apiErr.Attempts)
		assert.Equal(t, "intercom: GET /admins/7: 404 Not Found: not_found: Admin not found (after 2 attempts)", err.Error())
	})
	t.Run("a retried 429", func(t *testing.T) {
		p := DefaultRetryPolicy()
		p.MaxAttempts = 3
		rec, c := newFake(t, WithRetryPolicy(p))
		rec.replies("/", answer(429, "", "Retry-After", "1"))
		_, _, err := c.Admins.List(context.Background(), nil)
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.ErrorIs(t, err, ErrRateLimited)
		assert.Equal(t, 3, apiErr.Attempts)
		assert.True(t, strings.HasSuffix(err.Error(), "(after 3 attempts)"), err.Error())
	})
	t.Run("a write that is never retried", func(t *testing.T) {
		rec, c := newFake(t)
		rec.replies("/", answer(503, ""))
		_, err := finish(c.raw.ReplyTicketWithBody(context.Background(), "9", nil, "application/json", strings.NewReader(`{}`)))
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 1, apiErr.Attempts)
		assert.Equal(t, "intercom: POST /tickets/9/reply: 503 Service Unavailable", err.Error())
	})
	t.Run("no retries", func(t *testing.T) {
		f, c := newFake(t, WithRetryPolicy(NoRetries()))
		f.replies("/", answer(500, ""))
		_, _, err := c.Admins.Find(context.Background(), "7")
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 1, apiErr.Attempts)
		assert.NotContains(t, err.Error(), "attempt")
	})
	t.Run("a refused connection", func(t *testing.T) {
		c, err := NewClient(testToken, WithBaseURL(closedURL()), withClock(newFakeClock()))
		require.NoError(t, err)
		_, _, err = c.Admins.Find(context.Background(), "7")
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, 4, te.Attempts)
		assert.True(t, strings.HasPrefix(err.Error(), "intercom: GET /admins/7: dial tcp "), err.Error())
		assert.True(t, strings.HasSuffix(err.Error(), " (after 4 attempts)"), err.Error())
	})
	t.Run("cancelled during the wait after a 503", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		clk := waitingClock{waiting: make(chan time.Duration, 1)}
		f, c := newFake(t, withClock(clk))
		f.replies("/", answer(503, ""))
		go func() { <-clk.waiting; cancel() }()
		_, _, err := c.Admins.Find(ctx, "7")
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, 1, te.Attempts)
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr, "the 503 is kept")
		assert.Equal(t, 1, apiErr.Attempts)
		assert.NotContains(t, err.Error(), "attempts")
	})
	t.Run("held by the pacer before the first attempt", func(t *testing.T) {
		rec, c := newFake(t, WithPacer(refusingPacer{}))
		rec.replies("/", okJSON)
		_, _, err := c.Admins.Find(context.Background(), "7")
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, 0, te.Attempts)
		assert.Empty(t, rec.requests())
	})
}

// refusingPacer never lets a request go.
type refusingPacer struct{}

func (refusingPacer) Wait(context.Context) error { return errors.New("pacer: closed") }
func (refusingPacer) Observe(RateLimit)          {}
