package intercomtest

import (
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/gen"
)

// From 2.12 a ticket's state is an object and an update names a state by
// id; the server answers in the form the description it loaded declares.
func TestTicketStateFollowsTheDescription(t *testing.T) {
	ws := &workspace{}
	assert.Equal(t, "resolved", ws.ticketStateJSON("resolved"), "2.11 form: the category")
	ws.ticketStateObject = true
	got, ok := ws.ticketStateJSON("in_progress").(obj)
	require.True(t, ok, "2.12 form is an object")
	assert.Equal(t, "ticket_state", got["type"])
	assert.Equal(t, "in_progress", got["category"])
	assert.Equal(t, stateIDs["in_progress"], got["id"])
	assert.Equal(t, "In progress", got["external_label"])
	for category, id := range stateIDs {
		assert.Equal(t, category, stateOfID(id), "stateOfID(%s)", id)
	}
	assert.Empty(t, stateOfID("99"), "an unknown state id names no category")
}

func TestIsObjectProperty(t *testing.T) {
	ref := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}}}
	doc := &openapi3.T{Components: &openapi3.Components{Schemas: openapi3.Schemas{
		"ticket": {Value: &openapi3.Schema{Properties: openapi3.Schemas{
			"as_string": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
			"as_object": ref,
			"as_allof":  {Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{ref}}},
		}}},
	}}}
	for prop, want := range map[string]bool{"as_string": false, "as_object": true, "as_allof": true, "missing": false} {
		got := isObjectProperty(doc, "ticket", prop)
		assert.Equal(t, want, got, prop)
	}
	assert.False(t, isObjectProperty(doc, "absent", "x"), "a schema the description lacks is an object")
	sp, err := loadSpec()
	require.NoError(t, err)
	// The description that declares a state object is the one whose
	// updates name a state by id (2.12 and later), on every version.
	assert.Equal(t, gen.UpdateTicketStateByID, sp.ticketStateObject, "ticket state as an object: %v, but updates by id: %v", sp.ticketStateObject, gen.UpdateTicketStateByID)
}

func TestListTicketStatesNamesEveryCategoryByID(t *testing.T) {
	ws := &workspace{shape: shape{ticketStateObject: true}}
	r := listTicketStates(ws, &call{})
	body, ok := r.body.(obj)
	require.True(t, ok, "body = %#v", r.body)
	states := body["data"].([]any)
	require.Len(t, states, 4, "%d states, want 4", len(states))
	for _, s := range states {
		o := s.(obj)
		assert.Equal(t, o["category"], stateOfID(o["id"].(string)), "state %v", o)
		assert.Equal(t, false, o["archived"], "state %v", o)
	}
	assert.NotNil(t, newerHandlers["listTicketStates"], "GET /ticket_states has no handler for the descriptions that declare it")
}
