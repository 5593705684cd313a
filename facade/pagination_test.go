package facade

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collect drains an iterator into its items and errors.
func collect[T any](seq func(func(T, error) bool)) (items []T, errs []error) {
	for it, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, it)
	}
	return items, errs
}

// cursorFixture serves pages of cursor-paginated ints: page "" is 1,2;
// page "c1" is 3,4; page "c2" is 5 and last.
func cursorFixture(calls *[]string) func(context.Context, string) ([]int, string, error) {
	pages := map[string]struct {
		items []int
		next  string
	}{"": {[]int{1, 2}, "c1"}, "c1": {[]int{3, 4}, "c2"}, "c2": {[]int{5}, ""}}
	return func(_ context.Context, cursor string) ([]int, string, error) {
		*calls = append(*calls, cursor)
		p := pages[cursor]
		return p.items, p.next, nil
	}
}

func TestCursorPagesAll(t *testing.T) {
	var calls []string
	items, errs := collect(cursorPages(t.Context(), "", cursorFixture(&calls)))
	assert.Empty(t, errs)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, items)
	assert.Equal(t, []string{"", "c1", "c2"}, calls, "no request after the last page")
}

func TestCursorPagesStartCursor(t *testing.T) {
	var calls []string
	items, _ := collect(cursorPages(t.Context(), "c1", cursorFixture(&calls)))
	assert.Equal(t, []int{3, 4, 5}, items)
	assert.Equal(t, []string{"c1", "c2"}, calls)
}

func TestCursorPagesBreak(t *testing.T) {
	var calls []string
	for v, err := range cursorPages(t.Context(), "", cursorFixture(&calls)) {
		require.NoError(t, err)
		assert.Equal(t, 1, v)
		break
	}
	assert.Len(t, calls, 1, "breaking stops fetching")
	calls = nil
	n := 0
	for range cursorPages(t.Context(), "", cursorFixture(&calls)) {
		if n++; n == 3 {
			break
		}
	}
	assert.Len(t, calls, 2, "second page fetched only when first is consumed")
}

func TestCursorPagesStalled(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, cursor string) ([]int, string, error) {
		calls++
		if cursor == "" {
			return []int{1}, "a", nil
		}
		if cursor == "a" {
			return []int{2}, "b", nil
		}
		return []int{3}, "a", nil // goes back to a cursor already used
	}
	items, errs := collect(cursorPages(t.Context(), "", fetch))
	assert.Equal(t, []int{1, 2, 3}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Equal(t, 3, calls)

	calls = 0
	same := func(_ context.Context, cursor string) ([]int, string, error) {
		calls++
		return []int{calls}, "x", nil // the same cursor forever
	}
	items, errs = collect(cursorPages(t.Context(), "", same))
	assert.Equal(t, []int{1, 2}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
}

func TestCursorPagesErrorMidway(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	fetch := func(_ context.Context, cursor string) ([]int, string, error) {
		calls++
		if cursor == "" {
			return []int{1, 2}, "c1", nil
		}
		return nil, "", boom
	}
	items, errs := collect(cursorPages(t.Context(), "", fetch))
	assert.Equal(t, []int{1, 2}, items)
	assert.Equal(t, []error{boom}, errs, "the error is yielded once")
	assert.Equal(t, 2, calls)
}

func TestCursorPagesContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var calls []string
	var errs []error
	for _, err := range cursorPages(ctx, "", cursorFixture(&calls)) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cancel()
	}
	assert.Len(t, calls, 1, "no request once ctx is done")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], context.Canceled)
}

func TestCursorPagesEmptyMiddlePage(t *testing.T) {
	fetch := func(_ context.Context, cursor string) ([]int, string, error) {
		switch cursor {
		case "":
			return nil, "a", nil
		default:
			return []int{7}, "", nil
		}
	}
	items, errs := collect(cursorPages(t.Context(), "", fetch))
	assert.Empty(t, errs)
	assert.Equal(t, []int{7}, items)
}

// numberedFixture serves three pages of two ints each.
func numberedFixture(calls *[]int) func(context.Context, int) ([]int, pageInfo, error) {
	return func(_ context.Context, page int) ([]int, pageInfo, error) {
		*calls = append(*calls, page)
		return []int{page*10 + 1, page*10 + 2}, pageInfo{Page: page, TotalPages: 3}, nil
	}
}

func TestNumberedPagesAll(t *testing.T) {
	var calls []int
	items, errs := collect(numberedPages(t.Context(), 0, numberedFixture(&calls)))
	assert.Empty(t, errs)
	assert.Equal(t, []int{11, 12, 21, 22, 31, 32}, items)
	assert.Equal(t, []int{1, 2, 3}, calls, "stops at total_pages without an extra request")

	calls = nil
	items, _ = collect(numberedPages(t.Context(), 2, numberedFixture(&calls)))
	assert.Equal(t, []int{21, 22, 31, 32}, items)
	assert.Equal(t, []int{2, 3}, calls)
}

func TestNumberedPagesBreak(t *testing.T) {
	var calls []int
	for range numberedPages(t.Context(), 1, numberedFixture(&calls)) {
		break
	}
	assert.Equal(t, []int{1}, calls)
}

func TestNumberedPagesStalled(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, page int) ([]int, pageInfo, error) {
		calls++
		return []int{1}, pageInfo{Page: 1, TotalPages: 5}, nil // ignores the page asked for
	}
	items, errs := collect(numberedPages(t.Context(), 1, fetch))
	assert.Equal(t, []int{1}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Equal(t, 2, calls)
}

func TestNumberedPagesUnknownTotalAndEmpty(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, page int) ([]int, pageInfo, error) {
		calls++
		return []int{1, 2}, pageInfo{}, nil
	}
	items, _ := collect(numberedPages(t.Context(), 1, fetch))
	assert.Equal(t, []int{1, 2}, items)
	assert.Equal(t, 1, calls, "a response without paging is the only page")

	calls = 0
	empty := func(_ context.Context, page int) ([]int, pageInfo, error) {
		calls++
		return nil, pageInfo{Page: page, TotalPages: 9}, nil
	}
	items, _ = collect(numberedPages(t.Context(), 1, empty))
	assert.Empty(t, items)
	assert.Equal(t, 1, calls, "an empty page ends the list")
}

func TestNumberedPagesErrorMidway(t *testing.T) {
	boom := errors.New("boom")
	fetch := func(_ context.Context, page int) ([]int, pageInfo, error) {
		if page == 2 {
			return nil, pageInfo{}, boom
		}
		return []int{page}, pageInfo{Page: page, TotalPages: 3}, nil
	}
	items, errs := collect(numberedPages(t.Context(), 1, fetch))
	assert.Equal(t, []int{1}, items)
	assert.Equal(t, []error{boom}, errs)
}

func TestScrollPages(t *testing.T) {
	key := func(v int) string { return strconv.Itoa(v) }
	var params []string
	// The scroll parameter stays the same from page to page, as Intercom's does.
	fetch := func(_ context.Context, param string) ([]int, string, int, error) {
		params = append(params, param)
		switch len(params) {
		case 1:
			return []int{1, 2}, "s", -1, nil
		case 2:
			return []int{3, 4}, "s", -1, nil
		default:
			return nil, "", -1, nil
		}
	}
	items, errs := collect(scrollPages(t.Context(), fetch, key))
	assert.Empty(t, errs)
	assert.Equal(t, []int{1, 2, 3, 4}, items)
	assert.Equal(t, []string{"", "s", "s"}, params, "without a total, the empty page ends the scroll")

	params = nil
	withTotal := func(_ context.Context, param string) ([]int, string, int, error) {
		params = append(params, param)
		if len(params) == 1 {
			return []int{1, 2}, "s", 3, nil
		}
		return []int{3}, "s", 3, nil
	}
	items, _ = collect(scrollPages(t.Context(), withTotal, key))
	assert.Equal(t, []int{1, 2, 3}, items)
	assert.Len(t, params, 2, "total_count reached: no extra request")

	params = nil
	for range scrollPages(t.Context(), withTotal, key) {
		break
	}
	assert.Len(t, params, 1)

	stuck := func(_ context.Context, param string) ([]int, string, int, error) {
		return []int{1, 2}, "s", -1, nil
	}
	items, errs = collect(scrollPages(t.Context(), stuck, key))
	assert.Equal(t, []int{1, 2}, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
}

func TestValidPage(t *testing.T) {
	assert.NoError(t, validPage(0, 0))
	assert.NoError(t, validPage(3, 50))
	var ie *InputError
	require.ErrorAs(t, validPage(-1, 0), &ie)
	assert.Equal(t, "page", ie.Field)
	require.ErrorAs(t, validPage(0, -5), &ie)
	assert.Equal(t, "per_page", ie.Field)
}

// TestCursorPagesEmptyPagesWithNewCursors: a server that
// answers with empty pages that each carry a new cursor is followed for
// maxEmptyPages pages, then the iterator stops with ErrPaginationStalled.
// A run of fewer empty pages, followed by items, is walked through.
func TestCursorPagesEmptyPagesWithNewCursors(t *testing.T) {
	calls := 0
	endless := func(ctx context.Context, cursor string) ([]int, string, error) {
		calls++
		if calls > 25 {
			return nil, "", errors.New("the iterator did not stop")
		}
		return nil, "c" + strconv.Itoa(calls), nil
	}
	items, errs := collect(cursorPages(t.Context(), "", endless))
	assert.Empty(t, items)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Equal(t, maxEmptyPages, calls)

	// Two empty pages, then items, then two empty pages and the end: no error.
	pages := map[string]struct {
		items []int
		next  string
	}{"": {nil, "a"}, "a": {nil, "b"}, "b": {[]int{1}, "c"}, "c": {nil, "d"}, "d": {nil, "e"}, "e": {[]int{2}, ""}}
	items, errs = collect(cursorPages(t.Context(), "", func(_ context.Context, cursor string) ([]int, string, error) {
		return pages[cursor].items, pages[cursor].next, nil
	}))
	assert.Empty(t, errs)
	assert.Equal(t, []int{1, 2}, items)
}

// TestContactsListIterStopsOnEmptyPagesWithNewCursors drives the same
// case through Contacts.ListIter and a server.
func TestContactsListIterStopsOnEmptyPagesWithNewCursors(t *testing.T) {
	f, c := newFake(t)
	f.handle("GET /contacts", func(w http.ResponseWriter, r *http.Request) {
		i := len(f.requests()) // this one included
		if i > 25 {
			http.Error(w, "too many", http.StatusTeapot)
			return
		}
		io.WriteString(w, `{"type":"list","data":[],"total_count":0,"pages":{"type":"pages","next":{"per_page":50,"starting_after":"cur`+strconv.Itoa(i)+`"}}}`)
	})
	_, errs := collect(c.Contacts.ListIter(t.Context(), nil))
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, f.requests(), maxEmptyPages)
}

func TestNextCursorOfNilPages(t *testing.T) {
	require.Equal(t, "", nextCursor(nil))
	require.Equal(t, pageInfo{}, pageInfoOf(nil))
}
