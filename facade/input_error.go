package facade

import (
	"fmt"
	"net/mail"
)

// InputError reports a value the caller passed that the API would reject. It
// is returned before any request is sent, and names the field and what the
// field allows.
type InputError struct {
	// Field is the request field or parameter, as the API names it
	// ("ticket_state", "admin_id", "attachment_urls[3]").
	Field string
	// Problem says what is wrong and what is allowed.
	Problem string
}

// Error implements error.
func (e *InputError) Error() string {
	return fmt.Sprintf("intercom: invalid %s: %s", e.Field, e.Problem)
}

// invalid builds an *InputError for field with a formatted problem.
func invalid(field, format string, args ...any) error {
	return &InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}

// required returns an *InputError when value is empty.
func required(field, value string) error {
	if value == "" {
		return invalid(field, "must not be empty")
	}
	return nil
}

// checkEmail returns an *InputError unless v is a bare email address (no
// display name, no angle brackets).
func checkEmail(field, v string) error {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v {
		return invalid(field, "%q is not an email address", v)
	}
	return nil
}
