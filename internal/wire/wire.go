// Package wire holds the value types that the overlay wires into gen with
// x-go-type, where oapi-codegen's own representation would not do; users
// reach them through facade's aliases.
//
//   - NextPage and Avatar are values that Intercom sends in more than one
//     JSON form, where its published description declares only one. Each
//     decodes every known form, keeps which one it read, and encodes back to
//     it, so nothing the API sent is lost.
//   - Nullable is a request value that tells unset, null and a value apart.
package wire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// form is which JSON form a value was read in.
type form uint8

const (
	formObject form = iota
	formString
)

// stringOrObject decodes b, a JSON string or object: a string is returned
// with formString, an object is decoded into obj. what names the value in
// errors.
func stringOrObject(b []byte, obj any, what string) (string, form, error) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		err := json.Unmarshal(b, &s)
		return s, formString, err
	}
	if err := json.Unmarshal(b, obj); err != nil {
		return "", formObject, fmt.Errorf("%s: want a URL or an object: %w", what, err)
	}
	return "", formObject, nil
}

// deref is *p, the zero value when p is nil.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// ref points at v, or is nil when v is the zero value (left out or null).
func ref[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

// NextPage is pages.next of a list: the page after this one. Cursor lists
// send an object ({"per_page": 50, "starting_after": "…"}); page-numbered
// lists send the next page's URL ("https://api.intercom.io/articles?page=2").
type NextPage struct {
	// URL is the next page's address, when the API sent one.
	URL string
	// StartingAfter is the cursor of the next page, when the API sent one.
	StartingAfter string
	// PerPage is the page size the cursor form states.
	PerPage int
	form    form
}

type nextPageObject struct {
	PerPage       *int    `json:"per_page,omitempty"`
	StartingAfter *string `json:"starting_after"`
}

// UnmarshalJSON reads either form.
func (n *NextPage) UnmarshalJSON(b []byte) error {
	var o nextPageObject
	u, f, err := stringOrObject(b, &o, "pages.next")
	if err != nil || f == formString {
		*n = NextPage{URL: u, form: f}
		return err
	}
	*n = NextPage{PerPage: deref(o.PerPage), StartingAfter: deref(o.StartingAfter), form: formObject}
	return nil
}

// MarshalJSON writes the form that was read (an object for a NextPage built
// in code without a URL).
func (n NextPage) MarshalJSON() ([]byte, error) {
	if n.form == formString || (n.URL != "" && n.StartingAfter == "") {
		return json.Marshal(n.URL)
	}
	// An empty cursor is the last page's null.
	return json.Marshal(nextPageObject{PerPage: ref(n.PerPage), StartingAfter: ref(n.StartingAfter)})
}

// Page is the page number the URL form names in its page parameter, 0 when
// n is nil, is a cursor, or its URL names none.
func (n *NextPage) Page() int {
	if n == nil || n.URL == "" {
		return 0
	}
	u, err := url.Parse(n.URL)
	if err != nil {
		return 0
	}
	p, err := strconv.Atoi(u.Query().Get("page"))
	if err != nil || p < 1 {
		return 0
	}
	return p
}

// Cursor is the starting_after of the cursor form, "" when n is nil or a URL.
func (n *NextPage) Cursor() string {
	if n == nil {
		return ""
	}
	return n.StartingAfter
}

// Avatar is a contact's avatar. The API sends the image's URL as a string;
// the published description declares an object {"type": "avatar",
// "image_url": "…"}. Both decode.
type Avatar struct {
	// ImageURL is the image's address ("" when the object form holds null).
	ImageURL string
	// Type is the object form's type ("avatar"), empty for the string form.
	Type string
	form form
}

type avatarObject struct {
	Type     *string `json:"type,omitempty"`
	ImageURL *string `json:"image_url"`
}

// UnmarshalJSON reads either form.
func (a *Avatar) UnmarshalJSON(b []byte) error {
	var o avatarObject
	u, f, err := stringOrObject(b, &o, "avatar")
	if err != nil || f == formString {
		*a = Avatar{ImageURL: u, form: f}
		return err
	}
	*a = Avatar{ImageURL: deref(o.ImageURL), Type: deref(o.Type), form: formObject}
	return nil
}

// MarshalJSON writes the form that was read (the string form for an Avatar
// built in code without a Type).
func (a Avatar) MarshalJSON() ([]byte, error) {
	if a.form == formString || a.Type == "" {
		return json.Marshal(a.ImageURL)
	}
	return json.Marshal(avatarObject{Type: &a.Type, ImageURL: ref(a.ImageURL)})
}

// URL is the image's address, "" when a is nil.
func (a *Avatar) URL() string {
	if a == nil {
		return ""
	}
	return a.ImageURL
}

// TicketState is a ticket's state. API 2.11 sends its category as a string
// ("in_progress"); 2.12 and later send an object {"type": "ticket_state",
// "id", "category", "internal_label", "external_label"}. Both decode, and
// the value encodes back in the form it came in.
type TicketState struct {
	// Category is submitted, in_progress, waiting_on_customer or resolved.
	Category string
	// ID, InternalLabel and ExternalLabel come with the object form only.
	ID            string
	InternalLabel string
	ExternalLabel string
	// Type is the object form's type ("ticket_state").
	Type string
	form form
}

type ticketStateObject struct {
	Type          *string `json:"type,omitempty"`
	ID            *string `json:"id,omitempty"`
	Category      *string `json:"category,omitempty"`
	InternalLabel *string `json:"internal_label,omitempty"`
	ExternalLabel *string `json:"external_label,omitempty"`
}

// UnmarshalJSON reads either form.
func (s *TicketState) UnmarshalJSON(b []byte) error {
	var o ticketStateObject
	c, f, err := stringOrObject(b, &o, "ticket_state")
	if err != nil || f == formString {
		*s = TicketState{Category: c, form: f}
		return err
	}
	*s = TicketState{
		Category:      deref(o.Category),
		ID:            deref(o.ID),
		InternalLabel: deref(o.InternalLabel),
		ExternalLabel: deref(o.ExternalLabel),
		Type:          deref(o.Type),
		form:          formObject,
	}
	return nil
}

// MarshalJSON writes the form that was read (the object form for a
// TicketState built in code).
func (s TicketState) MarshalJSON() ([]byte, error) {
	if s.form == formString {
		return json.Marshal(s.Category)
	}
	return json.Marshal(ticketStateObject{
		Type:          ref(s.Type),
		ID:            ref(s.ID),
		Category:      ref(s.Category),
		InternalLabel: ref(s.InternalLabel),
		ExternalLabel: ref(s.ExternalLabel),
	})
}

// String is the state's category, so that printing a ticket's state shows
// "in_progress" on every version.
func (s TicketState) String() string { return s.Category }
