package facade

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrorDecoding(t *testing.T) {
	tests := []struct {
		name       string
		reply      func(http.ResponseWriter, *http.Request)
		wantStatus int
		wantID     string
		wantErrors []ErrorDetail
		wantBody   string
		wantMsg    string
		is         []error
		isNot      []error
	}{
		{
			name: "error.list",
			reply: answer(404, `{"type":"error.list","request_id":"req-body","errors":[{"code":"not_found","message":"Ticket Not Found"}]}`,
				"X-Request-Id", "req-header"),
			wantStatus: 404,
			wantID:     "req-header",
			wantErrors: []ErrorDetail{{Code: "not_found", Message: "Ticket Not Found"}},
			wantMsg:    "intercom: GET /tickets/7: 404 Not Found: not_found: Ticket Not Found (request id req-header)",
			is:         []error{ErrNotFound},
			isNot:      []error{ErrUnauthorized, ErrConflict, ErrRateLimited},
		},
		{
			name:       "request id from the body",
			reply:      answer(401, `{"type":"error.list","request_id":"req-body","errors":[{"code":"token_revoked","message":"Token revoked"}]}`),
			wantStatus: 401,
			wantID:     "req-body",
			wantErrors: []ErrorDetail{{Code: "token_revoked", Message: "Token revoked"}},
			is:         []error{ErrUnauthorized, ErrTokenRevoked},
			isNot:      []error{ErrNotFound, ErrTokenNotFound},
		},
		{
			name:       "field and several entries",
			reply:      answer(400, `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"bad state","field":"state"},{"code":"parameter_not_found","message":"missing body"}]}`),
			wantStatus: 400,
			wantErrors: []ErrorDetail{{Code: "parameter_invalid", Message: "bad state", Field: "state"}, {Code: "parameter_not_found", Message: "missing body"}},
			wantMsg:    "intercom: GET /tickets/7: 400 Bad Request: parameter_invalid (state): bad state; parameter_not_found: missing body",
			is:         []error{ErrParameterInvalid, ErrParameterNotFound},
			isNot:      []error{ErrNotFound, ErrConflict},
		},
		{
			name:       "conflict by code",
			reply:      answer(400, `{"type":"error.list","errors":[{"code":"conflict","message":"exists"}]}`),
			wantStatus: 400,
			wantErrors: []ErrorDetail{{Code: "conflict", Message: "exists"}},
			is:         []error{ErrConflict},
		},
		{
			name:       "forbidden",
			reply:      answer(403, `{"type":"error.list","errors":[{"code":"action_forbidden","message":"no"}]}`),
			wantStatus: 403,
			wantErrors: []ErrorDetail{{Code: "action_forbidden", Message: "no"}},
			is:         []error{ErrForbidden, ErrActionForbidden},
		},
		{
			name:       "HTML from a proxy",
			reply:      answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>\n", "Content-Type", "text/html"),
			wantStatus: 502,
			wantBody:   "<html><body><h1>502 Bad Gateway</h1></body></html>",
			wantMsg:    `intercom: GET /tickets/7: 502 Bad Gateway: "<html><body><h1>502 Bad Gateway</h1></body></html>"`,
			isNot:      []error{ErrNotFound},
		},
		{
			name:       "JSON that is not an error list",
			reply:      answer(500, `{"message":"oops"}`),
			wantStatus: 500,
			wantBody:   `{"message":"oops"}`,
		},
		{
			name:       "empty body",
			reply:      answer(404, ""),
			wantStatus: 404,
			wantMsg:    "intercom: GET /tickets/7: 404 Not Found",
			is:         []error{ErrNotFound},
		},
		{
			name:       "rate limited",
			reply:      answer(429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}`),
			wantStatus: 429,
			wantErrors: []ErrorDetail{{Code: "rate_limit_exceeded", Message: "slow down"}},
			is:         []error{ErrRateLimited},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.replies("/", tt.reply)
			tk, resp, err := decode[struct{}](c.raw.GetTicket(context.Background(), "7", nil))
			assert.Nil(t, tk)
			var apiErr *Error
			require.ErrorAs(t, err, &apiErr)
			assert.Same(t, apiErr.Response, resp, "decode returns the error's Response")
			assert.Equal(t, tt.wantStatus, apiErr.StatusCode)
			assert.Equal(t, "GET", apiErr.Method)
			assert.Equal(t, "/tickets/7", apiErr.Path)
			assert.Equal(t, tt.wantID, apiErr.RequestID)
			assert.Equal(t, tt.wantErrors, apiErr.Errors)
			assert.Equal(t, tt.wantBody, apiErr.Body)
			if tt.wantMsg != "" {
				assert.Equal(t, tt.wantMsg, err.Error())
			}
			for _, s := range tt.is {
				assert.ErrorIs(t, err, s)
			}
			for _, s := range tt.isNot {
				assert.NotErrorIs(t, err, s)
			}
		})
	}
}

func TestErrorBodyExcerptIsCapped(t *testing.T) {
	huge := strings.Repeat("é", 100<<10) // 200 KiB, 2 bytes a rune
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 500, huge)
	_, err := finish(c.raw.GetTicket(context.Background(), "7", nil))
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	assert.LessOrEqual(t, len(apiErr.Body), maxExcerpt)
	assert.True(t, strings.HasSuffix(apiErr.Body, "…"))
	assert.True(t, strings.HasPrefix(apiErr.Body, "éé"))
	assert.NotContains(t, apiErr.Body, "\uFFFD", "cut on a rune boundary")
	assert.Less(t, len(err.Error()), 1024)
}

func TestErrorsNeverContainTheToken(t *testing.T) {
	// A misbehaving server that echoes the Authorization header back.
	echo := func(code int, ct string) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			a := r.Header.Get("Authorization")
			w.Header().Set("X-Request-Id", a)
			w.Header().Set("Content-Type", ct)
			w.WriteHeader(code)
			if ct == "application/json" {
				w.Write([]byte(`{"type":"error.list","request_id":"` + a + `","errors":[{"code":"unauthorized","message":"bad token ` + a + `","field":"` + a + `"}]}`))
			} else {
				w.Write([]byte("token was " + a))
			}
		}
	}
	for _, tc := range []struct {
		code int
		ct   string
	}{{401, "application/json"}, {500, "text/plain"}} {
		f, c := newFake(t, WithRetryPolicy(NoRetries()))
		f.replies("/", echo(tc.code, tc.ct))
		_, err := finish(c.raw.GetTicket(context.Background(), "7", nil))
		require.Error(t, err)
		assert.NotContains(t, err.Error(), testToken)
		var apiErr *Error
		require.ErrorAs(t, err, &apiErr)
		assert.NotContains(t, apiErr.RequestID, testToken)
		assert.NotContains(t, apiErr.Body, testToken)
		for _, d := range apiErr.Errors {
			assert.NotContains(t, d.Message+d.Field+d.Code, testToken)
		}
		assert.Contains(t, err.Error(), "[REDACTED]")
	}
}

func TestErrorIsIgnoresUnrelatedTargets(t *testing.T) {
	e := &Error{Response: &Response{StatusCode: 400}, Errors: []ErrorDetail{{Code: "conflict"}}}
	assert.True(t, errors.Is(e, ErrConflict))
	assert.False(t, errors.Is(e, ErrNotFound))
	assert.False(t, errors.Is(e, errors.New("intercom: not found")))
	assert.True(t, e.HasCode("conflict"))
	assert.False(t, e.HasCode("not_found"))
	assert.False(t, errors.Is(&Error{Response: &Response{StatusCode: 418}}, nil))
}

// TestErrorExcerptRedactsBeforeCutting puts the token across byte 512 of a
// non-JSON body, and repeats a token shorter than "[REDACTED]" so that
// redaction makes the text longer: the excerpt stays within 512 bytes, "…"
// included, and no start of the token survives the cut.
func TestErrorExcerptRedactsBeforeCutting(t *testing.T) {
	for _, tc := range []struct {
		name, token, body string
	}{
		{"token across the cut", testToken, strings.Repeat("x", 505) + testToken + strings.Repeat("y", 100)},
		{"token at the cut", testToken, strings.Repeat("x", 509) + testToken},
		{"short token repeated", "abcd1234", strings.Repeat("abcd1234 ", 200)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/me", nil)
			resp := &http.Response{StatusCode: 502, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tc.body))}
			e := newError(req, resp, tc.token)
			assert.LessOrEqual(t, len(e.Body), maxExcerpt)
			assert.True(t, strings.HasSuffix(e.Body, "…"), "the excerpt says it was cut")
			cut := strings.TrimSuffix(e.Body, "…")
			for i := 3; i <= len(tc.token); i++ {
				assert.False(t, strings.HasSuffix(cut, tc.token[:i]), "the excerpt ends with the token's first %d bytes: %q", i, cut[max(0, len(cut)-20):])
			}
			assert.NotContains(t, e.Error(), tc.token[:5])
		})
	}
}

// TestErrorMessageIsCapped: a 60 kB message, a long code, field and request
// id, and 40 entries give an Error() of bounded length, while the *Error
// keeps every entry and the whole message.
func TestErrorMessageIsCapped(t *testing.T) {
	long := strings.Repeat("m", 60000) // with the rest, within the 64 KiB read
	entries := []string{`{"code":"` + strings.Repeat("c", 300) + `","field":"` + strings.Repeat("f", 300) + `","message":"` + long + `"}`}
	for i := 1; i < 40; i++ {
		entries = append(entries, `{"code":"parameter_invalid","message":"bad value"}`)
	}
	body := `{"type":"error.list","request_id":"` + strings.Repeat("r", 500) + `","errors":[` + strings.Join(entries, ",") + `]}`
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.replies("/", answer(400, body, "Content-Type", "application/json"))
	_, err := finish(c.raw.GetTicket(context.Background(), "7", nil))
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	msg := err.Error()
	assert.Less(t, len(msg), 3000, "Error() is %d bytes", len(msg))
	assert.Contains(t, msg, strings.Repeat("m", maxErrorMessage-len("…"))+"…")
	assert.Contains(t, msg, "; and 30 more")
	require.Len(t, apiErr.Errors, 40, "every entry is kept")
	assert.Equal(t, long, apiErr.Errors[0].Message, "the message is kept whole")
	assert.True(t, strings.HasPrefix(msg, "intercom: GET /tickets/7: 400 Bad Request: "), msg[:80])
}

func TestTransportErrorRedactsTokenInCause(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/me", nil)
	cause := errors.New("proxy refused Bearer " + testToken)
	err := newTransportError(req, cause, testToken)
	require.NotContains(t, err.Error(), testToken)
	require.ErrorIs(t, err, cause)
}

func TestCodeSentinelMessages(t *testing.T) {
	got := ErrTokenRevoked.Error()
	assert.Equal(t, "intercom: error code token_revoked", got)
}
