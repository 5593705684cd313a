package facade

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webhookNotificationJSON wraps an item in a notification envelope.
func webhookNotificationJSON(topic, item string) string {
	return fmt.Sprintf(`{
  "type": "notification_event",
  "app_id": "abc123",
  "id": "notif_6c1f0e2a",
  "topic": %q,
  "created_at": 1718000000,
  "first_sent_at": 1718000002,
  "delivered_at": 0,
  "delivery_attempts": 2,
  "delivery_status": "retry",
  "self": null,
  "links": {},
  "data": {"type": "notification_event_data", "item": %s}
}`, topic, item)
}

// Items of each decoded type, in the shape the REST API returns them.
var (
	webhookTicketItem = `{
  "type": "ticket", "id": "294", "ticket_id": "17",
  "category": "Customer", "ticket_state": "submitted", "open": true,
  "created_at": 1718000000, "updated_at": 1718000100,
  "ticket_attributes": {"_default_title_": "Printer on fire", "_default_description_": "Smoke"},
  "ticket_type": {"type": "ticket_type", "id": "8", "name": "Bug", "category": "Customer",
    "description": "", "icon": "🐞", "archived": false, "created_at": 1717000000, "workspace_id": "abc123",
    "ticket_type_attributes": {"type": "list", "ticket_type_attributes": []}},
  "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "65f0"}]},
  "admin_assignee_id": ` + idJSON[gen.Ticket]("AdminAssigneeId", "991") + `,
  "team_assignee_id": ` + idJSON[gen.Ticket]("TeamAssigneeId", "0") + `
}`
	webhookConversationItem = `{
  "type": "conversation", "id": "1911149811", "title": null,
  "created_at": 1718000000, "updated_at": 1718000050, "waiting_since": 1718000000, "snoozed_until": null,
  "open": true, "state": "open", "read": false, "priority": "not_priority",
  "admin_assignee_id": null, "team_assignee_id": null,
  "tags": {"type": "tag.list", "tags": []},
  "source": {"type": "conversation", "id": "403918", "delivered_as": "customer_initiated",
    "subject": "", "body": "<p>Hi</p>", "redacted": false,
    "author": {"type": "user", "id": "65f0", "name": "Jane", "email": "jane@example.com"}},
  "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "65f0"}]},
  "teammates": {"type": "admin.list", "teammates": []},
  "custom_attributes": {"plan": "pro"}
}`
	webhookContactItem = `{
  "type": "contact", "id": "65f0", "workspace_id": "abc123", "role": "user",
  "external_id": "user-42", "email": "jane@example.com", "name": "Jane", "phone": null,
  "created_at": 1717000000, "updated_at": 1718000000, "signed_up_at": 1717000000,
  "has_hard_bounced": false, "marked_email_as_spam": false, "unsubscribed_from_emails": false,
  "location": {"type": "location", "country": "France", "city": "Paris"},
  "social_profiles": {"type": "list", "data": []},
  "custom_attributes": {"seats": 3}
}`
	webhookCompanyItem = `{
  "type": "company", "id": "6601", "company_id": "acme", "app_id": "abc123", "name": "Acme",
  "created_at": 1717000000, "updated_at": 1718000000, "remote_created_at": 1700000000,
  "last_request_at": 1718000000, "monthly_spend": 100, "session_count": 4, "size": 12,
  "user_count": 3, "industry": "Anvils", "website": "https://acme.example"
}`
	webhookAdminItem = `{
  "type": "admin", "id": "991", "name": "Ada", "email": "ada@example.com", "job_title": "Support",
  "away_mode_enabled": true, "away_mode_reassign": false, "has_inbox_seat": true, "team_ids": [4, 5]
}`
	webhookVisitorItem = `{
  "type": "visitor", "id": "7a1b", "user_id": "v-9", "app_id": "abc123", "anonymous": true,
  "email": "", "created_at": 1718000000, "updated_at": 1718000000
}`
)

func TestParseNotificationEnvelope(t *testing.T) {
	t.Parallel()
	n, err := ParseNotification([]byte(webhookNotificationJSON("ticket.created", webhookTicketItem)))
	require.NoError(t, err)
	assert.Equal(t, "notif_6c1f0e2a", n.ID)
	assert.Equal(t, "abc123", n.AppID)
	assert.Equal(t, "ticket.created", n.Topic)
	assert.Equal(t, int64(1718000000), n.CreatedAt)
	assert.Equal(t, int64(1718000002), n.FirstSentAt)
	assert.Equal(t, int64(0), n.DeliveredAt)
	assert.Equal(t, 2, n.DeliveryAttempts)
	assert.Equal(t, "retry", n.DeliveryStatus)
	assert.Equal(t, ItemTypeTicket, n.ItemType)
	assert.JSONEq(t, webhookTicketItem, string(n.RawItem))
}

func TestParseNotificationItemTypes(t *testing.T) {
	t.Parallel()
	t.Run("ticket", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "ticket.created", webhookTicketItem)
		tk, ok := n.Ticket()
		require.True(t, ok)
		assert.Same(t, tk, n.Item.(*gen.Ticket))
		assert.Equal(t, "294", tk.Id)
		assert.Equal(t, "17", tk.TicketId)
		assert.Equal(t, TicketStateSubmitted, TicketStateOf(tk))
		require.NotNil(t, tk.TicketType)
		assert.Equal(t, "Bug", tk.GetTicketType().Name)
		require.Len(t, tk.Contacts.Contacts, 1)
		assert.Equal(t, "65f0", tk.Contacts.Contacts[0].Id)
		title, err := tk.TicketAttributes["_default_title_"].AsTicketAttributeString()
		require.NoError(t, err)
		assert.Equal(t, "Printer on fire", title)
		_, isConv := n.Conversation()
		assert.False(t, isConv)
	})
	t.Run("conversation", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "conversation.user.created", webhookConversationItem)
		c, ok := n.Conversation()
		require.True(t, ok)
		assert.Equal(t, "1911149811", c.Id)
		assert.Equal(t, gen.ConversationState("open"), c.State)
		assert.Equal(t, "jane@example.com", c.Source.Author.Email)
		assert.Equal(t, "pro", c.CustomAttributes["plan"])
		_, isTicket := n.Ticket()
		assert.False(t, isTicket)
	})
	t.Run("contact", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "contact.user.created", webhookContactItem)
		c, ok := n.Contact()
		require.True(t, ok)
		assert.Equal(t, "65f0", c.Id)
		assert.Equal(t, "user", c.Role)
		require.NotNil(t, c.ExternalId)
		assert.Equal(t, "user-42", c.GetExternalId())
		assert.Nil(t, c.Phone, "phone is null in the notification")
	})
	t.Run("company", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "company.created", webhookCompanyItem)
		c, ok := n.Company()
		require.True(t, ok)
		assert.Equal(t, "acme", c.CompanyId)
		assert.Equal(t, 100, c.MonthlySpend)
	})
	t.Run("admin", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "admin.away_mode_updated", webhookAdminItem)
		a, ok := n.Admin()
		require.True(t, ok)
		assert.Equal(t, "991", a.Id)
		assert.True(t, a.AwayModeEnabled)
		assert.Equal(t, []int{4, 5}, a.TeamIds)
	})
	t.Run("visitor", func(t *testing.T) {
		t.Parallel()
		n := mustParseWebhookNotification(t, "visitor.signed_up", webhookVisitorItem)
		v, ok := n.Visitor()
		require.True(t, ok)
		assert.Equal(t, "v-9", v.UserId)
		assert.True(t, v.Anonymous)
	})
}

func TestParseNotificationTypeSwitch(t *testing.T) {
	t.Parallel()
	items := map[string]string{
		ItemTypeTicket: webhookTicketItem, ItemTypeConversation: webhookConversationItem, ItemTypeContact: webhookContactItem,
		ItemTypeCompany: webhookCompanyItem, ItemTypeAdmin: webhookAdminItem, ItemTypeVisitor: webhookVisitorItem,
		"ping": `{"type":"ping","message":"hi"}`,
	}
	for want, item := range items {
		n := mustParseWebhookNotification(t, "some.topic", item)
		var got string
		switch n.Item.(type) {
		case *gen.Ticket:
			got = ItemTypeTicket
		case *gen.Conversation:
			got = ItemTypeConversation
		case *gen.Contact:
			got = ItemTypeContact
		case *gen.Company:
			got = ItemTypeCompany
		case *gen.Admin:
			got = ItemTypeAdmin
		case *gen.Visitor:
			got = ItemTypeVisitor
		case json.RawMessage:
			got = "ping"
		}
		assert.Equal(t, want, got)
		assert.Equal(t, want, n.ItemType)
	}
}

func TestParseNotificationUnknownItemStaysRaw(t *testing.T) {
	t.Parallel()
	const item = `{"type": "contact_tag", "created_at": 1718000000,
  "tag": {"type": "tag", "id": "12", "name": "VIP"}, "contact": {"type": "contact", "id": "65f0"}}`
	n := mustParseWebhookNotification(t, "contact.user.tag.created", item)
	assert.Equal(t, "contact_tag", n.ItemType)
	raw, ok := n.Item.(json.RawMessage)
	require.True(t, ok, "item is %T", n.Item)
	assert.JSONEq(t, item, string(raw))
	for name, got := range map[string]bool{
		"ticket": webhookItemOK(n.Ticket()), "conversation": webhookItemOK(n.Conversation()), "contact": webhookItemOK(n.Contact()),
		"company": webhookItemOK(n.Company()), "admin": webhookItemOK(n.Admin()), "visitor": webhookItemOK(n.Visitor()),
	} {
		assert.False(t, got, name)
	}
	// An item without a type field is raw as well.
	n = mustParseWebhookNotification(t, "x", `{"id": "1"}`)
	assert.Empty(t, n.ItemType)
	assert.IsType(t, json.RawMessage{}, n.Item)
}

func TestParseNotificationWithoutItem(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		`{"type":"notification_event","topic":"ping"}`,
		`{"type":"notification_event","topic":"ping","data":{"type":"notification_event_data"}}`,
		`{"type":"notification_event","topic":"ping","data":{"item":null}}`,
	} {
		n, err := ParseNotification([]byte(body))
		require.NoError(t, err, body)
		assert.Nil(t, n.Item, body)
		assert.Empty(t, n.ItemType, body)
		_, ok := n.Ticket()
		assert.False(t, ok)
	}
	var nilN *Notification
	_, ok := nilN.Ticket()
	assert.False(t, ok)
}

func TestParseNotificationRejectsNonNotifications(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		``, `null`, `[]`, `"x"`, `{`, `{}`,
		`{"type":"ticket","id":"1"}`,
		`{"type":"notification_event","created_at":"yesterday"}`,
	} {
		n, err := ParseNotification([]byte(body))
		assert.Nil(t, n, body)
		assert.ErrorIs(t, err, ErrNotNotification, body)
	}
}

func TestParseNotificationItemDecodeError(t *testing.T) {
	t.Parallel()
	// The item says ticket but its id is a number, which gen.Ticket refuses.
	body := webhookNotificationJSON("ticket.created", `{"type":"ticket","id":294}`)
	n, err := ParseNotification([]byte(body))
	assert.Nil(t, n)
	var itemErr *NotificationItemError
	require.ErrorAs(t, err, &itemErr)
	assert.Contains(t, err.Error(), `"ticket"`)
	var typeErr *json.UnmarshalTypeError
	assert.ErrorAs(t, err, &typeErr)
	// The envelope is still there, with the item kept raw.
	env := itemErr.Notification
	assert.Equal(t, "ticket.created", env.Topic)
	assert.Equal(t, "notif_6c1f0e2a", env.ID)
	assert.Equal(t, ItemTypeTicket, env.ItemType)
	assert.JSONEq(t, `{"type":"ticket","id":294}`, string(env.Item.(json.RawMessage)))
	_, ok := env.Ticket()
	assert.False(t, ok)

	// An item that is not an object at all.
	_, err = ParseNotification([]byte(webhookNotificationJSON("x", `"oops"`)))
	require.ErrorAs(t, err, &itemErr)
	assert.Equal(t, "x", itemErr.Notification.Topic)
}

// mustParseWebhookNotification parses an envelope around item.
func mustParseWebhookNotification(t *testing.T, topic, item string) *Notification {
	t.Helper()
	n, err := ParseNotification([]byte(webhookNotificationJSON(topic, item)))
	require.NoError(t, err)
	return n
}

// webhookItemOK keeps the boolean of an accessor's result.
func webhookItemOK[T any](_ *T, ok bool) bool { return ok }
