package intercomtest

import (
	"net/http"
	"strings"
)

func init() {
	handle("createConversation", func(ws *workspace, c *call) reply {
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
	})
	handle("retrieveConversation", func(ws *workspace, c *call) reply {
		cv := ws.conversation(c.params["conversation_id"])
		if cv == nil {
			return c.notFound("Conversation")
		}
		return ok(ws.conversationJSON(cv, true))
	})
	handle("listConversations", func(ws *workspace, c *call) reply {
		page, pages, good := pageOf(ws.conversations, c.queryInt("per_page", 20), c.query.Get("starting_after"))
		if !good {
			return c.badParam("starting_after is not a cursor this server gave")
		}
		return ok(ws.conversationList(page, pages, len(ws.conversations)))
	})
	handle("searchConversations", func(ws *workspace, c *call) reply {
		page, pages, bad := searchPage(c, ws.conversations, ws.conversationFields)
		if bad != nil {
			return *bad
		}
		return ok(ws.conversationList(page, pages, searchTotal(c, ws.conversations, ws.conversationFields)))
	})
	handle("replyConversation", func(ws *workspace, c *call) reply {
		cv := ws.conversation(c.params["conversation_id"])
		if cv == nil {
			return c.notFound("Conversation")
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
	})
	handle("manageConversation", func(ws *workspace, c *call) reply {
		cv := ws.conversation(c.params["conversation_id"])
		if cv == nil {
			return c.notFound("Conversation")
		}
		a := ws.admin(c.str("admin_id"))
		if a == nil {
			return c.notFound("Admin")
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
	})
}

func (ws *workspace) addConversationPart(cv *conversation, partType, body string, who author) *part {
	p := &part{id: ws.nextID("part"), partType: partType, body: body, author: who, createdAt: ws.unix()}
	cv.parts = append(cv.parts, p)
	return p
}

func (ws *workspace) conversationList(page []*conversation, pages obj, total int) obj {
	list := []any{}
	for _, cv := range page {
		list = append(list, ws.conversationJSON(cv, false))
	}
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
			var ids []string
			for _, p := range cv.parts {
				if p.author.kind == "admin" {
					ids = append(ids, p.author.id)
				}
			}
			return ids, true
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
