package intercomtest

import (
	"net/http"
	"slices"
	"strings"
)

func init() {
	handle("createContact", func(ws *workspace, c *call) reply {
		email, ext := c.str("email"), c.str("external_id")
		if dup := ws.findContact("", ext, email); dup != nil {
			return c.fail(http.StatusConflict, "conflict", "A contact matching those details already exists with id=%s", dup.id)
		}
		role := c.str("role")
		if role == "" {
			role = "user"
		}
		if role != "user" && role != "lead" {
			return c.badParam("role must be user or lead")
		}
		now := ws.unix()
		ct := &contact{id: ws.nextID("contact"), email: email, externalID: ext, role: role,
			name: c.str("name"), phone: c.str("phone"), createdAt: now, updatedAt: now}
		if m := c.object("custom_attributes"); m != nil {
			ct.custom = m
		}
		ws.contacts = append(ws.contacts, ct)
		return ok(ws.contactJSON(ct))
	})
	handle("showContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		return ok(ws.contactJSON(ct))
	})
	handle("updateContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		for name, dst := range map[string]*string{"email": &ct.email, "external_id": &ct.externalID,
			"name": &ct.name, "phone": &ct.phone, "role": &ct.role} {
			if c.has(name) {
				*dst = c.str(name)
			}
		}
		if m := c.object("custom_attributes"); m != nil {
			if ct.custom == nil {
				ct.custom = map[string]any{}
			}
			for k, v := range m {
				ct.custom[k] = v
			}
		}
		ct.updatedAt = ws.unix()
		return ok(ws.contactJSON(ct))
	})
	handle("deleteContact", func(ws *workspace, c *call) reply {
		id := c.params["contact_id"]
		i := slices.IndexFunc(ws.contacts, func(ct *contact) bool { return ct.id == id })
		if i < 0 {
			return c.notFound("User")
		}
		ct := ws.contacts[i]
		ws.contacts = slices.Delete(ws.contacts, i, i+1)
		return ok(obj{"type": "contact", "id": ct.id, "external_id": nullable(ct.externalID), "deleted": true})
	})
	archive := func(archived bool) handler {
		return func(ws *workspace, c *call) reply {
			ct := ws.contact(c.params["contact_id"])
			if ct == nil {
				return c.notFound("User")
			}
			ct.archived = archived
			return ok(obj{"type": "contact", "id": ct.id, "external_id": nullable(ct.externalID), "archived": archived})
		}
	}
	handle("archiveContact", archive(true))
	handle("unarchiveContact", archive(false))
	handle("listContacts", func(ws *workspace, c *call) reply {
		page, pages, good := pageOf(ws.contacts, c.queryInt("per_page", 50), c.query.Get("starting_after"))
		if !good {
			return c.badParam("starting_after is not a cursor this server gave")
		}
		return ok(ws.contactList(page, pages, len(ws.contacts)))
	})
	handle("searchContacts", func(ws *workspace, c *call) reply {
		page, pages, bad := searchPage(c, ws.contacts, ws.contactFields)
		if bad != nil {
			return *bad
		}
		return ok(ws.contactList(page, pages, searchTotal(c, ws.contacts, ws.contactFields)))
	})
	handle("attachTagToContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		t := ws.tag(c.str("id"))
		if t == nil {
			return c.notFound("Tag")
		}
		if !slices.Contains(ct.tagIDs, t.id) {
			ct.tagIDs = append(ct.tagIDs, t.id)
		}
		return ok(t.json())
	})
	handle("detachTagFromContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		t := ws.tag(c.params["tag_id"])
		if t == nil || !slices.Contains(ct.tagIDs, t.id) {
			return c.notFound("Tag")
		}
		ct.tagIDs = slices.DeleteFunc(ct.tagIDs, func(id string) bool { return id == t.id })
		return ok(t.json())
	})
	handle("listTagsForAContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		list := []any{}
		for _, id := range ct.tagIDs {
			if t := ws.tag(id); t != nil {
				list = append(list, t.json())
			}
		}
		return ok(obj{"type": "list", "data": list})
	})

	// Companies.
	handle("createOrUpdateCompany", func(ws *workspace, c *call) reply {
		cid := c.str("company_id")
		var co *company
		for _, x := range ws.companies {
			if cid != "" && x.companyID == cid {
				co = x
			}
		}
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
	})
	handle("retrieveACompanyById", func(ws *workspace, c *call) reply {
		co := ws.company(c.params["company_id"])
		if co == nil {
			return c.notFound("Company")
		}
		return ok(ws.companyJSON(co))
	})
	handle("deleteCompany", func(ws *workspace, c *call) reply {
		id := c.params["company_id"]
		i := slices.IndexFunc(ws.companies, func(co *company) bool { return co.id == id })
		if i < 0 {
			return c.notFound("Company")
		}
		ws.companies = slices.Delete(ws.companies, i, i+1)
		for _, ct := range ws.contacts {
			ct.companyIDs = slices.DeleteFunc(ct.companyIDs, func(x string) bool { return x == id })
		}
		return ok(obj{"id": id, "object": "company", "deleted": true})
	})
	handle("listAllCompanies", func(ws *workspace, c *call) reply {
		page, pages := numberedPage(ws.companies, c.queryInt("page", 1), c.queryInt("per_page", 15))
		list := []any{}
		for _, co := range page {
			list = append(list, ws.companyJSON(co))
		}
		return ok(obj{"type": "list", "data": list, "total_count": len(ws.companies), "pages": pages})
	})
	handle("retrieveCompany", func(ws *workspace, c *call) reply {
		var hits []*company
		name, cid := c.query.Get("name"), c.query.Get("company_id")
		for _, co := range ws.companies {
			if (name == "" || strings.EqualFold(co.name, name)) && (cid == "" || co.companyID == cid) {
				hits = append(hits, co)
			}
		}
		if (name != "" || cid != "") && len(hits) == 0 {
			return c.notFound("Company")
		}
		page, pages := numberedPage(hits, c.queryInt("page", 1), c.queryInt("per_page", 15))
		list := []any{}
		for _, co := range page {
			list = append(list, ws.companyJSON(co))
		}
		return ok(obj{"type": "list", "data": list, "total_count": len(hits), "pages": pages})
	})
	handle("attachContactToACompany", func(ws *workspace, c *call) reply {
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
	})
	handle("detachContactFromACompany", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		co := ws.company(c.params["company_id"])
		if ct == nil || co == nil || !slices.Contains(ct.companyIDs, co.id) {
			return c.notFound("Company")
		}
		ct.companyIDs = slices.DeleteFunc(ct.companyIDs, func(x string) bool { return x == co.id })
		return ok(ws.companyJSON(co))
	})
	handle("listCompaniesForAContact", func(ws *workspace, c *call) reply {
		ct := ws.contact(c.params["contact_id"])
		if ct == nil {
			return c.notFound("User")
		}
		list := []any{}
		for _, id := range ct.companyIDs {
			if co := ws.company(id); co != nil {
				list = append(list, ws.companyJSON(co))
			}
		}
		return ok(obj{"type": "list", "companies": list, "total_count": len(list)})
	})
}

func (ws *workspace) contactList(page []*contact, pages obj, total int) obj {
	list := []any{}
	for _, ct := range page {
		list = append(list, ws.contactJSON(ct))
	}
	return obj{"type": "list", "data": list, "total_count": total, "pages": pages}
}

// contactFields are the fields a contact search can filter on.
func (ws *workspace) contactFields(ct *contact) fieldFunc {
	return func(name string) (any, bool) {
		switch name {
		case "id":
			return ct.id, true
		case "email":
			return ct.email, true
		case "name":
			return ct.name, true
		case "role":
			return ct.role, true
		case "external_id":
			return ct.externalID, true
		case "phone":
			return ct.phone, true
		case "created_at":
			return ct.createdAt, true
		case "updated_at":
			return ct.updatedAt, true
		case "tag_id", "tag_ids":
			return ct.tagIDs, true
		case "company_id", "company_ids":
			return ct.companyIDs, true
		}
		if key, ok := strings.CutPrefix(name, "custom_attributes."); ok {
			v := ct.custom[key]
			if v == nil {
				return "", true
			}
			return v, true
		}
		return nil, false
	}
}

// searchTotal counts all hits of a search request (its total_count).
func searchTotal[T any](c *call, items []T, fields func(T) fieldFunc) int {
	q, _ := c.body["query"].(map[string]any)
	n := 0
	for _, it := range items {
		if hit, err := matchQuery(q, fields(it)); err == nil && hit {
			n++
		}
	}
	return n
}
