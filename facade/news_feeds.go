package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// NewsFeedsService groups the operations on newsfeeds and their live items.
type NewsFeedsService service

// Newsfeed is a place news items are published to, such as the Messenger.
type Newsfeed = gen.Newsfeed

// NewsfeedList is a page of newsfeeds.
type NewsfeedList = gen.PaginatedNewsfeedResponse

// ListItems returns the live news items of a newsfeed.
//
// Calls listLiveNewsfeedItems: GET /news/newsfeeds/{newsfeed_id}/items.
func (s *NewsFeedsService) ListItems(ctx context.Context, newsfeedID string) (*NewsItemList, *Response, error) {
	if err := required("newsfeed_id", newsfeedID); err != nil {
		return nil, nil, err
	}
	return decode[NewsItemList](s.client.raw.ListLiveNewsfeedItems(ctx, newsfeedID, nil))
}

// List returns the workspace's newsfeeds.
//
// Calls listNewsfeeds: GET /news/newsfeeds.
func (s *NewsFeedsService) List(ctx context.Context) (*NewsfeedList, *Response, error) {
	return decode[NewsfeedList](s.client.raw.ListNewsfeeds(ctx, nil))
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
