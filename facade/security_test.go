package facade

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Security: the token never leaks into errors, logs or
// printed values; redirects to another host do not carry it; and it is never
// sent in clear text to a host other than the loopback.

// TestSecurityTokenNeverPrinted drives the client through successes, API
// errors whose bodies and headers echo the token, retries and a connection
// failure, with debug logging on, and prints every value the caller can
// reach with every verb.
func TestSecurityTokenNeverPrinted(t *testing.T) {
	var logs bytes.Buffer
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	calls := 0
	f, c := newFake(t, WithLogger(logger), WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		calls++
		echo := r.Header.Get("Authorization") // what a careless server or proxy might send back
		w.Header().Set("X-Request-Id", "req-"+echo)
		switch r.URL.Path {
		case "/tickets/404":
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `{"type":"error.list","request_id":%q,"errors":[{"code":"not_found","message":"no ticket for %s","field":%q}]}`, echo, echo, echo)
		case "/tickets/502":
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprintf(w, "<html>upstream said: %s</html>", echo)
		case "/tickets/503":
			if calls%2 == 1 {
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintf(w, "busy %s", echo)
				return
			}
			fallthrough
		default:
			fmt.Fprint(w, `{"type":"ticket","id":"1","ticket_id":"1","category":"Customer","ticket_attributes":{},"ticket_state":"submitted","contacts":{"type":"contact.list","contacts":[]},"ticket_type":null}`)
		}
	})
	ctx := context.Background()

	var values []any
	tk, resp, err := c.Tickets.Get(ctx, "1")
	require.NoError(t, err)
	values = append(values, tk, resp)
	for _, id := range []string{"404", "502", "503"} {
		tk, resp, err := c.Tickets.Get(ctx, id)
		values = append(values, tk, resp, err)
		var apiErr *Error
		if errors.As(err, &apiErr) {
			values = append(values, apiErr, *apiErr, apiErr.Errors, apiErr.Response)
		}
	}
	// A connection failure.
	dc, err := NewClient(testToken, WithBaseURL(closedURL()), WithLogger(logger), withClock(newFakeClock()))
	require.NoError(t, err)
	_, _, err = dc.Tickets.Get(ctx, "1")
	var trErr *TransportError
	require.ErrorAs(t, err, &trErr)
	values = append(values, err, trErr, trErr.Err)
	// Invalid input, and the client itself with everything reachable from it.
	_, _, err = c.Tickets.Get(ctx, "")
	values = append(values, err, c, *c, c.cfg, c.Gen(), c.raw, c.raw.Client, c.Tickets, dc)
	if gc, ok := c.Gen().ClientInterface.(*gen.Client); ok {
		values = append(values, gc, gc.Client)
	}

	for i, v := range values {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
			s := fmt.Sprintf(verb, v)
			assert.NotContains(t, s, testToken)
		}
		if e, ok := v.(error); ok {
			assert.NotContains(t, e.Error(), testToken, "error %d shows the token", i)
		}
	}
	logMu.Lock()
	out := logs.String()
	logMu.Unlock()
	require.Contains(t, out, "intercom: retrying")
	require.Contains(t, out, "intercom: attempt")
	assert.NotContains(t, out, testToken)
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestSecurityCrossHostRedirects follows every redirect status, for a GET and
// for a POST with a body, to another host: the GET gets there without the
// Authorization header, the POST does not get there at all, whether the
// client is the default one or the caller's.
func TestSecurityCrossHostRedirects(t *testing.T) {
	other, _ := newFake(t)
	other.reply("/", 200, `{"type":"tag","id":"1","name":"x"}`)
	// The client talks to 127.0.0.1; the redirects lead to "localhost".
	target := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	status := http.StatusFound
	origin := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, status)
	})
	for _, hc := range []struct {
		name string
		opts []Option
	}{
		{"default client", nil},
		{"caller's client", []Option{WithHTTPClient(&http.Client{Timeout: 5 * time.Second})}},
	} {
		f, c := newFake(t, hc.opts...)
		f.handle("/", origin)
		for _, st := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			status = st
			_, _, err := c.Tags.Find(context.Background(), "1")
			require.NoError(t, err)
			// A POST with a body is not redirected to another host at all.
			_, _, err = c.Tags.Create(context.Background(), NewTag("vip"))
			assert.ErrorIs(t, err, ErrRedirectRefused)
			got := other.take()
			require.Len(t, got, 1)
			assert.Equal(t, "GET", got[0].Method)
			assert.Empty(t, got[0].Header.Get("Authorization"))
			for _, vs := range got[0].Header {
				for _, v := range vs {
					assert.NotContains(t, v, testToken)
				}
			}
		}
	}
}

// TestSecurityPlainHTTPOnlyOnLoopback checks that the token is never sent in
// clear text: an http:// base URL is refused unless its host is the
// loopback, in an option and in the environment.
func TestSecurityPlainHTTPOnlyOnLoopback(t *testing.T) {
	refused := []string{
		"http://api.intercom.io",
		"http://api.eu.intercom.io/",
		"http://10.0.0.1:8080",
		"http://192.168.1.10",
		"http://0.0.0.0:9000",
		"http://[::]:9000",
		"http://localhost.example.com",
		"http://127.0.0.1.nip.io",
		"http://[::ffff:8.8.8.8]",
		"http://user:pass@example.com",
		"ftp://127.0.0.1",
		"ws://localhost:8080",
		"//api.intercom.io",
		"api.intercom.io",
	}
	for _, u := range refused {
		_, err := NewClient(testToken, WithBaseURL(u))
		var ie *InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "base_url", ie.Field)
	}
	allowed := []string{
		"https://api.intercom.io",
		"https://proxy.example.com/intercom",
		"http://127.0.0.1:8080",
		"http://127.9.9.9",
		"http://localhost:3000",
		"http://LOCALHOST",
		"http://[::1]:9000",
	}
	for _, u := range allowed {
		_, err := NewClient(testToken, WithBaseURL(u))
		assert.NoError(t, err)
	}

	t.Setenv(EnvToken, testToken)
	t.Setenv(EnvBaseURL, "http://api.intercom.io")
	_, err := NewClientFromEnv()
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "base_url", ie.Field)
	assert.NotContains(t, err.Error(), testToken, "the error shows the token")
}
