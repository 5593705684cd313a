package facade

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const articleJSON = `{"type":"article","id":"ar1","workspace_id":"w","title":"Refunds","author_id":5,"state":"draft","created_at":1,"updated_at":1,"url":null,"body":null,"description":null,"parent_id":null,"default_locale":"en"}`

func TestArticlesOperations(t *testing.T) {
	checkArticle := func(t *testing.T, got any) { assert.Equal(t, "Refunds", got.(*Article).Title) }
	runOpCases(t, []opCase{
		{
			name: "List", pattern: "GET /articles",
			resp: `{"type":"list","data":[` + articleJSON + `],"total_count":1,"pages":{"type":"pages","page":1,"per_page":1,"total_pages":1}}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.List(ctx, &PageOptions{Page: 1, PerPage: 1}))
			},
			wantPath: "/articles", wantQuery: "page=1&per_page=1",
			check: func(t *testing.T, got any) { assert.Equal(t, "ar1", got.(*ArticleList).Data[0].Id) },
		},
		{
			name: "Create", pattern: "POST /articles", resp: articleJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Create(ctx, "Refunds", 5, &ArticleOptions{State: ArticleStateDraft}))
			},
			wantPath: "/articles", wantBody: `{"title":"Refunds","author_id":5,"state":"draft"}`, check: checkArticle,
		},
		{
			name: "CreateWithOptions", pattern: "POST /articles", resp: articleJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Create(ctx, "Refunds", 5, &ArticleOptions{
					Description: "How refunds work", Body: "<p>Ask us.</p>", State: ArticleStatePublished,
					ParentID: 7, ParentType: "collection",
				}))
			},
			wantPath: "/articles",
			wantBody: `{"title":"Refunds","author_id":5,"description":"How refunds work","body":"<p>Ask us.</p>","state":"published","parent_id":7,"parent_type":"collection"}`,
			check:    checkArticle,
		},
		{
			name: "Find", pattern: "GET /articles/{id}", resp: articleJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Find(ctx, "ar1"))
			},
			wantPath: "/articles/ar1", check: checkArticle,
		},
		{
			name: "Update", pattern: "PUT /articles/{id}", resp: articleJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Update(ctx, "ar1", ArticleOptions{Title: "Refunds"}))
			},
			wantPath: "/articles/ar1", wantBody: `{"title":"Refunds"}`, check: checkArticle,
		},
		{
			// The update's parent_id is a string in 2.11, the create's an integer.
			name: "UpdateMove", pattern: "PUT /articles/{id}", resp: articleJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Update(ctx, "ar1", ArticleOptions{AuthorID: 6, State: ArticleStatePublished, ParentID: 7, ParentType: "section"}))
			},
			wantPath: "/articles/ar1", wantBody: `{"author_id":6,"state":"published","parent_id":"7","parent_type":"section"}`, check: checkArticle,
		},
		{
			name: "Delete", pattern: "DELETE /articles/{id}", resp: `{"id":"ar1","object":"article","deleted":true}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Delete(ctx, "ar1"))
			},
			wantPath: "/articles/ar1",
			check:    func(t *testing.T, got any) { assert.True(t, got.(*DeletedArticle).Deleted) },
		},
		{
			name: "Search", pattern: "GET /articles/search",
			resp: `{"type":"list","total_count":1,"data":{"articles":[` + articleJSON + `]}}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Articles.Search(ctx, &SearchArticlesOptions{Phrase: "refund", State: "published", HelpCenterID: 3, Highlight: true}))
			},
			wantPath: "/articles/search", wantQuery: "help_center_id=3&highlight=true&phrase=refund&state=published",
			check: func(t *testing.T, got any) {
				r := got.(*ArticleSearchResults)
				require.Len(t, r.Data.GetArticles(), 1)
				assert.Equal(t, "ar1", r.Data.GetArticles()[0].Id)
			},
		},
	})
}

func TestArticlesInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"list page", "page", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.List(ctx, &PageOptions{Page: -1}))
		}},
		{"create title", "title", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "", 1, nil))
		}},
		{"create author", "author_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", 0, nil))
		}},
		{"search iterator: unknown state", "state", func(ctx context.Context, c *Client) error {
			return firstErr(c.Articles.SearchIter(ctx, &SearchArticlesOptions{State: "archived"}))
		}},
		{"create state", "state", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", 1, &ArticleOptions{State: "archived"}))
		}},
		{"create negative author", "author_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", -3, nil))
		}},
		{"create title in options", "title", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", 1, &ArticleOptions{Title: "other"}))
		}},
		{"create author in options", "author_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", 1, &ArticleOptions{AuthorID: 2}))
		}},
		{"create parent", "parent_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Create(ctx, "t", 1, &ArticleOptions{ParentID: -1}))
		}},
		{"find", "article_id", func(ctx context.Context, c *Client) error { return err3(c.Articles.Find(ctx, "")) }},
		{"update id", "article_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Update(ctx, "", ArticleOptions{}))
		}},
		{"update author", "author_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Update(ctx, "a", ArticleOptions{AuthorID: -1}))
		}},
		{"update state", "state", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Update(ctx, "a", ArticleOptions{State: "archived"}))
		}},
		{"update parent", "parent_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Update(ctx, "a", ArticleOptions{ParentID: -2}))
		}},
		{"delete", "article_id", func(ctx context.Context, c *Client) error { return err3(c.Articles.Delete(ctx, "")) }},
		{"search state", "state", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Search(ctx, &SearchArticlesOptions{State: "archived"}))
		}},
		{"search help center", "help_center_id", func(ctx context.Context, c *Client) error {
			return err3(c.Articles.Search(ctx, &SearchArticlesOptions{HelpCenterID: -1}))
		}},
	})
}

func TestArticlesListIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("GET /articles", func(r *http.Request, _ string) (int, string) {
		page := r.URL.Query().Get("page")
		return http.StatusOK, fmt.Sprintf(`{"type":"list","data":[{"type":"article","id":"ar%s","title":"t"},{"type":"article","id":"ar%sb","title":"t"}],"total_count":4,"pages":{"type":"pages","page":%s,"per_page":2,"total_pages":2}}`, page, page, page)
	})
	var ids []string
	for a, err := range c.Articles.ListIter(t.Context(), &PageOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, a.Id)
		if len(ids) == 3 {
			break
		}
	}
	assert.Equal(t, []string{"ar1", "ar1b", "ar2"}, ids)
	assert.Len(t, f.requests(), 2)
}
