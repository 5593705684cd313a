package facade

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTicketStateTable(t *testing.T) {
	cases := []struct {
		in        string
		valid     bool
		updatable bool
	}{
		{"submitted", true, false},
		{"in_progress", true, true},
		{"waiting_on_customer", true, true},
		{"resolved", true, true},
		{"", false, false},
		{"Resolved", false, false},
		{"closed", false, false},
		{"waiting on customer", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			st, err := ParseTicketState(tc.in)
			require.Equal(t, tc.valid, err == nil, "accepted")
			if err != nil {
				requireInputError(t, err, "ticket_state")
			} else {
				assert.Equal(t, tc.in, st.String())
			}
			assert.Equal(t, tc.valid, TicketState(tc.in).Valid())
			err = validUpdateState(TicketState(tc.in))
			assert.Equal(t, tc.updatable, err == nil, "accepted as an update")
			if err != nil {
				requireInputError(t, err, "state")
			}
		})
	}
	assert.Len(t, TicketStates(), 4)
}

func TestTicketCategoryTable(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"Customer", true}, {"Back-office", true}, {"Tracker", true},
		{"customer", false}, {"Back-Office", false}, {"back_office", false}, {"", false}, {"Partner", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			c, err := ParseTicketCategory(tc.in)
			require.Equal(t, tc.valid, err == nil, "accepted")
			require.Equal(t, tc.valid, TicketCategory(tc.in).Valid())
			if err != nil {
				requireInputError(t, err, "category")
			} else {
				assert.Equal(t, tc.in, c.String())
			}
		})
	}
	assert.Len(t, TicketCategories(), 3)
}

func TestTicketTypeAttributeDataTypeTable(t *testing.T) {
	for _, s := range []string{"string", "list", "integer", "decimal", "boolean", "datetime", "files"} {
		d, err := ParseTicketTypeAttributeDataType(s)
		assert.NoError(t, err)
		assert.True(t, d.Valid())
		assert.Equal(t, s, d.String())
	}
	for _, s := range []string{"", "String", "number", "date", "file", "bool"} {
		_, err := ParseTicketTypeAttributeDataType(s)
		requireInputError(t, err, "data_type")
		assert.False(t, TicketTypeAttributeDataType(s).Valid(), "%q valid", s)
	}
	assert.Len(t, TicketTypeAttributeDataTypes(), 7)
}

func TestReplyMessageTypeTable(t *testing.T) {
	for _, s := range []string{"comment", "note", "quick_reply"} {
		m, err := ParseReplyMessageType(s)
		assert.NoError(t, err)
		assert.True(t, m.Valid())
		assert.Equal(t, s, m.String())
	}
	for _, s := range []string{"", "Comment", "quick-reply", "assignment", "close"} {
		_, err := ParseReplyMessageType(s)
		requireInputError(t, err, "message_type")
	}
}

func TestPartAuthorTypeTable(t *testing.T) {
	cases := []struct {
		in                            string
		admin, bot, team, contact, ok bool
	}{
		{"admin", true, false, false, false, true},
		{"bot", false, true, false, false, true},
		{"team", false, false, true, false, true},
		{"user", false, false, false, true, true},
		{"lead", false, false, false, true, true},
		{"contact", false, false, false, true, true},
		{"robot", false, false, false, false, false},
		{"", false, false, false, false, false},
	}
	for _, tc := range cases {
		a := PartAuthorType(tc.in)
		assert.Equal(t, tc.admin, a.IsAdmin())
		assert.Equal(t, tc.bot, a.IsBot())
		assert.Equal(t, tc.team, a.IsTeam())
		assert.Equal(t, tc.contact, a.IsContact())
		assert.Equal(t, tc.ok, a.Valid())
		_, err := ParsePartAuthorType(tc.in)
		assert.Equal(t, tc.ok, (err == nil))
	}
	assert.Equal(t, AuthorTeam, AuthorTypeOf(TicketPartAuthor{Type: "team"}))
	assert.Equal(t, "user", AuthorTypeOf(ConversationPartAuthor{Type: "user"}).String())
}

func TestTicketStateIDOfReadsTheWorkspacesStates(t *testing.T) {
	var paths []string
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.Path)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"type":"list","data":[
			{"type":"ticket_state","id":"10","category":"in_progress","archived":true},
			{"type":"ticket_state","id":"11","category":"in_progress","archived":false},
			{"type":"ticket_state","id":"12","category":"resolved"}]}`)
	})
	id, err := c.Tickets.ticketStateIDOf(context.Background(), TicketStateInProgress)
	require.NoError(t, err)
	assert.Equal(t, "11", id, "the first state of the category that is not archived")
	assert.Equal(t, []string{"/ticket_states"}, paths)

	_, err = c.Tickets.ticketStateIDOf(context.Background(), TicketStateWaitingOnCustomer)
	var inputErr *InputError
	require.ErrorAs(t, err, &inputErr)
	assert.Equal(t, "state", inputErr.Field)
}

func TestTicketStateIDOfPassesAPIErrorsOn(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	})
	_, err := c.Tickets.ticketStateIDOf(context.Background(), TicketStateResolved)
	assert.True(t, errors.Is(err, ErrForbidden), "got %v", err)
}
