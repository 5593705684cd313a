package intercomtest

import (
	"net/http"
	"strconv"
	"strings"
)

// message is an outbound message an admin sent to a contact; it starts a
// conversation.
type message struct {
	id, kind, subject, body, template  string
	adminID, contactID, conversationID string
	createdAt                          int64
}

// createMessage sends an in-app message or an email from an admin to a
// contact. Intercom's SDKs send message_type inapp, the description says
// in_app: both are accepted, and the answer says inapp as Intercom does.
func createMessage(ws *workspace, c *call) reply {
	kind := c.str("message_type")
	switch kind {
	case "inapp":
		kind = "inapp"
	case "email":
	default:
		return c.badParam("message_type must be inapp or email, got %q", kind)
	}
	body := c.str("body")
	if strings.TrimSpace(body) == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "body is required")
	}
	if kind == "email" && strings.TrimSpace(c.str("subject")) == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "subject is required for an email")
	}
	from, to := c.object("from"), c.object("to")
	if str(from, "type") != "admin" {
		return c.badParam("from.type must be admin")
	}
	fromID, _ := from["id"].(float64)
	a := ws.admin(strconv.FormatInt(int64(fromID), 10))
	if a == nil {
		return c.notFound("Admin")
	}
	ct := ws.contact(str(to, "id"))
	if ct == nil {
		return c.notFound("User")
	}
	if want := str(to, "type"); want != ct.role {
		return c.badParam("to.type is %s but contact %s is a %s", want, ct.id, ct.role)
	}
	if kind == "email" && ct.email == "" {
		return c.badParam("contact %s has no email address", ct.id)
	}
	now := ws.unix()
	if n, ok := c.num("created_at"); ok && n > 0 {
		now = n
	}
	cv := &conversation{id: ws.nextID("conversation"), subject: c.str("subject"), body: body,
		deliveredAs: "admin_initiated", author: ws.adminAuthor(a), contactIDs: []string{ct.id},
		state: "open", read: true, priority: "not_priority", createdAt: now, updatedAt: now}
	ws.conversations = append(ws.conversations, cv)
	m := &message{id: ws.nextID("message"), kind: kind, subject: c.str("subject"), body: body,
		template: c.str("template"), adminID: a.id, contactID: ct.id, conversationID: cv.id, createdAt: now}
	ws.messages = append(ws.messages, m)
	return ok(obj{"type": "admin_message", "id": m.id, "created_at": now, "subject": m.subject, "body": body,
		"message_type": kind, "conversation_id": cv.id, "owner": a.json()})
}
