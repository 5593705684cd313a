package facade

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const newsItemJSON = `{"type":"news-item","id":"33","workspace_id":"this_is_an_id","title":"We have news","body":"<p>Hello</p>","sender_id":991267,"state":"live","labels":["Product"],"reactions":["😆","😅"],"deliver_silently":true,"newsfeed_assignments":[{"newsfeed_id":53,"published_at":1664638214}],"created_at":1719492700}`

func TestNewsItemsList(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"list","total_count":1,"pages":{"type":"pages","page":1,"per_page":10,"total_pages":1},"data":[`+newsItemJSON+`]}`)
	got, _, err := c.News.Items.List(context.Background())
	require.NoError(t, err)
	f.expect(t, "GET", "/news/news_items", nil, "")
	assert.Equal(t, 1, got.TotalCount)
	assert.Equal(t, "We have news", got.Data[0].Title)
}

func TestNewsItemsCreate(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, newsItemJSON)
	got, _, err := c.News.Items.Create(context.Background(), "We have news", "991267", &NewsItemOptions{
		Body: "<p>Hello</p>", State: NewsItemStateLive, DeliverSilently: true,
		Labels: []string{"Product"}, Reactions: []string{"😆", "😅"},
		Newsfeeds: []NewsfeedPlacement{{NewsfeedID: "53", PublishedAt: time.Unix(1664638214, 0)}},
	})
	require.NoError(t, err)
	f.expect(t, "POST", "/news/news_items", nil,
		`{"title":"We have news","body":"<p>Hello</p>","sender_id":991267,"state":"live","deliver_silently":true,"labels":["Product"],"reactions":["😆","😅"],"newsfeed_assignments":[{"newsfeed_id":53,"published_at":1664638214}]}`)
	assert.Equal(t, "33", got.Id)
	assert.Equal(t, 991267, got.SenderId)

	f, c = newFake(t)
	f.reply("/", 200, newsItemJSON)
	require.NoError(t, err3(c.News.Items.Create(context.Background(), "Draft", "1", nil)))
	f.expect(t, "POST", "/news/news_items", nil, `{"title":"Draft","sender_id":1}`)
}

func TestNewsItemsCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, newsItemJSON)
	ctx := context.Background()
	for _, tc := range []struct {
		title, sender string
		opts          *NewsItemOptions
		field         string
	}{
		{"", "1", nil, "title"},
		{"t", "", nil, "sender_id"},
		{"t", "ada", nil, "sender_id"},
		{"t", "1", &NewsItemOptions{State: "published"}, "state"},
		{"t", "1", &NewsItemOptions{Labels: []string{"a", ""}}, "labels[1]"},
		{"t", "1", &NewsItemOptions{Reactions: []string{""}}, "reactions[0]"},
		{"t", "1", &NewsItemOptions{Newsfeeds: []NewsfeedPlacement{{NewsfeedID: "x", PublishedAt: time.Unix(1, 0)}}}, "newsfeed_assignments[0].newsfeed_id"},
		{"t", "1", &NewsItemOptions{Newsfeeds: []NewsfeedPlacement{{NewsfeedID: "53"}}}, "newsfeed_assignments[0].published_at"},
	} {
		_, _, err := c.News.Items.Create(ctx, tc.title, tc.sender, tc.opts)
		f.expectInputError(t, err, tc.field)
	}
}

func TestNewsItemsFindUpdateDelete(t *testing.T) {
	ctx := context.Background()
	f, c := newFake(t)
	f.reply("/", 200, newsItemJSON)
	got, _, err := c.News.Items.Find(ctx, "33")
	require.NoError(t, err)
	f.expect(t, "GET", "/news/news_items/33", nil, "")
	assert.EqualValues(t, "live", got.State)

	f, c = newFake(t)
	f.reply("/", 200, newsItemJSON)
	require.NoError(t, err3(c.News.Items.Update(ctx, "33", "We have news", "991267", &NewsItemOptions{State: NewsItemStateDraft})))
	f.expect(t, "PUT", "/news/news_items/33", nil, `{"title":"We have news","sender_id":991267,"state":"draft"}`)

	f, c = newFake(t)
	f.reply("/", 200, `{"id":"33","object":"news-item","deleted":true}`)
	del, _, err := c.News.Items.Delete(ctx, "33")
	require.NoError(t, err)
	f.expect(t, "DELETE", "/news/news_items/33", nil, "")
	assert.True(t, del.Deleted)
	assert.Equal(t, "33", del.Id)

	f, c = newFake(t)
	f.reply("/", 200, newsItemJSON)
	_, _, err = c.News.Items.Find(ctx, "")
	f.expectInputError(t, err, "news_item_id")
	_, _, err = c.News.Items.Update(ctx, "", "t", "1", nil)
	f.expectInputError(t, err, "news_item_id")
	_, _, err = c.News.Items.Update(ctx, "33", "", "1", nil)
	f.expectInputError(t, err, "title")
	_, _, err = c.News.Items.Delete(ctx, "")
	f.expectInputError(t, err, "news_item_id")
}
