package facade

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/go-intercom/intercom/gen"
)

// Following the pages a response points to
//
// Some lists take no paging parameters in 2.11 (activity logs, article
// search, news items, newsfeeds, segments) or page with a URL (events): the
// only way to the next page is what the response's `pages` says. linkPages
// walks such a list by requesting, page after page, exactly that:
//
//   - `pages.next` as a URL (events): that URL's path and query;
//   - `pages.next.starting_after`: the current page's URL with starting_after
//     (and per_page) set to what the response says;
//   - `pages.page` below `pages.total_pages`: the current page's URL with
//     page set to the next number (and per_page to the response's).
//
// A nextPage carries any of the three; cursor_pages' next reads as either a
// URL or a cursor (wire.NextPage). Every request stays on the client's
// base URL (see pageURL), and the stall detection of cursorPages applies: a
// link already followed, or 3 empty pages in a row that name a next page,
// end the iteration with ErrPaginationStalled.

// nextPage is what a response says about the page after it. The zero value
// says there is none.
type nextPage struct {
	// URL is pages.next when the API sends it as a URL.
	URL string
	// StartingAfter is pages.next.starting_after.
	StartingAfter string
	// Page, PerPage and TotalPages are pages.page, pages.per_page and
	// pages.total_pages (0 when absent).
	Page, PerPage, TotalPages int
}

// link returns the URL of the next page, built on cur (the URL of the page
// the response answered), or "" when the response names no next page.
func (n nextPage) link(cur *url.URL) string {
	switch {
	case n.URL != "":
		return n.URL
	case n.StartingAfter != "":
		return withQuery(cur, "starting_after", n.StartingAfter, n.PerPage)
	case n.Page > 0 && n.TotalPages > n.Page:
		return withQuery(cur, "page", strconv.Itoa(n.Page+1), n.PerPage)
	}
	return ""
}

// withQuery returns u with query parameter key set to value, and per_page
// to perPage when it is above 0.
func withQuery(u *url.URL, key, value string, perPage int) string {
	q := u.Query()
	q.Set(key, value)
	if perPage > 0 {
		q.Set("per_page", strconv.Itoa(perPage))
	}
	out := *u
	out.RawQuery = q.Encode()
	return out.String()
}

// nextOfCursorPages reads a typed pages object (cursor_pages).
func nextOfCursorPages(p *gen.CursorPages) nextPage {
	if p == nil {
		return nextPage{}
	}
	info := pageInfoOf(p)
	n := nextPage{StartingAfter: nextCursor(p), Page: info.Page, TotalPages: info.TotalPages}
	if p.Next != nil {
		n.URL = p.Next.URL
	}
	if p.PerPage != nil {
		n.PerPage = *p.PerPage
	}
	return n
}

// nextOfPagesMap reads a pages object the description leaves free-form
// (events, segments): next as a URL string or as an object with
// starting_after and per_page, and the page numbers.
func nextOfPagesMap(p *map[string]any) nextPage {
	if p == nil {
		return nextPage{}
	}
	m := *p
	var n nextPage
	switch next := m["next"].(type) {
	case string:
		n.URL = next
	case map[string]any:
		n.StartingAfter, _ = next["starting_after"].(string)
		n.PerPage = jsonInt(next["per_page"])
	}
	n.Page = jsonInt(m["page"])
	n.TotalPages = jsonInt(m["total_pages"])
	if pp := jsonInt(m["per_page"]); pp > 0 {
		n.PerPage = pp
	}
	return n
}

// jsonInt reads a JSON number decoded into any as an int (0 otherwise).
func jsonInt(v any) int {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		return 0
	}
	return int(f)
}

// pageURL returns the absolute URL to request for a link a response gave:
// the link itself when it is on the client's base URL (scheme, host and
// port), else the link's path (under the base URL's path prefix, unless it
// starts with it already) and query on the base URL. The token is never
// sent to a host the caller did not configure.
func (c *Client) pageURL(link string) (*url.URL, error) {
	base, err := url.Parse(c.raw.Server)
	if err != nil {
		return nil, fmt.Errorf("intercom: base URL: %w", err)
	}
	l, err := url.Parse(link)
	if err != nil || (l.Scheme != "" && l.Scheme != "http" && l.Scheme != "https") || (l.Scheme == "" && l.Host != "") {
		return nil, fmt.Errorf("intercom: the response's next page %q is not an http(s) URL or path", clip(link, 200))
	}
	if l.IsAbs() && sameOrigin(l, base) {
		out := *l
		out.Fragment, out.User = "", nil
		return &out, nil
	}
	prefix := strings.TrimRight(base.Path, "/")
	p := l.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasPrefix(p, prefix+"/") {
		p = prefix + p
	}
	out := *base
	out.Path, out.RawPath, out.RawQuery, out.Fragment = p, "", l.RawQuery, ""
	return &out, nil
}

// getPage GETs u through the client's transport and decodes the answer.
func getPage[L any](ctx context.Context, c *Client, u *url.URL) (*L, *Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("intercom: %w", err)
	}
	return decode[L](c.raw.Client.Do(req))
}

// linkPages returns an iterator over a list whose pages say where the next
// one is. first is the request of the first page, as gen's New…Request
// builds it, or err when the caller's options were refused (the iterator
// then yields err alone); read takes a page's items and what it says about
// the next page.
func linkPages[L, T any](ctx context.Context, c *Client, first *http.Request, err error, read func(*L) ([]T, nextPage)) iter.Seq2[T, error] {
	if err != nil {
		return func(yield func(T, error) bool) {
			var zero T
			yield(zero, err)
		}
	}
	// Each link is the first page's URL (gen built it on the base URL) or one
	// pageURL already placed on the base URL: parsing it again is all it needs.
	return cursorPages(ctx, first.URL.String(), func(ctx context.Context, link string) ([]T, string, error) {
		u, err := url.Parse(link)
		if err != nil {
			return nil, "", fmt.Errorf("intercom: %w", err)
		}
		l, _, err := getPage[L](ctx, c, u)
		if err != nil {
			return nil, "", err
		}
		items, next := read(l)
		nextLink := next.link(u)
		if nextLink == "" {
			return items, "", nil
		}
		nu, err := c.pageURL(nextLink)
		if err != nil {
			return items, "", err
		}
		return items, nu.String(), nil
	})
}
