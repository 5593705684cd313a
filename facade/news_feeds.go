package facade

import (
	"context"
	"iter"
	"net/http"

	"github.com/go-intercom/intercom/gen"
)

// NewsFeedsService groups the operations on newsfeeds and their live items.
type NewsFeedsService service

// Newsfeed is a place news items are published to, such as the Messenger.
type Newsfeed = gen.Newsfeed

// NewsfeedList is a page of newsfeeds.
type NewsfeedList = gen.PaginatedNewsfeedResponse

// ListItems returns the first page of the live news items of a newsfeed.
// Use ListItemsIter to walk every page.
//
// Calls listLiveNewsfeedItems: GET /news/newsfeeds/{newsfeed_id}/items.
func (s *NewsFeedsService) ListItems(ctx context.Context, newsfeedID string) (*NewsItemList, *Response, error) {
	if err := required("newsfeed_id", newsfeedID); err != nil {
		return nil, nil, err
	}
	return decode[NewsItemList](s.client.raw.ListLiveNewsfeedItems(ctx, newsfeedID, nil))
}

// List returns the first page of the workspace's newsfeeds. Use ListIter to
// walk every page.
//
// Calls listNewsfeeds: GET /news/newsfeeds.
func (s *NewsFeedsService) List(ctx context.Context) (*NewsfeedList, *Response, error) {
	return decode[NewsfeedList](s.client.raw.ListNewsfeeds(ctx, nil))
}

// ListIter returns an iterator over every newsfeed, page after page. The
// request takes no paging parameter: each next page is the one the
// response's pages names (see linkPages).
//
// Each page is one GET /news/newsfeeds (listNewsfeeds).
func (s *NewsFeedsService) ListIter(ctx context.Context) iter.Seq2[Newsfeed, error] {
	first, err := gen.NewListNewsfeedsRequest(s.client.raw.Server, nil)
	return linkPages(ctx, s.client, first, err, func(l *NewsfeedList) ([]Newsfeed, nextPage) {
		return l.Data, nextOfCursorPages(l.Pages)
	})
}

// ListItemsIter returns an iterator over every live news item of a
// newsfeed, page after page, following the response's pages as ListIter
// does.
//
// Each page is one GET /news/newsfeeds/{newsfeed_id}/items
// (listLiveNewsfeedItems).
func (s *NewsFeedsService) ListItemsIter(ctx context.Context, newsfeedID string) iter.Seq2[NewsItem, error] {
	err := required("newsfeed_id", newsfeedID)
	var first *http.Request
	if err == nil {
		first, err = gen.NewListLiveNewsfeedItemsRequest(s.client.raw.Server, newsfeedID, nil)
	}
	return linkPages(ctx, s.client, first, err, func(l *NewsItemList) ([]NewsItem, nextPage) {
		return l.Data, nextOfCursorPages(l.Pages)
	})
}

// Find returns one newsfeed.
//
// Calls retrieveNewsfeed: GET /news/newsfeeds/{newsfeed_id}.
func (s *NewsFeedsService) Find(ctx context.Context, newsfeedID string) (*Newsfeed, *Response, error) {
	if err := required("newsfeed_id", newsfeedID); err != nil {
		return nil, nil, err
	}
	return decode[Newsfeed](s.client.raw.RetrieveNewsfeed(ctx, newsfeedID, nil))
}
