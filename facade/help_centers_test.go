package facade

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const helpCenterJSON = `{"id":"h1","workspace_id":"w","created_at":1,"identifier":"help","website_turned_on":true,"display_name":"Help"}`

func TestHelpCentersOperations(t *testing.T) {
	runOpCases(t, []opCase{
		{
			name: "List", pattern: "GET /help_center/help_centers", resp: `{"type":"list","data":[` + helpCenterJSON + `]}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.List(ctx, &PageOptions{Page: 1, PerPage: 20}))
			},
			wantPath: "/help_center/help_centers", wantQuery: "page=1&per_page=20",
			check: func(t *testing.T, got any) { assert.Equal(t, "Help", got.(*HelpCenterList).Data[0].DisplayName) },
		},
		{
			name: "Find", pattern: "GET /help_center/help_centers/{id}", resp: helpCenterJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Find(ctx, "h1"))
			},
			wantPath: "/help_center/help_centers/h1",
			check:    func(t *testing.T, got any) { assert.Equal(t, "h1", got.(*HelpCenter).Id) },
		},
	})
}

func TestHelpCentersInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"list page", "page", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.List(ctx, &PageOptions{Page: -1}))
		}},
		{"find", "help_center_id", func(ctx context.Context, c *Client) error { return err3(c.HelpCenters.Find(ctx, "")) }},
		{"iterator negative per_page", "per_page", func(ctx context.Context, c *Client) error {
			return firstErr(c.HelpCenters.ListIter(ctx, &PageOptions{PerPage: -1}))
		}},
	})
}

func TestHelpCentersListIter(t *testing.T) {
	// The 2.11 answer has no pages object: the iterator asks for the next
	// page number until a page comes back empty.
	hc := func(id string) string { return strings.Replace(helpCenterJSON, `"h1"`, `"`+id+`"`, 1) }
	pages := map[string]string{
		"1": `{"type":"list","data":[` + hc("h1") + `,` + hc("h2") + `]}`,
		"2": `{"type":"list","data":[` + hc("h3") + `]}`,
		"3": `{"type":"list","data":[]}`,
	}
	f, c := newFake(t)
	f.respond("GET /help_center/help_centers", func(r *http.Request, _ string) (int, string) {
		return 200, pages[r.URL.Query().Get("page")]
	})
	var ids []string
	for h, err := range c.HelpCenters.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		ids = append(ids, h.Id)
	}
	assert.Equal(t, []string{"h1", "h2", "h3"}, ids)
	assert.Equal(t, []string{"page=1", "page=2", "page=3"}, rawQueries(f.take()))

	// With per_page, a short page is the last one.
	ids = nil
	for h, err := range c.HelpCenters.ListIter(t.Context(), &PageOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, h.Id)
	}
	assert.Equal(t, []string{"h1", "h2", "h3"}, ids)
	assert.Equal(t, []string{"page=1&per_page=2", "page=2&per_page=2"}, rawQueries(f.take()))

	// A server that ignores page is reported, not followed forever.
	pages["2"] = pages["1"]
	pages["3"] = pages["1"]
	items, errs := collect(c.HelpCenters.ListIter(t.Context(), nil))
	assert.Len(t, items, 2)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, f.take(), 2)
}
