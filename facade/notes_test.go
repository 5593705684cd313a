package facade

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const noteJSON = `{"type":"note","id":"n1","created_at":1,"body":"<p>Hi</p>","author":{"type":"admin","id":"a1"},"contact":{"type":"contact","id":"c1"}}`

func TestNotesOperations(t *testing.T) {
	checkNote := func(t *testing.T, got any) { assert.Equal(t, "<p>Hi</p>", got.(*Note).Body) }
	runOpCases(t, []opCase{
		{
			name: "List", pattern: "GET /contacts/{id}/notes",
			resp: `{"type":"list","data":[` + noteJSON + `],"total_count":1,"pages":{"type":"pages","page":1,"per_page":10,"total_pages":1}}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Notes.List(ctx, "c1", &PageOptions{PerPage: 10}))
			},
			wantPath: "/contacts/c1/notes", wantQuery: "per_page=10",
			check: func(t *testing.T, got any) { assert.Equal(t, "n1", got.(*NoteList).Data[0].Id) },
		},
		{
			name: "Create", pattern: "POST /contacts/{id}/notes", resp: noteJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Notes.Create(ctx, "c1", "<p>Hi</p>", &CreateNoteOptions{AdminID: "a1"}))
			},
			wantPath: "/contacts/c1/notes", wantBody: `{"body":"<p>Hi</p>","admin_id":"a1"}`, check: checkNote,
		},
		{
			name: "Create without admin", pattern: "POST /contacts/{id}/notes", resp: noteJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Notes.Create(ctx, "c1", "<p>Hi</p>", nil))
			},
			wantPath: "/contacts/c1/notes", wantBody: `{"body":"<p>Hi</p>"}`, check: checkNote,
		},
		{
			name: "Find", pattern: "GET /notes/{id}", resp: noteJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Notes.Find(ctx, "n1"))
			},
			wantPath: "/notes/n1", check: checkNote,
		},
	})
}

func TestNotesInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"list contact", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Notes.List(ctx, "", nil)) }},
		{"list per_page", "per_page", func(ctx context.Context, c *Client) error {
			return err3(c.Notes.List(ctx, "c1", &PageOptions{PerPage: -1}))
		}},
		{"create contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Notes.Create(ctx, "", "hi", nil))
		}},
		{"create body", "body", func(ctx context.Context, c *Client) error { return err3(c.Notes.Create(ctx, "c1", "", nil)) }},
		{"find", "note_id", func(ctx context.Context, c *Client) error { return err3(c.Notes.Find(ctx, "")) }},
	})
}

func TestNotesListIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("GET /contacts/{id}/notes", func(r *http.Request, _ string) (int, string) {
		page := r.URL.Query().Get("page")
		return http.StatusOK, fmt.Sprintf(`{"type":"list","data":[{"type":"note","id":"n%s","body":"x","author":{"type":"admin","id":"a"}}],"total_count":3,"pages":{"type":"pages","page":%s,"per_page":1,"total_pages":3}}`, page, page)
	})
	var ids []string
	for n, err := range c.Notes.ListIter(t.Context(), "c1", &PageOptions{Page: 2}) {
		require.NoError(t, err)
		ids = append(ids, n.Id)
	}
	assert.Equal(t, []string{"n2", "n3"}, ids, "starts at the page asked for")
	assert.Len(t, f.requests(), 2)
}
