package redispacer

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"
)

// ErrUnavailable matches the error Wait returns in FailClosed mode while
// Redis cannot be reached. The error also wraps Redis's own.
var ErrUnavailable = errors.New("redispacer: redis is unavailable")

// refreshEvery is how often the pacer reads what other processes published
// (the limit, the window, a hold); between two reads it paces with what it
// knows, which its own responses keep current.
const refreshEvery = 100 * time.Millisecond

// publishTimeout bounds the Redis write of Observe, which runs on the path
// of every response.
const publishTimeout = time.Second

// errFallback tells Wait to use the fallback pacer.
var errFallback = errors.New("redispacer: use the fallback")

// Pacer is a facade.Pacer whose budget lives in Redis, shared by every
// process that paces the same token and region. Create one with New and
// install it with facade.WithPacer; it is safe for concurrent use.
type Pacer struct {
	rdb     redis.Cmdable
	limiter *redis_rate.Limiter
	keys    keys
	cfg     config
	now     func() time.Time

	// slot lets one goroutine of the process at a time ask Redis for a
	// request slot; the others queue here instead of all polling Redis at
	// each slot.
	slot chan struct{}

	mu     sync.Mutex
	budget budget
	// refreshed is when the budget was last merged with Redis's.
	refreshed time.Time
	// downUntil is when Redis is tried again after a failure, and downErr
	// the failure (nil while Redis answers).
	downUntil time.Time
	downErr   error
}

var _ facade.Pacer = (*Pacer)(nil)

// New returns a Pacer for the budget of token in the region given by
// WithRegion (US by default) or WithBaseURL, kept in Redis through rdb (a
// *redis.Client, *redis.ClusterClient or *redis.Ring). Give it the client's
// token and install it with facade.WithPacer. The token is only hashed into
// the names of the Redis keys.
func New(rdb redis.Cmdable, token string, opts ...Option) (*Pacer, error) {
	if isNil(rdb) {
		return nil, invalid("redis", "must not be nil")
	}
	if token == "" {
		return nil, invalid("token", "must not be empty")
	}
	cfg := defaultConfig()
	for _, opt := range opts {
		if opt == nil {
			return nil, invalid("option", "must not be nil")
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.fallback == nil {
		cfg.fallback = facade.NewRateLimitPacer(rate.Inf, 0)
	}
	return &Pacer{
		rdb:     rdb,
		limiter: redis_rate.NewLimiter(rdb),
		keys:    newKeys(cfg.prefix, token, cfg.baseURL),
		cfg:     cfg,
		now:     time.Now,
		slot:    make(chan struct{}, 1),
	}, nil
}

// isNil reports whether rdb is nil or a nil pointer to one of go-redis's
// clients.
func isNil(rdb redis.Cmdable) bool {
	switch c := rdb.(type) {
	case nil:
		return true
	case *redis.Client:
		return c == nil
	case *redis.ClusterClient:
		return c == nil
	case *redis.Ring:
		return c == nil
	}
	return false
}

// Key returns the prefix of the Redis keys that hold the budget, such as
// "intercom:pacer:{5f1d…}": the processes that print the same key share a
// budget.
func (p *Pacer) Key() string { return p.keys.base }

// Budget is the rate limit a Pacer paces to.
type Budget struct {
	// Limit is the number of requests per window.
	Limit int
	// Window is the length of a window.
	Window time.Duration
	// LimitReported says whether Limit is what the API reported (to this
	// process or, through Redis, to another) rather than the initial limit.
	LimitReported bool
	// WindowReported says whether Window was learned from the API's resets
	// rather than assumed (the initial window) or fixed by WithWindow.
	WindowReported bool
}

// Budget returns the rate limit the pacer currently paces to. It does not
// call Redis.
func (p *Pacer) Budget() Budget {
	p.mu.Lock()
	b := p.budget
	p.mu.Unlock()
	return b.paced(&p.cfg)
}

// Unavailable returns the error of the last failed Redis call while the
// pacer leaves Redis alone (see WithRecheck), and nil otherwise: a health
// check can report it.
func (p *Pacer) Unavailable() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.downLocked(p.now())
}

// downLocked returns the last Redis failure while Redis is left alone at
// now, nil when Redis is to be called. The caller holds p.mu.
func (p *Pacer) downLocked(now time.Time) error {
	if p.downErr != nil && now.Before(p.downUntil) {
		return p.downErr
	}
	return nil
}

// Wait blocks until the shared budget allows a request, or returns
// ctx.Err(). If the context's deadline comes before the next request the
// budget allows, it returns at once with an error matching
// context.DeadlineExceeded. While Redis is unavailable it waits for the
// fallback pacer (FailOpen) or returns an error matching ErrUnavailable
// (FailClosed).
func (p *Pacer) Wait(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := p.Unavailable()
	if err != nil {
		err = p.downResult(err)
	} else {
		select {
		case p.slot <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		err = p.waitShared(ctx)
		<-p.slot
	}
	if errors.Is(err, errFallback) {
		return p.cfg.fallback.Wait(ctx)
	}
	return err
}

// waitShared takes a request slot of the shared budget. The caller holds
// p.slot.
func (p *Pacer) waitShared(ctx context.Context) error {
	for {
		if err := p.Unavailable(); err != nil {
			// Redis failed another goroutine while this one queued.
			return p.downResult(err)
		}
		b, err := p.current(ctx)
		if err != nil {
			return p.failed(ctx, err)
		}
		if now := p.now(); b.hold.After(now) {
			if err := p.sleep(ctx, b.hold.Sub(now)); err != nil {
				return err
			}
			continue
		}
		res, err := p.limiter.Allow(ctx, p.keys.gcra, b.gcra(&p.cfg))
		if err != nil {
			return p.failed(ctx, err)
		}
		if res.Allowed > 0 {
			return nil
		}
		if err := p.sleep(ctx, res.RetryAfter); err != nil {
			return err
		}
	}
}

// current returns the budget, merged with what Redis holds if the last
// merge is older than refreshEvery. It reports a successful Redis call as
// recovery from an earlier failure.
func (p *Pacer) current(ctx context.Context) (budget, error) {
	now := p.now()
	p.mu.Lock()
	if now.Sub(p.refreshed) < refreshEvery {
		b := p.budget
		p.mu.Unlock()
		return b, nil
	}
	p.mu.Unlock()
	vals, err := p.rdb.HMGet(ctx, p.keys.state, fieldLimit, fieldReset, fieldWindow, fieldHold).Result()
	if err != nil {
		return budget{}, err
	}
	shared := parseState(vals)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.downErr != nil {
		p.cfg.logger.Info("redispacer: redis is available again; pacing with the shared budget", "key", p.keys.base)
		p.downErr = nil
	}
	p.budget.merge(shared, p.cfg.window == 0)
	p.refreshed = now
	return p.budget, nil
}

// Observe learns from the rate-limit state of a response: the limit, the
// window, and whether any requests remain. What changed is published in
// Redis for the other processes. The fallback pacer is told too.
func (p *Pacer) Observe(rl facade.RateLimit) {
	p.cfg.fallback.Observe(rl)
	now := p.now()
	if !rl.Known || rl.Reset.Sub(now) > maxWindow {
		return
	}
	p.mu.Lock()
	changed := p.budget.observe(rl, now, p.cfg.window == 0)
	down := p.downLocked(now)
	p.mu.Unlock()
	if changed == nil || down != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), publishTimeout)
	defer cancel()
	_, err := p.rdb.Pipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.HSet(ctx, p.keys.state, changed)
		pipe.Expire(ctx, p.keys.state, stateTTL)
		return nil
	})
	if err != nil {
		p.markDown(err)
	}
}

// downResult is what Wait does about the Redis failure err: in FailClosed
// mode an error matching ErrUnavailable, in FailOpen mode errFallback.
func (p *Pacer) downResult(err error) error {
	if p.cfg.mode == FailClosed {
		return unavailable(err)
	}
	return errFallback
}

// failed handles a failed Redis call of Wait: the context's end is not
// Redis's fault; anything else leaves Redis alone for the recheck interval.
func (p *Pacer) failed(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	p.markDown(err)
	return p.downResult(err)
}

// markDown records a Redis failure, logging it when Redis was fine before.
func (p *Pacer) markDown(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.downErr == nil {
		p.cfg.logger.Warn("redispacer: redis is unavailable", "key", p.keys.base,
			"mode", p.cfg.mode.String(), "recheck", p.cfg.recheck, "error", err)
	}
	p.downErr = err
	p.downUntil = p.now().Add(p.cfg.recheck)
	p.refreshed = time.Time{} // merge again first when Redis is back
}

func unavailable(err error) error {
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

// sleep waits for d, or returns at once if the context ends sooner or its
// deadline comes before d is over.
func (p *Pacer) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d { // deadlines are wall-clock times
		return fmt.Errorf("redispacer: the shared budget allows the next request in %s, after the context's deadline: %w",
			d.Round(time.Millisecond), context.DeadlineExceeded)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
