package facade

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/go-intercom/intercom/gen"
)

// Item types that ParseNotification decodes into a gen type. Items of other
// types (ping, contact_tag, event, …) stay raw JSON.
const (
	ItemTypeAdmin        = "admin"
	ItemTypeCompany      = "company"
	ItemTypeContact      = "contact"
	ItemTypeConversation = "conversation"
	ItemTypeTicket       = "ticket"
	ItemTypeVisitor      = "visitor"
)

// notificationEventType is the type of every webhook notification envelope.
const notificationEventType = "notification_event"

// ErrNotNotification is returned (wrapped) by ParseNotification when the body
// is not a webhook notification envelope.
var ErrNotNotification = errors.New("intercom: not a webhook notification")

// Notification is a webhook notification: the envelope Intercom posts to a
// webhook endpoint, with the object the event is about.
type Notification struct {
	// ID identifies the notification; a retried delivery keeps it, so use
	// it to drop duplicates.
	ID string
	// AppID is the workspace the event happened in.
	AppID string
	// Topic names the event, such as "conversation.user.created" or
	// "ticket.state.updated".
	Topic string
	// CreatedAt is when the notification was created, in Unix seconds.
	CreatedAt int64
	// FirstSentAt is when the first delivery was attempted, in Unix seconds.
	FirstSentAt int64
	// DeliveredAt is when delivery succeeded, in Unix seconds; usually 0 in
	// the delivery itself.
	DeliveredAt int64
	// DeliveryAttempts counts the deliveries tried, this one included.
	DeliveryAttempts int
	// DeliveryStatus is Intercom's delivery state of the notification.
	DeliveryStatus string

	// ItemType is the type field of the item (data.item.type), such as
	// "ticket"; empty when the item has none.
	ItemType string
	// Item is the item decoded into the gen type ItemType names (*gen.Ticket,
	// *gen.Conversation, *gen.Contact, *gen.Company, *gen.Admin or
	// *gen.Visitor), or, for other types, the item's raw JSON as a
	// json.RawMessage. It is nil when the notification has no item.
	Item any
	// RawItem is the item's JSON as received, whatever its type.
	RawItem json.RawMessage
}

// NotificationItemError is returned by ParseNotification when the envelope is
// valid but its item does not decode into the gen type its type names.
type NotificationItemError struct {
	// Notification is the decoded envelope, with Item left as raw JSON.
	Notification *Notification
	// Err is the decoding error.
	Err error
}

// Error implements error.
func (e *NotificationItemError) Error() string {
	return fmt.Sprintf("intercom: webhook notification item of type %q: %v", e.Notification.ItemType, e.Err)
}

// Unwrap returns the decoding error.
func (e *NotificationItemError) Unwrap() error { return e.Err }

// wireNotification is the JSON form of a notification.
type wireNotification struct {
	Type             string `json:"type"`
	ID               string `json:"id"`
	AppID            string `json:"app_id"`
	Topic            string `json:"topic"`
	CreatedAt        int64  `json:"created_at"`
	FirstSentAt      int64  `json:"first_sent_at"`
	DeliveredAt      int64  `json:"delivered_at"`
	DeliveryAttempts int    `json:"delivery_attempts"`
	DeliveryStatus   string `json:"delivery_status"`
	Data             *struct {
		Item json.RawMessage `json:"item"`
	} `json:"data"`
}

// ParseNotification decodes a webhook notification body. Verify the body's
// signature first (VerifyWebhook or NewWebhookHandler).
//
// The error wraps ErrNotNotification when the body is not a notification
// envelope, and is a *NotificationItemError, which still carries the
// envelope, when the item does not decode into its gen type.
func ParseNotification(body []byte) (*Notification, error) {
	var w wireNotification
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotNotification, err)
	}
	if w.Type != notificationEventType {
		return nil, fmt.Errorf("%w: type is %q, want %q", ErrNotNotification, w.Type, notificationEventType)
	}
	n := &Notification{
		ID:               w.ID,
		AppID:            w.AppID,
		Topic:            w.Topic,
		CreatedAt:        w.CreatedAt,
		FirstSentAt:      w.FirstSentAt,
		DeliveredAt:      w.DeliveredAt,
		DeliveryAttempts: w.DeliveryAttempts,
		DeliveryStatus:   w.DeliveryStatus,
	}
	if w.Data == nil || len(w.Data.Item) == 0 || bytes.Equal(w.Data.Item, []byte("null")) {
		return n, nil
	}
	n.RawItem = w.Data.Item
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(n.RawItem, &head); err != nil {
		n.Item = n.RawItem
		return nil, &NotificationItemError{Notification: n, Err: err}
	}
	n.ItemType = head.Type
	item, err := decodeItem(head.Type, n.RawItem)
	if err != nil {
		n.Item = n.RawItem
		return nil, &NotificationItemError{Notification: n, Err: err}
	}
	n.Item = item
	return n, nil
}

// decodeItem decodes raw into the gen type named by itemType, or returns raw
// itself for types without one.
func decodeItem(itemType string, raw json.RawMessage) (any, error) {
	switch itemType {
	case ItemTypeAdmin:
		return decodeInto[gen.Admin](raw)
	case ItemTypeCompany:
		return decodeInto[gen.Company](raw)
	case ItemTypeContact:
		return decodeInto[gen.Contact](raw)
	case ItemTypeConversation:
		return decodeInto[gen.Conversation](raw)
	case ItemTypeTicket:
		return decodeInto[gen.Ticket](raw)
	case ItemTypeVisitor:
		return decodeInto[gen.Visitor](raw)
	default:
		return raw, nil
	}
}

// decodeInto unmarshals raw into a new T.
func decodeInto[T any](raw json.RawMessage) (any, error) {
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, err
	}
	return v, nil
}

// itemAs returns n.Item as a *T when it holds one.
func itemAs[T any](n *Notification) (*T, bool) {
	if n == nil {
		return nil, false
	}
	v, ok := n.Item.(*T)
	return v, ok && v != nil
}

// Admin returns the item when it is an admin.
func (n *Notification) Admin() (*Admin, bool) { return itemAs[Admin](n) }

// Company returns the item when it is a company.
func (n *Notification) Company() (*Company, bool) { return itemAs[Company](n) }

// Contact returns the item when it is a contact (a user or a lead).
func (n *Notification) Contact() (*Contact, bool) { return itemAs[Contact](n) }

// Conversation returns the item when it is a conversation.
func (n *Notification) Conversation() (*Conversation, bool) {
	return itemAs[Conversation](n)
}

// Ticket returns the item when it is a ticket.
func (n *Notification) Ticket() (*Ticket, bool) { return itemAs[Ticket](n) }

// Visitor returns the item when it is a visitor.
func (n *Notification) Visitor() (*Visitor, bool) { return itemAs[Visitor](n) }
