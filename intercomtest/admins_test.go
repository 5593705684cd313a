package intercomtest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdminsAndTeams(t *testing.T) {
	s := newHarness(t)
	support := s.must(200, "GET", "/teams", nil)["teams"].([]any)[0].(map[string]any)
	billing := s.AddTeam("Billing")
	require.NotEmpty(t, billing.ID, "AddTeam %+v", billing)
	require.Equal(t, "Billing", billing.Name, "AddTeam %+v", billing)
	// Unknown team ids are ignored.
	bo := s.AddAdmin("Bo", "bo@example.com", billing.ID, "404")
	admins := s.Admins()
	require.Len(t, admins, 3, "Admins %+v", admins)
	require.Equal(t, s.Me(), admins[0], "Admins %+v", admins)
	require.Equal(t, bo, admins[2], "Admins %+v", admins)

	team := s.must(200, "GET", "/teams/"+billing.ID, nil)
	ids := team["admin_ids"].([]any)
	assert.Equal(t, "Billing", team["name"], "team %v", team)
	require.Len(t, ids, 1, "team %v", team)
	assert.Equal(t, bo.ID, fmt.Sprint(int(ids[0].(float64))), "team %v", team)
	n := len(s.must(200, "GET", "/teams", nil)["teams"].([]any))
	assert.Equal(t, 2, n, "%d teams", n)
	ids = support["admin_ids"].([]any)
	assert.Len(t, ids, 2, "support team %v", support)
	s.must(404, "GET", "/teams/1", nil)

	a := s.must(200, "GET", "/admins/"+bo.ID, nil)
	assert.Equal(t, "bo@example.com", a["email"], "admin %v", a)
	assert.Equal(t, false, a["away_mode_enabled"], "admin %v", a)
	list := s.must(200, "GET", "/admins", nil)["admins"].([]any)
	assert.Len(t, list, 3, "%d admins", len(list))
	s.must(404, "GET", "/admins/1", nil)

	a = s.must(200, "PUT", "/admins/"+bo.ID+"/away", map[string]any{"away_mode_enabled": true, "away_mode_reassign": true})
	assert.Equal(t, true, a["away_mode_enabled"])
	assert.Equal(t, true, a["away_mode_reassign"])
	a = s.must(200, "GET", "/admins/"+bo.ID, nil)
	assert.Equal(t, true, a["away_mode_enabled"], "away mode kept")
	s.must(404, "PUT", "/admins/1/away", map[string]any{"away_mode_enabled": true, "away_mode_reassign": false})
	s.clean()
}
