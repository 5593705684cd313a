package facade

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchFixturesMatchGenTypes checks that the benchmark bodies are what
// gen's types describe: every field known (no unknown field is silently
// skipped, which would flatter the decoder) and every part decoded.
func TestBenchFixturesMatchGenTypes(t *testing.T) {
	var tk gen.Ticket
	decodeStrict(t, benchTicketJSON(500), &tk)
	require.NotNil(t, tk.TicketParts)
	require.Len(t, tk.TicketParts.TicketParts, 500)
	assert.Equal(t, AuthorBot, AuthorTypeOf(*tk.TicketParts.TicketParts[2].Author))
	var cv gen.Conversation
	decodeStrict(t, benchConversationJSON(500), &cv)
	require.NotNil(t, cv.ConversationParts)
	require.Len(t, cv.ConversationParts.ConversationParts, 500)
	assert.NotNil(t, cv.Statistics)
	assert.NotNil(t, cv.SlaApplied)
}

// decodeStrict decodes data into out, failing t on any field out does not
// declare: a benchmark must not flatter a decoder by skipping part of a body.
func decodeStrict(t *testing.T, data []byte, out any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(out))
}
