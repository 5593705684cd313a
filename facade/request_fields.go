package facade

import (
	"maps"
	"strconv"
	"time"

	"github.com/go-intercom/intercom/internal/wire"
)

// The helpers below fill the optional fields of gen's request types from
// the facade's options, and name the fields an *InputError points at. Every
// time a request carries goes through unixTimestamp, so each is checked the
// same way.

// ptrCopy returns a pointer to a copy of *p, or nil, so a request never
// shares memory with the caller's options.
func ptrCopy[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// intOrNil returns a pointer to v, or nil when v is zero (not set).
func intOrNil(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

// stringOrNil returns a pointer to v, or nil when v is empty (not set).
func stringOrNil(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

// mapOrNil is a pointer to a copy of m, or nil when m is empty.
func mapOrNil(m map[string]any) *map[string]any {
	if len(m) == 0 {
		return nil
	}
	c := maps.Clone(m)
	return &c
}

// itemField names element i of a list field, as in "options[2]".
func itemField(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}

// unixTimestamp converts t to the Unix seconds the API expects in field,
// rejecting the zero time and times before 1970.
func unixTimestamp(field string, t time.Time) (int64, error) {
	if t.IsZero() {
		return 0, invalid(field, "must be set")
	}
	u := t.Unix()
	if u <= 0 {
		return 0, invalid(field, "must be after 1970-01-01T00:00:00Z, got %s", t.UTC().Format(time.RFC3339))
	}
	return u, nil
}

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
