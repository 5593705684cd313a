package webhook

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingReader is an endless body of 'x' bytes that counts what is read
// from it, to prove a handler stops reading at its limit.
type countingReader struct {
	n      atomic.Int64
	closed atomic.Bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'x'
	}
	c.n.Add(int64(len(p)))
	return len(p), nil
}

func (c *countingReader) Close() error { c.closed.Store(true); return nil }

// recorder is a next handler that records what it received.
type recorder struct {
	mu     sync.Mutex
	calls  int
	body   []byte
	again  []byte // the body read once more through r.GetBody
	n      *Notification
	nErr   error
	length int64
}

// Calls returns how many requests reached the recorder.
func (rec *recorder) Calls() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return rec.calls
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var again []byte
	if r.GetBody != nil {
		rc, err := r.GetBody()
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		again, _ = io.ReadAll(rc)
	}
	n, nErr := NotificationOf(r)
	rec.mu.Lock()
	rec.calls++
	rec.body, rec.again, rec.n, rec.nErr, rec.length = b, again, n, nErr, r.ContentLength
	rec.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

// newTestHandler returns a webhook handler signing with
// testSecret in front of a recorder.
func newTestHandler(t *testing.T, opts ...Option) (*Handler, *recorder) {
	t.Helper()
	rec := &recorder{}
	h, err := NewHandler(testSecret, rec, opts...)
	require.NoError(t, err)
	return h, rec
}

// signedRequest builds a POST carrying body and signature.
func signedRequest(body, signature string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/hooks/intercom", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if signature != "" {
		r.Header.Set(SignatureHeader, signature)
	}
	return r
}

func TestHandlerPassesVerifiedBody(t *testing.T) {
	t.Parallel()
	h, rec := newTestHandler(t)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest(testBody, "sha1="+hmacSHA1Hex(testSecret, testBody)))

	assert.Equal(t, http.StatusNoContent, w.Code)
	require.Equal(t, 1, rec.Calls())
	assert.Equal(t, testBody, string(rec.body))
	assert.Equal(t, testBody, string(rec.again), "r.GetBody gives the verified body again")
	assert.Equal(t, int64(len(testBody)), rec.length)
	require.NoError(t, rec.nErr)
	assert.Equal(t, "ping", rec.n.Topic)
	assert.Equal(t, "notif_1", rec.n.ID)
	assert.Equal(t, "ping", rec.n.ItemType)
}

func TestHandlerRejectsBadSignatures(t *testing.T) {
	t.Parallel()
	good := "sha1=" + hmacSHA1Hex(testSecret, testBody)
	tests := []struct {
		name, body, sig string
		want            error
	}{
		{"missing", testBody, "", ErrSignatureMissing},
		{"malformed", testBody, hmacSHA1Hex(testSecret, testBody), ErrSignatureMalformed},
		{"tampered body", strings.Replace(testBody, "hello", "hellO", 1), good, ErrSignatureMismatch},
		{"wrong secret", testBody, "sha1=" + hmacSHA1Hex("not-the-secret", testBody), ErrSignatureMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var gotStatus int
			var gotErr error
			h, rec := newTestHandler(t, OnReject(func(_ *http.Request, status int, err error) {
				gotStatus, gotErr = status, err
			}))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, signedRequest(tt.body, tt.sig))
			assert.Equal(t, http.StatusUnauthorized, w.Code)
			assert.Equal(t, 0, rec.Calls(), "next must not be called")
			assert.Equal(t, http.StatusUnauthorized, gotStatus)
			assert.ErrorIs(t, gotErr, tt.want)
			assert.NotContains(t, w.Body.String(), testSecret)
		})
	}
}

func TestHandlerBodyLimit(t *testing.T) {
	t.Parallel()
	const limit = 64
	t.Run("declared length over the limit is not read", func(t *testing.T) {
		t.Parallel()
		h, rec := newTestHandler(t, MaxBodyBytes(limit))
		body := &countingReader{}
		r := httptest.NewRequest(http.MethodPost, "/hooks/intercom", body)
		r.ContentLength = 10 << 20
		r.Header.Set(SignatureHeader, "sha1="+strings.Repeat("0", 40))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Equal(t, int64(0), body.n.Load())
		assert.Equal(t, 0, rec.Calls())
	})
	t.Run("unknown length is read at most limit+1 bytes", func(t *testing.T) {
		t.Parallel()
		var gotStatus int
		h, rec := newTestHandler(t, MaxBodyBytes(limit),
			OnReject(func(_ *http.Request, status int, _ error) { gotStatus = status }))
		body := &countingReader{}
		r := httptest.NewRequest(http.MethodPost, "/hooks/intercom", body)
		r.ContentLength = -1
		r.Header.Set(SignatureHeader, "sha1="+strings.Repeat("0", 40))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Equal(t, http.StatusRequestEntityTooLarge, gotStatus)
		assert.LessOrEqual(t, body.n.Load(), int64(limit+1))
		assert.Greater(t, body.n.Load(), int64(limit))
		assert.Equal(t, 0, rec.Calls())
	})
	t.Run("default limit is 1 MiB", func(t *testing.T) {
		t.Parallel()
		h, _ := newTestHandler(t)
		body := &countingReader{}
		r := httptest.NewRequest(http.MethodPost, "/hooks/intercom", body)
		r.ContentLength = -1
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Equal(t, int64(DefaultMaxBodyBytes+1), body.n.Load())
	})
	t.Run("body of exactly the limit is accepted", func(t *testing.T) {
		t.Parallel()
		h, rec := newTestHandler(t, MaxBodyBytes(limit))
		body := `{"type":"notification_event","topic":"x"}`
		body += strings.Repeat(" ", limit-len(body))
		require.Len(t, body, limit)
		r := signedRequest(body, "sha1="+hmacSHA1Hex(testSecret, body))
		r.ContentLength = -1
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		assert.Equal(t, http.StatusNoContent, w.Code)
		assert.Equal(t, body, string(rec.body))
		// One byte more, correctly signed, is refused.
		big := body + " "
		w = httptest.NewRecorder()
		h.ServeHTTP(w, signedRequest(big, "sha1="+hmacSHA1Hex(testSecret, big)))
		assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
		assert.Equal(t, 1, rec.Calls())
	})
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }

func TestHandlerBodyReadError(t *testing.T) {
	t.Parallel()
	h, rec := newTestHandler(t)
	r := httptest.NewRequest(http.MethodPost, "/hooks/intercom", errReader{})
	r.Header.Set(SignatureHeader, "sha1="+strings.Repeat("0", 40))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, 0, rec.Calls())
}

func TestHandlerAnswersHEAD(t *testing.T) {
	t.Parallel()
	h, rec := newTestHandler(t)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodHead, "/hooks/intercom", nil))
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, 0, rec.Calls())
}

func TestHandlerOverHTTP(t *testing.T) {
	t.Parallel()
	h, rec := newTestHandler(t, MaxBodyBytes(1024))
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	post := func(body io.Reader, sig string) int {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/hooks", body)
		require.NoError(t, err)
		if sig != "" {
			req.Header.Set(SignatureHeader, sig)
		}
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	sig := Sign(testSecret, []byte(testBody))
	assert.Equal(t, http.StatusNoContent, post(strings.NewReader(testBody), sig))
	assert.Equal(t, http.StatusUnauthorized, post(strings.NewReader(testBody), ""))
	// A streamed (chunked) body over the limit.
	assert.Equal(t, http.StatusRequestEntityTooLarge, post(io.LimitReader(&countingReader{}, 1<<20), sig))
	// A body with a declared length over the limit.
	assert.Equal(t, http.StatusRequestEntityTooLarge, post(bytes.NewReader(make([]byte, 4096)), sig))
	assert.Equal(t, 1, rec.Calls())
}

func TestNewHandlerValidates(t *testing.T) {
	t.Parallel()
	next := http.NotFoundHandler()
	tests := []struct {
		name   string
		secret string
		next   http.Handler
		opts   []Option
		field  string
	}{
		{"empty secret", "", next, nil, "secret"},
		{"nil next", "s", nil, nil, "next"},
		{"nil option", "s", next, []Option{nil}, "option"},
		{"zero limit", "s", next, []Option{MaxBodyBytes(0)}, "max_body_bytes"},
		{"negative limit", "s", next, []Option{MaxBodyBytes(-1)}, "max_body_bytes"},
		{"nil reject hook", "s", next, []Option{OnReject(nil)}, "on_reject"},
	}
	for _, tt := range tests {
		h, err := NewHandler(tt.secret, tt.next, tt.opts...)
		assert.Nil(t, h, tt.name)
		var inErr *facade.InputError
		if assert.ErrorAs(t, err, &inErr, tt.name) {
			assert.Equal(t, tt.field, inErr.Field, tt.name)
		}
	}
}

func TestNotificationOfOutsideHandler(t *testing.T) {
	t.Parallel()
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(testBody))
	n, err := NotificationOf(r)
	assert.Nil(t, n)
	assert.ErrorIs(t, err, ErrNotVerified)
}

func TestNotificationOfDecodesOnceConcurrently(t *testing.T) {
	t.Parallel()
	var got [8]*Notification
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				n, err := NotificationOf(r)
				if err == nil {
					got[i] = n
				}
			})
		}
		wg.Wait()
	})
	h, err := NewHandler(testSecret, next)
	require.NoError(t, err)
	h.ServeHTTP(httptest.NewRecorder(), signedRequest(testBody, Sign(testSecret, []byte(testBody))))
	require.NotNil(t, got[0])
	for _, n := range got {
		assert.Same(t, got[0], n)
	}
}

func TestHandlerNextSeesUndecodableNotification(t *testing.T) {
	t.Parallel()
	// A signed body that is not a notification still reaches next, which
	// decides what to do; NotificationOf reports why.
	h, rec := newTestHandler(t)
	const body = `{"type":"something_else"}`
	w := httptest.NewRecorder()
	h.ServeHTTP(w, signedRequest(body, Sign(testSecret, []byte(body))))
	assert.Equal(t, http.StatusNoContent, w.Code)
	assert.Equal(t, body, string(rec.body))
	assert.ErrorIs(t, rec.nErr, ErrNotNotification)
}
