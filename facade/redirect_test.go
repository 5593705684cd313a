package facade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// redirectSink is a server that records what redirected requests bring it.
type redirectSink struct {
	mu   sync.Mutex
	seen []string // "METHOD path auth=… body=…"
	srv  *httptest.Server
}

func newRedirectSink(t *testing.T) *redirectSink {
	s := &redirectSink{}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.seen = append(s.seen, fmt.Sprintf("%s %s auth=%q body=%q", r.Method, r.URL.Path, r.Header.Get("Authorization"), body))
		s.mu.Unlock()
		fmt.Fprint(w, `{"type":"tag","id":"1","name":"x"}`)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *redirectSink) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.seen
	s.seen = nil
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
		http.Redirect(w, r, plain.srv.URL+r.URL.Path, status)
	}))
	t.Cleanup(origin.Close)
	if !strings.HasPrefix(origin.URL, "https://127.0.0.1:") || !strings.HasPrefix(plain.srv.URL, "http://127.0.0.1:") {
		t.Fatalf("the servers must share the host name: %s, %s", origin.URL, plain.srv.URL)
	}
	permissive := origin.Client()
	permissive.CheckRedirect = func(*http.Request, []*http.Request) error { return nil }
	for _, hc := range []struct {
		name string
		hc   *http.Client
	}{{"caller's client", origin.Client()}, {"caller's permissive CheckRedirect", permissive}} {
		c, err := NewClient(testToken, WithBaseURL(origin.URL), WithHTTPClient(hc.hc), withClock(newFakeClock()))
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			status = st
			mu.Lock()
			originHits = 0
			mu.Unlock()
			_, _, getErr := c.Tags.Find(context.Background(), "1")
			_, _, postErr := c.Tags.Create(context.Background(), NewTag("vip"))
			for _, err := range []error{getErr, postErr} {
				var te *TransportError
				if !errors.Is(err, ErrRedirectRefused) || !errors.As(err, &te) {
					t.Errorf("%s, %d: %v (%T), want a *TransportError wrapping ErrRedirectRefused", hc.name, st, err, err)
				}
				if err != nil && strings.Contains(err.Error(), testToken) {
					t.Errorf("error shows the token: %v", err)
				}
			}
			if got := plain.take(); len(got) != 0 {
				t.Errorf("%s, %d: the plain-http server received %q", hc.name, st, got)
			}
			mu.Lock()
			if originHits != 2 {
				t.Errorf("%s, %d: the origin saw %d requests, want 2 (a refused redirect is not retried)", hc.name, st, originHits)
			}
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
	target := other.srv.URL
	same := coreReplies(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `{"type":"tag","id":"1","name":"x"}`)
	})
	status := http.StatusFound
	mux := http.NewServeMux()
	mux.HandleFunc("/tags", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, status)
	})
	mux.HandleFunc("/tags/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.Path, status)
	})
	mux.HandleFunc("/here/tags", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/there/tags", http.StatusTemporaryRedirect)
	})
	mux.Handle("/there/tags", same)
	c := newTestClient(t, mux)
	for _, host := range []string{"127.0.0.1", "localhost"} {
		target = strings.Replace(other.srv.URL, "127.0.0.1", host, 1)
		for _, st := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
			status = st
			_, _, err := c.Tags.Create(context.Background(), NewTag("vip"))
			if !errors.Is(err, ErrRedirectRefused) {
				t.Errorf("%s, %d POST: %v, want ErrRedirectRefused", host, st, err)
			}
			if got := other.take(); len(got) != 0 {
				t.Errorf("%s, %d POST: another origin received %q", host, st, got)
			}
			if _, _, err := c.Tags.Find(context.Background(), "1"); err != nil {
				t.Fatalf("%s, %d GET: %v", host, st, err)
			}
			got := other.take()
			if len(got) != 1 || !strings.HasPrefix(got[0], `GET /tags/1 auth=""`) {
				t.Errorf("%s, %d GET: another origin received %q, want the GET without Authorization", host, st, got)
			}
		}
	}

	// Within the same origin, a 307 on a POST is followed with the token and
	// the body.
	c2, err := NewClient(testToken, WithBaseURL(c.BaseURL()+"/here"), withClock(newFakeClock()))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c2.Tags.Create(context.Background(), NewTag("vip")); err != nil {
		t.Fatal(err)
	}
	reqs := same.requests()
	if len(reqs) != 1 || reqs[0].Header.Get("Authorization") != "Bearer "+testToken || !strings.Contains(reqs[0].Body, `"vip"`) {
		t.Errorf("same-origin 307 gave %+v", reqs)
	}
}

// TestRedirectLimit: a loop of same-origin redirects stops after 10 requests, with
// ErrRedirectRefused, whatever the method.
func TestRedirectLimit(t *testing.T) {
	var hits int
	var mu sync.Mutex
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		http.Redirect(w, r, r.URL.Path, http.StatusFound)
	}))
	_, _, err := c.Tags.Find(context.Background(), "1")
	if !errors.Is(err, ErrRedirectRefused) {
		t.Fatalf("%v, want ErrRedirectRefused", err)
	}
	if hits != maxRedirects {
		t.Errorf("%d requests, want %d", hits, maxRedirects)
	}
}
