package intercomtest

import (
	"net/http"
	"strings"
)

// note is a note an admin left on a contact.
type note struct {
	id, contactID, adminID, body string
	createdAt                    int64
}

func (ws *workspace) note(id string) *note {
	for _, n := range ws.notes {
		if n.id == id {
			return n
		}
	}
	return nil
}

func (ws *workspace) noteJSON(n *note) obj {
	out := obj{"type": "note", "id": n.id, "created_at": n.createdAt, "body": n.body,
		"contact": obj{"type": "contact", "id": n.contactID}}
	if a := ws.admin(n.adminID); a != nil {
		out["author"] = a.json()
	}
	return out
}

// contactNotes are the notes on a contact, newest first.
func (ws *workspace) contactNotes(contactID string) []*note {
	var out []*note
	for i := len(ws.notes) - 1; i >= 0; i-- {
		if ws.notes[i].contactID == contactID {
			out = append(out, ws.notes[i])
		}
	}
	return out
}

func createNote(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	body := c.str("body")
	if strings.TrimSpace(body) == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "body is required")
	}
	a := ws.me
	if id := c.str("admin_id"); id != "" {
		if a = ws.admin(id); a == nil {
			return c.notFound("Admin")
		}
	}
	n := &note{id: ws.nextID("note"), contactID: ct.id, adminID: a.id, body: "<p>" + body + "</p>", createdAt: ws.unix()}
	if strings.HasPrefix(body, "<") {
		n.body = body
	}
	ws.notes = append(ws.notes, n)
	return ok(ws.noteJSON(n))
}

func retrieveNote(ws *workspace, c *call) reply {
	n := ws.note(c.params["note_id"])
	if n == nil {
		return c.notFound("Note")
	}
	return ok(ws.noteJSON(n))
}

func listNotes(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	all := ws.contactNotes(ct.id)
	return linkedList(ws, c, all, 50, ws.noteJSON)
}
