package facade

import (
	"context"
	"iter"
	"net/http"

	"github.com/go-intercom/intercom/gen"
)

// ArticlesService groups the operations on articles: help-center articles.
type ArticlesService service

// Article is a help-center article.
type Article = gen.Article

// ArticleListItem is an article as a list shows it.
type ArticleListItem = gen.ArticleListItem

// ArticleList is one page of articles.
type ArticleList = gen.ArticleList

// ArticleSearchResults is the answer to Articles.Search.
type ArticleSearchResults = gen.ArticleSearchResults

// DeletedArticle is the answer to Articles.Delete.
type DeletedArticle = gen.DeletedArticleObject

// SearchArticlesOptions filters Articles.Search.
type SearchArticlesOptions struct {
	// Phrase is the text to look for.
	Phrase string
	// State is "published", "draft" or "all" ("" for the API's default).
	State string
	// HelpCenterID restricts the search to one help center (0 for all).
	HelpCenterID int
	// Highlight asks for the matching parts of each article.
	Highlight bool
}

// List returns one page of articles. Use ListIter to walk every page.
//
// Calls listArticles: GET /articles.
func (s *ArticlesService) List(ctx context.Context, opts *PageOptions) (*ArticleList, *Response, error) {
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.ArticleList](s.client.raw.ListArticles(ctx, &gen.ListArticlesParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListIter returns an iterator over every article, starting at page
// opts.Page.
//
// Each page is one List call.
func (s *ArticlesService) ListIter(ctx context.Context, opts *PageOptions) iter.Seq2[ArticleListItem, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*ArticleList, *Response, error) {
		o.Page = page
		return s.List(ctx, &o)
	}, func(l *ArticleList) ([]ArticleListItem, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// Create creates an article with a title, by an author (an admin id).
// opts, which may be nil, sets the rest; its Title and AuthorID stay empty.
//
// Calls createArticle: POST /articles.
func (s *ArticlesService) Create(ctx context.Context, title string, authorID int, opts *ArticleOptions) (*Article, *Response, error) {
	var o ArticleOptions
	if opts != nil {
		o = *opts
	}
	req, err := o.createRequest(title, authorID)
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Article](s.client.raw.CreateArticle(ctx, nil, req))
}

// Find returns an article by its id.
//
// Calls retrieveArticle: GET /articles/{article_id}.
func (s *ArticlesService) Find(ctx context.Context, articleID string) (*Article, *Response, error) {
	if err := required("article_id", articleID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Article](s.client.raw.RetrieveArticle(ctx, articleID, nil))
}

// Update changes the fields of an article that opts sets.
//
// Calls updateArticle: PUT /articles/{article_id}.
func (s *ArticlesService) Update(ctx context.Context, articleID string, opts ArticleOptions) (*Article, *Response, error) {
	if err := required("article_id", articleID); err != nil {
		return nil, nil, err
	}
	req, err := opts.updateRequest()
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Article](s.client.raw.UpdateArticle(ctx, articleID, nil, req))
}

// Delete deletes an article.
//
// Calls deleteArticle: DELETE /articles/{article_id}.
func (s *ArticlesService) Delete(ctx context.Context, articleID string) (*DeletedArticle, *Response, error) {
	if err := required("article_id", articleID); err != nil {
		return nil, nil, err
	}
	return decode[gen.DeletedArticleObject](s.client.raw.DeleteArticle(ctx, articleID, nil))
}

// Search returns the first page of the articles that match opts. Use
// SearchIter to walk every page.
//
// Calls searchArticles: GET /articles/search.
func (s *ArticlesService) Search(ctx context.Context, opts *SearchArticlesOptions) (*ArticleSearchResults, *Response, error) {
	p, err := searchArticlesParams(opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.ArticleSearchResults](s.client.raw.SearchArticles(ctx, p))
}

// SearchIter returns an iterator over every article that matches opts, page
// after page. The request takes no paging parameter: each next page is the
// one the response's pages names (see linkPages). The highlights that
// come with Highlight are on the pages Search returns.
//
// Each page is one GET /articles/search (searchArticles).
func (s *ArticlesService) SearchIter(ctx context.Context, opts *SearchArticlesOptions) iter.Seq2[Article, error] {
	p, err := searchArticlesParams(opts)
	var first *http.Request
	if err == nil {
		first, err = gen.NewSearchArticlesRequest(s.client.raw.Server, p)
	}
	return linkPages(ctx, s.client, first, err, func(l *ArticleSearchResults) ([]Article, nextPage) {
		var items []Article
		if l.Data.Articles != nil {
			items = *l.Data.Articles
		}
		return items, nextOfCursorPages(l.Pages)
	})
}

// searchArticlesParams checks the options of searchArticles and builds its
// parameters.
func searchArticlesParams(opts *SearchArticlesOptions) (*gen.SearchArticlesParams, error) {
	var o SearchArticlesOptions
	if opts != nil {
		o = *opts
	}
	switch o.State {
	case "", "published", "draft", "all":
	default:
		return nil, invalid("state", "%q is not published, draft or all", o.State)
	}
	if o.HelpCenterID < 0 {
		return nil, invalid("help_center_id", "must not be negative, got %d", o.HelpCenterID)
	}
	p := &gen.SearchArticlesParams{
		Phrase:       stringOrNil(o.Phrase),
		State:        stringOrNil(o.State),
		HelpCenterId: intOrNil(o.HelpCenterID),
	}
	if o.Highlight {
		h := true
		p.Highlight = &h
	}
	return p, nil
}
