package intercomtest

import "slices"

// segment is a group of contacts or companies: those of a role (the
// built-in segments) or the members a test put there.
type segment struct {
	id, name, personType string
	role                 string // members are every contact of this role
	contactIDs           []string
	companyIDs           []string
	createdAt, updatedAt int64
}

func (ws *workspace) segment(id string) *segment {
	for _, s := range ws.segments {
		if s.id == id {
			return s
		}
	}
	return nil
}

func (ws *workspace) inSegment(s *segment, ct *contact) bool {
	return (s.role != "" && ct.role == s.role) || slices.Contains(s.contactIDs, ct.id)
}

func (ws *workspace) segmentCount(s *segment) int {
	n := len(s.companyIDs)
	for _, ct := range ws.contacts {
		if ws.inSegment(s, ct) {
			n++
		}
	}
	return n
}

func (ws *workspace) segmentJSON(s *segment, withCount bool) obj {
	out := obj{"type": "segment", "id": s.id, "name": s.name, "created_at": s.createdAt,
		"updated_at": s.updatedAt, "person_type": s.personType}
	if withCount {
		out["count"] = ws.segmentCount(s)
	}
	return out
}

func listSegments(ws *workspace, c *call) reply {
	withCount := c.query.Get("include_count") == "true"
	list := []any{}
	for _, s := range ws.segments {
		list = append(list, ws.segmentJSON(s, withCount))
	}
	return ok(obj{"type": "segment.list", "segments": list})
}

func retrieveSegment(ws *workspace, c *call) reply {
	s := ws.segment(c.params["segment_id"])
	if s == nil {
		return c.notFound("Segment")
	}
	return ok(ws.segmentJSON(s, true))
}

func listSegmentsForAContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	list := []any{}
	for _, s := range ws.segments {
		if ws.inSegment(s, ct) {
			list = append(list, ws.segmentJSON(s, false))
		}
	}
	return ok(obj{"type": "list", "data": list})
}

// companySegments are the segments a company belongs to.
func (ws *workspace) companySegments(id string) []*segment {
	return where(ws.segments, func(s *segment) bool { return slices.Contains(s.companyIDs, id) })
}

func listAttachedSegmentsForCompanies(ws *workspace, c *call) reply {
	co := ws.company(c.params["company_id"])
	if co == nil {
		return c.notFound("Company")
	}
	list := []any{}
	for _, s := range ws.companySegments(co.id) {
		list = append(list, ws.segmentJSON(s, false))
	}
	return ok(obj{"type": "list", "data": list, "total_count": len(list)})
}
