package facade

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// FuzzErrorBody feeds arbitrary statuses, bodies and request ids to the
// decoding of error answers. Seeds are Intercom's error.list shapes, a proxy's
// HTML page and bodies that echo the token.
func FuzzErrorBody(f *testing.F) {
	f.Add(404, `{"type":"error.list","request_id":"b2e5a1c0","errors":[{"code":"not_found","message":"Resource Not Found"}]}`, "req-1")
	f.Add(401, `{"type":"error.list","request_id":null,"errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`, "")
	f.Add(400, `{"type":"error.list","errors":[{"code":"parameter_invalid","message":"state is invalid","field":"state"},{"code":"parameter_not_found","message":"body is required"}]}`, "r")
	f.Add(429, `{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"Exceeded rate limit of 10000 in 1m0s"}]}`, "")
	f.Add(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "")
	f.Add(500, "", "")
	f.Add(403, `{"errors":[{"code":"token_revoked","message":"Token tok_SECRET_7f3a9c was revoked"}]}`, "tok_SECRET_7f3a9c")
	f.Add(418, "Bearer tok_SECRET_7f3a9c \xff\xfe"+strings.Repeat("é", 300), "")
	f.Add(409, `{"type":"error.list","errors":null}`, "")
	f.Add(0, `[1,2,3]`, "\r\n")
	f.Fuzz(func(t *testing.T, status int, body, requestID string) {
		req := httptest.NewRequest(http.MethodPost, "https://api.intercom.io/tickets/1/reply", nil)
		h := http.Header{}
		h.Set("X-Request-Id", requestID)
		resp := &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(bytes.NewReader([]byte(body)))}
		e := newError(req, resp, testToken)

		msg := e.Error()
		for _, s := range []string{msg, fmt.Sprintf("%+v", e), fmt.Sprintf("%#v", e), fmt.Sprintf("%v", e.Errors), e.Body, e.RequestID} {
			require.NotContains(t, s, testToken)
		}
		require.True(t, strings.HasPrefix(msg, "intercom: POST /tickets/1/reply: "), "error does not name the request: %q", msg)
		require.False(t, len(e.Errors) > 0 && e.Body != "", "both Errors and Body set: %+v", e)
		require.LessOrEqual(t, len(e.Body), maxExcerpt)
		require.True(t, utf8.ValidString(e.Body))
		require.NotNil(t, e.Response)
		require.Equal(t, status, e.StatusCode)
		// Sentinels stay consistent with the status and codes.
		require.Equal(t, status == http.StatusNotFound || e.HasCode("not_found"), errors.Is(e, ErrNotFound), "errors.Is(ErrNotFound)")
		require.Equal(t, e.HasCode("token_revoked"), errors.Is(e, ErrTokenRevoked))
	})
}
