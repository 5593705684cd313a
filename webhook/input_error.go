package webhook

import (
	"fmt"

	"github.com/go-intercom/intercom/facade"
)

// invalid builds a *facade.InputError for field with a formatted problem, as
// facade does for its own bad input.
func invalid(field, format string, args ...any) error {
	return &facade.InputError{Field: field, Problem: fmt.Sprintf(format, args...)}
}
