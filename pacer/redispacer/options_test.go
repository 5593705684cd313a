package redispacer

import (
	"log/slog"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewRejectsBadInput(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}) // never called
	defer rdb.Close()
	var nilClient *redis.Client
	var nilCluster *redis.ClusterClient
	var nilRing *redis.Ring
	for _, c := range []struct {
		name  string
		rdb   redis.Cmdable
		token string
		opts  []Option
		field string
	}{
		{"nil redis", nil, "t", nil, "redispacer.redis"},
		{"nil *redis.Client", nilClient, "t", nil, "redispacer.redis"},
		{"nil *redis.ClusterClient", nilCluster, "t", nil, "redispacer.redis"},
		{"nil *redis.Ring", nilRing, "t", nil, "redispacer.redis"},
		{"empty token", rdb, "", nil, "redispacer.token"},
		{"nil option", rdb, "t", []Option{nil}, "redispacer.option"},
		{"region", rdb, "t", []Option{WithRegion("MARS")}, "redispacer.region"},
		{"base URL", rdb, "t", []Option{WithBaseURL("not a url")}, "redispacer.base_url"},
		{"base URL scheme", rdb, "t", []Option{WithBaseURL("ftp://example.com")}, "redispacer.base_url"},
		{"key prefix", rdb, "t", []Option{WithKeyPrefix("")}, "redispacer.key_prefix"},
		{"key prefix braces", rdb, "t", []Option{WithKeyPrefix("a{b}")}, "redispacer.key_prefix"},
		{"initial limit", rdb, "t", []Option{WithInitialLimit(0, time.Second)}, "redispacer.initial_limit"},
		{"initial window", rdb, "t", []Option{WithInitialLimit(10, 0)}, "redispacer.initial_window"},
		{"window", rdb, "t", []Option{WithWindow(2 * time.Hour)}, "redispacer.window"},
		{"slack", rdb, "t", []Option{WithSlack(-time.Millisecond)}, "redispacer.slack"},
		{"failure mode", rdb, "t", []Option{WithFailureMode(FailureMode(7))}, "redispacer.failure_mode"},
		{"fallback", rdb, "t", []Option{WithFallback(nil)}, "redispacer.fallback"},
		{"recheck", rdb, "t", []Option{WithRecheck(0)}, "redispacer.recheck"},
		{"logger", rdb, "t", []Option{WithLogger(nil)}, "redispacer.logger"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := New(c.rdb, c.token, c.opts...)
			var ie *facade.InputError
			require.ErrorAs(t, err, &ie, "New = %v", p)
			require.Equal(t, c.field, ie.Field)
			require.NotEmpty(t, ie.Problem)
			assert.ErrorContains(t, err, c.field, "the error does not name the field")
		})
	}
}

func TestOptionsApply(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1"}) // never called
	defer rdb.Close()
	fb := facade.NewRateLimitPacer(10, 1)
	p, err := New(rdb, "t", WithRegion(facade.RegionEU), WithKeyPrefix("app:"), WithInitialLimit(50, 2*time.Second),
		WithSlack(0), WithFailureMode(FailClosed), WithFallback(fb), WithRecheck(time.Minute),
		WithLogger(slog.Default()))
	require.NoError(t, err)
	assert.Equal(t, "app:{"+budgetID("t", "https://api.eu.intercom.io")+"}", p.Key())
	assert.Equal(t, Budget{Limit: 50, Window: 2 * time.Second}, p.Budget(), "want the initial 50 per 2s")
	assert.Zero(t, p.cfg.slack, "config %+v", p.cfg)
	assert.Equal(t, FailClosed, p.cfg.mode, "config %+v", p.cfg)
	assert.Same(t, fb, p.cfg.fallback, "config %+v", p.cfg)
	assert.Equal(t, time.Minute, p.cfg.recheck, "config %+v", p.cfg)
	// The last of WithRegion and WithBaseURL wins; a trailing slash is not
	// part of the budget's identity.
	p, err = New(rdb, "t", WithRegion(facade.RegionAU), WithBaseURL("http://127.0.0.1:8080/"), WithWindow(time.Second))
	require.NoError(t, err)
	assert.Equal(t, DefaultKeyPrefix+"{"+budgetID("t", "http://127.0.0.1:8080")+"}", p.Key())
	b := p.Budget()
	assert.Equal(t, time.Second, b.Window, "Budget() = %+v, want the fixed 1s window", b)
	assert.False(t, b.WindowReported, "Budget() = %+v, want the fixed 1s window", b)
	assert.Equal(t, "fail-open", FailOpen.String())
	assert.Equal(t, "fail-closed", FailClosed.String())
	assert.Equal(t, "FailureMode(9)", FailureMode(9).String())
}
