package facade_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// TestTicketWorkflow runs a ticket's life against intercomtest: every request
// the facade sends is checked against the 2.11 description, and the parts the
// server records come back with their authors told apart.
func TestTicketWorkflow(t *testing.T) {
	ctx := context.Background()
	srv := intercomtest.NewServer(t)
	c, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	require.NoError(t, err)

	me, _, err := c.Admins.Identify(ctx)
	require.NoError(t, err)
	tt, _, err := c.TicketTypes.Create(ctx, "Bug report", &facade.CreateTicketTypeOptions{Category: facade.TicketCategoryBackOffice})
	require.NoError(t, err)
	assert.Equal(t, "Back-office", string(tt.Category))

	const email = "lin@example.com"
	ticket, _, err := c.Tickets.Create(ctx, tt.Id, []facade.TicketContact{facade.TicketContactByEmail(email)},
		&facade.CreateTicketOptions{Attributes: map[string]any{"_default_title_": "Export fails"}})
	require.NoError(t, err)
	assert.Equal(t, facade.TicketStateSubmitted, facade.TicketStateOf(ticket))

	for _, reply := range []facade.Reply{
		facade.AdminComment(me.Id, "Looking into it."),
		facade.ContactReply(facade.ByEmail(email), "Thanks!"),
		facade.AdminNote(me.Id, "Reproduced."),
	} {
		_, _, err := c.Tickets.Reply(ctx, ticket.Id, reply)
		require.NoError(t, err)
	}
	for _, state := range []facade.TicketState{facade.TicketStateInProgress, facade.TicketStateWaitingOnCustomer, facade.TicketStateResolved} {
		ticket, _, err = c.Tickets.Update(ctx, ticket.Id, &facade.UpdateTicketOptions{State: state})
		require.NoError(t, err)
		assert.Equal(t, state, facade.TicketStateOf(ticket))
	}
	_, _, err = c.Tickets.Update(ctx, ticket.Id, &facade.UpdateTicketOptions{State: facade.TicketStateSubmitted})
	var inputErr *facade.InputError
	require.ErrorAs(t, err, &inputErr, "moving back to submitted is refused before sending")

	ticket, _, err = c.Tickets.Get(ctx, ticket.Id)
	require.NoError(t, err)
	require.NotNil(t, ticket.TicketParts)
	var authors []facade.PartAuthorType
	var kinds []string
	for _, p := range ticket.TicketParts.TicketParts {
		authors = append(authors, facade.AuthorTypeOf(*p.Author))
		kinds = append(kinds, p.PartType)
	}
	assert.Equal(t, []facade.PartAuthorType{facade.AuthorAdmin, facade.AuthorUser, facade.AuthorAdmin, facade.AuthorAdmin, facade.AuthorAdmin, facade.AuthorAdmin}, authors)
	assert.Equal(t, []string{"comment", "comment", "note", "ticket_state_updated_by_admin", "ticket_state_updated_by_admin", "ticket_state_updated_by_admin"}, kinds)

	var found int
	for tk, err := range c.Tickets.SearchIter(ctx, facade.Filter("state", facade.OpEquals, "resolved"), nil) {
		require.NoError(t, err)
		assert.Equal(t, ticket.Id, tk.Id)
		found++
	}
	assert.Equal(t, 1, found)
	assert.Equal(t, 1, srv.Count("createTicket"))
	assert.Equal(t, 3, srv.Count("replyTicket"))
	assert.Equal(t, 3, srv.Count("updateTicket"), "the refused update never reached the server")
	assert.Empty(t, srv.InvalidRequests())
}
