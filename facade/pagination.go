package facade

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/go-intercom/intercom/gen"
	"github.com/go-intercom/intercom/internal/wire"
)

// Pagination
//
// Intercom 2.11 pages its lists in three ways, and every list or search
// method of the facade has two forms: a single-page method (List, Search,
// Scroll, ListAttachedContacts…) for callers that keep their own cursor, and
// an iterator with the same name and an Iter suffix (ListIter, SearchIter,
// ScrollIter…) that walks every page:
//
//	for contact, err := range client.Contacts.ListIter(ctx, nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(contact.Id)
//	}
//
// The iterators are iter.Seq2[T, error]. They copy the caller's options when
// called, fetch a page only when the previous one has been consumed (one page
// in memory at a time), stop fetching as soon as the loop breaks, stop on the
// last page without asking for an empty one when the API says which page is
// the last, check ctx before every request, and yield at most one error,
// after which they stop. A cursor that does not move is reported as an error
// wrapping ErrPaginationStalled instead of looping forever.
//
// For services written inside this package, three helpers build such
// iterators from a function that fetches one page:
//
//   - cursorPages: cursor pages, `starting_after` in the query (contacts,
//     conversations) or in the body's `pagination.starting_after` (the search
//     endpoints); the next cursor is the response's `pages.next.starting_after`
//     (use nextCursor to read it).
//   - numberedPages: page numbers, `page` and `per_page` in the query or body
//     (articles, collections, help centers, companies, contact companies,
//     notes); the last page is `pages.total_pages` (use pageInfoOf).
//   - scrollPages: the companies scroll, `scroll_param` echoed from response to
//     request; the API may repeat the same value, so it ends on an empty page,
//     a missing scroll_param, or once total_count items have been seen.

// ErrPaginationStalled is wrapped by the error an iterator yields when the API
// sends back a cursor or page it has already sent, which would otherwise make
// the iteration loop forever.
var ErrPaginationStalled = errors.New("intercom: pagination does not advance")

// maxEmptyPages is how many pages in a row may come back empty while still
// naming a next page before an iterator gives up with ErrPaginationStalled.
// A list may have a page emptied by deletions while it is walked, but a
// server that keeps sending new cursors and no items would otherwise be
// followed forever. Three such pages in a row is far beyond what a
// changing list produces, and costs three requests at most.
const maxEmptyPages = 3

// cursorPages returns an iterator over every item of a cursor-paginated list.
// fetch gets one page: the items and the cursor of the next page ("" on the
// last page); items it returns with an error are yielded before the error.
// The first call is made with start ("" for the first page). A
// next cursor equal to one already used, or maxEmptyPages empty pages in a
// row that each name a next page, end the iteration with an error wrapping
// ErrPaginationStalled.
func cursorPages[T any](ctx context.Context, start string, fetch func(ctx context.Context, cursor string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		cursor := start
		seen := map[string]struct{}{}
		if cursor != "" {
			seen[cursor] = struct{}{}
		}
		empty := 0
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := fetch(ctx, cursor)
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if err != nil { // after the items fetch did get
				yield(zero, err)
				return
			}
			if next == "" {
				return
			}
			if _, dup := seen[next]; dup {
				yield(zero, fmt.Errorf("%w: cursor %q was already used", ErrPaginationStalled, next))
				return
			}
			if len(items) > 0 {
				empty = 0
			} else if empty++; empty >= maxEmptyPages {
				yield(zero, fmt.Errorf("%w: %d empty pages in a row, each with a new cursor", ErrPaginationStalled, empty))
				return
			}
			seen[next] = struct{}{}
			cursor = next
		}
	}
}

// NextPage is pages.next of a list: a cursor (NextPage.Cursor) on cursor
// lists, the next page's URL (NextPage.URL, NextPage.Page) on page-numbered
// ones.
type NextPage = wire.NextPage

// pageInfo is what a page-numbered response says about its place in the list.
// Zero values mean the response did not say.
type pageInfo struct {
	// Page is the number of the page returned.
	Page int
	// TotalPages is the number of pages in the list.
	TotalPages int
	// Next is the number of the next page when the response links to it
	// (pages.next as a URL), 0 when it does not.
	Next int
}

// numberedPages returns an iterator over every item of a page-numbered list.
// fetch gets page number page (1-based) and returns its items and what the
// response said about paging. The iteration starts at first (1 when first is
// below 1). When a response links to the next page (pages.next as a URL), the
// iteration goes to the page it names; otherwise it stops after the page
// numbered info.TotalPages, or after a page whose response does not say how
// many pages there are, or on an empty page. A response for another page than
// the one asked for, or a link back to a page already read, ends the
// iteration with an error wrapping ErrPaginationStalled.
func numberedPages[T any](ctx context.Context, first int, fetch func(ctx context.Context, page int) (items []T, info pageInfo, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		page := max(first, 1)
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, info, err := fetch(ctx, page)
			if err != nil {
				yield(zero, err)
				return
			}
			if info.Page != 0 && info.Page != page {
				yield(zero, fmt.Errorf("%w: asked for page %d, got page %d", ErrPaginationStalled, page, info.Page))
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 {
				return
			}
			if info.Next != 0 {
				if info.Next <= page {
					yield(zero, fmt.Errorf("%w: page %d links back to page %d", ErrPaginationStalled, page, info.Next))
					return
				}
				page = info.Next
				continue
			}
			if info.TotalPages == 0 || page >= info.TotalPages {
				return
			}
			page++
		}
	}
}

// listPages is numberedPages over a single-page list method: list fetches
// one page by number, and read takes the page's items and what it says
// about paging.
func listPages[L, T any](ctx context.Context, first int, list func(ctx context.Context, page int) (*L, *Response, error), read func(*L) ([]T, pageInfo)) iter.Seq2[T, error] {
	return numberedPages(ctx, first, func(ctx context.Context, page int) ([]T, pageInfo, error) {
		l, _, err := list(ctx, page)
		if err != nil {
			return nil, pageInfo{}, err
		}
		items, info := read(l)
		return items, info, nil
	})
}

// pagesUntilEmpty returns an iterator over a page-numbered list whose
// answers say nothing about paging (help centers in 2.11): it asks for page
// first (1 when below 1), then the next number, and so on, as Intercom's own
// SDKs do, until a page comes back empty, or holds fewer than perPage items
// when perPage is set. key identifies an item: a page that starts with the
// same item as the page before (a server that ignores page) ends the
// iteration with an error wrapping ErrPaginationStalled.
func pagesUntilEmpty[T any](ctx context.Context, first, perPage int, fetch func(ctx context.Context, page int) ([]T, error), key func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		page, prevFirst := max(first, 1), ""
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, err := fetch(ctx, page)
			if err != nil {
				yield(zero, err)
				return
			}
			if len(items) == 0 {
				return
			}
			k := key(items[0])
			if k != "" && k == prevFirst {
				yield(zero, fmt.Errorf("%w: page %d starts with the item page %d started with", ErrPaginationStalled, page, page-1))
				return
			}
			prevFirst = k
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if perPage > 0 && len(items) < perPage {
				return
			}
			page++
		}
	}
}

// scrollPages returns an iterator over a scroll: fetch gets the page for a
// scroll parameter ("" to open the scroll) and returns its items, the scroll
// parameter for the next page and the total number of items when the API says
// it (-1 when not). The scroll parameter may stay the same from page to page,
// so the iteration ends on an empty page, on an empty next parameter, or once
// total items have been yielded. key identifies an item; a page that starts
// with the same item as the page before it ends the iteration with an error
// wrapping ErrPaginationStalled.
func scrollPages[T any](ctx context.Context, fetch func(ctx context.Context, param string) (items []T, next string, total int, err error), key func(T) string) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		param, prevFirst, count := "", "", 0
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, total, err := fetch(ctx, param)
			if err != nil {
				yield(zero, err)
				return
			}
			if len(items) == 0 {
				return
			}
			first := key(items[0])
			if count > 0 && first != "" && first == prevFirst {
				yield(zero, fmt.Errorf("%w: scroll returned the same page twice", ErrPaginationStalled))
				return
			}
			prevFirst = first
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			count += len(items)
			if next == "" || (total >= 0 && count >= total) {
				return
			}
			param = next
		}
	}
}

// validPage checks the page and per_page options of a page-numbered list.
func validPage(page, perPage int) error {
	if page < 0 {
		return invalid("page", "must be 1 or more (0 for the first page), got %d", page)
	}
	if perPage < 0 {
		return invalid("per_page", "must not be negative, got %d", perPage)
	}
	return nil
}

// nextCursor reads pages.next.starting_after of a cursor-paginated response:
// the cursor of the next page, or "" on the last page.
func nextCursor(p *gen.CursorPages) string {
	if p == nil {
		return ""
	}
	return p.Next.Cursor()
}

// pageInfoOf reads pages.page and pages.total_pages of a page-numbered
// response.
func pageInfoOf(p *gen.CursorPages) pageInfo {
	if p == nil {
		return pageInfo{}
	}
	var info pageInfo
	if p.Page != nil {
		info.Page = *p.Page
	}
	if p.TotalPages != nil {
		info.TotalPages = *p.TotalPages
	}
	info.Next = p.Next.Page()
	return info
}

// pageOfURL is the page number that a next-page URL names, 0 for none.
func pageOfURL(next *string) int {
	if next == nil {
		return 0
	}
	return (&wire.NextPage{URL: *next}).Page()
}

// PageOptions selects a page of a page-numbered list. The zero value (or a
// nil *PageOptions) asks for the first page at the API's default size.
type PageOptions struct {
	// Page is the 1-based number of the page to fetch (0 for the first).
	Page int
	// PerPage is how many items a page holds (0 for the API's default).
	PerPage int
}

// value returns a copy of the options, the zero value for nil.
func (o *PageOptions) value() PageOptions {
	if o == nil {
		return PageOptions{}
	}
	return *o
}
