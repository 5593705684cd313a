package facade

import (
	"context"
	"iter"

	"github.com/go-intercom/intercom/gen"
)

// SearchRequest is the body of the contacts, conversations and tickets search
// endpoints. BuildSearchRequest makes a valid one from a SearchQuery.
type SearchRequest = gen.SearchRequest

// MaxSearchPerPage is the largest page a search endpoint returns.
const MaxSearchPerPage = 150

// DefaultSearchPerPage is the page size sent when a search names a starting
// cursor but no page size (the body's per_page cannot be left out then).
const DefaultSearchPerPage = 50

// SearchOptions pages a search. The zero value asks for the first page at the
// API's default size.
type SearchOptions struct {
	// PerPage is how many results a page holds, 1 to MaxSearchPerPage; 0 for
	// the API's default.
	PerPage int
	// StartingAfter is the cursor of the page to fetch: the
	// pages.next.starting_after of the page before. Empty for the first page.
	StartingAfter string
}

// validate checks the options of a search.
func (o *SearchOptions) validate() error {
	if o == nil {
		return nil
	}
	if o.PerPage < 0 || o.PerPage > MaxSearchPerPage {
		return invalid("pagination.per_page", "must be between 1 and %d (0 for the default), got %d", MaxSearchPerPage, o.PerPage)
	}
	return nil
}

// BuildSearchRequest validates q (see ValidateSearchQuery) and opts, and
// returns the request body the search endpoints take.
func BuildSearchRequest(q SearchQuery, opts *SearchOptions) (SearchRequest, error) {
	if err := opts.validate(); err != nil {
		return SearchRequest{}, err
	}
	b, err := buildQuery(q, "query", 0)
	if err != nil {
		return SearchRequest{}, err
	}
	var req SearchRequest
	if b.single != nil {
		err = req.Query.FromSingleFilterSearchRequest(*b.single)
	} else {
		err = req.Query.FromMultipleFilterSearchRequest(*b.multi)
	}
	if err != nil {
		return SearchRequest{}, invalid("query", "%v", err)
	}
	if opts != nil {
		req.Pagination = searchPaging(opts.PerPage, opts.StartingAfter)
	}
	return req, nil
}

// searchPaging returns the body's pagination for a page size and cursor, or
// nil when both are unset.
func searchPaging(perPage int, cursor string) *gen.StartingAfterPaging {
	if perPage == 0 && cursor == "" {
		return nil
	}
	if perPage == 0 {
		perPage = DefaultSearchPerPage
	}
	p := &gen.StartingAfterPaging{PerPage: perPage}
	if cursor != "" {
		p.StartingAfter = &cursor
	}
	return p
}

// searchPages returns an iterator over every result of a search endpoint. It
// validates q and opts once (yielding the *InputError, without a request, when
// they are invalid), then calls fetch with the body of each page, starting at
// opts.StartingAfter; fetch returns the page's items and its
// pages.next.starting_after. It is the helper behind the SearchIter methods of
// contacts, conversations and tickets.
func searchPages[T any](ctx context.Context, q SearchQuery, opts *SearchOptions, fetch func(ctx context.Context, body SearchRequest) (items []T, next string, err error)) iter.Seq2[T, error] {
	var o SearchOptions
	if opts != nil {
		o = *opts
	}
	body, err := BuildSearchRequest(q, &o)
	if err != nil {
		return func(yield func(T, error) bool) {
			var zero T
			yield(zero, err)
		}
	}
	return cursorPages(ctx, o.StartingAfter, func(ctx context.Context, cursor string) ([]T, string, error) {
		page := body
		page.Pagination = searchPaging(o.PerPage, cursor)
		return fetch(ctx, page)
	})
}
