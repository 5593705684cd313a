package intercomtest

import (
	"net/http"
	"slices"
	"strings"
)

// Companies.
func createOrUpdateCompany(ws *workspace, c *call) reply {
	cid := c.str("company_id")
	if cid == "" && c.str("name") == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "company_id or name is required")
	}
	co := ws.companyByCompanyID(cid)
	now := ws.unix()
	if co == nil {
		co = &company{id: ws.nextID("company"), companyID: cid, createdAt: now}
		ws.companies = append(ws.companies, co)
	}
	for name, dst := range map[string]*string{"name": &co.name, "website": &co.website,
		"industry": &co.industry, "plan": &co.plan} {
		if c.has(name) {
			*dst = c.str(name)
		}
	}
	if n, ok := c.num("size"); ok {
		co.size = n
	}
	if n, ok := c.num("monthly_spend"); ok {
		co.monthlySpend = n
	}
	if n, ok := c.num("remote_created_at"); ok {
		co.remoteCreatedAt = n
	}
	if m := c.object("custom_attributes"); m != nil {
		co.custom = m
	}
	co.updatedAt = now
	return ok(ws.companyJSON(co))
}

func retrieveACompanyById(ws *workspace, c *call) reply {
	co := ws.company(c.params["company_id"])
	if co == nil {
		return c.notFound("Company")
	}
	return ok(ws.companyJSON(co))
}

func deleteCompany(ws *workspace, c *call) reply {
	id := c.params["company_id"]
	_, found := removeFirst(&ws.companies, func(co *company) bool { return co.id == id })
	if !found {
		return c.notFound("Company")
	}
	for _, ct := range ws.contacts {
		ct.companyIDs = without(ct.companyIDs, id)
	}
	for _, sg := range ws.segments {
		sg.companyIDs = without(sg.companyIDs, id)
	}
	return ok(obj{"id": id, "object": "company", "deleted": true})
}

func listAllCompanies(ws *workspace, c *call) reply {
	return linkedList(ws, c, ws.companies, 15, ws.companyJSON)
}

func retrieveCompany(ws *workspace, c *call) reply {
	var hits []*company
	name, cid := c.query.Get("name"), c.query.Get("company_id")
	tagID, segID := c.query.Get("tag_id"), c.query.Get("segment_id")
	for _, co := range ws.companies {
		if (name == "" || strings.EqualFold(co.name, name)) && (cid == "" || co.companyID == cid) &&
			(tagID == "" || slices.Contains(co.tagIDs, tagID)) &&
			(segID == "" || slices.ContainsFunc(ws.companySegments(co.id), func(s *segment) bool { return s.id == segID })) {
			hits = append(hits, co)
		}
	}
	if name != "" || cid != "" {
		// A lookup by name or company_id answers the company itself.
		if len(hits) == 0 {
			return c.notFound("Company")
		}
		return ok(ws.companyJSON(hits[0]))
	}
	return linkedList(ws, c, hits, 15, ws.companyJSON)
}

func attachContactToACompany(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	co := ws.company(c.str("id"))
	if co == nil {
		return c.notFound("Company")
	}
	if !slices.Contains(ct.companyIDs, co.id) {
		ct.companyIDs = append(ct.companyIDs, co.id)
	}
	return ok(ws.companyJSON(co))
}

func detachContactFromACompany(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	co := ws.company(c.params["company_id"])
	if ct == nil || co == nil || !slices.Contains(ct.companyIDs, co.id) {
		return c.notFound("Company")
	}
	ct.companyIDs = without(ct.companyIDs, co.id)
	return ok(ws.companyJSON(co))
}

// listCompaniesForAContact pages the companies a contact belongs to
// (page and per_page), with a link to the next page while there is one.
func listCompaniesForAContact(ws *workspace, c *call) reply {
	ct := ws.contact(c.params["contact_id"])
	if ct == nil {
		return c.notFound("User")
	}
	var all []*company
	for _, id := range ct.companyIDs {
		if co := ws.company(id); co != nil {
			all = append(all, co)
		}
	}
	pageNo, per := c.queryInt("page", 1), c.queryInt("per_page", 50)
	if pageNo < 1 || per < 1 || per > 150 {
		return c.badParam("page must be at least 1 and per_page between 1 and 150")
	}
	page, pages := linkedPage(ws, c, all, pageNo, per)
	if _, linked := pages["next"]; !linked {
		pages["next"] = nil // pages_link states next, null on the last page
	}
	return ok(dataList(page, ws.companyJSON, len(all), pages))
}

// companyContacts are the contacts attached to a company.
func (ws *workspace) companyContacts(id string) []*contact {
	return where(ws.contacts, func(ct *contact) bool { return slices.Contains(ct.companyIDs, id) })
}

// listAttachedContacts pages the contacts of a company: the same
// relationship listCompaniesForAContact reads from the contact's side.
func listAttachedContacts(ws *workspace, c *call) reply {
	co := ws.company(c.params["company_id"])
	if co == nil {
		return c.notFound("Company")
	}
	all := ws.companyContacts(co.id)
	return linkedList(ws, c, all, 50, ws.contactJSON)
}

// updateCompany is Intercom's PUT on a company, which takes no body: the
// company comes back with a new updated_at.
func updateCompany(ws *workspace, c *call) reply {
	co := ws.company(c.params["company_id"])
	if co == nil {
		return c.notFound("Company")
	}
	co.updatedAt = ws.unix()
	return ok(ws.companyJSON(co))
}

// scrollPage is how many companies one scroll request returns.
const scrollPage = 50

// scrollOverAllCompanies walks every company: the first request (no
// scroll_param) starts a scroll, each next one passes the scroll_param it
// got, and an empty page ends it.
func scrollOverAllCompanies(ws *workspace, c *call) reply {
	start := 0
	param := c.query.Get("scroll_param")
	if param != "" {
		off, found := ws.scrolls[param]
		if !found {
			return c.notFound("Scroll")
		}
		start = off
		delete(ws.scrolls, param)
	}
	end := min(start+scrollPage, len(ws.companies))
	start = min(start, end)
	list := jsonList(ws.companies[start:end], ws.companyJSON)
	out := obj{"type": "list", "data": list, "total_count": len(ws.companies)}
	if len(list) > 0 {
		ws.seq["scroll"]++
		next := countedUUID(uint64(ws.seq["scroll"])<<32|0x5c01<<16, uint64(end))
		ws.scrolls[next] = end
		out["scroll_param"] = next
	}
	return ok(out)
}
