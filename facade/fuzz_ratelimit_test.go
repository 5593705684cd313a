package facade

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// FuzzRateLimitHeaders feeds arbitrary X-RateLimit-* and Retry-After values
// to the header parsing, the 429 wait and the pacer. Seeds are the shapes
// Intercom sends (Unix-second resets, Retry-After in seconds) and the broken
// ones proxies produce.
func FuzzRateLimitHeaders(f *testing.F) {
	f.Add("10000", "9999", "1735790000", "")
	f.Add("166", "0", "1735790010", "10")
	f.Add("1000", "0", "1735790060", "Wed, 01 Jan 2025 04:01:00 GMT")
	f.Add("", "", "", "")
	f.Add("-1", "5", "1735790000", "-3")
	f.Add("10", "20", "99999999999999999", "9999999999999999")
	f.Add("1e3", " 7", "0x10", "soon")
	f.Add("5", "0", "9000000000000000000", "")
	f.Add("5", "0", "1735869600", "")
	f.Fuzz(func(t *testing.T, limit, remaining, reset, retry string) {
		h := http.Header{}
		h.Set("X-RateLimit-Limit", limit)
		h.Set("X-RateLimit-Remaining", remaining)
		h.Set("X-RateLimit-Reset", reset)
		if retry != "" {
			h.Set("Retry-After", retry)
		}
		rl := parseRateLimit(h)
		if rl.Known {
			l, errL := strconv.Atoi(limit)
			r, errR := strconv.Atoi(remaining)
			s, errS := strconv.ParseInt(reset, 10, 64)
			require.NoError(t, errL)
			require.NoError(t, errR)
			require.NoError(t, errS)
			require.Equal(t, rl.Limit, l)
			require.Equal(t, rl.Remaining, r)
			require.Equal(t, rl.Reset.Unix(), s)
			require.GreaterOrEqual(t, rl.Limit, 0)
			require.GreaterOrEqual(t, rl.Remaining, 0)
		} else {
			require.Equal(t, RateLimit{}, rl, "an unknown state carries no values")
		}

		now := time.Date(2025, 1, 1, 4, 0, 0, 0, time.UTC)
		if d, ok := retryAfter(h, now); ok {
			require.GreaterOrEqual(t, d, time.Duration(0), "Retry-After %q gave a negative wait", retry)
		}
		p := DefaultRetryPolicy()
		d := p.rateLimitWait(h, now, 1)
		require.GreaterOrEqual(t, d, time.Duration(0), "negative 429 wait %s", d)

		// The pacer never blocks for good: on a fake clock, Wait returns.
		clk := &fakeClock{now: now}
		pacer := newRateLimitPacer(clk, rate.Inf, 0)
		pacer.Observe(rl)
		for range 3 {
			require.NoError(t, pacer.Wait(context.Background()))
		}
	})
}
