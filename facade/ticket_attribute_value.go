package facade

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"

	"github.com/go-intercom/intercom/gen"
)

// TicketAttributeRaw is one custom attribute value of a ticket as decoded;
// DecodeTicketAttribute tells its variants apart.
type TicketAttributeRaw = gen.TicketCustomAttributes_AdditionalProperties

// TicketAttributeKind is which variant of a ticket attribute value a ticket
// carries.
type TicketAttributeKind string

// The kinds of ticket attribute values. Null is an attribute the ticket
// does not set; File is a file uploaded to a file attribute.
const (
	TicketAttributeKindString TicketAttributeKind = "string"
	TicketAttributeKindNumber TicketAttributeKind = "number"
	TicketAttributeKindBool   TicketAttributeKind = "bool"
	TicketAttributeKindList   TicketAttributeKind = "list"
	TicketAttributeKindNull   TicketAttributeKind = "null"
	TicketAttributeKindFile   TicketAttributeKind = "file"
)

// FileAttribute is a file uploaded to a ticket's file attribute (2.11's
// file_attribute): its name, a temporary URL, content type, size in bytes
// and, for images, width and height in pixels.
type FileAttribute = gen.FileAttribute

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
	// File is the uploaded file of a file attribute.
	File *FileAttribute
	// Raw is the value as received, every field included.
	Raw json.RawMessage
}

// DecodeTicketAttribute tells which variant of ticket_custom_attributes a
// value holds (string, number, bool, list, null, or a file), by its JSON
// kind. An object is the file variant (file_attribute) when it carries the
// file's type and url as strings; its other fields are read when present.
// Any other object, or a file field of the wrong type, is a *UnionError.
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
		if json.Unmarshal(t, &obj) != nil {
			return fail("not JSON")
		}
		_, hasType := stringField(obj, "type")
		_, hasURL := stringField(obj, "url")
		if !hasType || !hasURL {
			return TicketAttributeValue{}, unionMismatch(union, raw, obj, "type", "an object is a file only with a type and a url; it is none of string, number, bool or list")
		}
		var f FileAttribute
		if err := json.Unmarshal(t, &f); err != nil {
			return TicketAttributeValue{}, unionMismatch(union, raw, obj, "type", "a file field has the wrong type: %v", err)
		}
		out.Kind = TicketAttributeKindFile
		out.File = &f
	default:
		return fail("not JSON")
	}
	if err != nil {
		return fail("not JSON: " + err.Error())
	}
	return out, nil
}

// TicketAttributesOf decodes every ticket attribute of t. A value that
// matches no variant does not hide the others: the map holds every value
// that decodes, and the error joins the *UnionError of each that does not
// (its Raw keeps the value).
func TicketAttributesOf(t *Ticket) (map[string]TicketAttributeValue, error) {
	attrs := t.GetTicketAttributes()
	out := make(map[string]TicketAttributeValue, len(attrs))
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		a, err := DecodeTicketAttribute(attrs[name])
		if err != nil {
			if ue, ok := err.(*UnionError); ok {
				ue.Union = "ticket_attributes." + name
			}
			errs = append(errs, err)
			continue
		}
		out[name] = a
	}
	return out, errors.Join(errs...)
}
