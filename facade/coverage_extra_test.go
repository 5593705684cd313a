package facade

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// Tests for small paths the service tests do not reach, added to keep
// facade's coverage above the 95% of issue 7.

func TestTransportErrorRedactsTokenInCause(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/me", nil)
	cause := errors.New("proxy refused Bearer " + testToken)
	err := newTransportError(req, cause, testToken)
	require.NotContains(t, err.Error(), testToken)
	require.ErrorIs(t, err, cause)
}

func TestCodeSentinelMessages(t *testing.T) {
	got := ErrTokenRevoked.Error()
	assert.EqualValues(t, "intercom: error code token_revoked", got)
}

func TestConversationActionMessageTypes(t *testing.T) {
	until := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for want, a := range map[string]ConversationAction{
		"close": CloseConversation("9", "done"), "snoozed": SnoozeConversation("9", until),
		"open": OpenConversation("9"), "assignment": AssignConversation("9", AssignToTeam("8"), ""),
		"": {},
	} {
		got := a.MessageType()
		assert.Equal(t, want, got)
	}
}

func TestNewRateLimitPacerSteadyRate(t *testing.T) {
	p := NewRateLimitPacer(rate.Inf, 0)
	require.Nil(t, p.limiter)
	p = NewRateLimitPacer(1000, 5)
	for range 5 {
		require.NoError(t, p.Wait(context.Background()))
	}
}

func TestSearchFilterIntegerWidths(t *testing.T) {
	for _, v := range []any{int8(1), int16(1), int32(1), int64(1), uint8(1), uint16(1), uint32(1), uint(1), uint64(1),
		time.Unix(1700000000, 0), []int64{1, 2}} {
		op := OpEquals
		if _, ok := v.([]int64); ok {
			op = OpIn
		}
		err := ValidateSearchQuery(Filter("n", op, v))
		assert.NoError(t, err)
	}
	for _, v := range []any{uint(1 << 63), uint64(1 << 63)} {
		var ie *InputError
		err := ValidateSearchQuery(Filter("n", OpEquals, v))
		require.ErrorAs(t, err, &ie)
		assert.EqualValues(t, "query.value", ie.Field)
	}
	// Pointers to filters and groups are queries too; nil ones are not.
	f := Filter("a", OpEquals, 1)
	g := And(f)
	for _, q := range []SearchQuery{&f, &g} {
		err := ValidateSearchQuery(q)
		assert.NoError(t, err)
	}
	for _, q := range []SearchQuery{(*SearchFilter)(nil), (*SearchGroup)(nil)} {
		err := ValidateSearchQuery(q)
		assert.Error(t, err, "%T nil accepted", q)
	}
	f.isSearchQuery()
	g.isSearchQuery()
}

func TestDecodeErrorNamesRequestOrResponse(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte("{")))}
	_, _, err := decode[struct{}](resp, nil)
	require.Error(t, err)
	require.Contains(t, err.Error(), "decode response")
}

func TestNextCursorOfNilPages(t *testing.T) {
	require.EqualValues(t, "", nextCursor(nil))
	require.Equal(t, (pageInfo{}), pageInfoOf(nil))
}

func TestRealClockSleep(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	require.NoError(t, (realClock{}).Sleep(ctx, 0))
	require.NoError(t, (realClock{}).Sleep(ctx, time.Microsecond))
	cancel()
	err := (realClock{}).Sleep(ctx, time.Hour)
	require.ErrorIs(t, err, context.Canceled)
	_, err = NewClient(testToken, withClock(nil))
	require.Error(t, err, "nil clock accepted")
}
