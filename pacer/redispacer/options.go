package redispacer

import (
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/go-intercom/intercom/facade"
)

// Option configures a Pacer. An option given a bad value makes New fail with
// a *facade.InputError naming it.
type Option func(*config) error

// FailureMode is what a Pacer does while Redis cannot be reached.
type FailureMode int

const (
	// FailOpen, the default, paces requests with a local pacer (see
	// WithFallback) while Redis is unavailable, and goes back to the shared
	// budget once Redis answers again. Requests keep flowing, but each
	// process paces alone, so several processes can together exceed the
	// limit and meet 429s, which the client's retry policy then waits out.
	FailOpen FailureMode = iota
	// FailClosed makes Wait return an error matching ErrUnavailable while
	// Redis is unavailable: no request is sent that the shared budget has
	// not allowed.
	FailClosed
)

// String returns "fail-open" or "fail-closed".
func (m FailureMode) String() string {
	switch m {
	case FailOpen:
		return "fail-open"
	case FailClosed:
		return "fail-closed"
	}
	return fmt.Sprintf("FailureMode(%d)", int(m))
}

// Defaults of the options.
const (
	// DefaultInitialLimit and DefaultInitialWindow are the budget assumed
	// until the API reports one: Intercom's default for a private app,
	// 10,000 requests a minute, spread over 10-second windows.
	DefaultInitialLimit  = 1666
	DefaultInitialWindow = 10 * time.Second
	// DefaultSlack is added to each window over which its budget is spread
	// (see WithSlack).
	DefaultSlack = 10 * time.Millisecond
	// DefaultRecheck is how long a failed Redis is left alone before the
	// pacer tries it again (see WithRecheck).
	DefaultRecheck = time.Second
)

// maxWindow bounds windows and resets: Intercom's windows last a minute at
// most, and a reset further away than this is not believed.
const maxWindow = time.Hour

// config is what the options set.
type config struct {
	baseURL       string
	prefix        string
	initialLimit  int
	initialWindow time.Duration
	window        time.Duration // pinned by WithWindow; 0 means learned
	slack         time.Duration
	mode          FailureMode
	fallback      facade.Pacer
	recheck       time.Duration
	logger        *slog.Logger
}

func defaultConfig() config {
	us, _ := facade.RegionUS.BaseURL()
	return config{
		baseURL:       us,
		prefix:        DefaultKeyPrefix,
		initialLimit:  DefaultInitialLimit,
		initialWindow: DefaultInitialWindow,
		slack:         DefaultSlack,
		mode:          FailOpen,
		recheck:       DefaultRecheck,
		logger:        slog.New(slog.DiscardHandler),
	}
}

func invalid(field, format string, args ...any) error {
	return &facade.InputError{Field: "redispacer." + field, Problem: fmt.Sprintf(format, args...)}
}

// WithRegion names the region whose API the client calls (US is the
// default): the budget is per token and region. Give the same region as to
// facade.WithRegion. Of WithRegion and WithBaseURL, the last given wins.
func WithRegion(r facade.Region) Option {
	return func(c *config) error {
		u, err := r.BaseURL()
		if err != nil {
			return invalid("region", "%q is not a region; allowed: US, EU, AU", string(r))
		}
		c.baseURL = u
		return nil
	}
}

// WithBaseURL names the base URL the client calls, for a proxy or an
// intercomtest server: give the same URL as to facade.WithBaseURL. Of
// WithRegion and WithBaseURL, the last given wins.
func WithBaseURL(raw string) Option {
	return func(c *config) error {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return invalid("base_url", "%q is not an absolute http(s) URL", raw)
		}
		c.baseURL = strings.TrimRight(raw, "/")
		return nil
	}
}

// WithKeyPrefix starts the names of the pacer's Redis keys with prefix
// instead of DefaultKeyPrefix, for a Redis shared with other applications.
// Every process sharing a budget must use the same prefix.
func WithKeyPrefix(prefix string) Option {
	return func(c *config) error {
		if prefix == "" || strings.ContainsAny(prefix, "{}") {
			return invalid("key_prefix", "%q must be non-empty and free of braces (the pacer adds a cluster hash tag)", prefix)
		}
		c.prefix = prefix
		return nil
	}
}

// WithInitialLimit sets the budget assumed until the API or another process
// has reported one: limit requests per window (the default is
// DefaultInitialLimit per DefaultInitialWindow). The window is also the one
// assumed until two successive resets have shown the real one.
func WithInitialLimit(limit int, window time.Duration) Option {
	return func(c *config) error {
		if limit < 1 {
			return invalid("initial_limit", "must be at least 1, got %d", limit)
		}
		if window <= 0 || window > maxWindow {
			return invalid("initial_window", "must be more than 0 and at most %s, got %s", maxWindow, window)
		}
		c.initialLimit, c.initialWindow = limit, window
		return nil
	}
}

// WithWindow fixes the length of the API's rate-limit windows, instead of
// learning it from the distance between successive X-RateLimit-Reset values.
// The limit is still learned from X-RateLimit-Limit.
func WithWindow(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 || d > maxWindow {
			return invalid("window", "must be more than 0 and at most %s, got %s", maxWindow, d)
		}
		c.window = d
		return nil
	}
}

// WithSlack spreads each window's budget over the window plus d (the
// default is DefaultSlack). Requests reach Intercom a little after the pacer
// lets them go, and not all equally late; the slack absorbs that spread at
// the windows' edges so that no window receives more than its limit. It
// costs d/(window+d) of the budget: 0.25% of a 10-second window by default.
func WithSlack(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 || d > time.Minute {
			return invalid("slack", "must be between 0 and 1m, got %s", d)
		}
		c.slack = d
		return nil
	}
}

// WithFailureMode chooses what the pacer does while Redis is unavailable:
// FailOpen (the default) or FailClosed.
func WithFailureMode(m FailureMode) Option {
	return func(c *config) error {
		if m != FailOpen && m != FailClosed {
			return invalid("failure_mode", "%s is not a mode; allowed: FailOpen, FailClosed", m)
		}
		c.mode = m
		return nil
	}
}

// WithFallback sets the pacer that paces this process while Redis is
// unavailable in FailOpen mode. The default is
// facade.NewRateLimitPacer(rate.Inf, 0), which holds requests once the API
// reports none remaining; a steady share of the limit, such as
// facade.NewRateLimitPacer(limit/processes, 1), keeps several processes
// under the limit together. The fallback is told every rate-limit state, so
// it is up to date when it takes over.
func WithFallback(p facade.Pacer) Option {
	return func(c *config) error {
		if p == nil {
			return invalid("fallback", "must not be nil")
		}
		c.fallback = p
		return nil
	}
}

// WithRecheck sets how long the pacer leaves Redis alone after a failed
// call before it tries again (the default is DefaultRecheck). In FailOpen
// mode the fallback paces requests meanwhile; in FailClosed mode Wait fails
// at once meanwhile.
func WithRecheck(d time.Duration) Option {
	return func(c *config) error {
		if d <= 0 || d > time.Hour {
			return invalid("recheck", "must be more than 0 and at most 1h, got %s", d)
		}
		c.recheck = d
		return nil
	}
}

// WithLogger logs when Redis becomes unavailable (warning) and available
// again (info), and failures to publish what the API reported (warning).
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return invalid("logger", "must not be nil")
		}
		c.logger = l
		return nil
	}
}
