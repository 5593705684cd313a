package facade

import (
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Option configures a Client. Options check their input and make NewClient
// fail on a bad value instead of failing later.
type Option func(*config) error

// config is what the options set.
type config struct {
	region         Region
	baseURL        string
	httpClient     *http.Client
	userAgent      string
	retry          RetryPolicy
	attemptTimeout time.Duration
	logger         *slog.Logger
	middleware     []func(http.RoundTripper) http.RoundTripper
	clock          clock
	pacer          Pacer
	pacing         bool
}

func defaultConfig() config {
	return config{
		region:     RegionUS,
		httpClient: defaultHTTPClient(),
		retry:      DefaultRetryPolicy(),
		logger:     slog.New(slog.DiscardHandler),
		clock:      realClock{},
	}
}

// WithRegion sends requests to the region's server (US is the default). Of
// WithRegion and WithBaseURL, the last given wins.
func WithRegion(r Region) Option {
	return func(c *config) error {
		if _, err := r.BaseURL(); err != nil {
			return err
		}
		c.region = r
		c.baseURL = ""
		return nil
	}
}

// WithBaseURL sends requests to another base URL, such as a proxy or an
// intercomtest server. It must be https, or http on a loopback host.
func WithBaseURL(raw string) Option {
	return func(c *config) error {
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			return invalid("base_url", "%q is not an absolute URL", raw)
		}
		switch {
		case u.Scheme == "https":
		case u.Scheme == "http" && isLoopback(u.Hostname()):
		default:
			return invalid("base_url", "%q must use https (plain http only for loopback hosts)", raw)
		}
		c.baseURL = strings.TrimRight(raw, "/")
		return nil
	}
}

// isLoopback reports whether host is localhost or a loopback address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// WithHTTPClient sends requests through hc (its Transport, Jar, Timeout and
// CheckRedirect). The client's own transport still wraps hc.Transport.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return invalid("http_client", "must not be nil")
		}
		c.httpClient = hc
		return nil
	}
}

// WithUserAgent appends suffix to the User-Agent header, after the library's
// own name and version.
func WithUserAgent(suffix string) Option {
	return func(c *config) error {
		if strings.ContainsAny(suffix, "\r\n") {
			return invalid("user_agent", "must not contain line breaks")
		}
		c.userAgent = suffix
		return nil
	}
}

// WithRetryPolicy replaces the retry policy (see DefaultRetryPolicy).
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if err := p.validate(); err != nil {
			return err
		}
		c.retry = p
		return nil
	}
}

// WithAttemptTimeout bounds each attempt of a request; retries get a fresh
// timeout. Zero means no per-attempt bound (the context still applies).
func WithAttemptTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return invalid("attempt_timeout", "must not be negative, got %s", d)
		}
		c.attemptTimeout = d
		return nil
	}
}

// WithLogger logs each attempt (method, path, status, duration, retries) at
// debug level and retries at info level. Logs never contain the token.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			return invalid("logger", "must not be nil")
		}
		c.logger = l
		return nil
	}
}

// WithMiddleware wraps the HTTP transport each attempt goes through, for
// tracing or metrics. The first middleware given is the outermost.
func WithMiddleware(mw func(http.RoundTripper) http.RoundTripper) Option {
	return func(c *config) error {
		if mw == nil {
			return invalid("middleware", "must not be nil")
		}
		c.middleware = append(c.middleware, mw)
		return nil
	}
}

// WithPacing holds requests while the API reports no requests remaining in
// the current rate-limit window, until the window resets, instead of
// provoking 429s. It installs a RateLimitPacer without a steady rate.
func WithPacing() Option {
	return func(c *config) error {
		c.pacing = true
		c.pacer = nil
		return nil
	}
}

// WithPacer installs a custom Pacer, consulted before every attempt and told
// the rate-limit state of every response, for instance one shared by several
// processes using the same app.
func WithPacer(p Pacer) Option {
	return func(c *config) error {
		if p == nil {
			return invalid("pacer", "must not be nil")
		}
		c.pacer = p
		c.pacing = false
		return nil
	}
}
