package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResponseMetadataOnSuccess(t *testing.T) {
	rec, c := newFake(t)
	rec.replies("/", answer(200, `{"type":"admin.list","admins":[{"type":"admin","id":"1","name":"Ann","email":"a@example.com"}]}`,
		"X-Request-Id", "req-9", "X-RateLimit-Limit", "10000", "X-RateLimit-Remaining", "9998", "X-RateLimit-Reset", "1735790000"))
	list, resp, err := decode[gen.AdminList](c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	require.NotNil(t, list)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "req-9", resp.RequestID)
	assert.Equal(t, RateLimit{Limit: 10000, Remaining: 9998, Reset: time.Unix(1735790000, 0), Known: true}, resp.RateLimit)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))

	resp, err = finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)
	assert.Equal(t, "req-9", resp.RequestID)
}

func TestParseRateLimit(t *testing.T) {
	h := http.Header{}
	assert.Equal(t, RateLimit{}, parseRateLimit(h))
	h.Set("X-RateLimit-Limit", "10")
	h.Set("X-RateLimit-Remaining", "x")
	h.Set("X-RateLimit-Reset", "5")
	assert.Equal(t, RateLimit{}, parseRateLimit(h))
	h.Set("X-RateLimit-Remaining", "3")
	assert.Equal(t, RateLimit{Limit: 10, Remaining: 3, Reset: time.Unix(5, 0), Known: true}, parseRateLimit(h))
}

func TestDecodeErrors(t *testing.T) {
	f, c := newFake(t)
	f.replies("/", answer(200, `{"type":`))
	out, resp, err := decode[gen.AdminList](c.raw.ListAdmins(context.Background(), nil))
	assert.Nil(t, out)
	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "intercom: decode GET /admins: "), err.Error())
}

func TestDecodeReusesBuffersSafely(t *testing.T) {
	// Values decoded from one body must not change when the pooled buffer is
	// reused for the next.
	a := coreFakeResponse(`{"type":"admin.list","admins":[{"type":"admin","id":"1","name":"first"}]}`)
	first, _, err := decode[gen.AdminList](a, nil)
	require.NoError(t, err)
	for i := range 20 {
		_, _, err := decode[gen.AdminList](coreFakeResponse(`{"type":"admin.list","admins":[{"type":"admin","id":"`+strconv.Itoa(i)+`","name":"XXXXX"}]}`), nil)
		require.NoError(t, err)
	}
	b, _ := json.Marshal(first)
	assert.Contains(t, string(b), `"first"`)
}

// coreFakeResponse is a 200 with body, as the transport hands it to decode.
func coreFakeResponse(body string) *http.Response {
	req, _ := http.NewRequest(http.MethodGet, "https://api.intercom.io/admins", nil)
	return &http.Response{
		StatusCode:    200,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

func TestDecodeErrorNamesRequestOrResponse(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte("{")))}
	_, _, err := decode[struct{}](resp, nil)
	require.Error(t, err)
	require.Contains(t, err.Error(), "decode response")
}
