package intercomtest

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
)

func createTicket(ws *workspace, c *call) reply {
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
	t := ws.newTicket(tt, []string{ct.id}, attrs, now)
	t.companyID = c.str("company_id")
	return ok(ws.ticketJSON(t))
}

func getTicket(ws *workspace, c *call) reply {
	t := ws.ticket(c.params["ticket_id"])
	if t == nil {
		return c.notFound("Ticket")
	}
	return ok(ws.ticketJSON(t))
}

func updateTicket(ws *workspace, c *call) reply {
	t := ws.ticket(c.params["ticket_id"])
	if t == nil {
		return c.notFound("Ticket")
	}
	by := ws.me
	asg := c.object("assignment")
	if !ws.updateTicketAssignment { // 2.14 and later: fields of the update
		asg = c.body
	}
	if id := idStr(asg, "admin_id"); id != "" {
		if by = ws.admin(id); by == nil {
			return c.notFound("Admin")
		}
	}
	// Check the assignee before changing anything.
	assignee := idStr(asg, "assignee_id")
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
	if assignee != "" {
		to := &author{kind: "nobody_admin"}
		switch {
		case assignee == "0":
			t.adminAssignee, t.teamAssignee = "", ""
		case ws.admin(assignee) != nil:
			t.adminAssignee = assignee
			to = &author{kind: "admin", id: assignee}
		default: // a team, checked above
			t.teamAssignee = assignee
			to = &author{kind: "team", id: assignee}
		}
		ws.addTicketPart(t, "assignment", "", ws.adminAuthor(by)).assignedTo = to
	}
	state := ""
	if ws.updateTicketState {
		state = c.str("state")
	}
	if id := c.str("ticket_state_id"); id != "" { // 2.12 and later
		if state = stateOfID(id); state == "" {
			return c.notFound("Ticket state")
		}
	}
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
}

func replyTicket(ws *workspace, c *call) reply {
	t := ws.ticket(c.params["ticket_id"])
	if t == nil {
		return c.notFound("Ticket")
	}
	if r := checkAttachmentURLs(c); r != nil {
		return *r
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
}

func searchTickets(ws *workspace, c *call) reply {
	return searchList(c, ws.tickets, ws.ticketFields, ws.ticketList)
}

// ticketList is a ticket search's answer: a page of tickets, the total
// count and the pages.
func (ws *workspace) ticketList(page []*ticket, pages obj, total int) obj {
	return obj{"type": "ticket.list", "tickets": jsonList(page, ws.ticketJSON), "pages": pages, "total_count": total}
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
			return teammateIDs(t.parts), true
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

// newTicket adds a submitted ticket of a type.
func (ws *workspace) newTicket(tt *ticketType, contactIDs []string, attrs map[string]any, at int64) *ticket {
	ws.seq["ticket_number"]++
	t := &ticket{id: ws.nextID("ticket"), ticketID: fmt.Sprint(ws.seq["ticket_number"]), typeID: tt.id,
		category: tt.category, state: "submitted", open: true, contactIDs: contactIDs,
		attributes: map[string]any{}, createdAt: at, updatedAt: at}
	for k, v := range attrs {
		t.attributes[k] = v
	}
	ws.tickets = append(ws.tickets, t)
	return t
}

// listTicketStates lists the four ticket states, one per category (2.12 and
// later: GET /ticket_states).
func listTicketStates(ws *workspace, c *call) reply {
	states := []any{}
	for _, category := range []string{"submitted", "in_progress", "waiting_on_customer", "resolved"} {
		s := ws.ticketStateJSON(category)
		if o, ok := s.(obj); ok {
			o["archived"] = false
			o["ticket_types"] = obj{"type": "list", "data": []any{}}
		}
		states = append(states, s)
	}
	return ok(obj{"type": "list", "data": states})
}

// idStr reads an id that a description declares as a string or an integer.
func idStr(m map[string]any, name string) string {
	if n, ok := m[name].(float64); ok {
		return strconv.FormatInt(int64(n), 10)
	}
	return str(m, name)
}
