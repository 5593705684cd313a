package facade

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const collectionJSON = `{"id":"col1","workspace_id":"w","name":"Billing","url":"https://help/billing","order":1,"created_at":1,"default_locale":"en"}`

func TestCollectionsOperations(t *testing.T) {
	checkCollection := func(t *testing.T, got any) { assert.Equal(t, "Billing", got.(*Collection).Name) }
	runOpCases(t, []opCase{
		{
			name: "List", pattern: "GET /help_center/collections",
			resp: `{"type":"list","data":[` + collectionJSON + `],"total_count":1,"pages":{"type":"pages","page":1,"per_page":5,"total_pages":1}}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.List(ctx, &PageOptions{PerPage: 5}))
			},
			wantPath: "/help_center/collections", wantQuery: "per_page=5",
			check: func(t *testing.T, got any) { assert.Equal(t, "col1", got.(*CollectionList).Data[0].Id) },
		},
		{
			name: "Create", pattern: "POST /help_center/collections", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Create(ctx, "Billing", &CreateCollectionOptions{HelpCenterID: 7}))
			},
			wantPath: "/help_center/collections", wantBody: `{"name":"Billing","help_center_id":7}`, check: checkCollection,
		},
		{
			name: "CreateNested", pattern: "POST /help_center/collections", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Create(ctx, "Billing", &CreateCollectionOptions{Description: "Invoices", ParentID: "col0"}))
			},
			wantPath: "/help_center/collections", wantBody: `{"name":"Billing","description":"Invoices","parent_id":"col0"}`, check: checkCollection,
		},
		{
			name: "CreateNameOnly", pattern: "POST /help_center/collections", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Create(ctx, "Billing", nil))
			},
			wantPath: "/help_center/collections", wantBody: `{"name":"Billing"}`, check: checkCollection,
		},
		{
			name: "Find", pattern: "GET /help_center/collections/{id}", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Find(ctx, "col1"))
			},
			wantPath: "/help_center/collections/col1", check: checkCollection,
		},
		{
			name: "Update", pattern: "PUT /help_center/collections/{id}", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Update(ctx, "col1", UpdateCollectionOptions{Name: "Billing", ParentID: Null[string]()}))
			},
			wantPath: "/help_center/collections/col1", wantBody: `{"name":"Billing","parent_id":null}`, check: checkCollection,
		},
		{
			name: "UpdateMoveUnder", pattern: "PUT /help_center/collections/{id}", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Update(ctx, "col1", UpdateCollectionOptions{ParentID: NewNullable("col0")}))
			},
			wantPath: "/help_center/collections/col1", wantBody: `{"parent_id":"col0"}`, check: checkCollection,
		},
		{
			// A field left unset is not sent at all: the parent stays.
			name: "UpdateKeepParent", pattern: "PUT /help_center/collections/{id}", resp: collectionJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Update(ctx, "col1", UpdateCollectionOptions{Description: "Invoices"}))
			},
			wantPath: "/help_center/collections/col1", wantBody: `{"description":"Invoices"}`, check: checkCollection,
		},
		{
			name: "Delete", pattern: "DELETE /help_center/collections/{id}", resp: `{"id":"col1","object":"collection","deleted":true}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.HelpCenters.Collections.Delete(ctx, "col1"))
			},
			wantPath: "/help_center/collections/col1",
			check:    func(t *testing.T, got any) { assert.True(t, got.(*DeletedCollection).Deleted) },
		},
	})
}

func TestCollectionsInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"list per_page", "per_page", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.List(ctx, &PageOptions{PerPage: -1}))
		}},
		{"create name", "name", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Create(ctx, "", nil))
		}},
		{"create help center", "help_center_id", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Create(ctx, "Billing", &CreateCollectionOptions{HelpCenterID: -1}))
		}},
		{"find", "collection_id", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Find(ctx, ""))
		}},
		{"update id", "collection_id", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Update(ctx, "", UpdateCollectionOptions{}))
		}},
		{"update empty parent", "parent_id", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Update(ctx, "col1", UpdateCollectionOptions{ParentID: NewNullable("")}))
		}},
		{"delete", "collection_id", func(ctx context.Context, c *Client) error {
			return err3(c.HelpCenters.Collections.Delete(ctx, ""))
		}},
	})
}

func TestCollectionsListIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("GET /help_center/collections", func(r *http.Request, _ string) (int, string) {
		page := r.URL.Query().Get("page")
		return http.StatusOK, fmt.Sprintf(`{"type":"list","data":[{"id":"col%s","name":"x"}],"total_count":2,"pages":{"type":"pages","page":%s,"per_page":1,"total_pages":2}}`, page, page)
	})
	var ids []string
	for col, err := range c.HelpCenters.Collections.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		ids = append(ids, col.Id)
	}
	assert.Equal(t, []string{"col1", "col2"}, ids)
	assert.Len(t, f.requests(), 2)
}
