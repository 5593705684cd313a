// Package redispacer shares one Intercom rate-limit budget between every
// process that uses the same access token, through Redis.
//
// Intercom limits an app, not a process: each worker, cron job and web
// handler calling with the same token draws from the same budget. A
// facade.RateLimitPacer (facade.WithPacing) paces one process, so four
// processes each pacing to the limit send four times the limit. A Pacer from
// this package keeps the budget in Redis instead:
//
//	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
//	pacer, err := redispacer.New(rdb, token)
//	…
//	client, err := facade.NewClient(token, facade.WithPacer(pacer))
//
// Requests are spaced by the GCRA rate limiter of
// github.com/go-redis/redis_rate, whose state (one timestamp) lives in Redis
// and whose clock is Redis's own, so processes on different machines agree.
// The rate is what Intercom reports: every response's X-RateLimit-Limit and
// the distance between successive X-RateLimit-Reset values give the limit
// per window, which the pacer publishes in Redis for the processes that have
// not seen a response yet. When a response reports no requests remaining,
// every process holds until the window resets.
//
// The Redis keys derive from a SHA-256 hash of the token and the API's base
// URL (the region), never from the token itself: one budget per token and
// region.
//
// When Redis cannot be reached, the default is to fail open: requests are
// paced by a local facade.RateLimitPacer until Redis answers again (see
// WithFailureMode).
//
// The package is a module of its own so that users of facade who do not
// need it never download a Redis client.
package redispacer
