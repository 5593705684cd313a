package facade

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOptionValidation(t *testing.T) {
	tests := []struct {
		name  string
		token string
		opt   Option
		field string
	}{
		{"empty token", "", nil, "token"},
		{"nil option", testToken, nil, "option"},
		{"unknown region", testToken, WithRegion("APAC"), "region"},
		{"plain http", testToken, WithBaseURL("http://api.example.com"), "base_url"},
		{"relative URL", testToken, WithBaseURL("/v1"), "base_url"},
		{"other scheme", testToken, WithBaseURL("ftp://127.0.0.1"), "base_url"},
		{"nil http client", testToken, WithHTTPClient(nil), "http_client"},
		{"user agent with newline", testToken, WithUserAgent("x\r\nEvil: 1"), "user_agent"},
		{"negative timeout", testToken, WithAttemptTimeout(-time.Second), "attempt_timeout"},
		{"nil logger", testToken, WithLogger(nil), "logger"},
		{"nil middleware", testToken, WithMiddleware(nil), "middleware"},
		{"nil pacer", testToken, WithPacer(nil), "pacer"},
		{"zero attempts", testToken, WithRetryPolicy(RetryPolicy{}), "retry.max_attempts"},
		{"negative delay", testToken, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: -1}), "retry.base_delay"},
		{"max below base", testToken, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Second, MaxDelay: time.Millisecond}), "retry.max_delay"},
		{"negative rate-limit wait", testToken, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, MaxRateLimitWait: -1}), "retry.max_rate_limit_wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.name != "empty token" {
				opts = append(opts, tt.opt)
			}
			c, err := NewClient(tt.token, opts...)
			assert.Nil(t, c)
			var in *InputError
			require.ErrorAs(t, err, &in)
			assert.Equal(t, tt.field, in.Field)
			assert.NotContains(t, err.Error(), testToken)
		})
	}
}

func TestOptionsAccepted(t *testing.T) {
	for _, u := range []string{"https://proxy.example.com/intercom", "http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"} {
		c, err := NewClient(testToken, WithBaseURL(u))
		require.NoError(t, err, u)
		assert.Equal(t, u, c.BaseURL())
	}
	c, err := NewClient(testToken,
		WithRegion(RegionEU),
		WithHTTPClient(&http.Client{}),
		WithUserAgent("app/1"),
		WithRetryPolicy(NoRetries()),
		WithAttemptTimeout(time.Second),
		WithLogger(slog.New(slog.DiscardHandler)),
		WithMiddleware(func(rt http.RoundTripper) http.RoundTripper { return rt }),
		WithPacing(),
	)
	require.NoError(t, err)
	assert.Equal(t, "https://api.eu.intercom.io", c.BaseURL())
	assert.IsType(t, &RateLimitPacer{}, c.cfg.pacer)
}

func TestParseRegion(t *testing.T) {
	for in, want := range map[string]Region{"us": RegionUS, "EU": RegionEU, "Au": RegionAU} {
		r, err := ParseRegion(in)
		require.NoError(t, err)
		assert.Equal(t, want, r)
	}
	_, err := ParseRegion("mars")
	var in *InputError
	require.ErrorAs(t, err, &in)
	assert.Equal(t, "region", in.Field)
}

func TestNewClientFromEnv(t *testing.T) {
	t.Run("no token", func(t *testing.T) {
		t.Setenv(EnvToken, "")
		_, err := NewClientFromEnv()
		assert.True(t, errors.Is(err, ErrNoToken))
	})
	t.Run("region", func(t *testing.T) {
		t.Setenv(EnvToken, testToken)
		t.Setenv(EnvRegion, "au")
		t.Setenv(EnvBaseURL, "")
		c, err := NewClientFromEnv()
		require.NoError(t, err)
		assert.Equal(t, "https://api.au.intercom.io", c.BaseURL())
	})
	t.Run("base URL wins over region, options over both", func(t *testing.T) {
		t.Setenv(EnvToken, testToken)
		t.Setenv(EnvRegion, "EU")
		t.Setenv(EnvBaseURL, "http://127.0.0.1:9999")
		c, err := NewClientFromEnv()
		require.NoError(t, err)
		assert.Equal(t, "http://127.0.0.1:9999", c.BaseURL())
		c, err = NewClientFromEnv(WithBaseURL("https://other.example.com"))
		require.NoError(t, err)
		assert.Equal(t, "https://other.example.com", c.BaseURL())
	})
	t.Run("bad region", func(t *testing.T) {
		t.Setenv(EnvToken, testToken)
		t.Setenv(EnvRegion, "moon")
		_, err := NewClientFromEnv()
		var in *InputError
		require.ErrorAs(t, err, &in)
		assert.Equal(t, "region", in.Field)
	})
}

// TestBadClientOptions covers the options of NewClient: a bad value fails
// NewClient with an *InputError naming the option.
func TestBadClientOptions(t *testing.T) {
	for _, tc := range []struct {
		field string
		token string
		opt   Option
	}{
		{"token", "", nil},
		{"token", " ", WithUserAgent("x")},
		{"token", "abc\r\nX-Evil: 1", WithUserAgent("x")},
		{"token", "tok\u0085en", WithUserAgent("x")},
		{"token", "tok\x00en", WithUserAgent("x")},
		{"token", "tok en", WithUserAgent("x")},
		{"token", "tokén", WithUserAgent("x")},
		{"option", testToken, nil},
		{"base_url", testToken, WithBaseURL("http://api.example.com")},
		{"base_url", testToken, WithBaseURL("/relative")},
		{"retry.max_attempts", testToken, WithRetryPolicy(RetryPolicy{})},
		{"retry.max_delay", testToken, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Second, MaxDelay: time.Millisecond})},
		{"attempt_timeout", testToken, WithAttemptTimeout(-time.Second)},
		{"user_agent", testToken, WithUserAgent("x\r\nAuthorization: Bearer y")},
		{"http_client", testToken, WithHTTPClient(nil)},
		{"logger", testToken, WithLogger(nil)},
		{"pacer", testToken, WithPacer(nil)},
		{"middleware", testToken, WithMiddleware(nil)},
	} {
		t.Run(tc.field, func(t *testing.T) {
			var opts []Option
			if tc.token != "" {
				opts = []Option{tc.opt}
			}
			c, err := NewClient(tc.token, opts...)
			requireInputError(t, err, tc.field)
			assert.Nil(t, c)
			if strings.TrimSpace(tc.token) != "" && tc.token != testToken {
				assert.NotContains(t, err.Error(), tc.token, "the error shows the token")
			}
		})
	}
}
