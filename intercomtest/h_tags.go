package intercomtest

import (
	"slices"
	"strings"
)

func createTag(ws *workspace, c *call) reply {
	name := strings.TrimSpace(c.str("name"))
	if name == "" {
		return c.badParam("name must not be empty")
	}
	if id := c.str("id"); id != "" {
		t := ws.tag(id)
		if t == nil {
			return c.notFound("Tag")
		}
		t.name = name
		return ok(t.basic())
	}
	// The variant that tags (or untags) companies: every company must
	// exist before anything changes.
	type companyTagging struct {
		co    *company
		untag bool
	}
	var taggings []companyTagging
	companies, _ := c.body["companies"].([]any)
	for _, item := range companies {
		m, _ := item.(map[string]any)
		co := ws.company(str(m, "id"))
		if co == nil {
			co = ws.companyByCompanyID(str(m, "company_id"))
		}
		if co == nil {
			return c.notFound("Company")
		}
		untag, _ := m["untag"].(bool)
		taggings = append(taggings, companyTagging{co, untag})
	}
	var t *tag
	for _, x := range ws.tags {
		if strings.EqualFold(x.name, name) {
			t = x
		}
	}
	if t == nil {
		t = &tag{id: ws.nextID("tag"), name: name}
		ws.tags = append(ws.tags, t)
	}
	// The variant that tags contacts in bulk.
	users, _ := c.body["users"].([]any)
	for _, item := range users {
		m, _ := item.(map[string]any)
		if ct := ws.findContact(str(m, "id"), str(m, "user_id"), str(m, "email")); ct != nil && !slices.Contains(ct.tagIDs, t.id) {
			ct.tagIDs = append(ct.tagIDs, t.id)
		}
	}
	for _, x := range taggings {
		if x.untag {
			x.co.tagIDs = without(x.co.tagIDs, t.id)
		} else if !slices.Contains(x.co.tagIDs, t.id) {
			x.co.tagIDs = append(x.co.tagIDs, t.id)
		}
	}
	return ok(t.basic())
}

func listTags(ws *workspace, c *call) reply {
	list := []any{}
	for _, t := range ws.tags {
		list = append(list, t.json())
	}
	return ok(obj{"type": "list", "data": list})
}

func findTag(ws *workspace, c *call) reply {
	t := ws.tag(c.params["tag_id"])
	if t == nil {
		return c.notFound("Tag")
	}
	return ok(t.json())
}

func deleteTag(ws *workspace, c *call) reply {
	id := c.params["tag_id"]
	_, found := removeFirst(&ws.tags, func(t *tag) bool { return t.id == id })
	if !found {
		return c.notFound("Tag")
	}
	for _, ct := range ws.contacts {
		ct.tagIDs = without(ct.tagIDs, id)
	}
	for _, co := range ws.companies {
		co.tagIDs = without(co.tagIDs, id)
	}
	for _, t := range ws.tickets {
		t.tags, _ = removeTag(t.tags, id)
	}
	for _, cv := range ws.conversations {
		cv.tags, _ = removeTag(cv.tags, id)
	}
	return reply{status: 200}
}

func attachTagToTicket(ws *workspace, c *call) reply { return ws.retagTicket(c, ws.applyTag) }

func detachTagFromTicket(ws *workspace, c *call) reply { return ws.retagTicket(c, ws.unapplyTag) }

func attachTagToConversation(ws *workspace, c *call) reply {
	return ws.retagConversation(c, ws.applyTag)
}

func detachTagFromConversation(ws *workspace, c *call) reply {
	return ws.retagConversation(c, ws.unapplyTag)
}

// retagTicket and retagConversation change the tags of the ticket or
// conversation the path names (applyTag or unapplyTag).
func (ws *workspace) retagTicket(c *call, change func(*call, *[]tagging) reply) reply {
	t := ws.ticket(c.params["ticket_id"])
	if t == nil {
		return c.notFound("Ticket")
	}
	return change(c, &t.tags)
}

func (ws *workspace) retagConversation(c *call, change func(*call, *[]tagging) reply) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	return change(c, &cv.tags)
}

// applyTag tags a ticket or conversation with the body's tag id on behalf of
// the body's admin.
func (ws *workspace) applyTag(c *call, list *[]tagging) reply {
	if ws.admin(c.str("admin_id")) == nil {
		return c.notFound("Admin")
	}
	t := ws.tag(c.str("id"))
	if t == nil {
		return c.notFound("Tag")
	}
	tg := tagging{tagID: t.id, adminID: c.str("admin_id"), at: ws.unix()}
	*list = addTag(*list, tg)
	for _, x := range *list {
		if x.tagID == t.id {
			tg = x
		}
	}
	return ok(ws.tagApplied(tg))
}

// unapplyTag removes the path's tag from a ticket or conversation.
func (ws *workspace) unapplyTag(c *call, list *[]tagging) reply {
	if ws.admin(c.str("admin_id")) == nil {
		return c.notFound("Admin")
	}
	t := ws.tag(c.params["tag_id"])
	if t == nil {
		return c.notFound("Tag")
	}
	var removed bool
	*list, removed = removeTag(*list, t.id)
	if !removed {
		return c.notFound("Tag")
	}
	return ok(obj{"type": "tag", "id": t.id, "name": t.name,
		"applied_at": ws.unix(), "applied_by": obj{"type": "admin", "id": c.str("admin_id")}})
}
