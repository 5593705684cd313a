package intercomtest

import (
	"net/http"
	"strconv"
	"strings"
)

// helpCenter is a Help Center of the workspace; a new workspace has one.
type helpCenter struct {
	id, identifier, displayName string
	createdAt, updatedAt        int64
}

// collection is a Help Center collection of articles.
type collection struct {
	id, name, description, parentID string
	helpCenterID                    int64
	order                           int
	createdAt, updatedAt            int64
}

func (ws *workspace) helpCenter(id string) *helpCenter {
	for _, h := range ws.helpCenters {
		if h.id == id {
			return h
		}
	}
	return nil
}

func (ws *workspace) collection(id string) *collection {
	for _, x := range ws.collections {
		if x.id == id {
			return x
		}
	}
	return nil
}

func (ws *workspace) helpCenterJSON(h *helpCenter) obj {
	return obj{"type": "help_center", "id": h.id, "workspace_id": ws.appID, "created_at": h.createdAt,
		"updated_at": h.updatedAt, "identifier": h.identifier, "website_turned_on": true,
		"display_name": h.displayName, "url": "https://intercom.help/" + h.identifier, "custom_domain": nil}
}

func (ws *workspace) collectionJSON(x *collection) obj {
	hc := ws.helpCenter(strconv.FormatInt(x.helpCenterID, 10))
	url := any(nil)
	if hc != nil {
		url = "https://intercom.help/" + hc.identifier + "/en/collections/" + x.id + "-" + slug(x.name)
	}
	return obj{
		"type": "collection", "id": x.id, "workspace_id": ws.appID, "name": x.name,
		"description": nullable(x.description), "created_at": x.createdAt, "updated_at": x.updatedAt,
		"url": url, "icon": "book-bookmark", "order": x.order, "default_locale": "en",
		"translated_content": obj{"type": "group_translated_content", "en": obj{
			"type": "group_content", "name": x.name, "description": x.description}},
		"parent_id": nullable(x.parentID), "help_center_id": x.helpCenterID,
	}
}

func createCollection(ws *workspace, c *call) reply {
	name := strings.TrimSpace(c.str("name"))
	if name == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "name is required")
	}
	hcID := ws.helpCenters[0].id
	if n, ok := c.num("help_center_id"); ok {
		hcID = strconv.FormatInt(n, 10)
		if ws.helpCenter(hcID) == nil {
			return c.notFound("Help Center")
		}
	}
	parent := c.str("parent_id")
	if parent != "" && ws.collection(parent) == nil {
		return c.notFound("Collection")
	}
	now := ws.unix()
	x := &collection{id: ws.nextID("collection"), name: name, description: c.str("description"),
		parentID: parent, order: len(ws.collections) + 1, createdAt: now, updatedAt: now}
	x.helpCenterID, _ = strconv.ParseInt(hcID, 10, 64)
	ws.collections = append(ws.collections, x)
	return ok(ws.collectionJSON(x))
}

func retrieveCollection(ws *workspace, c *call) reply {
	x := ws.collection(c.params["collection_id"])
	if x == nil {
		return c.notFound("Collection")
	}
	return ok(ws.collectionJSON(x))
}

func updateCollection(ws *workspace, c *call) reply {
	x := ws.collection(c.params["collection_id"])
	if x == nil {
		return c.notFound("Collection")
	}
	if c.has("name") && strings.TrimSpace(c.str("name")) == "" {
		return c.badParam("name must not be empty")
	}
	if p := c.str("parent_id"); p != "" && (p == x.id || ws.collection(p) == nil) {
		return c.notFound("Collection")
	}
	for name, dst := range map[string]*string{"name": &x.name, "description": &x.description, "parent_id": &x.parentID} {
		if c.has(name) {
			*dst = c.str(name)
		}
	}
	x.updatedAt = ws.unix()
	return ok(ws.collectionJSON(x))
}

// deleteCollection deletes a collection; its articles lose their parent and
// its sub-collections move up, as in Intercom.
func deleteCollection(ws *workspace, c *call) reply {
	id := c.params["collection_id"]
	gone, found := removeFirst(&ws.collections, func(x *collection) bool { return x.id == id })
	if !found {
		return c.notFound("Collection")
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	for _, a := range ws.articles {
		if a.parentID == n {
			a.parentID, a.parentType = 0, ""
		}
	}
	for _, x := range ws.collections {
		if x.parentID == id {
			x.parentID = gone.parentID
		}
	}
	return ok(obj{"id": id, "object": "collection", "deleted": true})
}

func listAllCollections(ws *workspace, c *call) reply {
	return linkedList(ws, c, ws.collections, 50, ws.collectionJSON)
}

func retrieveHelpCenter(ws *workspace, c *call) reply {
	h := ws.helpCenter(c.params["help_center_id"])
	if h == nil {
		return c.notFound("Help Center")
	}
	return ok(ws.helpCenterJSON(h))
}

func listHelpCenters(ws *workspace, c *call) reply {
	page, _ := numberedPage(ws.helpCenters, c.queryInt("page", 1), c.queryInt("per_page", 20))
	list := jsonList(page, ws.helpCenterJSON)
	return ok(obj{"type": "list", "data": list})
}
