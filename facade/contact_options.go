package facade

import (
	"time"

	"github.com/go-intercom/intercom/gen"
)

// CreateContactOptions is what Contacts.Create sends. A contact needs an
// Email, an ExternalID or a Role; every other field is optional and left out
// when zero.
type CreateContactOptions struct {
	// Role is ContactRoleUser or ContactRoleLead.
	Role string
	// ExternalID is your own id of the contact.
	ExternalID string
	Email      string
	Phone      string
	Name       string
	// Avatar is the URL of an image.
	Avatar     string
	SignedUpAt time.Time
	LastSeenAt time.Time
	// OwnerID is the id of the admin who owns the contact.
	OwnerID int
	// UnsubscribedFromEmails, when set, opts the contact in or out of email.
	UnsubscribedFromEmails *bool
	// CustomAttributes are the workspace's own attributes, by name.
	CustomAttributes map[string]any
}

// request checks o and builds the body of createContact.
func (o CreateContactOptions) request() (gen.CreateContactRequest, error) {
	if o.Email == "" && o.ExternalID == "" && o.Role == "" {
		return gen.CreateContactRequest{}, invalid("email", "a contact needs an email, an external_id or a role")
	}
	if err := checkContactFields(o.Email, o.Role); err != nil {
		return gen.CreateContactRequest{}, err
	}
	signedUp, err := optionalTime("signed_up_at", o.SignedUpAt)
	if err != nil {
		return gen.CreateContactRequest{}, err
	}
	lastSeen, err := optionalTime("last_seen_at", o.LastSeenAt)
	if err != nil {
		return gen.CreateContactRequest{}, err
	}
	req := gen.CreateContactRequest{
		Role:                   stringOrNil(o.Role),
		ExternalId:             stringOrNil(o.ExternalID),
		Email:                  stringOrNil(o.Email),
		Phone:                  stringOrNil(o.Phone),
		Name:                   stringOrNil(o.Name),
		Avatar:                 stringOrNil(o.Avatar),
		SignedUpAt:             signedUp,
		LastSeenAt:             lastSeen,
		UnsubscribedFromEmails: ptrCopy(o.UnsubscribedFromEmails),
		CustomAttributes:       mapOrNil(o.CustomAttributes),
	}
	if o.OwnerID != 0 {
		gen.SetCreateContactOwner(&req, o.OwnerID)
	}
	return req, nil
}

// UpdateContactOptions is what Contacts.Update changes. Fields left zero are
// not sent and stay as they are. The Nullable fields can also be cleared with
// Null: Phone: facade.Null[string]().
type UpdateContactOptions struct {
	// Role is ContactRoleUser or ContactRoleLead.
	Role       string
	ExternalID string
	Email      string
	Phone      Nullable[string]
	Name       Nullable[string]
	// Avatar is the URL of an image.
	Avatar                 Nullable[string]
	SignedUpAt             Nullable[time.Time]
	LastSeenAt             Nullable[time.Time]
	OwnerID                Nullable[int]
	UnsubscribedFromEmails Nullable[bool]
	// CustomAttributes sets the named attributes; a nil value clears one.
	CustomAttributes map[string]any
}

// request checks o and builds the body of UpdateContact.
func (o UpdateContactOptions) request() (gen.UpdateContactRequest, error) {
	if err := checkContactFields(o.Email, o.Role); err != nil {
		return gen.UpdateContactRequest{}, err
	}
	signedUp, err := nullableTime("signed_up_at", o.SignedUpAt)
	if err != nil {
		return gen.UpdateContactRequest{}, err
	}
	lastSeen, err := nullableTime("last_seen_at", o.LastSeenAt)
	if err != nil {
		return gen.UpdateContactRequest{}, err
	}
	return gen.UpdateContactRequest{
		Role:                   stringOrNil(o.Role),
		ExternalId:             stringOrNil(o.ExternalID),
		Email:                  stringOrNil(o.Email),
		Phone:                  o.Phone,
		Name:                   o.Name,
		Avatar:                 o.Avatar,
		SignedUpAt:             signedUp,
		LastSeenAt:             lastSeen,
		OwnerId:                o.OwnerID,
		UnsubscribedFromEmails: o.UnsubscribedFromEmails,
		CustomAttributes:       mapOrNil(o.CustomAttributes),
	}, nil
}

// checkContactFields checks the email and role a contact request sends.
func checkContactFields(email, role string) error {
	if email != "" {
		if err := checkEmail("email", email); err != nil {
			return err
		}
	}
	if role != "" && role != ContactRoleUser && role != ContactRoleLead {
		return invalid("role", "%q is not user or lead", role)
	}
	return nil
}
