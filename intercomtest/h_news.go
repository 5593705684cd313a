package intercomtest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// newsItem is a news item; its newsfeed assignments say where it shows.
type newsItem struct {
	id, title, body, state string
	senderID               int64
	deliverSilently        bool
	labels, reactions      []any
	feeds                  []feedAssignment
	createdAt, updatedAt   int64
}

type feedAssignment struct {
	newsfeedID, publishedAt int64
}

// newsfeed is a place news items are published to; a new workspace has one.
type newsfeed struct {
	id, name             string
	createdAt, updatedAt int64
}

func (ws *workspace) newsItem(id string) *newsItem {
	for _, n := range ws.newsItems {
		if n.id == id {
			return n
		}
	}
	return nil
}

func (ws *workspace) newsfeed(id string) *newsfeed {
	for _, f := range ws.newsfeeds {
		if f.id == id {
			return f
		}
	}
	return nil
}

func (ws *workspace) newsItemJSON(n *newsItem) obj {
	feeds := []any{}
	for _, f := range n.feeds {
		feeds = append(feeds, obj{"newsfeed_id": f.newsfeedID, "published_at": f.publishedAt})
	}
	return obj{
		"type": "news-item", "id": n.id, "workspace_id": ws.appID, "title": n.title, "body": n.body,
		"sender_id": n.senderID, "state": n.state, "newsfeed_assignments": feeds, "labels": n.labels,
		"cover_image_url": nil, "reactions": n.reactions, "deliver_silently": n.deliverSilently,
		"created_at": n.createdAt, "updated_at": n.updatedAt,
	}
}

func (f *newsfeed) json() obj {
	return obj{"type": "newsfeed", "id": f.id, "name": f.name, "created_at": f.createdAt, "updated_at": f.updatedAt}
}

// applyNewsItem checks the body of a create or update and applies it to n.
func (ws *workspace) applyNewsItem(c *call, n *newsItem) *reply {
	title := strings.TrimSpace(c.str("title"))
	if title == "" {
		r := c.fail(http.StatusBadRequest, "parameter_not_found", "title is required")
		return &r
	}
	sender, _ := c.num("sender_id")
	if ws.admin(strconv.FormatInt(sender, 10)) == nil {
		r := c.badParam("sender_id %d is not an admin of this workspace", sender)
		return &r
	}
	var feeds []feedAssignment
	list, _ := c.body["newsfeed_assignments"].([]any)
	for _, item := range list {
		m, _ := item.(map[string]any)
		id, _ := m["newsfeed_id"].(float64)
		if ws.newsfeed(strconv.FormatInt(int64(id), 10)) == nil {
			r := c.notFound("Newsfeed")
			return &r
		}
		at, _ := m["published_at"].(float64)
		if at == 0 {
			at = float64(ws.unix())
		}
		feeds = append(feeds, feedAssignment{newsfeedID: int64(id), publishedAt: int64(at)})
	}
	n.title, n.senderID = title, sender
	if c.has("body") {
		n.body = c.str("body")
	}
	if s := c.str("state"); s != "" {
		n.state = s
	}
	if v, ok := c.boolean("deliver_silently"); ok {
		n.deliverSilently = v
	}
	if c.has("newsfeed_assignments") {
		n.feeds = feeds
	}
	if v, ok := c.body["labels"].([]any); ok {
		n.labels = v
	}
	if v, ok := c.body["reactions"].([]any); ok {
		n.reactions = v
	}
	return nil
}

func createNewsItem(ws *workspace, c *call) reply {
	now := ws.unix()
	n := &newsItem{id: ws.nextID("news_item"), state: "draft", labels: []any{}, reactions: []any{},
		createdAt: now, updatedAt: now}
	if r := ws.applyNewsItem(c, n); r != nil {
		return *r
	}
	ws.newsItems = append(ws.newsItems, n)
	return ok(ws.newsItemJSON(n))
}

func retrieveNewsItem(ws *workspace, c *call) reply {
	n := ws.newsItem(c.params["news_item_id"])
	if n == nil {
		return c.notFound("News Item")
	}
	return ok(ws.newsItemJSON(n))
}

func updateNewsItem(ws *workspace, c *call) reply {
	n := ws.newsItem(c.params["news_item_id"])
	if n == nil {
		return c.notFound("News Item")
	}
	if r := ws.applyNewsItem(c, n); r != nil {
		return *r
	}
	n.updatedAt = ws.unix()
	return ok(ws.newsItemJSON(n))
}

func deleteNewsItem(ws *workspace, c *call) reply {
	id := c.params["news_item_id"]
	_, found := removeFirst(&ws.newsItems, func(n *newsItem) bool { return n.id == id })
	if !found {
		return c.notFound("News Item")
	}
	return ok(obj{"id": id, "object": "news-item", "deleted": true})
}

func (ws *workspace) newsItemList(items []*newsItem) obj {
	return dataList(items, ws.newsItemJSON, len(items), onePage(items))
}

func listNewsItems(ws *workspace, c *call) reply { return ok(ws.newsItemList(ws.newsItems)) }

// listLiveNewsfeedItems lists the live news items assigned to a newsfeed.
func listLiveNewsfeedItems(ws *workspace, c *call) reply {
	f := ws.newsfeed(c.params["newsfeed_id"])
	if f == nil {
		return c.notFound("Newsfeed")
	}
	id, _ := strconv.ParseInt(f.id, 10, 64)
	var live []*newsItem
	for _, n := range ws.newsItems {
		if n.state == "live" && slices.ContainsFunc(n.feeds, func(a feedAssignment) bool { return a.newsfeedID == id }) {
			live = append(live, n)
		}
	}
	return ok(ws.newsItemList(live))
}

func listNewsfeeds(ws *workspace, c *call) reply {
	return ok(dataList(ws.newsfeeds, (*newsfeed).json, len(ws.newsfeeds), onePage(ws.newsfeeds)))
}

func retrieveNewsfeed(ws *workspace, c *call) reply {
	f := ws.newsfeed(c.params["newsfeed_id"])
	if f == nil {
		return c.notFound("Newsfeed")
	}
	return ok(f.json())
}
