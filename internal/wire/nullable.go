package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Nullable is the value of the request fields where the API gives an
// explicit null a meaning of its own (clearing a contact's phone, moving a
// collection to the top level); users reach it as facade.Nullable. It is a
// request value that is unset (the zero value, left out of the
// JSON body), null (sent as null), or a value. It is a plain struct: holding
// or copying one allocates nothing.
type Nullable[T any] struct {
	value T
	state state
}

type state uint8

const (
	unset state = iota
	null
	set
)

// Of returns a Nullable that holds v.
func Of[T any](v T) Nullable[T] { return Nullable[T]{value: v, state: set} }

// Null returns a Nullable that is sent as an explicit null.
func Null[T any]() Nullable[T] { return Nullable[T]{state: null} }

// IsZero reports whether n is unset; `omitzero` leaves such a field out.
func (n Nullable[T]) IsZero() bool { return n.state == unset }

// IsNull reports whether n is an explicit null.
func (n Nullable[T]) IsNull() bool { return n.state == null }

// Get returns the value and whether n holds one (false when unset or null).
func (n Nullable[T]) Get() (T, bool) { return n.value, n.state == set }

// String shows the value, "null" or "unset".
func (n Nullable[T]) String() string {
	switch n.state {
	case set:
		return fmt.Sprint(n.value)
	case null:
		return "null"
	}
	return "unset"
}

// MarshalJSON writes the value, or null when n is null or unset.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != set {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON reads a value or null.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*n = Null[T]()
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*n = Of(v)
	return nil
}
