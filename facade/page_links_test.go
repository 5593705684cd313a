package facade

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/gen"
)

// newLinkServer returns a fake that answers each request with the page
// pages picks.
func newLinkServer(t *testing.T, pages func(r *http.Request) string) *fakeAPI {
	f, _ := newFake(t)
	f.handle("/", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, pages(r)) })
	return f
}

// linksSeen lists the path and query of every request f received, marking
// those that did not carry the token.
func linksSeen(f *fakeAPI) []string {
	var seen []string
	for _, r := range f.requests() {
		entry := r.Path
		if r.RawQuery != "" {
			entry += "?" + r.RawQuery
		}
		if r.Header.Get("Authorization") != "Bearer "+testToken {
			entry += " (no token)"
		}
		seen = append(seen, entry)
	}
	return seen
}

// linkClient returns a client on f under basePath ("" or "/proxy"), without
// retries.
func linkClient(t *testing.T, f *fakeAPI, basePath string) *Client {
	return f.newClient(t, WithBaseURL(f.URL+basePath), WithRetryPolicy(NoRetries()))
}

// ids drains an iterator into the ids key picks, failing on an error.
func ids[T any](t *testing.T, seq iter.Seq2[T, error], key func(T) string) []string {
	t.Helper()
	var out []string
	for it, err := range seq {
		require.NoError(t, err)
		out = append(out, key(it))
	}
	return out
}

// TestEventsListIterFollowsNextURL: the events list
// names its next page with a URL in pages.next. The iterator requests that
// URL's path and query exactly, on the client's base URL: a link to
// Intercom's own host is sent to the configured proxy, with the token; a
// link on the base URL's origin is followed as is.
func TestEventsListIterFollowsNextURL(t *testing.T) {
	var s *fakeAPI
	s = newLinkServer(t, func(r *http.Request) string {
		switch r.URL.Query().Get("before") {
		case "":
			return `{"type":"event.summary","email":"","intercom_user_id":"u1","user_id":"","events":[{"name":"a","count":1},{"name":"b","count":1}],
				"pages":{"next":"https://api.intercom.io/events?type=user&intercom_user_id=u1&per_page=2&before=200"}}`
		case "200":
			return `{"type":"event.summary","email":"","intercom_user_id":"u1","user_id":"","events":[{"name":"c","count":1}],
				"pages":{"next":"` + s.URL + `/proxy/events?type=user&intercom_user_id=u1&per_page=2&before=100#frag"}}`
		default:
			return `{"type":"event.summary","email":"","intercom_user_id":"u1","user_id":"","events":[]}`
		}
	})
	c := linkClient(t, s, "/proxy")
	got := ids(t, c.Events.ListIter(t.Context(), ByIntercomUserID("u1"), &ListEventsOptions{PerPage: 2}), func(e DataEventSummaryItem) string { return e.Name })
	assert.Equal(t, []string{"a", "b", "c"}, got)
	assert.Equal(t, []string{
		"/proxy/events?intercom_user_id=u1&type=user&per_page=2",
		"/proxy/events?type=user&intercom_user_id=u1&per_page=2&before=200",
		"/proxy/events?type=user&intercom_user_id=u1&per_page=2&before=100",
	}, linksSeen(s))

	// Bad input is an *InputError, yielded before any request.
	_, errs := collect(c.Events.ListIter(t.Context(), ContactIdentifier{}, nil))
	require.Len(t, errs, 1)
	var ie *InputError
	require.ErrorAs(t, errs[0], &ie)
	assert.Len(t, linksSeen(s), 3)
}

// TestLinkPagesFollowCursorsAndPageNumbers: lists that take no paging
// parameter in 2.11 follow what their pages say: next.starting_after
// (activity logs, article search), or a page number below total_pages
// (news items, newsfeeds, a newsfeed's items, segments), keeping the
// first request's own parameters.
func TestLinkPagesFollowCursorsAndPageNumbers(t *testing.T) {
	s := newLinkServer(t, func(r *http.Request) string {
		q := r.URL.Query()
		switch r.URL.Path {
		case "/admins/activity_logs":
			if q.Get("starting_after") == "" {
				return `{"type":"activity_log.list","activity_logs":[{"id":"l1","activity_type":"app_name_change"}],"pages":{"type":"pages","next":{"per_page":1,"starting_after":"CUR"},"per_page":1}}`
			}
			return `{"type":"activity_log.list","activity_logs":[{"id":"l2","activity_type":"app_name_change"}],"pages":{"type":"pages","next":null}}`
		case "/articles/search":
			if q.Get("starting_after") == "" {
				return `{"type":"list","total_count":2,"data":{"articles":[{"id":"a1"}]},"pages":{"type":"pages","next":{"per_page":1,"starting_after":"A"}}}`
			}
			return `{"type":"list","total_count":2,"data":{"articles":[{"id":"a2"}]},"pages":{"type":"pages","page":2,"total_pages":2}}`
		case "/news/news_items", "/news/newsfeeds/f1/items", "/news/newsfeeds":
			kind := "news-item"
			if r.URL.Path == "/news/newsfeeds" {
				kind = "newsfeed"
			}
			page := q.Get("page")
			if page == "" {
				page = "1"
			}
			return `{"type":"list","total_count":3,"data":[{"id":"` + kind + page + `"}],"pages":{"type":"pages","page":` + page + `,"per_page":1,"total_pages":3}}`
		case "/segments":
			if q.Get("page") == "" {
				return `{"type":"segment.list","segments":[{"id":"s1"}],"pages":{"page":1,"per_page":1,"total_pages":2}}`
			}
			return `{"type":"segment.list","segments":[{"id":"s2"}],"pages":{"page":2,"per_page":1,"total_pages":2}}`
		}
		return `{}`
	})
	c := linkClient(t, s, "")
	ctx := t.Context()

	got := ids(t, c.Admins.ListAllActivityLogsIter(ctx, time.Unix(1700000000, 0), nil), func(l ActivityLog) string { return l.Id })
	assert.Equal(t, []string{"l1", "l2"}, got)
	got = ids(t, c.Articles.SearchIter(ctx, &SearchArticlesOptions{Phrase: "hi"}), func(a Article) string { return a.Id })
	assert.Equal(t, []string{"a1", "a2"}, got)
	got = ids(t, c.News.Items.ListIter(ctx), func(n NewsItem) string { return n.Id })
	assert.Equal(t, []string{"news-item1", "news-item2", "news-item3"}, got)
	got = ids(t, c.News.Feeds.ListIter(ctx), func(n Newsfeed) string { return n.Id })
	assert.Equal(t, []string{"newsfeed1", "newsfeed2", "newsfeed3"}, got)
	got = ids(t, c.News.Feeds.ListItemsIter(ctx, "f1"), func(n NewsItem) string { return n.Id })
	assert.Equal(t, []string{"news-item1", "news-item2", "news-item3"}, got)
	got = ids(t, c.Segments.ListIter(ctx, &ListSegmentsOptions{IncludeCount: true}), func(s Segment) string { return s.Id })
	assert.Equal(t, []string{"s1", "s2"}, got)

	assert.Equal(t, []string{
		"/admins/activity_logs?created_at_after=1700000000",
		"/admins/activity_logs?created_at_after=1700000000&per_page=1&starting_after=CUR",
		"/articles/search?phrase=hi",
		"/articles/search?phrase=hi&starting_after=A",
		"/news/news_items",
		"/news/news_items?page=2&per_page=1",
		"/news/news_items?page=3&per_page=1",
		"/news/newsfeeds",
		"/news/newsfeeds?page=2&per_page=1",
		"/news/newsfeeds?page=3&per_page=1",
		"/news/newsfeeds/f1/items",
		"/news/newsfeeds/f1/items?page=2&per_page=1",
		"/news/newsfeeds/f1/items?page=3&per_page=1",
		"/segments?include_count=true",
		"/segments?include_count=true&page=2&per_page=1",
	}, linksSeen(s))

	// Bad input is yielded before any request.
	n := len(linksSeen(s))
	for _, seq := range []iter.Seq2[NewsItem, error]{c.News.Feeds.ListItemsIter(ctx, "")} {
		_, errs := collect(seq)
		require.Len(t, errs, 1)
		var ie *InputError
		assert.ErrorAs(t, errs[0], &ie)
	}
	_, errs := collect(c.Admins.ListAllActivityLogsIter(ctx, time.Time{}, nil))
	require.Len(t, errs, 1)
	_, errs = collect(c.Articles.SearchIter(ctx, &SearchArticlesOptions{State: "gone"}))
	require.Len(t, errs, 1)
	assert.Len(t, linksSeen(s), n)
}

// TestLinkPagesStall: a page that names a page already fetched, or empty
// pages that keep naming new ones, end with ErrPaginationStalled.
func TestLinkPagesStall(t *testing.T) {
	var mu sync.Mutex
	n := 0
	s := newLinkServer(t, func(r *http.Request) string {
		mu.Lock()
		defer mu.Unlock()
		n++
		if n > 25 {
			return `{"type":"segment.list","segments":[]}`
		}
		switch r.URL.Path {
		case "/segments": // always says the next page is page 2
			return `{"type":"segment.list","segments":[{"id":"s` + fmt.Sprint(n) + `"}],"pages":{"page":1,"per_page":1,"total_pages":5}}`
		case "/events": // empty pages, each naming a new URL
			return `{"type":"event.summary","email":"","intercom_user_id":"","user_id":"","events":[],"pages":{"next":"/events?type=user&user_id=u&p=` + fmt.Sprint(n) + `"}}`
		}
		return `{}`
	})
	c := linkClient(t, s, "")
	items, errs := collect(c.Segments.ListIter(t.Context(), nil))
	assert.Len(t, items, 2)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, linksSeen(s), 2)

	mu.Lock()
	n = 0
	mu.Unlock()
	_, errs = collect(c.Events.ListIter(t.Context(), ByUserID("u"), nil))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, linksSeen(s), 2+maxEmptyPages)
}

// TestPageURL: a link on the base URL's origin is kept as sent (without a
// fragment or user info); any other link's path and query go to the base
// URL, under its path prefix; links that are not http(s) URLs or paths are
// refused.
func TestPageURL(t *testing.T) {
	c, err := NewClient(testToken, WithBaseURL("https://proxy.example.com/intercom"))
	require.NoError(t, err)
	for link, want := range map[string]string{
		"https://proxy.example.com/intercom/events?a=1&b=2":  "https://proxy.example.com/intercom/events?a=1&b=2",
		"https://proxy.example.com:443/intercom/x?q":         "https://proxy.example.com:443/intercom/x?q",
		"https://user:pw@proxy.example.com/intercom/x#f":     "https://proxy.example.com/intercom/x",
		"https://api.intercom.io/events?per_page=2&before=1": "https://proxy.example.com/intercom/events?per_page=2&before=1",
		"http://proxy.example.com/intercom/events":           "https://proxy.example.com/intercom/events",
		"https://proxy.example.com:8443/events":              "https://proxy.example.com/intercom/events",
		"/events?x=1":                                        "https://proxy.example.com/intercom/events?x=1",
		"/intercom/events?x=1":                               "https://proxy.example.com/intercom/events?x=1",
		"events":                                             "https://proxy.example.com/intercom/events",
	} {
		u, err := c.pageURL(link)
		if assert.NoError(t, err, link) {
			assert.Equal(t, want, u.String(), link)
		}
	}
	for _, link := range []string{"ftp://api.intercom.io/events", "//evil.example.com/events", "javascript:alert(1)", "http://[::1"} {
		_, err := c.pageURL(link)
		assert.Error(t, err, link)
		if err != nil {
			assert.False(t, strings.Contains(err.Error(), testToken))
		}
	}
}

// TestLinkPagesErrors: a page's items are yielded before an unusable next
// link is reported; an API error on a later page is yielded once after the
// items before it; a free-form pages object may name its next page with
// starting_after.
func TestLinkPagesErrors(t *testing.T) {
	s := newLinkServer(t, func(r *http.Request) string {
		q := r.URL.Query()
		switch {
		case r.URL.Path == "/segments" && q.Get("starting_after") == "":
			return `{"type":"segment.list","segments":[{"id":"s1"}],"pages":{"next":{"starting_after":"S","per_page":1}}}`
		case r.URL.Path == "/segments":
			return `{"type":"segment.list","segments":[{"id":"s2"}],"pages":{"next":"ftp://elsewhere/segments"}}`
		case r.URL.Path == "/news/news_items" && q.Get("page") == "":
			return `{"type":"list","total_count":2,"data":[{"id":"n1"}],"pages":{"type":"pages","page":1,"total_pages":2}}`
		}
		return `not json`
	})
	c := linkClient(t, s, "")
	items, errs := collect(c.Segments.ListIter(t.Context(), nil))
	require.Len(t, items, 2)
	assert.Equal(t, "s2", items[1].Id)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "not an http(s) URL")

	news, errs := collect(c.News.Items.ListIter(t.Context()))
	require.Len(t, news, 1)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), "decode GET /news/news_items")
	assert.Equal(t, []string{"/segments", "/segments?per_page=1&starting_after=S", "/news/news_items", "/news/news_items?page=2"}, linksSeen(s))
}

func TestNextOfCursorPagesReadsAURLNext(t *testing.T) {
	var p gen.CursorPages
	require.NoError(t, json.Unmarshal([]byte(`{"type":"pages","page":1,"next":"https://api.intercom.io/segments?page=2"}`), &p))
	n := nextOfCursorPages(&p)
	cur, _ := url.Parse("https://api.intercom.io/segments")
	got := n.link(cur)
	assert.Equal(t, "https://api.intercom.io/segments?page=2", got)
}
