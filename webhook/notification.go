package webhook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	// Item is the item decoded into the facade type ItemType names
	// (*facade.Ticket, *facade.Conversation, *facade.Contact,
	// *facade.Company, *facade.Admin or *facade.Visitor), or, for other
	// types, the item's raw JSON as a json.RawMessage. It is nil when the
	// notification has no item.
	Item any
	// RawItem is the item's JSON as received, whatever its type.
	RawItem json.RawMessage
}

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
// signature first (Verify, or a Handler).
//
// The error wraps ErrNotNotification when the body is not a notification
// envelope, and is an *ItemError, which still carries the envelope, when the
// item does not decode into the type its type field names.
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
		return nil, &ItemError{Notification: n, Err: err}
	}
	n.ItemType = head.Type
	item, err := decodeItem(head.Type, n.RawItem)
	if err != nil {
		n.Item = n.RawItem
		return nil, &ItemError{Notification: n, Err: err}
	}
	n.Item = item
	return n, nil
}
