package intercomtest

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
)

func createContact(ws *workspace, c *call) reply {
	email, ext := c.str("email"), c.str("external_id")
	if email != "" && !validEmail(email) {
		return c.badParam("email %q is not an email address", email)
	}
	if dup := ws.findContact("", ext, email); dup != nil {
		return c.fail(http.StatusConflict, "conflict", "A contact matching those details already exists with id=%s", dup.id)
	}
	role := c.str("role")
	if role == "" {
		role = "user"
	}
	if role != "user" && role != "lead" {
		return c.badParam("role must be user or lead")
	}
	now := ws.unix()
	ct := &contact{id: ws.nextID("contact"), email: email, externalID: ext, role: role,
		name: c.str("name"), phone: c.str("phone"), avatar: c.str("avatar"), createdAt: now, updatedAt: now}
	if m := c.object("custom_attributes"); m != nil {
		ct.custom = m
	}
	ws.contacts = append(ws.contacts, ct)
	return ok(ws.contactJSON(ct))
}

func showContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	return ok(ws.contactJSON(ct))
}

func updateContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	if email := c.str("email"); email != "" && !validEmail(email) {
		return c.badParam("email %q is not an email address", email)
	}
	if role := c.str("role"); c.has("role") && role != "user" && role != "lead" {
		return c.badParam("role must be user or lead")
	}
	for name, dst := range map[string]*string{"email": &ct.email, "external_id": &ct.externalID,
		"name": &ct.name, "phone": &ct.phone, "role": &ct.role, "avatar": &ct.avatar} {
		if c.has(name) {
			*dst = c.str(name)
		}
	}
	if m := c.object("custom_attributes"); m != nil {
		ct.custom = withFields(ct.custom, m)
	}
	ct.updatedAt = ws.unix()
	return ok(ws.contactJSON(ct))
}

func deleteContact(ws *workspace, c *call) reply {
	id := c.params["contact_id"]
	ct, found := removeFirst(&ws.contacts, func(ct *contact) bool { return ct.id == id })
	if !found {
		return c.notFound("User")
	}
	ws.notes = slices.DeleteFunc(ws.notes, func(n *note) bool { return n.contactID == id })
	ws.events = slices.DeleteFunc(ws.events, func(e *eventCount) bool { return e.contactID == id })
	for _, sg := range ws.segments {
		sg.contactIDs = without(sg.contactIDs, id)
	}
	return ok(obj{"type": "contact", "id": ct.id, "external_id": nullable(ct.externalID), "deleted": true})
}

func archiveContact(ws *workspace, c *call) reply { return setArchived(ws, c, true) }

func unarchiveContact(ws *workspace, c *call) reply { return setArchived(ws, c, false) }

// setArchived archives or unarchives the path's contact.
func setArchived(ws *workspace, c *call, archived bool) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	ct.archived = archived
	ct.updatedAt = ws.unix()
	return ok(obj{"type": "contact", "id": ct.id, "external_id": nullable(ct.externalID), "archived": archived})
}

func listContacts(ws *workspace, c *call) reply {
	return cursorList(c, ws.contacts, 50, ws.contactList)
}

func searchContacts(ws *workspace, c *call) reply {
	return searchList(c, ws.contacts, ws.contactFields, ws.contactList)
}

func attachTagToContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	t := ws.tag(c.str("id"))
	if t == nil {
		return c.notFound("Tag")
	}
	if !slices.Contains(ct.tagIDs, t.id) {
		ct.tagIDs = append(ct.tagIDs, t.id)
	}
	return ok(t.json())
}

func detachTagFromContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	t := ws.tag(c.params["tag_id"])
	if t == nil || !slices.Contains(ct.tagIDs, t.id) {
		return c.notFound("Tag")
	}
	ct.tagIDs = slices.DeleteFunc(ct.tagIDs, func(id string) bool { return id == t.id })
	return ok(t.json())
}

func listTagsForAContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	list := []any{}
	for _, id := range ct.tagIDs {
		if t := ws.tag(id); t != nil {
			list = append(list, t.json())
		}
	}
	return ok(obj{"type": "list", "data": list})
}

func (ws *workspace) contactList(page []*contact, pages obj, total int) obj {
	return dataList(page, ws.contactJSON, total, pages)
}

// contactFields are the fields a contact search can filter on.
func (ws *workspace) contactFields(ct *contact) fieldFunc {
	return func(name string) (any, bool) {
		switch name {
		case "id":
			return ct.id, true
		case "email":
			return ct.email, true
		case "name":
			return ct.name, true
		case "role":
			return ct.role, true
		case "external_id":
			return ct.externalID, true
		case "phone":
			return ct.phone, true
		case "created_at":
			return ct.createdAt, true
		case "updated_at":
			return ct.updatedAt, true
		case "tag_id", "tag_ids":
			return ct.tagIDs, true
		case "company_id", "company_ids":
			return ct.companyIDs, true
		}
		if key, ok := strings.CutPrefix(name, "custom_attributes."); ok {
			v := ct.custom[key]
			if v == nil {
				return "", true
			}
			return v, true
		}
		return nil, false
	}
}

// emailAddress is the form of an email address Intercom accepts.
var emailAddress = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

func validEmail(s string) bool { return emailAddress.MatchString(s) }

// mergeContact merges a lead into a user: the user takes what it lacks of
// the lead's details, its tags, companies, notes, events and conversations,
// and the lead is deleted.
func mergeContact(ws *workspace, c *call) reply {
	from, into := ws.contact(c.str("from")), ws.contact(c.str("into"))
	if from == nil || into == nil {
		return c.notFound("User")
	}
	if from.role != "lead" {
		return c.badParam("from must be a lead, contact %s is a %s", from.id, from.role)
	}
	if into.role != "user" {
		return c.badParam("into must be a user, contact %s is a %s", into.id, into.role)
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&into.email, from.email}, {&into.name, from.name}, {&into.phone, from.phone},
	} {
		if *f.dst == "" {
			*f.dst = f.src
		}
	}
	for k, v := range from.custom {
		if into.custom == nil {
			into.custom = map[string]any{}
		}
		if _, set := into.custom[k]; !set {
			into.custom[k] = v
		}
	}
	into.tagIDs = unique(append(into.tagIDs, from.tagIDs...))
	into.companyIDs = unique(append(into.companyIDs, from.companyIDs...))
	for _, n := range ws.notes {
		if n.contactID == from.id {
			n.contactID = into.id
		}
	}
	for _, e := range ws.eventsOf(from.id) {
		ws.recordEvent(into.id, e.name, e.count, e.first, e.last, e.metadata)
	}
	ws.events = slices.DeleteFunc(ws.events, func(e *eventCount) bool { return e.contactID == from.id })
	for _, cv := range ws.conversations {
		cv.contactIDs = replaced(cv.contactIDs, from.id, into.id)
	}
	for _, t := range ws.tickets {
		t.contactIDs = replaced(t.contactIDs, from.id, into.id)
	}
	for _, sg := range ws.segments {
		sg.contactIDs = replaced(sg.contactIDs, from.id, into.id)
	}
	ws.contacts = slices.DeleteFunc(ws.contacts, func(x *contact) bool { return x == from })
	into.updatedAt = ws.unix()
	return ok(ws.contactJSON(into))
}

// replaced is ids with from replaced by into, without repeats.
func replaced(ids []string, from, into string) []string {
	for i, id := range ids {
		if id == from {
			ids[i] = into
		}
	}
	return unique(ids)
}

// unique drops the repeats of a list, keeping the first of each.
func unique(ids []string) []string {
	out := ids[:0]
	for i, id := range ids {
		if !slices.Contains(ids[:i], id) {
			out = append(out, id)
		}
	}
	return out
}
