package facade

import (
	"context"
	"iter"
	"strconv"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// NewsItemsService groups the operations on news items.
type NewsItemsService service

// NewsItem is a news item: an announcement shown in newsfeeds.
type NewsItem = gen.NewsItem

// NewsItemList is a page of news items.
type NewsItemList = gen.PaginatedNewsItemResponse

// DeletedNewsItem is the answer to News.Items.Delete.
type DeletedNewsItem = gen.DeletedObject

// NewsItemState says whether a news item is a draft or published.
type NewsItemState string

// The states of a news item.
const (
	NewsItemStateDraft NewsItemState = "draft"
	NewsItemStateLive  NewsItemState = "live"
)

// NewsfeedPlacement puts a news item in a newsfeed from a given time.
type NewsfeedPlacement struct {
	// NewsfeedID is the newsfeed's id. Required.
	NewsfeedID string
	// PublishedAt is when the item appears in the newsfeed. Required.
	PublishedAt time.Time
}

// NewsItemOptions holds the optional fields of a news item.
type NewsItemOptions struct {
	// Body is the item's content, in HTML.
	Body string
	// State is draft (the default) or live.
	State NewsItemState
	// DeliverSilently publishes without notifying readers.
	DeliverSilently bool
	// Labels are shown on the item.
	Labels []string
	// Reactions are the emoji readers can react with.
	Reactions []string
	// Newsfeeds are where the item appears, and from when.
	Newsfeeds []NewsfeedPlacement
}

// newsItemRequest checks a news item's fields and builds the API's request.
func newsItemRequest(title, senderID string, opts *NewsItemOptions) (gen.NewsItemRequest, error) {
	var req gen.NewsItemRequest
	if err := required("title", title); err != nil {
		return req, err
	}
	sender, err := strconv.Atoi(senderID)
	if err != nil || sender <= 0 {
		return req, invalid("sender_id", "%q is not an admin id (a positive number)", senderID)
	}
	req.Title, req.SenderId = title, sender
	if opts == nil {
		return req, nil
	}
	if opts.Body != "" {
		b := opts.Body
		req.Body = &b
	}
	if opts.State != "" {
		switch opts.State {
		case NewsItemStateDraft, NewsItemStateLive:
		default:
			return req, invalid("state", "%q is not one of draft, live", opts.State)
		}
		st := gen.NewsItemRequestState(opts.State)
		req.State = &st
	}
	if opts.DeliverSilently {
		t := true
		req.DeliverSilently = &t
	}
	if len(opts.Labels) > 0 {
		labels := make([]string, len(opts.Labels))
		for i, l := range opts.Labels {
			if l == "" {
				return req, invalid(itemField("labels", i), "must not be empty")
			}
			labels[i] = l
		}
		req.Labels = &labels
	}
	if len(opts.Reactions) > 0 {
		reactions := make([]*string, len(opts.Reactions))
		for i, r := range opts.Reactions {
			if r == "" {
				return req, invalid(itemField("reactions", i), "must not be empty")
			}
			reactions[i] = &r
		}
		req.Reactions = &reactions
	}
	if len(opts.Newsfeeds) > 0 {
		feeds := make([]gen.NewsfeedAssignment, len(opts.Newsfeeds))
		for i, p := range opts.Newsfeeds {
			field := itemField("newsfeed_assignments", i)
			id, err := strconv.Atoi(p.NewsfeedID)
			if err != nil || id <= 0 {
				return req, invalid(field+".newsfeed_id", "%q is not a newsfeed id (a positive number)", p.NewsfeedID)
			}
			at, err := unixTimestamp(field+".published_at", p.PublishedAt)
			if err != nil {
				return req, err
			}
			feeds[i] = gen.NewsfeedAssignment{NewsfeedId: id, PublishedAt: int(at)}
		}
		req.NewsfeedAssignments = &feeds
	}
	return req, nil
}

// List returns the first page of the workspace's news items. Use ListIter
// to walk every page.
//
// Calls listNewsItems: GET /news/news_items.
func (s *NewsItemsService) List(ctx context.Context) (*NewsItemList, *Response, error) {
	return decode[NewsItemList](s.client.raw.ListNewsItems(ctx, nil))
}

// ListIter returns an iterator over every news item of the workspace, page
// after page. The request takes no paging parameter: each next page is the
// one the response's pages names (see linkPages).
//
// Each page is one GET /news/news_items (listNewsItems).
func (s *NewsItemsService) ListIter(ctx context.Context) iter.Seq2[NewsItem, error] {
	first, err := gen.NewListNewsItemsRequest(s.client.raw.Server, nil)
	return linkPages(ctx, s.client, first, err, func(l *NewsItemList) ([]NewsItem, nextPage) {
		return l.Data, nextOfCursorPages(l.Pages)
	})
}

// Create writes a news item with a title, sent by the admin senderID.
//
// Calls createNewsItem: POST /news/news_items.
func (s *NewsItemsService) Create(ctx context.Context, title, senderID string, opts *NewsItemOptions) (*NewsItem, *Response, error) {
	body, err := newsItemRequest(title, senderID, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[NewsItem](s.client.raw.CreateNewsItem(ctx, nil, body))
}

// Find returns one news item.
//
// Calls retrieveNewsItem: GET /news/news_items/{news_item_id}.
func (s *NewsItemsService) Find(ctx context.Context, newsItemID string) (*NewsItem, *Response, error) {
	if err := required("news_item_id", newsItemID); err != nil {
		return nil, nil, err
	}
	return decode[NewsItem](s.client.raw.RetrieveNewsItem(ctx, newsItemID, nil))
}

// Update replaces a news item: the title and sender are required again, and
// optional fields left out are cleared or reset as the API decides.
//
// Calls updateNewsItem: PUT /news/news_items/{news_item_id}.
func (s *NewsItemsService) Update(ctx context.Context, newsItemID, title, senderID string, opts *NewsItemOptions) (*NewsItem, *Response, error) {
	if err := required("news_item_id", newsItemID); err != nil {
		return nil, nil, err
	}
	body, err := newsItemRequest(title, senderID, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[NewsItem](s.client.raw.UpdateNewsItem(ctx, newsItemID, nil, body))
}

// Delete removes a news item.
//
// Calls deleteNewsItem: DELETE /news/news_items/{news_item_id}.
func (s *NewsItemsService) Delete(ctx context.Context, newsItemID string) (*DeletedNewsItem, *Response, error) {
	if err := required("news_item_id", newsItemID); err != nil {
		return nil, nil, err
	}
	return decode[gen.DeletedObject](s.client.raw.DeleteNewsItem(ctx, newsItemID, nil))
}
