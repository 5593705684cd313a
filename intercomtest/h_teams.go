package intercomtest

func listTeams(ws *workspace, c *call) reply {
	list := []any{}
	for _, t := range ws.teams {
		list = append(list, t.json())
	}
	return ok(obj{"type": "team.list", "teams": list})
}

func retrieveTeam(ws *workspace, c *call) reply {
	t := ws.team(c.params["team_id"])
	if t == nil {
		return c.notFound("Team")
	}
	return ok(t.json())
}
