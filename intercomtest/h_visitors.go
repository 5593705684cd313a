package intercomtest

import (
	"slices"
	"strings"
)

// visitor is an anonymous person on the workspace's website, until
// converted into a lead or user.
type visitor struct {
	id, userID, name, email, phone string
	custom                         map[string]any
	createdAt, updatedAt           int64
}

func (ws *workspace) findVisitor(id, userID, email string) *visitor {
	for _, v := range ws.visitors {
		switch {
		case id != "" && v.id == id,
			userID != "" && v.userID == userID,
			email != "" && strings.EqualFold(v.email, email):
			return v
		}
	}
	return nil
}

// newVisitor adds a visitor with Intercom's ids: 24 hex digits and a UUID
// user_id.
func (ws *workspace) newVisitor() *visitor {
	now := ws.unix()
	v := &visitor{id: ws.nextID("visitor"), createdAt: now, updatedAt: now}
	n := ws.seq["visitor"]
	v.userID = countedUUID(uint64(0x7a5e0000+n)<<32, uint64(n))
	ws.visitors = append(ws.visitors, v)
	return v
}

func (ws *workspace) visitorJSON(v *visitor) obj {
	custom := withFields(obj{}, v.custom)
	return obj{
		"type": "visitor", "id": v.id, "user_id": v.userID, "anonymous": v.email == "",
		"email": v.email, "phone": nullable(v.phone), "name": nullable(v.name),
		"pseudonym": "Visitor " + v.id[len(v.id)-4:], "app_id": ws.appID,
		"created_at": v.createdAt, "updated_at": v.updatedAt, "signed_up_at": 0, "remote_created_at": 0,
		"last_request_at": v.updatedAt, "session_count": 1, "do_not_track": false,
		"has_hard_bounced": false, "marked_email_as_spam": false, "unsubscribed_from_emails": false,
		"owner_id": nil, "custom_attributes": custom,
		"avatar":          obj{"type": "avatar", "image_url": nil},
		"location_data":   obj{"type": "location_data"},
		"companies":       obj{"type": "company.list", "companies": []any{}},
		"segments":        obj{"type": "segment.list", "segments": []any{}},
		"tags":            obj{"type": "tag.list", "tags": []any{}},
		"social_profiles": obj{"type": "social_profile.list", "social_profiles": []any{}},
	}
}

func retrieveVisitorWithUserId(ws *workspace, c *call) reply {
	v := ws.findVisitor("", c.query.Get("user_id"), "")
	if v == nil {
		return c.notFound("Visitor")
	}
	return ok(ws.visitorJSON(v))
}

func updateVisitor(ws *workspace, c *call) reply {
	// The description requires id or user_id.
	v := ws.findVisitor(c.str("id"), c.str("user_id"), "")
	if v == nil {
		return c.notFound("Visitor")
	}
	if c.has("name") {
		v.name = c.str("name")
	}
	if m := c.object("custom_attributes"); m != nil {
		v.custom = withFields(v.custom, m)
	}
	v.updatedAt = ws.unix()
	return ok(ws.visitorJSON(v))
}

// convertVisitor turns a visitor into a lead or user: merged into the
// contact the body names when it exists, else into a new contact.
func convertVisitor(ws *workspace, c *call) reply {
	role := c.str("type")
	if role != "user" && role != "lead" {
		return c.badParam("type must be user or lead, got %q", role)
	}
	vr, ur := c.object("visitor"), c.object("user")
	v := ws.findVisitor(str(vr, "id"), str(vr, "user_id"), str(vr, "email"))
	if v == nil {
		return c.notFound("Visitor")
	}
	email := str(ur, "email")
	if email == "" {
		email = v.email
	}
	if email != "" && !validEmail(email) {
		return c.badParam("user.email %q is not an email address", email)
	}
	now := ws.unix()
	ct := ws.findContact(str(ur, "id"), str(ur, "user_id"), "")
	if ct == nil {
		if str(ur, "id") != "" {
			return c.notFound("User")
		}
		ct = &contact{id: ws.nextID("contact"), role: role, externalID: str(ur, "user_id"),
			createdAt: now, updatedAt: now}
		ws.contacts = append(ws.contacts, ct)
	}
	if ct.email == "" {
		ct.email = email
	}
	if ct.name == "" {
		ct.name = v.name
	}
	if ct.phone == "" {
		ct.phone = v.phone
	}
	for k, x := range v.custom {
		if _, set := ct.custom[k]; !set {
			if ct.custom == nil {
				ct.custom = map[string]any{}
			}
			ct.custom[k] = x
		}
	}
	ct.updatedAt = now
	ws.visitors = slices.DeleteFunc(ws.visitors, func(x *visitor) bool { return x == v })
	return ok(ws.contactJSON(ct))
}
