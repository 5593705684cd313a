package intercomtest

import (
	"net/http"
	"slices"
	"time"
)

// eventCount is how often a contact did an event, and when first and last:
// what Intercom keeps of data events.
type eventCount struct {
	contactID, name string
	count           int64
	first, last     int64
	metadata        map[string]any // of the last event
}

func (ws *workspace) eventsOf(contactID string) []*eventCount {
	return where(ws.events, func(e *eventCount) bool { return e.contactID == contactID })
}

// eventSummary fills in what a summary of events leaves out: one event,
// the last now, the first the last.
func (ws *workspace) eventSummary(n, first, last int64) (int64, int64, int64) {
	if n < 1 {
		n = 1
	}
	if last == 0 {
		last = ws.unix()
	}
	if first == 0 {
		first = last
	}
	return n, first, last
}

// recordEvent counts n events of a contact, the last at at.
func (ws *workspace) recordEvent(contactID, name string, n, first, last int64, metadata map[string]any) {
	for _, e := range ws.events {
		if e.contactID == contactID && e.name == name {
			e.count += n
			e.first = min(e.first, first)
			if last >= e.last {
				e.last, e.metadata = last, metadata
			}
			return
		}
	}
	ws.events = append(ws.events, &eventCount{contactID: contactID, name: name, count: n,
		first: first, last: last, metadata: metadata})
}

// createDataEvent records an event of the contact named by id, user_id or
// email. It answers 202 with no body, as Intercom.
func createDataEvent(ws *workspace, c *call) reply {
	name := c.str("event_name")
	if name == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "event_name is required")
	}
	// The description requires one of id, user_id or email.
	ct := ws.findContact(c.str("id"), c.str("user_id"), c.str("email"))
	if ct == nil {
		return c.notFound("User")
	}
	at, _ := c.num("created_at")
	if at <= 0 {
		at = ws.unix()
	}
	ws.recordEvent(ct.id, name, 1, at, at, c.object("metadata"))
	return reply{status: http.StatusAccepted}
}

// dataEventSummaries adds counts of events a contact did elsewhere.
func dataEventSummaries(ws *workspace, c *call) reply {
	ct := ws.findContact("", c.str("user_id"), "")
	if ct == nil {
		return c.notFound("User")
	}
	s := c.object("event_summaries")
	name := str(s, "event_name")
	if name == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "event_summaries.event_name is required")
	}
	n, _ := s["count"].(float64)
	first, _ := s["first"].(float64)
	last, _ := s["last"].(float64)
	count, from, to := ws.eventSummary(int64(n), int64(first), int64(last))
	ws.recordEvent(ct.id, name, count, from, to, nil)
	return reply{status: http.StatusOK}
}

// lisDataEvents lists a contact's events: one item per event name, with
// counts when summary is asked.
func lisDataEvents(ws *workspace, c *call) reply {
	if c.query.Get("type") != "user" {
		return c.badParam("type must be user")
	}
	ct := ws.findContact(c.query.Get("intercom_user_id"), c.query.Get("user_id"), c.query.Get("email"))
	if ct == nil {
		return c.notFound("User")
	}
	events := ws.eventsOf(ct.id)
	slices.SortStableFunc(events, func(a, b *eventCount) int { return int(b.last - a.last) })
	per := c.queryInt("per_page", 50)
	if per < 1 {
		return c.badParam("per_page must be positive")
	}
	list := []any{}
	for _, e := range events[:min(per, len(events))] {
		list = append(list, obj{"name": e.name, "count": e.count,
			"first":       time.Unix(e.first, 0).UTC().Format(time.RFC3339),
			"last":        time.Unix(e.last, 0).UTC().Format(time.RFC3339),
			"description": e.name})
	}
	out := obj{"type": "event.summary", "email": ct.email, "intercom_user_id": ct.id,
		"user_id": ct.externalID, "events": list}
	return ok(out)
}
