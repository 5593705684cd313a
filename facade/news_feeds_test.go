package facade

import (
	"context"
	"testing"
)

const newsfeedJSON = `{"type":"newsfeed","id":"53","name":"Visible to user","created_at":1674917488,"updated_at":1674917488}`

func TestNewsFeedsList(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"list","total_count":1,"data":[`+newsfeedJSON+`]}`)
	got, _, err := c.News.Feeds.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/news/newsfeeds", nil, "")
	if got.TotalCount != 1 || got.Data[0].Name != "Visible to user" {
		t.Errorf("decoded %+v", got)
	}
}

func TestNewsFeedsFind(t *testing.T) {
	c, s := newOpStubClient(t, 200, newsfeedJSON)
	got, _, err := c.News.Feeds.Find(context.Background(), "53")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/news/newsfeeds/53", nil, "")
	if got.Id != "53" {
		t.Errorf("decoded %+v", got)
	}
	c, s = newOpStubClient(t, 200, newsfeedJSON)
	_, _, err = c.News.Feeds.Find(context.Background(), "")
	assertOpInputError(t, err, "newsfeed_id", s)
}

func TestNewsFeedsListItems(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"list","total_count":1,"data":[`+newsItemJSON+`]}`)
	got, _, err := c.News.Feeds.ListItems(context.Background(), "53")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/news/newsfeeds/53/items", nil, "")
	if len(got.Data) != 1 || got.Data[0].Id != "33" {
		t.Errorf("decoded %+v", got)
	}
	c, s = newOpStubClient(t, 200, newsfeedJSON)
	_, _, err = c.News.Feeds.ListItems(context.Background(), "")
	assertOpInputError(t, err, "newsfeed_id", s)
}
