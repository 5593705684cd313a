package intercomtest

import (
	"fmt"
	"math"
	"net/http"
	"strings"
)

func init() {
	handle("listTicketTypes", func(ws *workspace, c *call) reply {
		list := []any{}
		for _, t := range ws.ticketTypes {
			list = append(list, ws.ticketTypeJSON(t))
		}
		return ok(obj{"type": "ticket_type_attributes.list", "ticket_types": list})
	})
	handle("createTicketType", func(ws *workspace, c *call) reply {
		name := strings.TrimSpace(c.str("name"))
		if name == "" {
			return c.badParam("name must not be empty")
		}
		for _, t := range ws.ticketTypes {
			if strings.EqualFold(t.name, name) {
				return c.fail(http.StatusBadRequest, "parameter_invalid", "A ticket type named %q already exists", name)
			}
		}
		now := ws.unix()
		t := &ticketType{id: ws.nextID("ticket_type"), name: name, description: c.str("description"),
			icon: c.str("icon"), category: c.str("category"), createdAt: now, updatedAt: now}
		t.internal, _ = c.boolean("is_internal")
		if t.category == "" {
			t.category = "Customer"
		}
		if t.icon == "" {
			t.icon = "🎟️"
		}
		// Every ticket type has a title and a description, as in Intercom.
		for i, d := range []struct{ name, desc string }{
			{"_default_title_", "Title of the ticket"},
			{"_default_description_", "Description of the ticket"},
		} {
			t.attributes = append(t.attributes, &ticketTypeAttribute{
				id: ws.nextID("attribute"), name: d.name, description: d.desc, dataType: "string",
				multiline: i == 1, visibleOnCreate: true, visibleToContacts: true, isDefault: true,
				order: i, createdAt: now, updatedAt: now,
			})
		}
		ws.ticketTypes = append(ws.ticketTypes, t)
		return ok(ws.ticketTypeJSON(t))
	})
	handle("getTicketType", func(ws *workspace, c *call) reply {
		t := ws.ticketType(c.params["ticket_type_id"])
		if t == nil {
			return c.notFound("Ticket Type")
		}
		return ok(ws.ticketTypeJSON(t))
	})
	handle("updateTicketType", func(ws *workspace, c *call) reply {
		t := ws.ticketType(c.params["ticket_type_id"])
		if t == nil {
			return c.notFound("Ticket Type")
		}
		for name, dst := range map[string]*string{"name": &t.name, "description": &t.description,
			"icon": &t.icon, "category": &t.category} {
			if c.has(name) {
				*dst = c.str(name)
			}
		}
		if v, ok := c.boolean("archived"); ok {
			t.archived = v
		}
		if v, ok := c.boolean("is_internal"); ok {
			t.internal = v
		}
		t.updatedAt = ws.unix()
		return ok(ws.ticketTypeJSON(t))
	})
	handle("createTicketTypeAttribute", func(ws *workspace, c *call) reply {
		t := ws.ticketType(c.params["ticket_type_id"])
		if t == nil {
			return c.notFound("Ticket Type")
		}
		name := strings.TrimSpace(c.str("name"))
		if name == "" {
			return c.badParam("name must not be empty")
		}
		for _, a := range t.attributes {
			if strings.EqualFold(a.name, name) {
				return c.badParam("the ticket type already has an attribute named %q", name)
			}
		}
		if c.str("data_type") == "list" && strings.TrimSpace(c.str("list_items")) == "" {
			return c.fail(http.StatusBadRequest, "parameter_not_found", "list_items is required for a list attribute")
		}
		now := ws.unix()
		a := &ticketTypeAttribute{id: ws.nextID("attribute"), name: name, description: c.str("description"),
			dataType: c.str("data_type"), listItems: c.str("list_items"), visibleOnCreate: true,
			visibleToContacts: true, order: len(t.attributes), createdAt: now, updatedAt: now}
		a.setFlags(c)
		t.attributes = append(t.attributes, a)
		t.updatedAt = now
		return ok(a.json(t.id, ws.appID))
	})
	handle("updateTicketTypeAttribute", func(ws *workspace, c *call) reply {
		t := ws.ticketType(c.params["ticket_type_id"])
		if t == nil {
			return c.notFound("Ticket Type")
		}
		var a *ticketTypeAttribute
		for _, x := range t.attributes {
			if x.id == c.params["attribute_id"] {
				a = x
			}
		}
		if a == nil {
			return c.notFound("Ticket Type Attribute")
		}
		if c.has("name") {
			a.name = c.str("name")
		}
		if c.has("description") {
			a.description = c.str("description")
		}
		if c.has("list_items") {
			a.listItems = c.str("list_items")
		}
		if v, ok := c.boolean("archived"); ok {
			a.archived = v
		}
		a.setFlags(c)
		a.updatedAt = ws.unix()
		return ok(a.json(t.id, ws.appID))
	})

	handle("createTicket", func(ws *workspace, c *call) reply {
		tt := ws.ticketType(c.str("ticket_type_id"))
		if tt == nil {
			return c.notFound("Ticket Type")
		}
		if tt.archived {
			return c.badParam("ticket type %s is archived", tt.id)
		}
		refs, _ := c.body["contacts"].([]any)
		if len(refs) != 1 {
			return c.badParam("contacts must list exactly one contact")
		}
		ref, _ := refs[0].(map[string]any)
		ct := ws.findContact(str(ref, "id"), str(ref, "external_id"), str(ref, "email"))
		if ct == nil {
			if str(ref, "email") == "" {
				return c.notFound("User")
			}
			now := ws.unix()
			ct = &contact{id: ws.nextID("contact"), email: str(ref, "email"), role: "user", createdAt: now, updatedAt: now}
			ws.contacts = append(ws.contacts, ct)
		}
		attrs, _ := c.body["ticket_attributes"].(map[string]any)
		if r := checkTicketAttributes(c, tt, attrs, true); r != nil {
			return *r
		}
		now := ws.unix()
		if n, ok := c.num("created_at"); ok && n > 0 {
			now = n
		}
		ws.seq["ticket_number"]++
		t := &ticket{id: ws.nextID("ticket"), ticketID: fmt.Sprint(ws.seq["ticket_number"]), typeID: tt.id,
			category: tt.category, state: "submitted", open: true, contactIDs: []string{ct.id},
			companyID: c.str("company_id"), attributes: map[string]any{}, createdAt: now, updatedAt: now}
		for k, v := range attrs {
			t.attributes[k] = v
		}
		ws.tickets = append(ws.tickets, t)
		return ok(ws.ticketJSON(t))
	})
	handle("getTicket", func(ws *workspace, c *call) reply {
		t := ws.ticket(c.params["ticket_id"])
		if t == nil {
			return c.notFound("Ticket")
		}
		return ok(ws.ticketJSON(t))
	})
	handle("updateTicket", func(ws *workspace, c *call) reply {
		t := ws.ticket(c.params["ticket_id"])
		if t == nil {
			return c.notFound("Ticket")
		}
		by := ws.me
		asg := c.object("assignment")
		if id := str(asg, "admin_id"); id != "" {
			if by = ws.admin(id); by == nil {
				return c.notFound("Admin")
			}
		}
		// Check the assignee before changing anything.
		assignee := str(asg, "assignee_id")
		if assignee != "" && assignee != "0" && ws.admin(assignee) == nil && ws.team(assignee) == nil {
			return c.notFound("Assignee")
		}
		now := ws.unix()
		if attrs := c.object("ticket_attributes"); attrs != nil {
			if r := checkTicketAttributes(c, ws.ticketType(t.typeID), attrs, false); r != nil {
				return *r
			}
			for k, v := range attrs {
				t.attributes[k] = v
			}
			ws.addTicketPart(t, "ticket_attribute_updated_by_admin", "", ws.adminAuthor(by))
		}
		if id := assignee; id != "" {
			switch {
			case id == "0":
				t.adminAssignee, t.teamAssignee = "", ""
				ws.addTicketPart(t, "assignment", "", ws.adminAuthor(by)).assignedTo = &author{kind: "nobody_admin"}
			case ws.admin(id) != nil:
				t.adminAssignee = id
				ws.addTicketPart(t, "assignment", "", ws.adminAuthor(by)).assignedTo = &author{kind: "admin", id: id}
			default: // a team, checked above
				t.teamAssignee = id
				ws.addTicketPart(t, "assignment", "", ws.adminAuthor(by)).assignedTo = &author{kind: "team", id: id}
			}
		}
		state := c.str("state")
		if open, ok := c.boolean("open"); ok && state == "" {
			if !open && t.state != "resolved" {
				state = "resolved"
			}
			if open && t.state == "resolved" {
				state = "in_progress"
			}
		}
		if state != "" && state != t.state {
			p := ws.addTicketPart(t, "ticket_state_updated_by_admin", "", ws.adminAuthor(by))
			p.previousState = t.state
			t.state = state
			p.state = state
			t.open = state != "resolved"
		}
		if v, ok := c.boolean("is_shared"); ok {
			t.shared = v
		}
		if n, ok := c.num("snoozed_until"); ok {
			t.snoozedUntil = n
		}
		t.updatedAt = now
		return ok(ws.ticketJSON(t))
	})
	handle("replyTicket", func(ws *workspace, c *call) reply {
		t := ws.ticket(c.params["ticket_id"])
		if t == nil {
			return c.notFound("Ticket")
		}
		var who author
		msgType := c.str("message_type")
		switch c.str("type") {
		case "admin":
			a := ws.admin(c.str("admin_id"))
			if a == nil {
				return c.notFound("Admin")
			}
			who = ws.adminAuthor(a)
		default:
			ct := ws.findContact(c.str("intercom_user_id"), c.str("user_id"), c.str("email"))
			if ct == nil {
				return c.notFound("User")
			}
			who = ws.userAuthor(ct)
		}
		if msgType != "quick_reply" && strings.TrimSpace(c.str("body")) == "" {
			return c.fail(http.StatusBadRequest, "parameter_not_found", "body is required")
		}
		p := ws.addTicketPart(t, msgType, c.str("body"), who)
		t.updatedAt = p.createdAt
		out := ws.ticketPartJSON(p)
		delete(out, "ticket_state")
		delete(out, "assigned_to")
		return ok(out)
	})
	handle("searchTickets", func(ws *workspace, c *call) reply {
		page, pages, bad := searchPage(c, ws.tickets, ws.ticketFields)
		if bad != nil {
			return *bad
		}
		list := []any{}
		for _, t := range page {
			list = append(list, ws.ticketJSON(t))
		}
		return ok(obj{"type": "ticket.list", "tickets": list, "pages": pages,
			"total_count": searchTotal(c, ws.tickets, ws.ticketFields)})
	})
}

func (a *ticketTypeAttribute) setFlags(c *call) {
	for name, dst := range map[string]*bool{
		"required_to_create": &a.requiredToCreate, "required_to_create_for_contacts": &a.requiredForContacts,
		"visible_on_create": &a.visibleOnCreate, "visible_to_contacts": &a.visibleToContacts,
		"multiline": &a.multiline, "allow_multiple_values": &a.allowMultiple,
	} {
		if v, ok := c.boolean(name); ok {
			*dst = v
		}
	}
}

// checkTicketAttributes checks ticket attribute values against the ticket
// type: known names, values of the attribute's data type, and (on create)
// the attributes required to create.
func checkTicketAttributes(c *call, tt *ticketType, attrs map[string]any, creating bool) *reply {
	byName := map[string]*ticketTypeAttribute{}
	for _, a := range tt.attributes {
		if !a.archived {
			byName[a.name] = a
		}
	}
	for name, v := range attrs {
		a, found := byName[name]
		if !found {
			r := c.badParam("ticket type %s has no attribute %q", tt.id, name)
			return &r
		}
		if v == nil {
			continue
		}
		good := true
		switch a.dataType {
		case "string", "list", "datetime":
			_, good = v.(string)
			if a.dataType == "datetime" && !good {
				_, good = v.(float64)
			}
		case "integer":
			f, isNum := v.(float64)
			good = isNum && f == math.Trunc(f)
		case "decimal":
			_, good = v.(float64)
		case "boolean":
			_, good = v.(bool)
		}
		if !good {
			r := c.badParam("attribute %q takes a %s value", name, a.dataType)
			return &r
		}
	}
	if creating {
		for _, a := range tt.attributes {
			if _, set := attrs[a.name]; a.requiredToCreate && !a.archived && !set {
				r := c.fail(http.StatusBadRequest, "parameter_not_found", "attribute %q is required to create a ticket", a.name)
				return &r
			}
		}
	}
	return nil
}

// addTicketPart appends a part to a ticket in its current state.
func (ws *workspace) addTicketPart(t *ticket, partType, body string, who author) *part {
	p := &part{id: ws.nextID("part"), partType: partType, body: body, author: who,
		createdAt: ws.unix(), state: t.state}
	t.parts = append(t.parts, p)
	return p
}

// ticketFields are the fields a ticket search can filter on.
func (ws *workspace) ticketFields(t *ticket) fieldFunc {
	return func(name string) (any, bool) {
		switch name {
		case "id":
			return t.id, true
		case "ticket_id":
			return t.ticketID, true
		case "created_at":
			return t.createdAt, true
		case "updated_at":
			return t.updatedAt, true
		case "title", "_default_title_":
			return scalar(t.attributes["_default_title_"]), true
		case "description", "_default_description_":
			return scalar(t.attributes["_default_description_"]), true
		case "category":
			return t.category, true
		case "ticket_type_id":
			return t.typeID, true
		case "contact_ids":
			return t.contactIDs, true
		case "admin_assignee_id":
			return t.adminAssignee, true
		case "team_assignee_id":
			return t.teamAssignee, true
		case "teammate_ids":
			var ids []string
			for _, p := range t.parts {
				if p.author.kind == "admin" {
					ids = append(ids, p.author.id)
				}
			}
			return ids, true
		case "open":
			return t.open, true
		case "state", "ticket_state":
			return t.state, true
		case "snoozed_until": // absent when 0, as rendered
			return nullableInt(t.snoozedUntil), true
		}
		if key, ok := strings.CutPrefix(name, "ticket_attributes."); ok {
			return t.attributes[key], true
		}
		return nil, false
	}
}
