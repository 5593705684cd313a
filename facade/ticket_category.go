package facade

import "slices"

// TicketCategory is the category of a ticket type, and so of its tickets:
// Customer, Back-office or Tracker. A value the server sends that this
// version does not know is kept as it came; Valid reports false for it.
type TicketCategory string

// The ticket categories of Intercom 2.11, spelled as the API spells them.
const (
	TicketCategoryCustomer   TicketCategory = "Customer"
	TicketCategoryBackOffice TicketCategory = "Back-office"
	TicketCategoryTracker    TicketCategory = "Tracker"
)

// ticketCategories lists every known category.
var ticketCategories = []TicketCategory{TicketCategoryCustomer, TicketCategoryBackOffice, TicketCategoryTracker}

// TicketCategories returns every ticket category this version knows.
func TicketCategories() []TicketCategory { return append([]TicketCategory(nil), ticketCategories...) }

// ParseTicketCategory returns the TicketCategory named s (exact spelling:
// "Customer", "Back-office", "Tracker"), or an *InputError naming the field
// category and the allowed values.
func ParseTicketCategory(s string) (TicketCategory, error) {
	return parseEnum("category", s, ticketCategories)
}

// Valid reports whether c is one of the ticket categories of this version.
func (c TicketCategory) Valid() bool { return slices.Contains(ticketCategories, c) }

// String returns the category as the API spells it.
func (c TicketCategory) String() string { return string(c) }

// validTicketCategory checks a category about to be sent; empty means not set.
func validTicketCategory(c TicketCategory) error {
	if c == "" || c.Valid() {
		return nil
	}
	return invalid("category", "got %q, allowed: %s", string(c), enumList(ticketCategories))
}
