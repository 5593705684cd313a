package facade

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newRedirectSink returns a fake that answers every request with a tag, to
// which tests redirect.
func newRedirectSink(t *testing.T) *fakeAPI {
	f, _ := newFake(t)
	f.reply("/", 200, `{"type":"tag","id":"1","name":"x"}`)
	return f
}

// sinkLines writes each request as "METHOD path auth=… body=…".
func sinkLines(reqs []request) []string {
	var out []string
	for _, r := range reqs {
		out = append(out, fmt.Sprintf("%s %s auth=%q body=%q", r.Method, r.Path, r.Header.Get("Authorization"), r.Body))
	}
	return out
}

// TestSecurityDowngradeRedirectRefused: with an https base URL, a redirect to
// plain http on the same host name (where Go's http.Client keeps the
// Authorization header) is refused for a GET and for a POST, with the
// caller's client and with a caller's CheckRedirect that allows everything.
// Nothing reaches the plain-http server, and the call is not retried.
func TestSecurityDowngradeRedirectRefused(t *testing.T) {
	plain := newRedirectSink(t) // http://127.0.0.1:<port>
	var originHits int
	var mu sync.Mutex
	status := http.StatusFound
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		originHits++
		mu.Unlock()
		http.Redirect(w, r, plain.URL+r.URL.Path, status)
	}))
	t.Cleanup(origin.Close)
	require.True(t, strings.HasPrefix(origin.URL, "https://127.0.0.1:"))
	require.True(t, strings.HasPrefix(plain.URL, "http://127.0.0.1:"))
	permissive := origin.Client()
	permissive.CheckRedirect = func(*http.Request, []*http.Request) error { return nil }
	for _, hc := range []struct {
		name string
		hc   *http.Client
	}{{"caller's client", origin.Client()}, {"caller's permissive CheckRedirect", permissive}} {
		c, err := NewClient(testToken, WithBaseURL(origin.URL), WithHTTPClient(hc.hc), withClock(newFakeClock()))
		require.NoError(t, err)
		for _, st := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			status = st
			mu.Lock()
			originHits = 0
			mu.Unlock()
			_, _, getErr := c.Tags.Find(context.Background(), "1")
			_, _, postErr := c.Tags.Create(context.Background(), NewTag("vip"))
			for _, err := range []error{getErr, postErr} {
				var te *TransportError
				assert.ErrorIs(t, err, ErrRedirectRefused)
				require.ErrorAs(t, err, &te)
				if err != nil {
					assert.NotContains(t, err.Error(), testToken, "the error shows the token")
				}
			}
			got := sinkLines(plain.take())
			assert.Empty(t, got)
			mu.Lock()
			assert.Equal(t, 2, originHits)
			mu.Unlock()
		}
	}
}

// TestSecurityRedirectPolicy: a request with a body is never redirected to
// another origin (another port of the same host name, or another host),
// whatever the status; a GET is, without the Authorization header even on
// another port of the same host (where Go keeps it); within the same origin
// both are followed with every header and the body.
func TestSecurityRedirectPolicy(t *testing.T) {
	other := newRedirectSink(t) // 127.0.0.1, another port
	target := other.URL
	status := http.StatusFound
	f, c := newFake(t)
	f.handle("/tags", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, status)
	})
	f.handle("/tags/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, status)
	})
	f.handle("/here/tags", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/there/tags", http.StatusTemporaryRedirect)
	})
	f.reply("/there/tags", 200, `{"type":"tag","id":"1","name":"x"}`)
	for _, host := range []string{"127.0.0.1", "localhost"} {
		target = strings.Replace(other.URL, "127.0.0.1", host, 1)
		for _, st := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			status = st
			_, _, err := c.Tags.Create(context.Background(), NewTag("vip"))
			assert.ErrorIs(t, err, ErrRedirectRefused)
			got := sinkLines(other.take())
			assert.Empty(t, got)
			_, _, err = c.Tags.Find(context.Background(), "1")
			require.NoError(t, err)
			got = sinkLines(other.take())
			assert.Len(t, got, 1)
			assert.True(t, strings.HasPrefix(got[0], `GET /tags/1 auth=""`))
		}
	}

	// Within the same origin, a 307 on a POST is followed with the token and
	// the body.
	c2, err := NewClient(testToken, WithBaseURL(c.BaseURL()+"/here"), withClock(newFakeClock()))
	require.NoError(t, err)
	require.NoError(t, err3(c2.Tags.Create(context.Background(), NewTag("vip"))))
	reqs := f.requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, "POST /there/tags", last.Method+" "+last.Path)
	assert.Equal(t, "Bearer "+testToken, last.Header.Get("Authorization"))
	assert.Contains(t, last.Body, `"vip"`)
}

// TestRedirectLimit: a loop of same-origin redirects stops after 10 requests, with
// ErrRedirectRefused, whatever the method.
func TestRedirectLimit(t *testing.T) {
	f, c := newFake(t)
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	})
	_, _, err := c.Tags.Find(context.Background(), "1")
	require.ErrorIs(t, err, ErrRedirectRefused)
	assert.Len(t, f.requests(), maxRedirects)
}
