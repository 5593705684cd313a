package facade

import (
	"bytes"
	"encoding/json"
)

// TicketAttributeKind is which variant of a ticket attribute value a ticket
// carries.
type TicketAttributeKind string

// The kinds of ticket attribute values. Null is an attribute the ticket
// does not set.
const (
	TicketAttributeKindString TicketAttributeKind = "string"
	TicketAttributeKindNumber TicketAttributeKind = "number"
	TicketAttributeKindBool   TicketAttributeKind = "bool"
	TicketAttributeKindList   TicketAttributeKind = "list"
	TicketAttributeKindNull   TicketAttributeKind = "null"
)

// TicketAttributeValue is one value of a ticket's ticket_attributes, told
// apart by its JSON kind. Only the field of its Kind is set.
type TicketAttributeValue struct {
	Kind   TicketAttributeKind
	String string
	// Number keeps the digits as sent (gen's float32 variant would round
	// large integers).
	Number json.Number
	Bool   bool
	List   []any
	// Raw is the value as received.
	Raw json.RawMessage
}

// DecodeTicketAttribute tells which variant of ticket_custom_attributes a
// value holds (string, number, bool, list, or null), by its JSON kind. An
// object, or anything else, is a *UnionError.
func DecodeTicketAttribute(v TicketAttributeRaw) (TicketAttributeValue, error) {
	const union = "ticket_custom_attributes"
	raw, _ := v.MarshalJSON()
	out := TicketAttributeValue{Raw: cloneRaw(raw)}
	t := bytes.TrimSpace(raw)
	fail := func(problem string) (TicketAttributeValue, error) {
		return TicketAttributeValue{}, &UnionError{Union: union, Problem: problem, Raw: cloneRaw(raw)}
	}
	if len(t) == 0 {
		return fail("empty value")
	}
	var err error
	switch c := t[0]; {
	case c == '"':
		out.Kind = TicketAttributeKindString
		err = json.Unmarshal(t, &out.String)
	case c == 't' || c == 'f':
		out.Kind = TicketAttributeKindBool
		err = json.Unmarshal(t, &out.Bool)
	case c == 'n':
		out.Kind = TicketAttributeKindNull
		if !bytes.Equal(t, []byte("null")) {
			return fail("not JSON")
		}
	case c == '[':
		out.Kind = TicketAttributeKindList
		err = json.Unmarshal(t, &out.List)
	case c == '-' || (c >= '0' && c <= '9'):
		out.Kind = TicketAttributeKindNumber
		err = json.Unmarshal(t, &out.Number)
	case c == '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(t, &obj) == nil {
			return TicketAttributeValue{}, unionMismatch(union, raw, obj, "", "an object is none of string, number, bool or list")
		}
		return fail("not JSON")
	default:
		return fail("not JSON")
	}
	if err != nil {
		return fail("not JSON: " + err.Error())
	}
	return out, nil
}

// TicketAttributesOf decodes every ticket attribute of t. It stops at the
// first value that matches no variant and returns its *UnionError.
func TicketAttributesOf(t *Ticket) (map[string]TicketAttributeValue, error) {
	out := make(map[string]TicketAttributeValue, len(t.TicketAttributes))
	for name, v := range t.TicketAttributes {
		a, err := DecodeTicketAttribute(v)
		if err != nil {
			if ue, ok := err.(*UnionError); ok {
				ue.Union = "ticket_attributes." + name
			}
			return nil, err
		}
		out[name] = a
	}
	return out, nil
}
