package intercomtest

import "strings"

// The render functions turn workspace objects into the JSON bodies of the
// 2.11 description. Properties the workspace does not model are filled in
// from the schema when the response is written (see complete).

type obj = map[string]any

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullableInt(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func intIDs(ids []string) []any {
	out := make([]any, 0, len(ids))
	for _, id := range ids {
		n := 0
		for _, r := range id {
			n = n*10 + int(r-'0')
		}
		out = append(out, n)
	}
	return out
}

func (a *admin) json() obj {
	return obj{
		"type": "admin", "id": a.id, "name": a.name, "email": a.email, "job_title": a.jobTitle,
		"away_mode_enabled": a.away, "away_mode_reassign": a.reassign, "has_inbox_seat": true,
		"team_ids": intIDs(a.teamIDs), "avatar": nil,
	}
}

func (ws *workspace) meJSON() obj {
	a := ws.me.json()
	a["email_verified"] = true
	a["avatar"] = obj{"type": "avatar", "image_url": nil}
	a["app"] = obj{
		"type": "app", "id_code": ws.appID, "name": "intercomtest workspace", "region": "US",
		"timezone": "UTC", "created_at": 1700000000, "identity_verification": false,
	}
	return a
}

func (t *team) json() obj {
	return obj{"type": "team", "id": t.id, "name": t.name, "admin_ids": intIDs(t.adminIDs)}
}

func (ws *workspace) contactJSON(c *contact) obj {
	tags := []any{}
	for _, id := range c.tagIDs {
		tags = append(tags, obj{"type": "tag", "id": id, "url": "/tags/" + id})
	}
	companies := []any{}
	for _, id := range c.companyIDs {
		companies = append(companies, obj{"type": "company", "id": id, "url": "/companies/" + id})
	}
	custom := c.custom
	if custom == nil {
		custom = obj{}
	}
	notes := []any{}
	for _, n := range ws.contactNotes(c.id) {
		notes = append(notes, obj{"type": "note", "id": n.id, "url": "/notes/" + n.id})
	}
	domain := ""
	if i := strings.LastIndexByte(c.email, '@'); i >= 0 {
		domain = c.email[i+1:]
	}
	return obj{
		"type": "contact", "id": c.id, "workspace_id": ws.appID, "external_id": nullable(c.externalID),
		"role": c.role, "email": c.email, "email_domain": domain, "phone": nullable(c.phone),
		"formatted_phone": nullable(c.phone), "name": nullable(c.name), "avatar": nullable(c.avatar), "owner_id": nil,
		"social_profiles":  obj{"type": "list", "data": []any{}},
		"has_hard_bounced": false, "marked_email_as_spam": false, "unsubscribed_from_emails": false,
		"created_at": c.createdAt, "updated_at": c.updatedAt, "signed_up_at": nil, "last_seen_at": nil,
		"last_replied_at": nil, "last_contacted_at": nil, "last_email_opened_at": nil,
		"last_email_clicked_at": nil, "language_override": nil, "browser": nil, "browser_version": nil,
		"browser_language": nil, "os": nil, "location": obj{"type": "location", "country": nil, "region": nil, "city": nil},
		"custom_attributes": custom,
		"tags": obj{"type": "list", "data": tags, "url": "/contacts/" + c.id + "/tags",
			"total_count": len(tags), "has_more": false},
		"companies": obj{"type": "list", "data": companies, "url": "/contacts/" + c.id + "/companies",
			"total_count": len(companies), "has_more": false},
		"notes": obj{"type": "list", "data": notes, "url": "/contacts/" + c.id + "/notes",
			"total_count": len(notes), "has_more": false},
		"opted_in_subscription_types":  ws.contactSubscriptions(c, "opt_in"),
		"opted_out_subscription_types": ws.contactSubscriptions(c, "opt_out"),
	}
}

// contactSubscriptions lists the subscription types a contact chose consent
// for.
func (ws *workspace) contactSubscriptions(c *contact, consent string) obj {
	list := []any{}
	for _, s := range ws.subscriptionTypes {
		if c.subscriptions[s.id] == consent {
			list = append(list, obj{"type": "subscription", "id": s.id, "url": "/subscription_types/" + s.id})
		}
	}
	return obj{"type": "list", "data": list, "url": "/contacts/" + c.id + "/subscriptions",
		"total_count": len(list), "has_more": false}
}

func contactRef(c *contact) obj {
	return obj{"type": "contact", "id": c.id, "external_id": nullable(c.externalID)}
}

func (ws *workspace) companyJSON(c *company) obj {
	users := 0
	for _, ct := range ws.contacts {
		for _, id := range ct.companyIDs {
			if id == c.id {
				users++
			}
		}
	}
	custom := withFields(obj{}, c.custom)
	tags := []any{}
	for _, id := range c.tagIDs {
		if t := ws.tag(id); t != nil {
			tags = append(tags, t.basic())
		}
	}
	segments := []any{}
	for _, s := range ws.companySegments(c.id) {
		segments = append(segments, ws.segmentJSON(s, false))
	}
	plan := obj{}
	if c.plan != "" {
		plan = obj{"type": "plan", "id": ws.planID(c.plan), "name": c.plan}
	}
	return obj{
		"type": "company", "id": c.id, "company_id": c.companyID, "app_id": ws.appID, "name": c.name,
		"remote_created_at": c.remoteCreatedAt, "created_at": c.createdAt, "updated_at": c.updatedAt,
		"last_request_at": 0, "monthly_spend": c.monthlySpend, "session_count": 0, "user_count": users,
		"size": c.size, "website": c.website, "industry": c.industry, "custom_attributes": custom,
		"tags":     obj{"type": "tag.list", "tags": tags},
		"segments": obj{"type": "segment.list", "segments": segments},
		"plan":     plan,
	}
}

func (t *tag) basic() obj { return obj{"type": "tag", "id": t.id, "name": t.name} }

func (t *tag) json() obj {
	return obj{"type": "tag", "id": t.id, "name": t.name, "applied_at": nil, "applied_by": nil}
}

func (ws *workspace) tagApplied(tg tagging) obj {
	t := ws.tag(tg.tagID)
	return obj{"type": "tag", "id": t.id, "name": t.name, "applied_at": tg.at,
		"applied_by": obj{"type": "admin", "id": tg.adminID}}
}

func (ws *workspace) tagsJSON(list []tagging) obj {
	tags := []any{}
	for _, tg := range list {
		tags = append(tags, ws.tagApplied(tg))
	}
	return obj{"type": "tag.list", "tags": tags}
}

func (a *ticketTypeAttribute) json(typeID, workspaceID string) obj {
	n := 0
	for _, r := range typeID {
		n = n*10 + int(r-'0')
	}
	opts := obj{}
	if a.dataType == "string" {
		opts["multiline"] = a.multiline
	}
	if a.dataType == "list" {
		items := []any{}
		for _, label := range strings.Split(a.listItems, ",") {
			if label = strings.TrimSpace(label); label != "" {
				items = append(items, obj{"label": label})
			}
		}
		opts["list_options"] = items
		opts["allow_multiple_values"] = a.allowMultiple
	}
	return obj{
		"type": "ticket_type_attribute", "id": a.id, "workspace_id": workspaceID, "name": a.name,
		"description": a.description, "data_type": a.dataType, "input_options": opts, "order": a.order,
		"required_to_create": a.requiredToCreate, "required_to_create_for_contacts": a.requiredForContacts,
		"visible_on_create": a.visibleOnCreate, "visible_to_contacts": a.visibleToContacts,
		"default": a.isDefault, "ticket_type_id": n, "archived": a.archived,
		"created_at": a.createdAt, "updated_at": a.updatedAt,
	}
}

func (ws *workspace) ticketTypeJSON(t *ticketType) obj {
	attrs := []any{}
	for _, a := range t.attributes {
		attrs = append(attrs, a.json(t.id, ws.appID))
	}
	return obj{
		"type": "ticket_type", "id": t.id, "category": t.category, "name": t.name,
		"description": t.description, "icon": t.icon, "workspace_id": ws.appID, "archived": t.archived,
		"created_at": t.createdAt, "updated_at": t.updatedAt,
		"ticket_type_attributes": obj{"type": "ticket_type_attributes.list", "ticket_type_attributes": attrs},
	}
}

func (a author) json() obj {
	return obj{"type": a.kind, "id": a.id, "name": nullable(a.name), "email": a.email}
}

// ticketJSON is the author of a ticket part: 2.11's ticket_part_author is an
// admin, bot, team or user, so a lead (a contact too) is a user there.
func (a author) ticketJSON() obj {
	out := a.json()
	if a.kind == "lead" {
		out["type"] = "user"
	}
	return out
}

func (ws *workspace) ticketPartJSON(p *part) obj {
	out := obj{
		"type": "ticket_part", "id": p.id, "part_type": p.partType, "body": nullable(p.body),
		"created_at": p.createdAt, "updated_at": p.createdAt, "author": p.author.ticketJSON(),
		"ticket_state": p.state, "attachments": []any{}, "redacted": false,
	}
	if p.previousState != "" {
		out["previous_ticket_state"] = p.previousState
	}
	if p.assignedTo != nil {
		out["assigned_to"] = obj{"type": p.assignedTo.kind, "id": p.assignedTo.id}
	}
	return out
}

func (ws *workspace) ticketJSON(t *ticket) obj {
	contacts := []any{}
	for _, id := range t.contactIDs {
		if c := ws.contact(id); c != nil {
			contacts = append(contacts, contactRef(c))
		}
	}
	parts := []any{}
	for _, p := range t.parts {
		parts = append(parts, ws.ticketPartJSON(p))
	}
	attrs := withFields(obj{}, t.attributes)
	linked := obj{"type": "list", "data": []any{}, "total_count": 0, "has_more": false}
	if t.conversationID != "" && ws.conversation(t.conversationID) != nil {
		linked["data"] = []any{obj{"type": "conversation", "id": t.conversationID, "category": nil}}
		linked["total_count"] = 1
	}
	out := obj{
		"type": "ticket", "id": t.id, "ticket_id": t.ticketID, "category": t.category,
		"ticket_attributes": attrs, "ticket_state": ws.ticketStateJSON(t.state),
		"ticket_state_internal_label": stateLabels[t.state], "ticket_state_external_label": stateLabels[t.state],
		"ticket_type": ws.ticketTypeJSON(ws.ticketType(t.typeID)),
		"contacts":    obj{"type": "contact.list", "contacts": contacts},
		"created_at":  t.createdAt, "updated_at": t.updatedAt, "open": t.open, "is_shared": t.shared,
		"ticket_parts":   obj{"type": "ticket_part.list", "ticket_parts": parts, "total_count": len(parts)},
		"linked_objects": linked,
	}
	if t.adminAssignee != "" {
		out["admin_assignee_id"] = t.adminAssignee
	}
	if t.teamAssignee != "" {
		out["team_assignee_id"] = t.teamAssignee
	}
	if t.snoozedUntil != 0 {
		out["snoozed_until"] = t.snoozedUntil
	}
	return out
}

func (ws *workspace) conversationPartJSON(p *part) obj {
	out := obj{
		"type": "conversation_part", "id": p.id, "part_type": p.partType, "body": nullable(p.body),
		"created_at": p.createdAt, "updated_at": p.createdAt, "notified_at": p.createdAt,
		"author": p.author.json(), "attachments": []any{}, "redacted": p.redacted,
		"external_id": nil,
	}
	if p.assignedTo != nil {
		out["assigned_to"] = obj{"type": p.assignedTo.kind, "id": p.assignedTo.id}
	}
	return out
}

// conversationJSON renders a conversation; withParts adds its parts (a
// retrieved conversation has them, a listed one does not).
func (ws *workspace) conversationJSON(c *conversation, withParts bool) obj {
	contacts := []any{}
	for _, id := range c.contactIDs {
		if ct := ws.contact(id); ct != nil {
			contacts = append(contacts, contactRef(ct))
		}
	}
	teammates := []any{}
	seen := map[string]bool{}
	for _, p := range c.parts {
		if p.author.kind == "admin" && !seen[p.author.id] {
			seen[p.author.id] = true
			teammates = append(teammates, obj{"type": "admin", "id": p.author.id})
		}
	}
	custom := withFields(obj{}, c.custom)
	linked := obj{"type": "list", "data": []any{}, "total_count": 0, "has_more": false}
	if t := ws.ticket(c.ticketID); t != nil {
		linked["data"] = []any{obj{"type": "ticket", "id": t.id, "category": t.category}}
		linked["total_count"] = 1
	}
	var adminAssignee, teamAssignee any
	if c.adminAssignee != "" {
		adminAssignee = intIDs([]string{c.adminAssignee})[0]
	}
	if c.teamAssignee != "" {
		teamAssignee = intIDs([]string{c.teamAssignee})[0]
	}
	out := obj{
		"type": "conversation", "id": c.id, "title": nullable(c.title),
		"created_at": c.createdAt, "updated_at": c.updatedAt, "waiting_since": nullableInt(c.waitingSince),
		"snoozed_until": nullableInt(c.snoozedUntil), "open": c.state != "closed", "state": c.state,
		"read": c.read, "priority": ws.priorityJSON(c.priority), "admin_assignee_id": adminAssignee, "team_assignee_id": teamAssignee,
		"tags":      ws.tagsJSON(c.tags),
		"contacts":  obj{"type": "contact.list", "contacts": contacts},
		"teammates": obj{"type": "admin.list", "admins": teammates},
		"source": obj{
			"type": "conversation", "id": c.id + "0", "delivered_as": c.deliveredAs, "subject": c.subject,
			"body": c.body, "author": c.author.json(), "attachments": []any{}, "url": nil, "redacted": c.sourceRedacted,
		},
		"custom_attributes":     custom,
		"linked_objects":        linked,
		"topics":                obj{"type": "topic.list", "topics": []any{}, "total_count": 0},
		"statistics":            obj{"type": "conversation_statistics"},
		"ai_agent_participated": false,
	}
	if withParts {
		parts := []any{}
		for _, p := range c.parts {
			parts = append(parts, ws.conversationPartJSON(p))
		}
		out["conversation_parts"] = obj{"type": "conversation_part.list", "conversation_parts": parts, "total_count": len(parts)}
	}
	return out
}

// planID is the id of a company plan, one per plan name.
func (ws *workspace) planID(name string) string {
	if id, ok := ws.plans[name]; ok {
		return id
	}
	id := ws.nextID("plan")
	ws.plans[name] = id
	return id
}

// priorityJSON is a conversation's priority as the description spells it:
// a conversation without priority is noPriority.
func (ws *workspace) priorityJSON(p string) string {
	if p == "not_priority" {
		return ws.noPriority
	}
	return p
}
