package facade

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// One test per variant of manage_conversation_request.
func TestConversationsManageJSONPerVariant(t *testing.T) {
	ctx := context.Background()
	until := time.Unix(1800000000, 0)
	cases := []struct {
		name string
		call func(c *Client) error
		want string
	}{
		{"close", func(c *Client) error { _, _, err := c.Conversations.Close(ctx, "123", "991", "Bye"); return err },
			`{"type":"admin","message_type":"close","admin_id":"991","body":"Bye"}`},
		{"close without body", func(c *Client) error {
			_, _, err := c.Conversations.Manage(ctx, "123", CloseConversation("991", ""))
			return err
		}, `{"type":"admin","message_type":"close","admin_id":"991"}`},
		{"snooze", func(c *Client) error { _, _, err := c.Conversations.Snooze(ctx, "123", "991", until); return err },
			`{"message_type":"snoozed","admin_id":"991","snoozed_until":1800000000}`},
		{"open", func(c *Client) error { _, _, err := c.Conversations.Open(ctx, "123", "991"); return err },
			`{"message_type":"open","admin_id":"991"}`},
		{"assign to admin", func(c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "123", "991", AssignToAdmin("992"), "Yours")
			return err
		}, `{"type":"admin","message_type":"assignment","admin_id":"991","assignee_id":"992","body":"Yours"}`},
		{"assign to team", func(c *Client) error {
			_, _, err := c.Conversations.Manage(ctx, "123", AssignConversation("991", AssignToTeam("5"), ""))
			return err
		}, `{"type":"team","message_type":"assignment","admin_id":"991","assignee_id":"5"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t, WithRetryPolicy(NoRetries()))
			f.reply("/", 200, conversationJSON)
			require.NoError(t, tc.call(c))
			r := f.only(t)
			assert.Equal(t, "POST /conversations/123/parts", r.Method+" "+r.Path)
			assert.JSONEq(t, tc.want, r.Body)
		})
	}
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
