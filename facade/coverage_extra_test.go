package facade

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// Tests for small paths the service tests do not reach, added to keep
// facade's coverage above the 95% of issue 7.

func TestTransportErrorRedactsTokenInCause(t *testing.T) {
	req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/me", nil)
	cause := errors.New("proxy refused Bearer " + testToken)
	err := newTransportError(req, cause, testToken)
	if strings.Contains(err.Error(), testToken) {
		t.Fatalf("token in %q", err)
	}
	if !errors.Is(err, cause) {
		t.Fatal("the cause is not reachable")
	}
}

func TestCodeSentinelMessages(t *testing.T) {
	if got := ErrTokenRevoked.Error(); got != "intercom: error code token_revoked" {
		t.Errorf("ErrTokenRevoked.Error() = %q", got)
	}
}

func TestConversationActionMessageTypes(t *testing.T) {
	until := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for want, a := range map[string]ConversationAction{
		"close": CloseConversation("9", "done"), "snoozed": SnoozeConversation("9", until),
		"open": OpenConversation("9"), "assignment": AssignConversation("9", AssignToTeam("8"), ""),
		"": {},
	} {
		if got := a.MessageType(); got != want {
			t.Errorf("MessageType() = %q, want %q", got, want)
		}
	}
}

func TestNewRateLimitPacerSteadyRate(t *testing.T) {
	p := NewRateLimitPacer(rate.Inf, 0)
	if p.limiter != nil {
		t.Fatal("rate.Inf has a limiter")
	}
	p = NewRateLimitPacer(1000, 5)
	for range 5 {
		if err := p.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearchFilterIntegerWidths(t *testing.T) {
	for _, v := range []any{int8(1), int16(1), int32(1), int64(1), uint8(1), uint16(1), uint32(1), uint(1), uint64(1),
		time.Unix(1700000000, 0), []int64{1, 2}} {
		op := OpEquals
		if _, ok := v.([]int64); ok {
			op = OpIn
		}
		if err := ValidateSearchQuery(Filter("n", op, v)); err != nil {
			t.Errorf("%T: %v", v, err)
		}
	}
	for _, v := range []any{uint(1 << 63), uint64(1 << 63)} {
		var ie *InputError
		if err := ValidateSearchQuery(Filter("n", OpEquals, v)); !errors.As(err, &ie) || ie.Field != "query.value" {
			t.Errorf("%T too large: %v", v, err)
		}
	}
	// Pointers to filters and groups are queries too; nil ones are not.
	f := Filter("a", OpEquals, 1)
	g := And(f)
	for _, q := range []SearchQuery{&f, &g} {
		if err := ValidateSearchQuery(q); err != nil {
			t.Errorf("%T: %v", q, err)
		}
	}
	for _, q := range []SearchQuery{(*SearchFilter)(nil), (*SearchGroup)(nil)} {
		if err := ValidateSearchQuery(q); err == nil {
			t.Errorf("%T nil accepted", q)
		}
	}
	f.isSearchQuery()
	g.isSearchQuery()
}

func TestDecodeErrorNamesRequestOrResponse(t *testing.T) {
	resp := &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(bytes.NewReader([]byte("{")))}
	_, _, err := decode[struct{}](resp, nil)
	if err == nil || !strings.Contains(err.Error(), "decode response") {
		t.Fatalf("err %v, want a decode error naming the response", err)
	}
}

func TestNextCursorOfNilPages(t *testing.T) {
	if nextCursor(nil) != "" || pageInfoOf(nil) != (pageInfo{}) {
		t.Fatal("nil pages have a cursor")
	}
}

func TestRealClockSleep(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	if err := (realClock{}).Sleep(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if err := (realClock{}).Sleep(ctx, time.Microsecond); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := (realClock{}).Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("Sleep after cancel: %v", err)
	}
	if _, err := NewClient(testToken, withClock(nil)); err == nil {
		t.Fatal("nil clock accepted")
	}
}
