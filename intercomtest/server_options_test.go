package intercomtest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithToken(t *testing.T) {
	s := newHarness(t, WithToken("secret"))
	require.Equal(t, "secret", s.Token, "Token %q", s.Token)
	me := s.must(200, "GET", "/me", nil)
	assert.Equal(t, s.Me().ID, me["id"], "/me %v", me)
	status, _, body := s.sendWith("GET", "/me", nil, map[string]string{
		"Authorization": "Bearer " + DefaultToken, "Intercom-Version": "2.11"})
	assert.Equal(t, 401, status, "default token: %d %v", status, body)
	assert.Equal(t, "unauthorized", errField(body, "code"), "default token: %d %v", status, body)
}

func TestStartRejectsBadOptions(t *testing.T) {
	for name, opts := range map[string][]Option{
		"empty token":   {WithToken("")},
		"zero limit":    {WithRateLimit(0, time.Minute)},
		"zero window":   {WithRateLimit(10, 0)},
		"negative both": {WithRateLimit(-1, -time.Second)},
	} {
		s, err := Start(opts...)
		require.Error(t, err, "%s: Start = %v, %v", name, s, err)
		assert.Nil(t, s, "%s: Start = %v, %v", name, s, err)
		assert.True(t, strings.HasPrefix(err.Error(), "intercomtest: "), "%s: Start = %v, %v", name, s, err)
	}
}

// fatalTB is a testing.TB whose Fatalf records the message and ends the
// goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	fatal    string
	cleanups int
}

func (f *fatalTB) Helper() { /* a test double: nothing to mark */ }

func (f *fatalTB) Cleanup(func()) { f.cleanups++ }

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestNewServerFailsTheTestOnBadOptions(t *testing.T) {
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		NewServer(tb, WithToken(""))
	}()
	<-done
	assert.Contains(t, tb.fatal, "token must not be empty", "fatal %q, cleanups %d", tb.fatal, tb.cleanups)
	assert.Equal(t, 0, tb.cleanups, "fatal %q, cleanups %d", tb.fatal, tb.cleanups)
}
