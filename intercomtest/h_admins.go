package intercomtest

func identifyAdmin(ws *workspace, c *call) reply { return ok(ws.meJSON()) }

func listAdmins(ws *workspace, c *call) reply {
	list := []any{}
	for _, a := range ws.admins {
		list = append(list, a.json())
	}
	return ok(obj{"type": "admin.list", "admins": list})
}

func retrieveAdmin(ws *workspace, c *call) reply {
	a := ws.admin(c.params["admin_id"])
	if a == nil {
		return c.notFound("Admin")
	}
	return ok(a.json())
}

func setAwayAdmin(ws *workspace, c *call) reply {
	a := ws.admin(c.params["admin_id"])
	if a == nil {
		return c.notFound("Admin")
	}
	a.away, _ = c.boolean("away_mode_enabled")
	a.reassign, _ = c.boolean("away_mode_reassign")
	ws.logActivity(a, "admin_away_mode_change", obj{"away_mode": a.away, "reassign_conversations": a.reassign})
	return ok(a.json())
}
