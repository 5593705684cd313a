package intercomtest

import (
	"net/http"
	"strconv"
	"strings"
)

// article is a Help Center article.
type article struct {
	id, title, description, body, state, parentType string
	authorID, parentID                              int64
	createdAt, updatedAt                            int64
}

func (ws *workspace) article(id string) *article {
	for _, a := range ws.articles {
		if a.id == id {
			return a
		}
	}
	return nil
}

func (ws *workspace) articleJSON(a *article) obj {
	var parentID, parentType any
	parentIDs := []any{}
	if a.parentID != 0 {
		parentID, parentType = a.parentID, a.parentType
		parentIDs = append(parentIDs, a.parentID)
	}
	content := obj{
		"type": "article_content", "title": a.title, "description": a.description, "body": a.body,
		"author_id": a.authorID, "state": a.state, "created_at": a.createdAt, "updated_at": a.updatedAt,
	}
	if url := ws.articleURL(a); url != nil {
		content["url"] = url
	}
	return obj{
		"type": "article", "id": a.id, "workspace_id": ws.appID, "title": a.title,
		"description": nullable(a.description), "body": nullable(a.body), "author_id": a.authorID,
		"state": a.state, "created_at": a.createdAt, "updated_at": a.updatedAt,
		"url": ws.articleURL(a), "parent_id": parentID, "parent_ids": parentIDs, "parent_type": parentType,
		"default_locale":     "en",
		"translated_content": obj{"type": "article_translated_content", "en": content},
		"statistics": obj{"type": "article_statistics", "views": 0, "conversions": 0, "reactions": 0,
			"happy_reaction_percentage": 0, "neutral_reaction_percentage": 0, "sad_reaction_percentage": 0},
	}
}

// articleURL is the public address of a published article (null for a
// draft).
func (ws *workspace) articleURL(a *article) any {
	if a.state != "published" {
		return nil
	}
	return "https://intercom.help/" + ws.appID + "/en/articles/" + a.id + "-" + slug(a.title)
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// setArticleParent checks and sets an article's collection from the body.
func (ws *workspace) setArticleParent(c *call, a *article) *reply {
	if !c.has("parent_id") {
		return nil
	}
	var id string
	switch v := c.body["parent_id"].(type) {
	case float64:
		id = strconv.FormatInt(int64(v), 10)
	case string:
		id = v
	}
	if id == "" || id == "0" {
		a.parentID, a.parentType = 0, ""
		return nil
	}
	if ws.collection(id) == nil {
		r := c.notFound("Collection")
		return &r
	}
	a.parentID, _ = strconv.ParseInt(id, 10, 64)
	a.parentType = "collection"
	return nil
}

func createArticle(ws *workspace, c *call) reply {
	title := strings.TrimSpace(c.str("title"))
	if title == "" {
		return c.fail(http.StatusBadRequest, "parameter_not_found", "title is required")
	}
	authorID, _ := c.num("author_id")
	if ws.admin(strconv.FormatInt(authorID, 10)) == nil {
		return c.badParam("author_id %d is not an admin of this workspace", authorID)
	}
	now := ws.unix()
	a := &article{id: ws.nextID("article"), title: title, description: c.str("description"),
		body: c.str("body"), authorID: authorID, state: c.str("state"), createdAt: now, updatedAt: now}
	if a.state == "" {
		a.state = "draft"
	}
	if r := ws.setArticleParent(c, a); r != nil {
		return *r
	}
	ws.articles = append(ws.articles, a)
	return ok(ws.articleJSON(a))
}

func retrieveArticle(ws *workspace, c *call) reply {
	a := ws.article(c.params["article_id"])
	if a == nil {
		return c.notFound("Article")
	}
	return ok(ws.articleJSON(a))
}

func updateArticle(ws *workspace, c *call) reply {
	a := ws.article(c.params["article_id"])
	if a == nil {
		return c.notFound("Article")
	}
	if c.has("author_id") {
		id, _ := c.num("author_id")
		if ws.admin(strconv.FormatInt(id, 10)) == nil {
			return c.badParam("author_id %d is not an admin of this workspace", id)
		}
		a.authorID = id
	}
	if c.has("title") && strings.TrimSpace(c.str("title")) == "" {
		return c.badParam("title must not be empty")
	}
	if r := ws.setArticleParent(c, a); r != nil {
		return *r
	}
	for name, dst := range map[string]*string{"title": &a.title, "description": &a.description,
		"body": &a.body, "state": &a.state} {
		if c.has(name) {
			*dst = c.str(name)
		}
	}
	a.updatedAt = ws.unix()
	return ok(ws.articleJSON(a))
}

func deleteArticle(ws *workspace, c *call) reply {
	id := c.params["article_id"]
	_, found := removeFirst(&ws.articles, func(a *article) bool { return a.id == id })
	if !found {
		return c.notFound("Article")
	}
	return ok(obj{"id": id, "object": "article", "deleted": true})
}

func listArticles(ws *workspace, c *call) reply {
	return linkedList(ws, c, ws.articles, 50, ws.articleListedJSON)
}

// articleListedJSON is an article as lists and searches show it: without
// its statistics.
func (ws *workspace) articleListedJSON(a *article) obj {
	j := ws.articleJSON(a)
	delete(j, "statistics")
	return j
}

// searchArticles finds published (or the state asked) articles whose title,
// description or body contain the phrase.
func searchArticles(ws *workspace, c *call) reply {
	phrase := strings.ToLower(c.query.Get("phrase"))
	state := c.query.Get("state")
	if state == "" {
		state = "published"
	}
	if state != "published" && state != "draft" && state != "all" {
		return c.badParam("state must be published, draft or all")
	}
	var hits []*article
	for _, a := range ws.articles {
		text := strings.ToLower(a.title + " " + a.description + " " + a.body)
		if (state == "all" || a.state == state) && strings.Contains(text, phrase) {
			hits = append(hits, a)
		}
	}
	list := jsonList(hits, ws.articleListedJSON)
	return ok(obj{"type": "list", "total_count": len(hits), "pages": onePage(hits),
		"data": obj{"search_term": c.query.Get("phrase"), "articles": list, "highlights": []any{}}})
}
