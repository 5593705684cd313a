package webhook

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// notificationJSON wraps an item in a notification envelope.
func notificationJSON(topic, item string) string {
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
	ticketItem = `{
  "type": "ticket", "id": "294", "ticket_id": "17",
  "category": "Customer", "ticket_state": "submitted", "open": true,
  "created_at": 1718000000, "updated_at": 1718000100,
  "ticket_attributes": {"_default_title_": "Printer on fire", "_default_description_": "Smoke"},
  "ticket_type": {"type": "ticket_type", "id": "8", "name": "Bug", "category": "Customer",
    "description": "", "icon": "🐞", "archived": false, "created_at": 1717000000, "workspace_id": "abc123",
    "ticket_type_attributes": {"type": "list", "ticket_type_attributes": []}},
  "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "65f0"}]},
  "admin_assignee_id": ` + ticketIDJSON("AdminAssigneeId", "991") + `,
  "team_assignee_id": ` + ticketIDJSON("TeamAssigneeId", "0") + `
}`
	conversationItem = `{
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
	contactItem = `{
  "type": "contact", "id": "65f0", "workspace_id": "abc123", "role": "user",
  "external_id": "user-42", "email": "jane@example.com", "name": "Jane", "phone": null,
  "created_at": 1717000000, "updated_at": 1718000000, "signed_up_at": 1717000000,
  "has_hard_bounced": false, "marked_email_as_spam": false, "unsubscribed_from_emails": false,
  "location": {"type": "location", "country": "France", "city": "Paris"},
  "social_profiles": {"type": "list", "data": []},
  "custom_attributes": {"seats": 3}
}`
	companyItem = `{
  "type": "company", "id": "6601", "company_id": "acme", "app_id": "abc123", "name": "Acme",
  "created_at": 1717000000, "updated_at": 1718000000, "remote_created_at": 1700000000,
  "last_request_at": 1718000000, "monthly_spend": 100, "session_count": 4, "size": 12,
  "user_count": 3, "industry": "Anvils", "website": "https://acme.example"
}`
	adminItem = `{
  "type": "admin", "id": "991", "name": "Ada", "email": "ada@example.com", "job_title": "Support",
  "away_mode_enabled": true, "away_mode_reassign": false, "has_inbox_seat": true, "team_ids": [4, 5]
}`
	visitorItem = `{
  "type": "visitor", "id": "7a1b", "user_id": "v-9", "app_id": "abc123", "anonymous": true,
  "email": "", "created_at": 1718000000, "updated_at": 1718000000
}`
)

func TestParseNotificationEnvelope(t *testing.T) {
	t.Parallel()
	n, err := ParseNotification([]byte(notificationJSON("ticket.created", ticketItem)))
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
	assert.JSONEq(t, ticketItem, string(n.RawItem))
}

func TestParseNotificationItemTypes(t *testing.T) {
	t.Parallel()
	t.Run("ticket", func(t *testing.T) {
		t.Parallel()
		n := mustParse(t, "ticket.created", ticketItem)
		tk, ok := n.Ticket()
		require.True(t, ok)
		assert.Same(t, tk, n.Item.(*facade.Ticket))
		assert.Equal(t, "294", tk.Id)
		assert.Equal(t, "17", tk.TicketId)
		assert.Equal(t, facade.TicketStateSubmitted, facade.TicketStateOf(tk))
		// Assignee ids are strings in 2.11 and integers from 2.16 on.
		assert.Equal(t, "991", fmt.Sprint(tk.GetAdminAssigneeId()))
		assert.Equal(t, "0", fmt.Sprint(tk.GetTeamAssigneeId()))
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
		n := mustParse(t, "conversation.user.created", conversationItem)
		c, ok := n.Conversation()
		require.True(t, ok)
		assert.Equal(t, "1911149811", c.Id)
		assert.EqualValues(t, "open", c.State)
		assert.Equal(t, "jane@example.com", c.Source.Author.Email)
		assert.Equal(t, "pro", c.CustomAttributes["plan"])
		_, isTicket := n.Ticket()
		assert.False(t, isTicket)
	})
	t.Run("contact", func(t *testing.T) {
		t.Parallel()
		n := mustParse(t, "contact.user.created", contactItem)
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
		n := mustParse(t, "company.created", companyItem)
		c, ok := n.Company()
		require.True(t, ok)
		assert.Equal(t, "acme", c.CompanyId)
		assert.Equal(t, 100, c.MonthlySpend)
	})
	t.Run("admin", func(t *testing.T) {
		t.Parallel()
		n := mustParse(t, "admin.away_mode_updated", adminItem)
		a, ok := n.Admin()
		require.True(t, ok)
		assert.Equal(t, "991", a.Id)
		assert.True(t, a.AwayModeEnabled)
		assert.Equal(t, []int{4, 5}, a.TeamIds)
	})
	t.Run("visitor", func(t *testing.T) {
		t.Parallel()
		n := mustParse(t, "visitor.signed_up", visitorItem)
		v, ok := n.Visitor()
		require.True(t, ok)
		assert.Equal(t, "v-9", v.UserId)
		assert.True(t, v.Anonymous)
	})
}

func TestParseNotificationTypeSwitch(t *testing.T) {
	t.Parallel()
	items := map[string]string{
		ItemTypeTicket: ticketItem, ItemTypeConversation: conversationItem, ItemTypeContact: contactItem,
		ItemTypeCompany: companyItem, ItemTypeAdmin: adminItem, ItemTypeVisitor: visitorItem,
		"ping": `{"type":"ping","message":"hi"}`,
	}
	for want, item := range items {
		n := mustParse(t, "some.topic", item)
		var got string
		switch n.Item.(type) {
		case *facade.Ticket:
			got = ItemTypeTicket
		case *facade.Conversation:
			got = ItemTypeConversation
		case *facade.Contact:
			got = ItemTypeContact
		case *facade.Company:
			got = ItemTypeCompany
		case *facade.Admin:
			got = ItemTypeAdmin
		case *facade.Visitor:
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
	n := mustParse(t, "contact.user.tag.created", item)
	assert.Equal(t, "contact_tag", n.ItemType)
	raw, ok := n.Item.(json.RawMessage)
	require.True(t, ok, "item is %T", n.Item)
	assert.JSONEq(t, item, string(raw))
	for name, got := range map[string]bool{
		"ticket": itemOK(n.Ticket()), "conversation": itemOK(n.Conversation()), "contact": itemOK(n.Contact()),
		"company": itemOK(n.Company()), "admin": itemOK(n.Admin()), "visitor": itemOK(n.Visitor()),
	} {
		assert.False(t, got, name)
	}
	// An item without a type field is raw as well.
	n = mustParse(t, "x", `{"id": "1"}`)
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
	// The item says ticket but its id is a number, which facade.Ticket refuses.
	body := notificationJSON("ticket.created", `{"type":"ticket","id":294}`)
	n, err := ParseNotification([]byte(body))
	assert.Nil(t, n)
	var itemErr *ItemError
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
	_, err = ParseNotification([]byte(notificationJSON("x", `"oops"`)))
	require.ErrorAs(t, err, &itemErr)
	assert.Equal(t, "x", itemErr.Notification.Topic)
}

// mustParse parses an envelope around item.
func mustParse(t *testing.T, topic, item string) *Notification {
	t.Helper()
	n, err := ParseNotification([]byte(notificationJSON(topic, item)))
	require.NoError(t, err)
	return n
}

// itemOK keeps the boolean of an accessor's result.
func itemOK[T any](_ *T, ok bool) bool { return ok }

// ticketIDJSON writes id as JSON the way facade.Ticket's field holds it: a
// string, or a number where the description gen was generated from types the
// id as an integer (the assignee ids of 2.16).
func ticketIDJSON(field, id string) string {
	f, ok := reflect.TypeFor[facade.Ticket]().FieldByName(field)
	if !ok {
		panic("facade.Ticket has no field " + field)
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.String {
		return strconv.Quote(id)
	}
	return id
}
