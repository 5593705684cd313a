package webhook

import (
	"encoding/json"

	"github.com/go-intercom/intercom/facade"
)

// Item types that ParseNotification decodes into a facade type. Items of
// other types (ping, contact_tag, event, …) stay raw JSON.
const (
	ItemTypeAdmin        = "admin"        // *facade.Admin
	ItemTypeCompany      = "company"      // *facade.Company
	ItemTypeContact      = "contact"      // *facade.Contact
	ItemTypeConversation = "conversation" // *facade.Conversation
	ItemTypeTicket       = "ticket"       // *facade.Ticket
	ItemTypeVisitor      = "visitor"      // *facade.Visitor
)

// decodeItem decodes raw into the facade type named by itemType, or returns
// raw itself for types without one.
func decodeItem(itemType string, raw json.RawMessage) (any, error) {
	switch itemType {
	case ItemTypeAdmin:
		return decodeInto[facade.Admin](raw)
	case ItemTypeCompany:
		return decodeInto[facade.Company](raw)
	case ItemTypeContact:
		return decodeInto[facade.Contact](raw)
	case ItemTypeConversation:
		return decodeInto[facade.Conversation](raw)
	case ItemTypeTicket:
		return decodeInto[facade.Ticket](raw)
	case ItemTypeVisitor:
		return decodeInto[facade.Visitor](raw)
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
func (n *Notification) Admin() (*facade.Admin, bool) { return itemAs[facade.Admin](n) }

// Company returns the item when it is a company.
func (n *Notification) Company() (*facade.Company, bool) { return itemAs[facade.Company](n) }

// Contact returns the item when it is a contact (a user or a lead).
func (n *Notification) Contact() (*facade.Contact, bool) { return itemAs[facade.Contact](n) }

// Conversation returns the item when it is a conversation.
func (n *Notification) Conversation() (*facade.Conversation, bool) {
	return itemAs[facade.Conversation](n)
}

// Ticket returns the item when it is a ticket.
func (n *Notification) Ticket() (*facade.Ticket, bool) { return itemAs[facade.Ticket](n) }

// Visitor returns the item when it is a visitor.
func (n *Notification) Visitor() (*facade.Visitor, bool) { return itemAs[facade.Visitor](n) }
