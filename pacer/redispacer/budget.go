package redispacer

import (
	"strconv"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-redis/redis_rate/v10"
)

// budget is what a pacer knows of the API's rate limit, from its own
// responses and from the other processes through Redis.
type budget struct {
	// limit is the number of requests per window the API reported; known
	// says whether any response (of any process) reported one yet.
	limit int
	known bool
	// window is the length of the API's windows, the shortest distance
	// seen between two successive resets; 0 until two were seen.
	window time.Duration
	// reset is the latest X-RateLimit-Reset seen.
	reset time.Time
	// hold is when requests may go again after a response reported none
	// remaining: the reset of that response's window.
	hold time.Time
}

// The fields of the Redis hash that holds the budget of a token and region.
const (
	fieldLimit  = "limit"     // requests per window
	fieldReset  = "reset"     // Unix seconds of the reset the limit came with
	fieldWindow = "window_ms" // window length in milliseconds
	fieldHold   = "hold_ms"   // Unix milliseconds until which nothing is sent
)

// stateTTL is how long the Redis hash outlives its last update.
const stateTTL = 24 * time.Hour

// observe learns from the rate-limit state of a response and returns the
// fields that changed, to publish in Redis (nil when none did). learnWindow
// is false when WithWindow fixed the window.
func (b *budget) observe(rl facade.RateLimit, now time.Time, learnWindow bool) map[string]any {
	var changed map[string]any
	set := func(field string, v any) {
		if changed == nil {
			changed = make(map[string]any, 4)
		}
		changed[field] = v
	}
	switch {
	case !b.known:
		b.known, b.limit, b.reset = true, rl.Limit, rl.Reset
		set(fieldLimit, rl.Limit)
		set(fieldReset, rl.Reset.Unix())
	case rl.Reset.After(b.reset):
		// A later window. Resets are window boundaries, so their distance
		// is a whole number of windows: the shortest seen is the window.
		if d := rl.Reset.Sub(b.reset); learnWindow && d <= maxWindow && (b.window == 0 || d < b.window) {
			b.window = d
			set(fieldWindow, d.Milliseconds())
		}
		if rl.Limit != b.limit {
			set(fieldLimit, rl.Limit)
			set(fieldReset, rl.Reset.Unix())
		}
		b.limit, b.reset = rl.Limit, rl.Reset
	case rl.Reset.Equal(b.reset) && rl.Limit != b.limit:
		b.limit = rl.Limit
		set(fieldLimit, rl.Limit)
		set(fieldReset, rl.Reset.Unix())
	}
	// None left (or none allowed at all): nobody sends before the reset.
	if (rl.Remaining == 0 || rl.Limit == 0) && rl.Reset.After(now) && rl.Reset.After(b.hold) {
		b.hold = rl.Reset
		set(fieldHold, rl.Reset.UnixMilli())
	}
	return changed
}

// merge takes in what other processes published: a limit that came with a
// later reset, a shorter window, a later hold.
func (b *budget) merge(s budget, learnWindow bool) {
	if s.known && (!b.known || s.reset.After(b.reset)) {
		b.known, b.limit, b.reset = true, s.limit, s.reset
	}
	if learnWindow && s.window > 0 && (b.window == 0 || s.window < b.window) {
		b.window = s.window
	}
	if s.hold.After(b.hold) {
		b.hold = s.hold
	}
}

// parseState reads the Redis hash's fields, in the order fieldLimit,
// fieldReset, fieldWindow, fieldHold; a missing or malformed field is left
// unknown.
func parseState(vals []any) budget {
	num := func(i int) (int64, bool) {
		if i >= len(vals) {
			return 0, false
		}
		s, ok := vals[i].(string)
		if !ok {
			return 0, false
		}
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil && n >= 0
	}
	var s budget
	limit, okL := num(0)
	reset, okR := num(1)
	if okL && okR {
		s.known, s.limit, s.reset = true, int(limit), time.Unix(reset, 0)
	}
	if w, ok := num(2); ok && w > 0 && time.Duration(w)*time.Millisecond <= maxWindow {
		s.window = time.Duration(w) * time.Millisecond
	}
	if h, ok := num(3); ok {
		s.hold = time.UnixMilli(h)
	}
	return s
}

// gcra returns the limit to give redis_rate: limit-3 requests (at least 1)
// per window plus slack, with a burst of 3 (less for a limit below 4).
//
// A GCRA lets through at most burst + rate × T requests in any span T, and
// a window of the API sees the requests let through in a span of the window
// plus the spread of their network delays: holding back burst requests and
// the slack keeps that under the limit. The burst lets the processes catch
// up on slots taken a little late (a waiter wakes, then calls Redis, after
// its slot opened): with a burst of 1 the GCRA starts the next interval from
// that late moment and the delay is lost, about a fifth of the budget at 200
// requests a second on a busy machine (see BENCHMARKS.md).
func (b *budget) gcra(c *config) redis_rate.Limit {
	pb := b.paced(c)
	burst := min(max(pb.Limit-1, 1), 3)
	return redis_rate.Limit{Rate: max(pb.Limit-burst, 1), Period: pb.Window + c.slack, Burst: burst}
}

// paced is the rate limit b paces to under c: the limit and window the API
// reported, else the initial ones; a window fixed by WithWindow wins.
func (b *budget) paced(c *config) Budget {
	out := Budget{Limit: c.initialLimit, Window: c.initialWindow}
	if b.known {
		out.Limit, out.LimitReported = b.limit, true
	}
	switch {
	case c.window > 0:
		out.Window = c.window
	case b.window > 0:
		out.Window, out.WindowReported = b.window, true
	}
	return out
}
