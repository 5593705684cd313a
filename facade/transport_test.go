package facade

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coreRequest is what a test server saw of one request.
type coreRequest struct {
	Method, Path string
	Header       http.Header
	Body         string
}

// coreRecorder is an http.Handler that records every request and answers with
// the next of its replies (the last one repeats).
type coreRecorder struct {
	mu      sync.Mutex
	reqs    []coreRequest
	replies []func(w http.ResponseWriter, r *http.Request)
}

func (rec *coreRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec.mu.Lock()
	rec.reqs = append(rec.reqs, coreRequest{r.Method, r.URL.Path, r.Header.Clone(), string(body)})
	n := len(rec.reqs)
	reply := rec.replies[min(n, len(rec.replies))-1]
	rec.mu.Unlock()
	reply(w, r)
}

func (rec *coreRecorder) requests() []coreRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]coreRequest(nil), rec.reqs...)
}

// replies builds a coreRecorder answering with the given replies in order.
func coreReplies(rs ...func(w http.ResponseWriter, r *http.Request)) *coreRecorder {
	return &coreRecorder{replies: rs}
}

// status replies with code, optional header pairs and body.
func coreStatus(code int, body string, header ...string) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		if strings.HasPrefix(body, "{") {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

var coreOK = coreStatus(200, `{"type":"admin.list","admins":[]}`)

func TestHeadersOnEveryRequest(t *testing.T) {
	rec := coreReplies(coreStatus(503, ""), coreOK)
	c := newTestClient(t, rec, WithUserAgent("my-app/1.2"))
	ctx := context.Background()

	// A GET through the raw client (retried once after the 503), a POST with
	// a body, and a call through Client.Gen that asks for another version.
	_, err := finish(c.raw.ListAdmins(ctx, nil))
	require.NoError(t, err)
	_, err = finish(c.raw.SearchContactsWithBody(ctx, nil, "application/json", strings.NewReader(`{"query":{}}`)))
	require.NoError(t, err)
	other := gen.IntercomVersion("2.9")
	res, err := c.Gen().ListAdminsWithResponse(ctx, &gen.ListAdminsParams{IntercomVersion: &other})
	require.NoError(t, err)
	assert.Equal(t, 200, res.StatusCode())

	reqs := rec.requests()
	require.Len(t, reqs, 4)
	for i, r := range reqs {
		assert.Equal(t, "Bearer "+testToken, r.Header.Get("Authorization"), "request %d", i)
		assert.Equal(t, APIVersion, r.Header.Get("Intercom-Version"), "request %d", i)
		assert.Equal(t, "application/json", r.Header.Get("Accept"), "request %d", i)
		assert.Equal(t, "go-intercom/"+Version+" my-app/1.2", r.Header.Get("User-Agent"), "request %d", i)
	}
	assert.Equal(t, "/contacts/search", reqs[2].Path)
	assert.Equal(t, `{"query":{}}`, reqs[2].Body)
	assert.Equal(t, "application/json", reqs[2].Header.Get("Content-Type"))
}

func TestDefaultUserAgent(t *testing.T) {
	rec := coreReplies(coreOK)
	c := newTestClient(t, rec)
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	assert.Equal(t, "go-intercom/"+Version, rec.requests()[0].Header.Get("User-Agent"))
}

// coreHostRecorder is a RoundTripper that records the URLs asked for and answers
// 200 without any network.
type coreHostRecorder struct {
	mu   sync.Mutex
	urls []string
}

func (h *coreHostRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	h.mu.Lock()
	h.urls = append(h.urls, r.URL.String())
	h.mu.Unlock()
	return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`)), Request: r}, nil
}

func TestRegionBaseURLs(t *testing.T) {
	for region, want := range map[Region]string{
		RegionUS: "https://api.intercom.io/admins",
		RegionEU: "https://api.eu.intercom.io/admins",
		RegionAU: "https://api.au.intercom.io/admins",
	} {
		t.Run(string(region), func(t *testing.T) {
			rt := &coreHostRecorder{}
			c, err := NewClient(testToken, WithRegion(region), WithHTTPClient(&http.Client{Transport: rt}))
			require.NoError(t, err)
			assert.Equal(t, strings.TrimSuffix(want, "/admins"), c.BaseURL())
			_, err = finish(c.raw.ListAdmins(context.Background(), nil))
			require.NoError(t, err)
			assert.Equal(t, []string{want}, rt.urls)
		})
	}
	t.Run("default is US", func(t *testing.T) {
		c, err := NewClient(testToken)
		require.NoError(t, err)
		assert.Equal(t, "https://api.intercom.io", c.BaseURL())
	})
}

func TestBaseURLWithPathPrefix(t *testing.T) {
	// A proxy mounted under a path: the prefix is kept, and the search endpoint
	// is still recognised as read-only (retried after a 503).
	rec := coreReplies(coreStatus(503, ""), coreOK)
	srv := httptest.NewServer(http.StripPrefix("/proxy", rec))
	t.Cleanup(srv.Close)
	c, err := NewClient(testToken, WithBaseURL(srv.URL+"/proxy/"), withClock(newFakeClock()))
	require.NoError(t, err)
	_, err = finish(c.raw.SearchContactsWithBody(context.Background(), nil, "application/json", strings.NewReader(`{}`)))
	require.NoError(t, err)
	reqs := rec.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/contacts/search", reqs[1].Path)
}

func TestRedirectToAnotherHostDropsAuthorization(t *testing.T) {
	var other coreRequest
	otherSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other = coreRequest{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone()}
		coreOK(w, r)
	}))
	t.Cleanup(otherSrv.Close)
	// The client talks to 127.0.0.1; the redirect goes to "localhost", another host.
	target := strings.Replace(otherSrv.URL, "127.0.0.1", "localhost", 1) + "/elsewhere"
	sameHost := coreReplies(coreOK)
	mux := http.NewServeMux()
	mux.HandleFunc("/admins", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) })
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/admins/me", http.StatusFound) })
	mux.Handle("/admins/me", sameHost)
	c := newTestClient(t, mux)

	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	assert.Equal(t, "/elsewhere", other.Path)
	assert.Empty(t, other.Header.Get("Authorization"), "token sent to another host")
	assert.Equal(t, APIVersion, other.Header.Get("Intercom-Version"))

	// A redirect on the same host keeps the header.
	req, _ := http.NewRequest(http.MethodGet, c.BaseURL()+"/me", nil)
	_, err = finish(c.raw.Client.Do(req))
	require.NoError(t, err)
	assert.Equal(t, "Bearer "+testToken, sameHost.requests()[0].Header.Get("Authorization"))
}

func TestMiddlewareWrapsEachAttempt(t *testing.T) {
	var order []string
	var mu sync.Mutex
	mw := func(name string) func(http.RoundTripper) http.RoundTripper {
		return func(next http.RoundTripper) http.RoundTripper {
			return coreRoundTrip(func(r *http.Request) (*http.Response, error) {
				mu.Lock()
				order = append(order, name+" "+r.Header.Get("Intercom-Version"))
				mu.Unlock()
				return next.RoundTrip(r)
			})
		}
	}
	rec := coreReplies(coreStatus(503, ""), coreOK)
	c := newTestClient(t, rec, WithMiddleware(mw("outer")), WithMiddleware(mw("inner")))
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	v := APIVersion
	assert.Equal(t, []string{"outer " + v, "inner " + v, "outer " + v, "inner " + v}, order)
}

type coreRoundTrip func(*http.Request) (*http.Response, error)

func (f coreRoundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestWithHTTPClientIsNotModified(t *testing.T) {
	hc := &http.Client{Timeout: time.Minute}
	rec := coreReplies(coreOK)
	c := newTestClient(t, rec, WithHTTPClient(hc), WithMiddleware(func(rt http.RoundTripper) http.RoundTripper { return rt }))
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	assert.Nil(t, hc.Transport)
}

func TestAttemptTimeout(t *testing.T) {
	// The first attempt hangs until the client gives up on it; the second answers.
	var calls atomic.Int32
	hang := func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // the server notices a closed connection only after the body
		if calls.Add(1) == 1 {
			<-r.Context().Done()
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"type":"admin.list","admins":[]}`)
	}

	t.Run("GET is retried", func(t *testing.T) {
		calls.Store(0)
		c := newTestClient(t, http.HandlerFunc(hang), WithAttemptTimeout(50*time.Millisecond))
		out, _, err := decode[gen.AdminList](c.raw.ListAdmins(context.Background(), nil))
		require.NoError(t, err)
		assert.NotNil(t, out)
		assert.EqualValues(t, 2, calls.Load())
	})
	t.Run("POST is not retried", func(t *testing.T) {
		calls.Store(0)
		c := newTestClient(t, http.HandlerFunc(hang), WithAttemptTimeout(50*time.Millisecond))
		_, err := finish(c.raw.ReplyTicketWithBody(context.Background(), "1", nil, "application/json", strings.NewReader(`{}`)))
		require.Error(t, err)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		var te *TransportError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "POST", te.Method)
		assert.Equal(t, "/tickets/1/reply", te.Path)
		assert.EqualValues(t, 1, calls.Load())
	})
}

func TestBodyReadableAfterDoWithAttemptTimeout(t *testing.T) {
	// The attempt's context must outlive Do: it is released when the body is
	// closed, so a slow reader still gets the whole body.
	big := `{"type":"admin.list","admins":[` + strings.Repeat(`{"type":"admin","id":"1"},`, 20000) + `{"type":"admin","id":"2"}]}`
	c := newTestClient(t, coreReplies(coreStatus(200, big)), WithAttemptTimeout(time.Minute))
	r, err := c.raw.ListAdmins(context.Background(), nil)
	require.NoError(t, err)
	_, isCancelBody := r.Body.(*cancelBody)
	assert.True(t, isCancelBody)
	b, err := io.ReadAll(r.Body)
	require.NoError(t, err)
	require.NoError(t, r.Body.Close())
	assert.Equal(t, big, string(b))
}

func TestTransportErrorNamesRequest(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nothing listens any more: every dial fails
	c, err := NewClient(testToken, WithBaseURL(url), withClock(newFakeClock()), WithRetryPolicy(NoRetries()))
	require.NoError(t, err)
	_, err = finish(c.raw.GetTicket(context.Background(), "42", nil))
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "GET", te.Method)
	assert.Equal(t, "/tickets/42", te.Path)
	assert.True(t, isDialError(err))
	assert.True(t, strings.HasPrefix(err.Error(), "intercom: GET /tickets/42: "), err.Error())
	assert.NotContains(t, err.Error(), testToken)
	assert.False(t, errors.Is(err, ErrNotFound))
}
