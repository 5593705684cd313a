package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const newsfeedJSON = `{"type":"newsfeed","id":"53","name":"Visible to user","created_at":1674917488,"updated_at":1674917488}`

func TestNewsFeedsList(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"list","total_count":1,"data":[`+newsfeedJSON+`]}`)
	got, _, err := c.News.Feeds.List(context.Background())
	require.NoError(t, err)
	f.expect(t, "GET", "/news/newsfeeds", nil, "")
	assert.Equal(t, 1, got.TotalCount)
	assert.Equal(t, "Visible to user", got.Data[0].Name)
}

func TestNewsFeedsFind(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, newsfeedJSON)
	got, _, err := c.News.Feeds.Find(context.Background(), "53")
	require.NoError(t, err)
	f.expect(t, "GET", "/news/newsfeeds/53", nil, "")
	assert.Equal(t, "53", got.Id)
	f, c = newFake(t)
	f.reply("/", 200, newsfeedJSON)
	_, _, err = c.News.Feeds.Find(context.Background(), "")
	f.expectInputError(t, err, "newsfeed_id")
}

func TestNewsFeedsListItems(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"list","total_count":1,"data":[`+newsItemJSON+`]}`)
	got, _, err := c.News.Feeds.ListItems(context.Background(), "53")
	require.NoError(t, err)
	f.expect(t, "GET", "/news/newsfeeds/53/items", nil, "")
	assert.Len(t, got.Data, 1)
	assert.Equal(t, "33", got.Data[0].Id)
	f, c = newFake(t)
	f.reply("/", 200, newsfeedJSON)
	_, _, err = c.News.Feeds.ListItems(context.Background(), "")
	f.expectInputError(t, err, "newsfeed_id")
	err = firstErr(c.News.Feeds.ListItemsIter(context.Background(), ""))
	f.expectInputError(t, err, "newsfeed_id")
}
