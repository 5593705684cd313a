package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const teamJSON = `{"type":"team","id":"814865","name":"Support","admin_ids":[493881]}`

func TestTeamsList(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"team.list","teams":[`+teamJSON+`]}`)
	got, _, err := c.Teams.List(context.Background())
	require.NoError(t, err)
	f.expect(t, "GET", "/teams", nil, "")
	assert.Len(t, got.Teams, 1)
	assert.Equal(t, "Support", got.Teams[0].Name)
}

func TestTeamsFind(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, teamJSON)
	got, _, err := c.Teams.Find(context.Background(), "814865")
	require.NoError(t, err)
	f.expect(t, "GET", "/teams/814865", nil, "")
	assert.Equal(t, "814865", got.Id)
	assert.Len(t, got.AdminIds, 1)

	f, c = newFake(t)
	f.reply("/", 200, teamJSON)
	_, _, err = c.Teams.Find(context.Background(), "")
	f.expectInputError(t, err, "team_id")
}
