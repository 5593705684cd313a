package facade

// ContactIdentifier says which contact a reply is written on behalf of: by
// Intercom's id, by your own user_id, or by email. Build one with
// ByIntercomUserID, ByUserID or ByEmail; the zero value identifies no one and
// is rejected before sending.
type ContactIdentifier struct {
	field string
	value string
}

// ByIntercomUserID identifies a contact by the id Intercom gave it.
func ByIntercomUserID(id string) ContactIdentifier {
	return ContactIdentifier{field: "intercom_user_id", value: id}
}

// ByUserID identifies a contact by the user_id your application gave it.
func ByUserID(id string) ContactIdentifier { return ContactIdentifier{field: "user_id", value: id} }

// ByEmail identifies a contact by its email address.
func ByEmail(addr string) ContactIdentifier { return ContactIdentifier{field: "email", value: addr} }

// Field returns the request field that carries the identifier:
// intercom_user_id, user_id or email ("" for the zero value).
func (c ContactIdentifier) Field() string { return c.field }

// Value returns the identifier itself.
func (c ContactIdentifier) Value() string { return c.value }

// validate checks that c names a contact.
func (c ContactIdentifier) validate() error {
	if c.field == "" {
		return invalid("intercom_user_id|user_id|email", "a contact reply needs exactly one identifier: use ByIntercomUserID, ByUserID or ByEmail")
	}
	if c.value == "" {
		return invalid(c.field, "must not be empty")
	}
	if c.field == "email" {
		return checkEmail(c.field, c.value)
	}
	return nil
}
