package facade

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/go-intercom/intercom/gen"
)

// TestBenchFixturesMatchGenTypes checks that the benchmark bodies are what
// gen's types describe: every field known (no unknown field is silently
// skipped, which would flatter the decoder) and every part decoded.
func TestBenchFixturesMatchGenTypes(t *testing.T) {
	strict := func(data []byte, out any) {
		t.Helper()
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(out); err != nil {
			t.Fatalf("%T: %v", out, err)
		}
	}
	var tk gen.Ticket
	strict(benchTicketJSON(500), &tk)
	if tk.TicketParts == nil || len(tk.TicketParts.TicketParts) != 500 {
		t.Fatalf("ticket parts: %+v", tk.TicketParts)
	}
	if AuthorTypeOf(*tk.TicketParts.TicketParts[2].Author) != AuthorBot {
		t.Errorf("part 2 author %q", tk.TicketParts.TicketParts[2].Author.Type)
	}
	var cv gen.Conversation
	strict(benchConversationJSON(500), &cv)
	if cv.ConversationParts == nil || len(cv.ConversationParts.ConversationParts) != 500 {
		t.Fatalf("conversation parts: %+v", cv.ConversationParts)
	}
	if cv.Statistics == nil || cv.SlaApplied == nil {
		t.Errorf("statistics or sla_applied not decoded")
	}
}
