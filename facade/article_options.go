package facade

import (
	"strconv"

	"github.com/go-intercom/intercom/gen"
)

// ArticleState says whether an article is published.
type ArticleState string

// The states an article can be created or updated in.
const (
	ArticleStateDraft     ArticleState = "draft"
	ArticleStatePublished ArticleState = "published"
)

// Valid reports whether s is a state the API knows.
func (s ArticleState) Valid() bool { return s == ArticleStateDraft || s == ArticleStatePublished }

// ArticleTranslatedContent holds an article's content per locale.
type ArticleTranslatedContent = gen.ArticleTranslatedContent

// ArticleContent is an article's content in one locale.
type ArticleContent = gen.ArticleContent

// ArticleOptions are the optional fields of Articles.Create and the fields
// Articles.Update changes; fields left zero are not sent.
type ArticleOptions struct {
	// Title replaces the title (Update only: Create takes it as a parameter).
	Title string
	// AuthorID replaces the author, an admin id (Update only).
	AuthorID    int
	Description string
	// Body is HTML.
	Body  string
	State ArticleState
	// ParentID is the id of the collection or section the article is in.
	ParentID int
	// ParentType is "collection" or "section".
	ParentType        string
	TranslatedContent *ArticleTranslatedContent
}

// check validates the fields o sets.
func (o ArticleOptions) check() error {
	if o.AuthorID < 0 {
		return invalid("author_id", "must be the id of an admin, got %d", o.AuthorID)
	}
	if o.State != "" && !o.State.Valid() {
		return invalid("state", "%q is not draft or published", string(o.State))
	}
	if o.ParentID < 0 {
		return invalid("parent_id", "must not be negative, got %d", o.ParentID)
	}
	return nil
}

// createRequest builds the body of createArticle.
func (o ArticleOptions) createRequest(title string, authorID int) (gen.CreateArticleRequest, error) {
	if err := required("title", title); err != nil {
		return gen.CreateArticleRequest{}, err
	}
	if authorID <= 0 {
		return gen.CreateArticleRequest{}, invalid("author_id", "must be the id of an admin, got %d", authorID)
	}
	if o.Title != "" {
		return gen.CreateArticleRequest{}, invalid("title", "Create takes the title as a parameter; leave ArticleOptions.Title empty")
	}
	if o.AuthorID != 0 {
		return gen.CreateArticleRequest{}, invalid("author_id", "Create takes the author as a parameter; leave ArticleOptions.AuthorID empty")
	}
	if err := o.check(); err != nil {
		return gen.CreateArticleRequest{}, err
	}
	req := gen.CreateArticleRequest{
		Title:             title,
		AuthorId:          authorID,
		Description:       stringOrNil(o.Description),
		Body:              stringOrNil(o.Body),
		ParentId:          intOrNil(o.ParentID),
		ParentType:        stringOrNil(o.ParentType),
		TranslatedContent: o.TranslatedContent,
	}
	if o.State != "" {
		state := gen.CreateArticleRequestState(o.State)
		req.State = &state
	}
	return req, nil
}

// updateRequest builds the body of updateArticle.
func (o ArticleOptions) updateRequest() (gen.UpdateArticleRequestBody, error) {
	if err := o.check(); err != nil {
		return gen.UpdateArticleRequestBody{}, err
	}
	req := gen.UpdateArticleRequestBody{
		Title:             stringOrNil(o.Title),
		AuthorId:          intOrNil(o.AuthorID),
		Description:       stringOrNil(o.Description),
		Body:              stringOrNil(o.Body),
		ParentType:        stringOrNil(o.ParentType),
		TranslatedContent: o.TranslatedContent,
	}
	if o.ParentID != 0 {
		// 2.11 types the update's parent_id as a string, the create's as an
		// integer; both carry the same id.
		req.ParentId = Ptr(strconv.Itoa(o.ParentID))
	}
	if o.State != "" {
		state := gen.UpdateArticleRequestBodyState(o.State)
		req.State = &state
	}
	return req, nil
}
