package facade

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConversationsCalls(t *testing.T) {
	ctx := context.Background()
	read := true
	msg := `{"type":"user_message","id":"m1","conversation_id":"123","body":"hi","subject":"","message_type":"inapp","created_at":1}`
	cases := []callCase{
		{"list", `{"type":"conversation.list","total_count":0,"conversations":[]}`,
			func(c *Client) error {
				_, _, err := c.Conversations.List(ctx, &ListConversationsOptions{PerPage: 20, StartingAfter: "abc"})
				return err
			}, "GET", "/conversations", "per_page=20&starting_after=abc", ""},
		{"create", msg, func(c *Client) error {
			m, _, err := c.Conversations.Create(ctx, ConversationFromUser("6657a1b2c3d4e5f6a7b8c9d0"), "Hello", &CreateConversationOptions{
				Subject: "S", AttachmentURLs: []string{"https://x.test/a"}, CreatedAt: time.Unix(1700000000, 0)})
			if err == nil {
				assert.Equal(t, "123", m.ConversationId)
			}
			return err
		}, "POST", "/conversations", "",
			`{"from":{"type":"user","id":"6657a1b2c3d4e5f6a7b8c9d0"},"body":"Hello","subject":"S","attachment_urls":["https://x.test/a"],"created_at":1700000000}`},
		{"find", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.Find(ctx, "123", &FindConversationOptions{PlainText: true})
			return err
		}, "GET", "/conversations/123", "display_as=plaintext", ""},
		{"update", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.Update(ctx, "123", &UpdateConversationOptions{Read: &read, CustomAttributes: map[string]any{"issue": "billing", "n": 3}})
			return err
		}, "PUT", "/conversations/123", "", `{"read":true,"custom_attributes":{"issue":"billing","n":3}}`},
		{"search", `{"type":"conversation.list","total_count":0,"conversations":[]}`, func(c *Client) error {
			_, _, err := c.Conversations.Search(ctx, Filter("open", OpEquals, true), nil)
			return err
		}, "POST", "/conversations/search", "", `{"query":{"field":"open","operator":"=","value":true}}`},
		{"run assignment rules", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.RunAssignmentRules(ctx, "123")
			return err
		}, "POST", "/conversations/123/run_assignment_rules", "", ""},
		{"attach contact by email", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "123", "991", ByEmail("jo@example.com"))
			return err
		}, "POST", "/conversations/123/customers", "", `{"admin_id":"991","customer":{"email":"jo@example.com"}}`},
		{"attach contact by intercom_user_id", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "123", "991", ByIntercomUserID("c9"))
			return err
		}, "POST", "/conversations/123/customers", "", `{"admin_id":"991","customer":{"intercom_user_id":"c9"}}`},
		{"attach contact by user_id", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "123", "991", ByUserID("u9"))
			return err
		}, "POST", "/conversations/123/customers", "", `{"admin_id":"991","customer":{"user_id":"u9"}}`},
		{"detach contact", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.DetachContactAsAdmin(ctx, "123", "c9", "991")
			return err
		}, "DELETE", "/conversations/123/customers/c9", "", `{"admin_id":"991"}`},
		{"redact part", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, RedactPart("123", "p1"))
			return err
		}, "POST", "/conversations/redact", "", `{"type":"conversation_part","conversation_id":"123","conversation_part_id":"p1"}`},
		{"redact source", conversationJSON, func(c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, RedactSource("123", "s1"))
			return err
		}, "POST", "/conversations/redact", "", `{"type":"source","conversation_id":"123","source_id":"s1"}`},
		{"convert to ticket", ticketJSON, func(c *Client) error {
			tk, _, err := c.Conversations.ConvertToTicket(ctx, "123", "9", &ConvertToTicketOptions{Attributes: map[string]any{"_default_title_": "T"}})
			if err == nil {
				assert.Equal(t, "77", tk.Id)
			}
			return err
		}, "POST", "/conversations/123/convert", "", `{"ticket_type_id":"9","attributes":{"_default_title_":"T"}}`},
	}
	runCallCases(t, cases)
}

func TestConversationsInvalidInputsSendNothing(t *testing.T) {
	cases := []inputCase{
		{"list per_page", "per_page", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.List(ctx, &ListConversationsOptions{PerPage: 151})
			return err
		}},
		{"list negative per_page", "per_page", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.List(ctx, &ListConversationsOptions{PerPage: -5})
			return err
		}},
		{"create no from", "from", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Create(ctx, ConversationInitiator{}, "hi", nil)
			return err
		}},
		{"create empty from id", "from.id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Create(ctx, ConversationFromLead(""), "hi", nil)
			return err
		}},
		{"create no body", "body", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Create(ctx, ConversationFromContact("c"), "", nil)
			return err
		}},
		{"create bad url", "attachment_urls[0]", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Create(ctx, ConversationFromUser("c"), "hi", &CreateConversationOptions{AttachmentURLs: []string{"x"}})
			return err
		}},
		{"find empty id", "conversation_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Find(ctx, "", nil)
			return err
		}},
		{"update empty attribute name", "custom_attributes", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Update(ctx, "1", &UpdateConversationOptions{CustomAttributes: map[string]any{"": 1}})
			return err
		}},
		{"update unmarshalable attribute", "custom_attributes.f", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Update(ctx, "1", &UpdateConversationOptions{CustomAttributes: map[string]any{"f": func() {}}})
			return err
		}},
		{"manage zero action", "message_type", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Manage(ctx, "1", ConversationAction{})
			return err
		}},
		{"close without admin", "admin_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Close(ctx, "1", "", "")
			return err
		}},
		{"snooze zero time", "snoozed_until", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Snooze(ctx, "1", "991", time.Time{})
			return err
		}},
		{"open without conversation", "conversation_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Open(ctx, "", "991")
			return err
		}},
		{"assign to nobody", "type", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "1", "991", ConversationAssignee{}, "")
			return err
		}},
		{"assign empty assignee", "assignee_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.Assign(ctx, "1", "991", AssignToTeam(""), "")
			return err
		}},
		{"run rules empty id", "conversation_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.RunAssignmentRules(ctx, "")
			return err
		}},
		{"attach no admin", "admin_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "1", "", ByEmail("a@b.c"))
			return err
		}},
		{"attach no contact", "customer.intercom_user_id|user_id|email", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "1", "991", ContactIdentifier{})
			return err
		}},
		{"attach empty email", "customer.email", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.AttachContactAsAdmin(ctx, "1", "991", ByEmail(""))
			return err
		}},
		{"detach no contact", "contact_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.DetachContactAsAdmin(ctx, "1", "", "991")
			return err
		}},
		{"detach no admin", "admin_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.DetachContactAsAdmin(ctx, "1", "c", "")
			return err
		}},
		{"redact nothing", "type", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, ConversationRedaction{})
			return err
		}},
		{"redact no conversation", "conversation_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, RedactPart("", "p"))
			return err
		}},
		{"redact no part", "conversation_part_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, RedactPart("1", ""))
			return err
		}},
		{"redact no source", "source_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.RedactConversationPart(ctx, RedactSource("1", ""))
			return err
		}},
		{"convert no type", "ticket_type_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.ConvertToTicket(ctx, "1", "", nil)
			return err
		}},
		{"convert bad attribute", "attributes.x", func(ctx context.Context, c *Client) error {
			_, _, err := c.Conversations.ConvertToTicket(ctx, "1", "9", &ConvertToTicketOptions{Attributes: map[string]any{"x": struct{}{}}})
			return err
		}},
	}
	runInputCases(t, cases)
}

func TestConversationsListIter(t *testing.T) {
	pages := map[string]string{
		"":   `{"type":"conversation.list","total_count":3,"conversations":[{"id":"1"},{"id":"2"}],"pages":{"type":"pages","next":{"starting_after":"c2"}}}`,
		"c2": `{"type":"conversation.list","total_count":3,"conversations":[{"id":"3"}],"pages":{"type":"pages"}}`,
	}
	f, c := newFake(t)
	f.respond("GET /conversations", func(r *http.Request, _ string) (int, string) {
		return 200, pages[r.URL.Query().Get("starting_after")]
	})
	var ids []string
	for conv, err := range c.Conversations.ListIter(context.Background(), &ListConversationsOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, conv.Id)
	}
	assert.Len(t, ids, 3)
	assert.Equal(t, "3", ids[2])
	assert.Equal(t, []string{"per_page=2", "per_page=2&starting_after=c2"}, rawQueries(f.take()))
	// Breaking after the first item fetches nothing more.
	for range c.Conversations.ListIter(context.Background(), nil) {
		break
	}
	assert.Len(t, f.take(), 1)
}

func TestConversationsSearchIter(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, `{"type":"conversation.list","total_count":1,"conversations":[{"id":"9"}],"pages":{"type":"pages"}}`)
	n := 0
	for conv, err := range c.Conversations.SearchIter(context.Background(), Filter("state", OpEquals, "open"), nil) {
		require.NoError(t, err)
		require.Equal(t, "9", conv.Id)
		n++
	}
	r := f.only(t)
	assert.Equal(t, 1, n)
	assert.Equal(t, "/conversations/search", r.Path)
}

func TestConversationPartAuthors(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, conversationJSON)
	conv, _, err := c.Conversations.Find(context.Background(), "123", nil)
	require.NoError(t, err)
	a := AuthorTypeOf(conv.Source.Author)
	assert.Equal(t, AuthorLead, a)
	assert.True(t, a.IsContact())
	a = AuthorTypeOf(conv.ConversationParts.ConversationParts[0].Author)
	assert.Equal(t, AuthorBot, a)
	assert.True(t, a.IsBot())
}

const conversationJSON = `{"type":"conversation","id":"123","created_at":1,"updated_at":2,"open":true,"read":false,"state":"open",
 "admin_assignee_id":null,"team_assignee_id":null,"snoozed_until":null,"waiting_since":null,"title":null,
 "contacts":{"type":"contact.list","contacts":[]},"teammates":{"type":"admin.list","teammates":[]},"custom_attributes":{},
 "source":{"type":"conversation","id":"s1","delivered_as":"customer_initiated","subject":"","redacted":false,
   "author":{"type":"lead","id":"c1","name":null,"email":""}},
 "conversation_parts":{"type":"conversation_part.list","total_count":1,"conversation_parts":[
   {"type":"conversation_part","id":"p1","part_type":"comment","body":"hi","created_at":1,"notified_at":1,"redacted":false,
    "author":{"type":"bot","id":"b1","name":"Fin","email":"operator+x@intercom.io"}}]}}`
