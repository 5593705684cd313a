package facade

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeadersOnEveryRequest(t *testing.T) {
	rec, c := newFake(t, WithUserAgent("my-app/1.2"))
	rec.replies("/", answer(503, ""), okJSON)
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
	rec, c := newFake(t)
	rec.replies("/", okJSON)
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
	f, _ := newFake(t)
	f.replies("/proxy/", answer(503, ""), okJSON)
	c, err := NewClient(testToken, WithBaseURL(f.URL+"/proxy/"), withClock(newFakeClock()))
	require.NoError(t, err)
	_, err = finish(c.raw.SearchContactsWithBody(context.Background(), nil, "application/json", strings.NewReader(`{}`)))
	require.NoError(t, err)
	reqs := f.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/proxy/contacts/search", reqs[1].Path)
}

func TestRedirectToAnotherHostDropsAuthorization(t *testing.T) {
	otherHost, _ := newFake(t)
	otherHost.handle("/elsewhere", okJSON)
	// The client talks to 127.0.0.1; the redirect goes to "localhost", another host.
	target := strings.Replace(otherHost.URL, "127.0.0.1", "localhost", 1) + "/elsewhere"
	f, c := newFake(t)
	f.handle("/admins", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, target, http.StatusFound) })
	f.handle("/me", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/admins/me", http.StatusFound) })
	f.handle("/admins/me", okJSON)

	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	other := otherHost.only(t)
	assert.Equal(t, "/elsewhere", other.Path)
	assert.Empty(t, other.Header.Get("Authorization"), "token sent to another host")
	assert.Equal(t, APIVersion, other.Header.Get("Intercom-Version"))

	// A redirect on the same host keeps the header.
	req, _ := http.NewRequest(http.MethodGet, c.BaseURL()+"/me", nil)
	_, err = finish(c.raw.Client.Do(req))
	require.NoError(t, err)
	reqs := f.requests()
	last := reqs[len(reqs)-1]
	assert.Equal(t, "/admins/me", last.Path)
	assert.Equal(t, "Bearer "+testToken, last.Header.Get("Authorization"))
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
	rec, c := newFake(t, WithMiddleware(mw("outer")), WithMiddleware(mw("inner")))
	rec.replies("/", answer(503, ""), okJSON)
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	v := APIVersion
	assert.Equal(t, []string{"outer " + v, "inner " + v, "outer " + v, "inner " + v}, order)
}

type coreRoundTrip func(*http.Request) (*http.Response, error)

func (f coreRoundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestWithHTTPClientIsNotModified(t *testing.T) {
	hc := &http.Client{Timeout: time.Minute}
	rec, c := newFake(t, WithHTTPClient(hc), WithMiddleware(func(rt http.RoundTripper) http.RoundTripper { return rt }))
	rec.replies("/", okJSON)
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
		f, c := newFake(t, WithAttemptTimeout(50*time.Millisecond))
		f.handle("/", hang)
		out, _, err := decode[gen.AdminList](c.raw.ListAdmins(context.Background(), nil))
		require.NoError(t, err)
		assert.NotNil(t, out)
		assert.EqualValues(t, 2, calls.Load())
	})
	t.Run("POST is not retried", func(t *testing.T) {
		calls.Store(0)
		f, c := newFake(t, WithAttemptTimeout(50*time.Millisecond))
		f.handle("/", hang)
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
	f, c := newFake(t, WithAttemptTimeout(time.Minute))
	f.replies("/", answer(200, big))
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
	c, err := NewClient(testToken, WithBaseURL(closedURL()), withClock(newFakeClock()), WithRetryPolicy(NoRetries()))
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
