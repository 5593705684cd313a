package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// coreLogBuffer is a bytes.Buffer safe for the concurrent writes of a handler.
type coreLogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *coreLogBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *coreLogBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestLogging(t *testing.T) {
	var out coreLogBuffer
	logger := slog.New(slog.NewJSONHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug}))
	secretBody := `{"type":"error.list","errors":[{"code":"server_error","message":"body-secret ` + testToken + `"}]}`
	rec, c := newFake(t, WithLogger(logger))
	rec.replies("/", answer(503, secretBody, "X-Request-Id", "req-1"), answer(200, `{"email":"body-secret@example.com"}`))
	_, err := finish(c.raw.ListAdmins(context.Background(), nil))
	require.NoError(t, err)

	// Every failure mode once more: an API error, and a refused connection.
	fc2, c2 := newFake(t, WithLogger(logger))
	fc2.reply("/", 401, secretBody)
	_, err = finish(c2.raw.GetTicket(context.Background(), "1", nil))
	require.Error(t, err)
	c3, err := NewClient(testToken, WithBaseURL(closedURL()), WithLogger(logger), withClock(newFakeClock()))
	require.NoError(t, err)
	_, err = finish(c3.raw.GetTicket(context.Background(), "1", nil))
	require.Error(t, err)

	logs := out.String()
	assert.NotContains(t, logs, testToken)
	assert.NotContains(t, logs, "body-secret")
	assert.NotContains(t, logs, "Bearer")

	var lines []map[string]any
	for line := range strings.Lines(logs) {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		lines = append(lines, m)
	}
	// The first request: attempt 1 (503), a retry at info, attempt 2 (200).
	require.GreaterOrEqual(t, len(lines), 3)
	assert.Equal(t, "DEBUG", lines[0]["level"])
	assert.Equal(t, "intercom: attempt", lines[0]["msg"])
	assert.Equal(t, "GET", lines[0]["method"])
	assert.Equal(t, "/admins", lines[0]["path"])
	assert.EqualValues(t, 503, lines[0]["status"])
	assert.EqualValues(t, 1, lines[0]["attempt"])
	assert.Contains(t, lines[0], "duration")
	assert.Equal(t, "INFO", lines[1]["level"])
	assert.Equal(t, "intercom: retrying", lines[1]["msg"])
	assert.EqualValues(t, 503, lines[1]["status"])
	assert.Equal(t, "req-1", lines[1]["request_id"])
	assert.Equal(t, []any{"server_error"}, lines[1]["codes"])
	assert.Contains(t, lines[1], "wait")
	assert.EqualValues(t, 200, lines[2]["status"])
	assert.EqualValues(t, 2, lines[2]["attempt"])
}
