package facade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/gen"
)

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

func TestUpdateStateInTheFormTheVersionTakes(t *testing.T) {
	var bodies []string
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/ticket_states" {
			fmt.Fprint(w, `{"type":"list","data":[{"id":"7","category":"resolved"}]}`)
			return
		}
		buf, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(buf))
		fmt.Fprint(w, `{"type":"ticket","id":"1","ticket_id":"1","ticket_state":"resolved"}`)
	})
	ctx := context.Background()

	_, _, err := c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateResolved, StateID: "7"})
	var inputErr *InputError
	require.ErrorAs(t, err, &inputErr, "State and StateID together")

	_, _, err = c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateResolved})
	require.NoError(t, err)
	_, _, err = c.Tickets.Update(ctx, "1", &UpdateTicketOptions{StateID: "7"})
	if gen.UpdateTicketStateByID {
		require.NoError(t, err)
		assert.Equal(t, []string{`{"ticket_state_id":"7"}`, `{"ticket_state_id":"7"}`}, bodies)
		return
	}
	require.ErrorAs(t, err, &inputErr, "a state id on a version that takes a category")
	assert.Equal(t, "ticket_state_id", inputErr.Field)
	assert.Equal(t, []string{`{"state":"resolved"}`}, bodies)
}
