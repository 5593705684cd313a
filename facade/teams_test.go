package facade

import (
	"context"
	"testing"
)

const teamJSON = `{"type":"team","id":"814865","name":"Support","admin_ids":[493881]}`

func TestTeamsList(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"team.list","teams":[`+teamJSON+`]}`)
	got, _, err := c.Teams.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/teams", nil, "")
	if len(got.Teams) != 1 || got.Teams[0].Name != "Support" {
		t.Errorf("decoded %+v", got)
	}
}

func TestTeamsFind(t *testing.T) {
	c, s := newOpStubClient(t, 200, teamJSON)
	got, _, err := c.Teams.Find(context.Background(), "814865")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/teams/814865", nil, "")
	if got.Id != "814865" || len(got.AdminIds) != 1 {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, teamJSON)
	_, _, err = c.Teams.Find(context.Background(), "")
	assertOpInputError(t, err, "team_id", s)
}
