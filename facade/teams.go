package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// TeamsService groups the operations on teams of admins.
type TeamsService service

// Team is a group of admins.
type Team = gen.Team

// TeamList is the list of a workspace's teams.
type TeamList = gen.TeamList

// List returns the workspace's teams.
//
// Calls listTeams: GET /teams.
func (s *TeamsService) List(ctx context.Context) (*TeamList, *Response, error) {
	return decode[TeamList](s.client.raw.ListTeams(ctx, nil))
}

// Find returns one team.
//
// Calls retrieveTeam: GET /teams/{team_id}.
func (s *TeamsService) Find(ctx context.Context, teamID string) (*Team, *Response, error) {
	if err := required("team_id", teamID); err != nil {
		return nil, nil, err
	}
	return decode[Team](s.client.raw.RetrieveTeam(ctx, teamID, nil))
}
