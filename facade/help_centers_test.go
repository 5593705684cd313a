package facade

import (
	"context"
	"net/http"
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
	})
}

func TestHelpCentersListIter(t *testing.T) {
	// The 2.11 answer has no pages object: the iterator reads one page.
	f, c := newAPIFake(t)
	f.reply("GET /help_center/help_centers", http.StatusOK, `{"type":"list","data":[`+helpCenterJSON+`,`+helpCenterJSON+`]}`)
	var n int
	for hc, err := range c.HelpCenters.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		assert.Equal(t, "h1", hc.Id)
		n++
	}
	assert.Equal(t, 2, n)
	assert.Len(t, f.Calls(), 1)
}
