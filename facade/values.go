package facade

import (
	"time"

	"github.com/go-intercom/intercom/internal/wire"
)

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

// optionalTime is t in Unix seconds for an optional request field, nil for
// the zero Time, and an *InputError naming field for a time before 1970.
func optionalTime(field string, t time.Time) (*int, error) {
	if t.IsZero() {
		return nil, nil
	}
	u, err := unixTimestamp(field, t)
	if err != nil {
		return nil, err
	}
	v := int(u)
	return &v, nil
}

// nullableTime is n in Unix seconds, keeping unset and null.
func nullableTime(field string, n Nullable[time.Time]) (Nullable[int], error) {
	t, ok := n.Get()
	if !ok {
		if n.IsNull() {
			return wire.Null[int](), nil
		}
		return Nullable[int]{}, nil
	}
	u, err := unixTimestamp(field, t)
	if err != nil {
		return Nullable[int]{}, err
	}
	return wire.Of(int(u)), nil
}
