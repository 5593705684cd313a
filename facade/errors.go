package facade

import "fmt"

// Error is a non-2xx answer from the API.
type Error struct {
	// Response is the exchange's metadata: status, request id, rate limit.
	*Response
	Method string
	Path   string
	// Errors are the entries of Intercom's error.list body.
	Errors []ErrorDetail
}

// ErrorDetail is one entry of Intercom's error.list body.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("intercom: %s %s: %d", e.Method, e.Path, e.StatusCode)
}
