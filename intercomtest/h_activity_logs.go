package intercomtest

import (
	"strconv"
)

// activity is an entry of the workspace's activity log: something an admin
// did.
type activity struct {
	id, kind, adminID string
	metadata          obj
	at                int64
}

// logActivity records that admin a did kind.
func (ws *workspace) logActivity(a *admin, kind string, metadata obj) {
	ws.activities = append(ws.activities, &activity{id: ws.nextID("activity"), kind: kind,
		adminID: a.id, metadata: metadata, at: ws.unix()})
}

func (ws *workspace) activityJSON(x *activity) obj {
	by := obj{"type": "admin", "id": x.adminID, "ip": "127.0.0.1"}
	if a := ws.admin(x.adminID); a != nil {
		by["email"] = a.email
	}
	return obj{"id": x.id, "performed_by": by, "metadata": x.metadata, "created_at": x.at,
		"activity_type": x.kind, "activity_description": activityDescriptions[x.kind]}
}

// listActivityLogs lists what admins did between created_at_after and
// created_at_before (UNIX seconds), newest first.
func listActivityLogs(ws *workspace, c *call) reply {
	after, err := strconv.ParseInt(c.query.Get("created_at_after"), 10, 64)
	if err != nil {
		return c.badParam("created_at_after must be a UNIX timestamp")
	}
	before := int64(1 << 62)
	if v := c.query.Get("created_at_before"); v != "" {
		if before, err = strconv.ParseInt(v, 10, 64); err != nil {
			return c.badParam("created_at_before must be a UNIX timestamp")
		}
	}
	var hits []*activity
	for i := len(ws.activities) - 1; i >= 0; i-- {
		if x := ws.activities[i]; x.at >= after && x.at <= before {
			hits = append(hits, x)
		}
	}
	page, pages := numberedPage(hits, c.queryInt("page", 1), c.queryInt("per_page", 20))
	list := jsonList(page, ws.activityJSON)
	return ok(obj{"type": "activity_log.list", "activity_logs": list, "pages": pages})
}

// activityDescriptions describe the kinds of activity the workspace logs.
var activityDescriptions = map[string]string{
	"admin_away_mode_change": "Changed their away mode",
	"app_data_export":        "Exported conversation data",
	"app_team_creation":      "Created a team",
	"admin_login_success":    "Logged in",
}
