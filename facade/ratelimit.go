package facade

import (
	"net/http"
	"strconv"
	"time"
)

// RateLimit is the rate-limit state Intercom reports on every response.
type RateLimit struct {
	// Limit is the number of requests allowed in the current window.
	Limit int
	// Remaining is how many of those are left.
	Remaining int
	// Reset is when the window ends and Remaining is restored.
	Reset time.Time
	// Known says whether the response carried the headers at all.
	Known bool
}

// parseRateLimit reads X-RateLimit-Limit, -Remaining and -Reset (Unix
// seconds). Missing or malformed headers leave the state unknown.
func parseRateLimit(h http.Header) RateLimit {
	// The canonical spellings of X-RateLimit-*: Get does not allocate for them.
	limit, errL := strconv.Atoi(h.Get("X-Ratelimit-Limit"))
	remaining, errR := strconv.Atoi(h.Get("X-Ratelimit-Remaining"))
	reset, errS := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64)
	if errL != nil || errR != nil || errS != nil || limit < 0 || remaining < 0 || reset < 0 {
		return RateLimit{}
	}
	return RateLimit{Limit: limit, Remaining: remaining, Reset: time.Unix(reset, 0), Known: true}
}
