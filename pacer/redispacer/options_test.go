package redispacer

import (
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/redis/go-redis/v9"
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
			if !errors.As(err, &ie) || ie.Field != c.field || ie.Problem == "" {
				t.Fatalf("New = %v, %v; want an *facade.InputError for %s", p, err, c.field)
			}
			if !strings.Contains(err.Error(), c.field) {
				t.Errorf("error %q does not name %s", err, c.field)
			}
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
	if err != nil {
		t.Fatal(err)
	}
	if want := "app:{" + budgetID("t", "https://api.eu.intercom.io") + "}"; p.Key() != want {
		t.Errorf("Key() = %q, want %q", p.Key(), want)
	}
	if b := p.Budget(); b != (Budget{Limit: 50, Window: 2 * time.Second}) {
		t.Errorf("Budget() = %+v, want the initial 50 per 2s", b)
	}
	if p.cfg.slack != 0 || p.cfg.mode != FailClosed || p.cfg.fallback != fb || p.cfg.recheck != time.Minute {
		t.Errorf("config %+v", p.cfg)
	}
	// The last of WithRegion and WithBaseURL wins; a trailing slash is not
	// part of the budget's identity.
	p, _ = New(rdb, "t", WithRegion(facade.RegionAU), WithBaseURL("http://127.0.0.1:8080/"), WithWindow(time.Second))
	if want := DefaultKeyPrefix + "{" + budgetID("t", "http://127.0.0.1:8080") + "}"; p.Key() != want {
		t.Errorf("Key() = %q, want %q", p.Key(), want)
	}
	if b := p.Budget(); b.Window != time.Second || b.WindowReported {
		t.Errorf("Budget() = %+v, want the fixed 1s window", b)
	}
	if FailOpen.String() != "fail-open" || FailClosed.String() != "fail-closed" || FailureMode(9).String() != "FailureMode(9)" {
		t.Error("FailureMode.String")
	}
}
