package intercomtest

import (
	"net/http"
	"strings"
)

func listTicketTypes(ws *workspace, c *call) reply {
	list := jsonList(ws.ticketTypes, ws.ticketTypeJSON)
	return ok(obj{"type": "ticket_type_attributes.list", "data": list})
}

func createTicketType(ws *workspace, c *call) reply {
	name := strings.TrimSpace(c.str("name"))
	if name == "" {
		return c.badParam("name must not be empty")
	}
	for _, t := range ws.ticketTypes {
		if strings.EqualFold(t.name, name) {
			return c.fail(http.StatusBadRequest, "parameter_invalid", "A ticket type named %q already exists", name)
		}
	}
	t := ws.newTicketType(name, c.str("description"), c.str("category"), c.str("icon"))
	t.internal, _ = c.boolean("is_internal")
	return ok(ws.ticketTypeJSON(t))
}

func getTicketType(ws *workspace, c *call) reply {
	t := ws.ticketType(c.params["ticket_type_id"])
	if t == nil {
		return c.notFound("Ticket Type")
	}
	return ok(ws.ticketTypeJSON(t))
}

func updateTicketType(ws *workspace, c *call) reply {
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
}

func createTicketTypeAttribute(ws *workspace, c *call) reply {
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
}

func updateTicketTypeAttribute(ws *workspace, c *call) reply {
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

// newTicketType adds a ticket type with Intercom's default title and
// description attributes.
func (ws *workspace) newTicketType(name, description, category, icon string) *ticketType {
	now := ws.unix()
	t := &ticketType{id: ws.nextID("ticket_type"), name: name, description: description,
		icon: icon, category: category, createdAt: now, updatedAt: now}
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
	return t
}
