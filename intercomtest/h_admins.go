package intercomtest

func init() {
	handle("identifyAdmin", func(ws *workspace, c *call) reply { return ok(ws.meJSON()) })
	handle("listAdmins", func(ws *workspace, c *call) reply {
		list := []any{}
		for _, a := range ws.admins {
			list = append(list, a.json())
		}
		return ok(obj{"type": "admin.list", "admins": list})
	})
	handle("retrieveAdmin", func(ws *workspace, c *call) reply {
		a := ws.admin(c.params["admin_id"])
		if a == nil {
			return c.notFound("Admin")
		}
		return ok(a.json())
	})
	handle("setAwayAdmin", func(ws *workspace, c *call) reply {
		a := ws.admin(c.params["admin_id"])
		if a == nil {
			return c.notFound("Admin")
		}
		a.away, _ = c.boolean("away_mode_enabled")
		a.reassign, _ = c.boolean("away_mode_reassign")
		return ok(a.json())
	})
	handle("listTeams", func(ws *workspace, c *call) reply {
		list := []any{}
		for _, t := range ws.teams {
			list = append(list, t.json())
		}
		return ok(obj{"type": "team.list", "teams": list})
	})
	handle("retrieveTeam", func(ws *workspace, c *call) reply {
		t := ws.team(c.params["team_id"])
		if t == nil {
			return c.notFound("Team")
		}
		return ok(t.json())
	})
}
