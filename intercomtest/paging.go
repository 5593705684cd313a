package intercomtest

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
)

// pageOf cuts items after the cursor into a page of perPage, and describes it
// as Intercom's cursor_pages. The cursor is opaque to clients.
func pageOf[T any](items []T, perPage int, cursor string) ([]T, obj, bool) {
	if perPage <= 0 {
		perPage = 50
	}
	start := 0
	if cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(cursor)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(b), "offset:"))
		if err != nil || err2 != nil || n < 0 || !strings.HasPrefix(string(b), "offset:") {
			return nil, nil, false
		}
		start = min(n, len(items))
	}
	end := min(start+perPage, len(items))
	total := (len(items) + perPage - 1) / perPage
	pages := obj{"type": "pages", "page": start/perPage + 1, "per_page": perPage, "total_pages": total}
	if end < len(items) {
		next := base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(end)))
		pages["next"] = obj{"per_page": perPage, "starting_after": next}
	}
	return items[start:end], pages, true
}

// numberedPage is page-number pagination (page from 1).
func numberedPage[T any](items []T, page, perPage int) ([]T, obj) {
	if perPage <= 0 {
		perPage = 15
	}
	if page <= 0 {
		page = 1
	}
	start := min((page-1)*perPage, len(items))
	end := min(start+perPage, len(items))
	total := (len(items) + perPage - 1) / perPage
	return items[start:end], obj{"type": "pages", "page": page, "per_page": perPage, "total_pages": total}
}

// onePage is the pages object of a list answered whole, on one page.
func onePage[T any](items []T) obj {
	_, pages := numberedPage(items, 1, max(len(items), 1))
	return pages
}

// linkedPage is numberedPage for the lists where Intercom links to the next
// page with its URL (pages.next: "https://…/articles?page=2&per_page=25"),
// as it does on articles, collections, companies and notes.
func linkedPage[T any](ws *workspace, c *call, items []T, page, perPage int) ([]T, obj) {
	out, pages := numberedPage(items, page, perPage)
	if p, total := pages["page"].(int), pages["total_pages"].(int); p < total {
		q := url.Values{}
		q.Set("page", strconv.Itoa(p+1))
		q.Set("per_page", strconv.Itoa(pages["per_page"].(int)))
		pages["next"] = ws.baseURL + c.path + "?" + q.Encode()
	}
	return out, pages
}

// jsonList renders each of items for an answer.
func jsonList[T, R any](items []T, render func(T) R) []any {
	list := make([]any, 0, len(items))
	for _, x := range items {
		list = append(list, render(x))
	}
	return list
}

// dataList is Intercom's list object: a page of items rendered, the total
// count and the pages.
func dataList[T, R any](page []T, render func(T) R, total int, pages obj) obj {
	return obj{"type": "list", "data": jsonList(page, render), "total_count": total, "pages": pages}
}

// linkedList answers all, paged by the request's page and per_page
// (perPage when absent), as a list that links to its next page.
func linkedList[T, R any](ws *workspace, c *call, all []T, perPage int, render func(T) R) reply {
	page, pages := linkedPage(ws, c, all, c.queryInt("page", 1), c.queryInt("per_page", perPage))
	return ok(dataList(page, render, len(all), pages))
}

// cursorList answers items, paged by the request's per_page (perPage when
// absent) and starting_after, in the list object list makes of a page.
func cursorList[T any](c *call, items []T, perPage int, list func(page []T, pages obj, total int) obj) reply {
	page, pages, good := pageOf(items, c.queryInt("per_page", perPage), c.query.Get("starting_after"))
	if !good {
		return c.badParam("starting_after is not a cursor this server gave")
	}
	return ok(list(page, pages, len(items)))
}
