package facade

import (
	"slices"

	"github.com/go-intercom/intercom/internal/wire"
)

// TicketState is the state of a ticket: submitted, in_progress,
// waiting_on_customer or resolved. A value the server sends that this version
// does not know is kept as it came; Valid reports false for it.
type TicketState string

// The ticket states of Intercom 2.11.
const (
	TicketStateSubmitted         TicketState = "submitted"
	TicketStateInProgress        TicketState = "in_progress"
	TicketStateWaitingOnCustomer TicketState = "waiting_on_customer"
	TicketStateResolved          TicketState = "resolved"
)

// ticketStates lists every known state, in workflow order.
var ticketStates = []TicketState{TicketStateSubmitted, TicketStateInProgress, TicketStateWaitingOnCustomer, TicketStateResolved}

// TicketStates returns every ticket state this version knows.
func TicketStates() []TicketState { return append([]TicketState(nil), ticketStates...) }

// ParseTicketState returns the TicketState named s, or an *InputError naming
// the field ticket_state and the allowed values.
func ParseTicketState(s string) (TicketState, error) {
	return parseEnum("ticket_state", s, ticketStates)
}

// Valid reports whether s is one of the ticket states of this version.
func (s TicketState) Valid() bool { return slices.Contains(ticketStates, s) }

// String returns the state as the API spells it.
func (s TicketState) String() string { return string(s) }

// settableTicketStates are the states an update may move a ticket to.
var settableTicketStates = []TicketState{TicketStateInProgress, TicketStateWaitingOnCustomer, TicketStateResolved}

// validUpdateState checks the state of an update: only in_progress,
// waiting_on_customer or resolved; a ticket can never be moved back to
// submitted.
func validUpdateState(s TicketState) error {
	if s == TicketStateSubmitted {
		return invalid("state", "a ticket cannot be moved back to submitted; allowed: %s", enumList(settableTicketStates))
	}
	for _, v := range settableTicketStates {
		if s == v {
			return nil
		}
	}
	return invalid("state", "got %q, allowed: %s", string(s), enumList(settableTicketStates))
}

// TicketStateRaw is a ticket's state as decoded (Ticket.TicketState): the
// category 2.11 sends, or the object of 2.12 and later. TicketStateOf and
// TicketStateDetailsOf read it.
type TicketStateRaw = wire.TicketState

// TicketStateOf returns the category of t's state as a TicketState.
func TicketStateOf(t *Ticket) TicketState {
	if t == nil {
		return ""
	}
	return TicketState(t.TicketState.Category)
}

// TicketStateDetails is what a ticket says about its state. From API 2.12 a
// ticket's state is an object with an id and labels; 2.11 sends only the
// category, and ID and the labels are empty there.
type TicketStateDetails struct {
	// ID is the ticket state's id, what UpdateTicketOptions.StateID takes.
	ID       string
	Category TicketState
	// InternalLabel is the state's name for admins, ExternalLabel for
	// contacts.
	InternalLabel string
	ExternalLabel string
}

// TicketStateDetailsOf returns the state of t in full.
func TicketStateDetailsOf(t *Ticket) TicketStateDetails {
	if t == nil {
		return TicketStateDetails{}
	}
	s := t.TicketState
	return TicketStateDetails{ID: s.ID, Category: TicketState(s.Category), InternalLabel: s.InternalLabel, ExternalLabel: s.ExternalLabel}
}
