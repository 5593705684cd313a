package facade

import "github.com/go-intercom/intercom/internal/wire"

// Nullable is a request field that can be left unset (its zero value, left
// out of the body), set to a value with NewNullable, or cleared with Null,
// which sends an explicit null. Only the fields where the API gives null a
// meaning of its own use it, such as a contact's phone on Contacts.Update.
type Nullable[T any] = wire.Nullable[T]

// NewNullable returns a Nullable that sends v.
func NewNullable[T any](v T) Nullable[T] { return wire.Of(v) }

// Null returns a Nullable that sends an explicit null: it clears the field.
func Null[T any]() Nullable[T] { return wire.Null[T]() }

// Ptr returns a pointer to a copy of v, for the optional pointer fields of
// requests: facade.Ptr(3), facade.Ptr("EUR").
func Ptr[T any](v T) *T { return &v }
