package facade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Decoding oneOf values
//
// gen's oneOf types keep the raw JSON and offer AsX methods that unmarshal
// into any variant without checking it is the right one. Where the facade
// reads a oneOf the API sends (DecodeTicketAttribute), it reads the field
// that tells the variants apart first and only then converts, so a value is
// never read as the wrong variant. A value that matches no variant is a
// *UnionError naming the union and the fields seen, with the raw JSON kept.

// UnionError reports a oneOf value that matches none of its variants.
type UnionError struct {
	// Union is the schema name of the oneOf, e.g. "reply_ticket_request".
	Union string
	// Seen lists the top-level fields of the value, with the value of the
	// discriminating field when it is a string (`type="robot"`).
	Seen []string
	// Problem says why no variant matched.
	Problem string
	// Raw is the value as received. Error does not print it.
	Raw json.RawMessage
}

// Error implements error. It names the union and the fields, never the
// values (other than the discriminator), so it is safe to log.
func (e *UnionError) Error() string {
	return fmt.Sprintf("intercom: %s matches no variant: %s (fields seen: %s)", e.Union, e.Problem, strings.Join(e.Seen, ", "))
}

// unionObject parses raw as a JSON object, or returns a *UnionError.
func unionObject(union string, raw []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, &UnionError{Union: union, Problem: "not a JSON object", Raw: cloneRaw(raw)}
	}
	return obj, nil
}

// unionMismatch builds the *UnionError for obj.
func unionMismatch(union string, raw []byte, obj map[string]json.RawMessage, discriminator, format string, args ...any) *UnionError {
	seen := make([]string, 0, len(obj))
	for k, v := range obj {
		if k == discriminator {
			var s string
			if json.Unmarshal(v, &s) == nil {
				seen = append(seen, fmt.Sprintf("%s=%q", k, s))
				continue
			}
		}
		seen = append(seen, k)
	}
	sort.Strings(seen)
	return &UnionError{Union: union, Seen: seen, Problem: fmt.Sprintf(format, args...), Raw: cloneRaw(raw)}
}

// stringField reads obj[field] as a string; ok is false when it is absent or
// not a string.
func stringField(obj map[string]json.RawMessage, field string) (string, bool) {
	v, present := obj[field]
	if !present {
		return "", false
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return "", false
	}
	return s, true
}

// identityField returns which one of fields obj carries (as a non-null
// value); none or several is a *UnionError.
func identityField(union string, raw []byte, obj map[string]json.RawMessage, fields ...string) (string, error) {
	var found []string
	for _, f := range fields {
		if v, ok := obj[f]; ok && !bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
			found = append(found, f)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", unionMismatch(union, raw, obj, "", "none of %s is present", strings.Join(fields, ", "))
	default:
		return "", unionMismatch(union, raw, obj, "", "several identities are present: %s", strings.Join(found, ", "))
	}
}

func cloneRaw(raw []byte) json.RawMessage { return append(json.RawMessage(nil), raw...) }
