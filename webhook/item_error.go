package webhook

import "fmt"

// ItemError is returned by ParseNotification when the envelope is valid but
// its item does not decode into the type its type field names.
type ItemError struct {
	// Notification is the decoded envelope, with Item left as raw JSON.
	Notification *Notification
	// Err is the decoding error.
	Err error
}

// Error implements error.
func (e *ItemError) Error() string {
	return fmt.Sprintf("intercom: webhook notification item of type %q: %v", e.Notification.ItemType, e.Err)
}

// Unwrap returns the decoding error.
func (e *ItemError) Unwrap() error { return e.Err }
