package facade

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		srv := httptest.NewServer(http.NotFoundHandler())
		url := srv.URL
		srv.Close()
		c, err := NewClient(testToken, WithBaseURL(url), withClock(newFakeClock()))
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
