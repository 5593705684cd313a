package facade

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// transport is the one place where every request is finished and sent:
// headers, pacing, retries, rate-limit waits, logging and error decoding.
// The generated client calls it as its HttpRequestDoer, so calls made
// through Client.Gen get the same behaviour as the facade's.
type transport struct {
	token      string
	auth       []string // "Bearer <token>", shared read-only by all requests
	version    []string
	accept     []string
	userAgent  []string
	basePath   string // path prefix of the base URL, stripped to match readOnlyPOSTs
	httpClient *http.Client
	retry      RetryPolicy
	timeout    time.Duration
	logger     *slog.Logger
	clock      clock
	pacer      Pacer
}

func newTransport(token string, cfg *config) *transport {
	ua := "go-intercom/" + Version
	if cfg.userAgent != "" {
		ua += " " + cfg.userAgent
	}
	hc := *cfg.httpClient // a copy: the caller's client is not modified
	hc.CheckRedirect = redirectPolicy(hc.CheckRedirect)
	if len(cfg.middleware) > 0 {
		rt := hc.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		for i := len(cfg.middleware) - 1; i >= 0; i-- {
			rt = cfg.middleware[i](rt)
		}
		hc.Transport = rt
	}
	var basePath string
	if u, err := url.Parse(cfg.baseURL); err == nil {
		basePath = strings.TrimRight(u.Path, "/")
	}
	// The header values are slices with len == cap, shared by every request:
	// Header.Add on one copies instead of writing into the shared array.
	one := func(s string) []string { return []string{s}[:1:1] }
	return &transport{
		token:      token,
		auth:       one("Bearer " + token),
		version:    one(APIVersion),
		accept:     one("application/json"),
		userAgent:  one(ua),
		basePath:   basePath,
		httpClient: &hc,
		retry:      cfg.retry,
		timeout:    cfg.attemptTimeout,
		logger:     cfg.logger,
		clock:      cfg.clock,
		pacer:      cfg.pacer,
	}
}

// Do sends req, retrying as the policy allows, and returns the response for
// a 2xx status, an *Error for any other status, or a *TransportError when no
// response came.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	if req.Header == nil {
		req.Header = make(http.Header, 4)
	}
	h := req.Header
	h["Authorization"] = t.auth
	h["Intercom-Version"] = t.version
	if _, ok := h["Accept"]; !ok { // a download asks for another type
		h["Accept"] = t.accept
	}
	h["User-Agent"] = t.userAgent

	ctx := req.Context()
	safe := isSafeToRepeat(req.Method, strings.TrimPrefix(req.URL.Path, t.basePath))
	rewindable := req.Body == nil || req.Body == http.NoBody || req.GetBody != nil
	for attempt := 1; ; attempt++ {
		if t.pacer != nil {
			if err := t.pacer.Wait(ctx); err != nil {
				return nil, sent(newTransportError(req, err, t.token), attempt-1)
			}
		}
		areq := req
		if attempt > 1 && req.GetBody != nil && req.Body != nil && req.Body != http.NoBody {
			body, err := req.GetBody()
			if err != nil {
				return nil, sent(newTransportError(req, err, t.token), attempt-1)
			}
			areq = req.Clone(ctx)
			areq.Body = body
		}
		resp, cancel, err := t.send(ctx, areq, attempt)
		last := attempt >= t.retry.MaxAttempts || !rewindable

		if err != nil {
			if cancel != nil {
				cancel()
			}
			terr := sent(newTransportError(req, err, t.token), attempt)
			// Never retry when the caller's context ended. A timed-out or broken
			// attempt may have reached the server: only safe requests go again.
			// A failed dial never reached it: every request goes again.
			// A refused redirect would only be refused again.
			if last || ctx.Err() != nil || errors.Is(err, ErrRedirectRefused) || !(safe || isDialError(err)) {
				return nil, terr
			}
			wait := t.retry.backoff(attempt)
			t.logRetry(ctx, req, attempt, wait, terr)
			if err := t.clock.Sleep(ctx, wait); err != nil {
				return nil, sent(newTransportError(req, err, t.token), attempt)
			}
			continue
		}

		if t.pacer != nil {
			if rl := parseRateLimit(resp.Header); rl.Known {
				t.pacer.Observe(rl)
			}
		}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			if cancel != nil {
				resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
			}
			return resp, nil
		}

		apiErr := newError(req, resp, t.token)
		apiErr.Attempts = attempt
		if cancel != nil {
			cancel()
		}
		var wait time.Duration
		switch {
		case last:
		case resp.StatusCode == http.StatusTooManyRequests:
			wait = t.retry.rateLimitWait(resp.Header, t.clock.Now(), attempt)
			if wait > t.retry.MaxRateLimitWait {
				last = true
			}
			if dl, ok := ctx.Deadline(); ok && wait > time.Until(dl) {
				last = true // the context would end before the reset
			}
		case safe && retryableStatus(resp.StatusCode):
			wait = t.retry.backoff(attempt)
			if d, ok := retryAfter(resp.Header, t.clock.Now()); ok && d > wait {
				// The server's wish is never cut to a shorter backoff: it
				// is waited in full, or, when it is above MaxDelay or
				// beyond the context's deadline, the retries end here.
				wait = d
				if d > t.retry.MaxDelay {
					last = true
				}
				if dl, ok := ctx.Deadline(); ok && d > time.Until(dl) {
					last = true
				}
			}
		default:
			last = true
		}
		if last {
			return nil, apiErr
		}
		t.logRetry(ctx, req, attempt, wait, apiErr)
		if err := t.clock.Sleep(ctx, wait); err != nil {
			// Keep what the API said: the error matches both the
			// context's error and the *Error of the last answer.
			return nil, sent(newTransportError(req, errors.Join(err, apiErr), t.token), attempt)
		}
	}
}

// sent records on e how many attempts were made.
func sent(e *TransportError, attempts int) *TransportError {
	e.Attempts = attempts
	return e
}

// send makes one attempt, bounded by the per-attempt timeout if one is set,
// and logs it at debug level. cancel releases the attempt's context (it is
// nil without a per-attempt timeout); on success it is called when the body
// is closed.
func (t *transport) send(ctx context.Context, req *http.Request, attempt int) (*http.Response, context.CancelFunc, error) {
	var start time.Time
	debug := t.logger.Enabled(ctx, slog.LevelDebug)
	if debug {
		start = time.Now()
	}
	var cancel context.CancelFunc
	if t.timeout > 0 {
		var actx context.Context
		actx, cancel = context.WithTimeout(ctx, t.timeout)
		req = req.WithContext(actx)
	}
	resp, err := t.httpClient.Do(req)
	if resp != nil {
		redactHeader(resp.Header, t.token)
	}
	if debug {
		t.logAttempt(ctx, req, attempt, resp, time.Since(start), err)
	}
	return resp, cancel, err
}

// cancelBody releases an attempt's context when its body is closed, so the
// body stays readable after Do returns.
type cancelBody struct {
	io.ReadCloser
	once   sync.Once
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.cancel)
	return err
}

// String and GoString keep the token out of fmt's output: the transport is
// reachable through Client.Gen, and printing it with %+v or %#v would
// otherwise show the token field.
func (t *transport) String() string { return "intercom transport (token redacted)" }

// GoString implements fmt.GoStringer; see String.
func (t *transport) GoString() string { return "&facade.transport{token: [REDACTED]}" }

// redactHeader removes the token from the header values a server sent back
// (a proxy echoing the request, say), so that Response.Header and the request
// id never show it.
func redactHeader(h http.Header, secret string) {
	for _, vs := range h {
		for i, v := range vs {
			if strings.Contains(v, secret) {
				vs[i] = redact(v, secret)
			}
		}
	}
}
