package intercomtest

import (
	"net/http"
	"slices"
	"strings"
)

func createConversation(ws *workspace, c *call) reply {
	from := c.object("from")
	ct := ws.contact(str(from, "id"))
	if ct == nil {
		return c.notFound("User")
	}
	now := ws.unix()
	if n, ok := c.num("created_at"); ok && n > 0 {
		now = n
	}
	cv := &conversation{id: ws.nextID("conversation"), subject: c.str("subject"), body: c.str("body"),
		deliveredAs: "customer_initiated", author: ws.userAuthor(ct), contactIDs: []string{ct.id},
		state: "open", priority: "not_priority", createdAt: now, updatedAt: now, waitingSince: now}
	ws.conversations = append(ws.conversations, cv)
	return ok(obj{"type": "user_message", "id": cv.id + "0", "created_at": now, "subject": cv.subject,
		"body": cv.body, "message_type": "inapp", "conversation_id": cv.id})
}

func retrieveConversation(ws *workspace, c *call) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	return ok(ws.conversationJSON(cv, true))
}

func listConversations(ws *workspace, c *call) reply {
	return cursorList(c, ws.conversations, 20, ws.conversationList)
}

func searchConversations(ws *workspace, c *call) reply {
	return searchList(c, ws.conversations, ws.conversationFields, ws.conversationList)
}

func replyConversation(ws *workspace, c *call) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	if r := checkAttachmentURLs(c); r != nil {
		return *r
	}
	now := ws.unix()
	switch c.str("type") {
	case "admin":
		a := ws.admin(c.str("admin_id"))
		if a == nil {
			return c.notFound("Admin")
		}
		if strings.TrimSpace(c.str("body")) == "" {
			return c.fail(http.StatusBadRequest, "parameter_not_found", "body is required")
		}
		ws.addConversationPart(cv, c.str("message_type"), c.str("body"), ws.adminAuthor(a))
		if c.str("message_type") == "comment" {
			cv.waitingSince = 0
			cv.read = true
		}
	default:
		ct := ws.findContact(c.str("intercom_user_id"), c.str("user_id"), c.str("email"))
		if ct == nil {
			return c.notFound("User")
		}
		ws.addConversationPart(cv, "comment", c.str("body"), ws.userAuthor(ct))
		if cv.state != "open" {
			cv.state, cv.snoozedUntil = "open", 0
		}
		if cv.waitingSince == 0 {
			cv.waitingSince = now
		}
		cv.read = false
	}
	cv.updatedAt = now
	return ok(ws.conversationJSON(cv, true))
}

func manageConversation(ws *workspace, c *call) reply {
	cv, a, failed := ws.conversationByAdmin(c)
	if failed != nil {
		return *failed
	}
	by := ws.adminAuthor(a)
	switch c.str("message_type") {
	case "close":
		cv.state, cv.snoozedUntil = "closed", 0
		ws.addConversationPart(cv, "close", c.str("body"), by)
	case "open":
		cv.state, cv.snoozedUntil = "open", 0
		ws.addConversationPart(cv, "open", "", by)
	case "snoozed":
		until, _ := c.num("snoozed_until")
		cv.state, cv.snoozedUntil = "snoozed", until
		ws.addConversationPart(cv, "snoozed", "", by)
	case "assignment":
		// Each case checks the assignee before changing anything.
		id := c.str("assignee_id")
		var to *author
		switch {
		case id == "0":
			cv.adminAssignee, cv.teamAssignee = "", ""
			to = &author{kind: "nobody_admin"}
		case c.str("type") == "team" || (ws.team(id) != nil && ws.admin(id) == nil):
			if ws.team(id) == nil {
				return c.notFound("Team")
			}
			cv.teamAssignee = id
			to = &author{kind: "team", id: id}
		default:
			if ws.admin(id) == nil {
				return c.notFound("Admin")
			}
			cv.adminAssignee = id
			to = &author{kind: "admin", id: id}
		}
		ws.addConversationPart(cv, "assignment", c.str("body"), by).assignedTo = to
	}
	cv.updatedAt = ws.unix()
	return ok(ws.conversationJSON(cv, true))
}

func (ws *workspace) addConversationPart(cv *conversation, partType, body string, who author) *part {
	p := &part{id: ws.nextID("part"), partType: partType, body: body, author: who, createdAt: ws.unix()}
	cv.parts = append(cv.parts, p)
	return p
}

func (ws *workspace) conversationList(page []*conversation, pages obj, total int) obj {
	list := jsonList(page, func(cv *conversation) obj { return ws.conversationJSON(cv, false) })
	return obj{"type": "conversation.list", "conversations": list, "total_count": total, "pages": pages}
}

// conversationFields are the fields a conversation search can filter on.
func (ws *workspace) conversationFields(cv *conversation) fieldFunc {
	return func(name string) (any, bool) {
		switch name {
		case "id":
			return cv.id, true
		case "created_at":
			return cv.createdAt, true
		case "updated_at":
			return cv.updatedAt, true
		case "title":
			return cv.title, true
		case "source.subject":
			return cv.subject, true
		case "source.body":
			return cv.body, true
		case "source.author.id":
			return cv.author.id, true
		case "source.author.email":
			return cv.author.email, true
		case "source.author.name":
			return cv.author.name, true
		case "source.delivered_as":
			return cv.deliveredAs, true
		case "contact_ids":
			return cv.contactIDs, true
		case "admin_assignee_id":
			return cv.adminAssignee, true
		case "team_assignee_id":
			return cv.teamAssignee, true
		case "teammate_ids":
			return teammateIDs(cv.parts), true
		case "open":
			return cv.state != "closed", true
		case "state":
			return cv.state, true
		case "read":
			return cv.read, true
		case "priority":
			return cv.priority, true
		case "tag_ids":
			return tagIDs(cv.tags), true
		case "waiting_since": // null when 0, as rendered
			return nullableInt(cv.waitingSince), true
		case "snoozed_until":
			return nullableInt(cv.snoozedUntil), true
		}
		return nil, false
	}
}

// updateConversation marks a conversation read or unread and sets its
// custom attributes.
func updateConversation(ws *workspace, c *call) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	if v, ok := c.boolean("read"); ok {
		cv.read = v
	}
	if m := c.object("custom_attributes"); m != nil {
		cv.custom = withFields(cv.custom, m)
	}
	cv.updatedAt = ws.unix()
	return ok(ws.conversationJSON(cv, true))
}

// redactConversation blanks a conversation part or the conversation's
// source message.
func redactConversation(ws *workspace, c *call) reply {
	cv := ws.conversation(c.str("conversation_id"))
	if cv == nil {
		return c.notFound("Conversation")
	}
	switch c.str("type") {
	case "source":
		if c.str("source_id") != cv.id+"0" {
			return c.notFound("Conversation Source")
		}
		cv.body, cv.sourceRedacted = "", true
	default:
		var p *part
		for _, x := range cv.parts {
			if x.id == c.str("conversation_part_id") {
				p = x
			}
		}
		if p == nil {
			return c.notFound("Conversation Part")
		}
		p.body, p.redacted = "", true
	}
	cv.updatedAt = ws.unix()
	return ok(ws.conversationJSON(cv, true))
}

// attachContactToConversation adds a participant, on behalf of an admin.
func attachContactToConversation(ws *workspace, c *call) reply {
	cv, a, failed := ws.conversationByAdmin(c)
	if failed != nil {
		return *failed
	}
	who := c.object("customer")
	ct := ws.findContact(str(who, "intercom_user_id"), str(who, "user_id"), str(who, "email"))
	if ct == nil {
		return c.notFound("User")
	}
	if slices.Contains(cv.contactIDs, ct.id) {
		return c.badParam("contact %s already takes part in conversation %s", ct.id, cv.id)
	}
	cv.contactIDs = append(cv.contactIDs, ct.id)
	ws.addConversationPart(cv, "participant_added", "", ws.adminAuthor(a))
	cv.updatedAt = ws.unix()
	return ok(ws.conversationJSON(cv, true))
}

// detachContactFromConversation removes a participant; the last one stays.
func detachContactFromConversation(ws *workspace, c *call) reply {
	cv, a, failed := ws.conversationByAdmin(c)
	if failed != nil {
		return *failed
	}
	id := c.params["contact_id"]
	if !slices.Contains(cv.contactIDs, id) {
		return c.notFound("User")
	}
	if len(cv.contactIDs) == 1 {
		return c.badParam("a conversation keeps at least one contact: %s is its last", id)
	}
	cv.contactIDs = without(cv.contactIDs, id)
	ws.addConversationPart(cv, "participant_removed", "", ws.adminAuthor(a))
	cv.updatedAt = ws.unix()
	return ok(ws.conversationJSON(cv, true))
}

// autoAssignConversation runs the workspace's assignment rule: an open
// conversation nobody is assigned goes to the first team's inbox.
func autoAssignConversation(ws *workspace, c *call) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	if cv.state == "closed" {
		return c.badParam("conversation %s is closed", cv.id)
	}
	if cv.adminAssignee == "" && cv.teamAssignee == "" && len(ws.teams) > 0 {
		cv.teamAssignee = ws.teams[0].id
		p := ws.addConversationPart(cv, "default_assignment", "", author{kind: "bot", id: ws.operatorID(), name: "Operator"})
		p.assignedTo = &author{kind: "team", id: cv.teamAssignee}
		cv.updatedAt = ws.unix()
	}
	return ok(ws.conversationJSON(cv, true))
}

// operatorID is the id of the workspace's bot, Operator.
func (ws *workspace) operatorID() string { return "9099999" }

// convertConversationToTicket makes a customer ticket of a conversation,
// with the conversation's contacts; the two are linked both ways.
func convertConversationToTicket(ws *workspace, c *call) reply {
	cv := ws.conversation(c.params["conversation_id"])
	if cv == nil {
		return c.notFound("Conversation")
	}
	tt := ws.ticketType(c.str("ticket_type_id"))
	if tt == nil {
		return c.notFound("Ticket Type")
	}
	if tt.category != "Customer" {
		return c.badParam("only a Customer ticket type can take a conversation, %s is %s", tt.id, tt.category)
	}
	if cv.ticketID != "" {
		return c.badParam("conversation %s is already ticket %s", cv.id, cv.ticketID)
	}
	attrs := c.object("attributes")
	if attrs == nil {
		attrs = map[string]any{}
	}
	if _, set := attrs["_default_title_"]; !set && cv.subject != "" {
		attrs["_default_title_"] = cv.subject
	}
	if r := checkTicketAttributes(c, tt, attrs, true); r != nil {
		return *r
	}
	t := ws.newTicket(tt, slices.Clone(cv.contactIDs), attrs, ws.unix())
	t.conversationID, cv.ticketID = cv.id, t.id
	t.adminAssignee, t.teamAssignee = cv.adminAssignee, cv.teamAssignee
	return ok(ws.ticketJSON(t))
}

// conversationByAdmin reads the conversation the path names and the admin
// the body names as acting on it. failed is the 404 for the one that
// doesn't exist.
func (ws *workspace) conversationByAdmin(c *call) (cv *conversation, a *admin, failed *reply) {
	if cv = ws.conversation(c.params["conversation_id"]); cv == nil {
		r := c.notFound("Conversation")
		return nil, nil, &r
	}
	if a = ws.admin(c.str("admin_id")); a == nil {
		r := c.notFound("Admin")
		return nil, nil, &r
	}
	return cv, a, nil
}
