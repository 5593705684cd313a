package facade

import (
	"slices"
	"strings"
)

// The facade's enums (TicketState, TicketCategory, ReplyMessageType,
// PartAuthorType, TicketTypeAttributeDataType) are string types with the
// values of this API version in a list; these helpers give each its Parse
// and Valid.

// parseEnum returns s as a T when allowed lists it, and otherwise an
// *InputError naming field and the allowed values.
func parseEnum[T ~string](field, s string, allowed []T) (T, error) {
	if !slices.Contains(allowed, T(s)) {
		return "", invalid(field, "got %q, allowed: %s", s, enumList(allowed))
	}
	return T(s), nil
}

// enumList lists enum values for an error message: "a, b, c".
func enumList[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
