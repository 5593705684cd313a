package facade

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const contactJSON = `{"type":"contact","id":"c1","workspace_id":"w","role":"user","email":"ada@example.com","name":"Ada"}`

func contactListJSON(next string, ids ...string) string {
	data := ""
	for i, id := range ids {
		if i > 0 {
			data += ","
		}
		data += fmt.Sprintf(`{"type":"contact","id":%q,"role":"user"}`, id)
	}
	pages := `{"type":"pages","per_page":2}`
	if next != "" {
		pages = fmt.Sprintf(`{"type":"pages","per_page":2,"next":{"per_page":2,"starting_after":%q}}`, next)
	}
	return fmt.Sprintf(`{"type":"list","data":[%s],"total_count":5,"pages":%s}`, data, pages)
}

func TestContactsOperations(t *testing.T) {
	checkContact := func(t *testing.T, got any) {
		c := got.(*Contact)
		assert.Equal(t, "c1", c.Id)
		assert.Equal(t, "ada@example.com", c.GetEmail())
		assert.Equal(t, "Ada", c.GetName())
	}
	runOpCases(t, []opCase{
		{
			name: "List", pattern: "GET /contacts", resp: contactListJSON("c2", "c1"),
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.List(ctx, &ListContactsOptions{PerPage: 2, StartingAfter: "abc"}))
			},
			wantPath: "/contacts", wantQuery: "per_page=2&starting_after=abc",
			check: func(t *testing.T, got any) {
				l := got.(*ContactList)
				require.Len(t, l.Data, 1)
				assert.Equal(t, "c1", l.Data[0].Id)
				assert.Equal(t, "c2", nextCursor(l.Pages))
			},
		},
		{
			name: "Create", pattern: "POST /contacts", resp: contactJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Create(ctx, CreateContactOptions{Email: "ada@example.com", Role: ContactRoleUser}))
			},
			wantPath: "/contacts", wantBody: `{"email":"ada@example.com","role":"user"}`, check: checkContact,
		},
		{
			// Timestamps go out as Unix seconds; zero fields stay out of the body.
			name: "CreateAllFields", pattern: "POST /contacts", resp: contactJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Create(ctx, CreateContactOptions{
					Role: ContactRoleLead, ExternalID: "ext-1", Phone: "+15550100", Name: "Ada",
					Avatar: "https://example.com/a.png", SignedUpAt: time.Unix(1700000000, 0),
					LastSeenAt: time.Unix(1700000500, 0), OwnerID: 42, UnsubscribedFromEmails: Ptr(false),
					CustomAttributes: map[string]any{"plan": "pro"},
				}))
			},
			wantPath: "/contacts",
			wantBody: `{"role":"lead","external_id":"ext-1","phone":"+15550100","name":"Ada","avatar":"https://example.com/a.png","signed_up_at":1700000000,"last_seen_at":1700000500,"owner_id":` +
				idJSON[gen.CreateContactRequest]("OwnerId", "42") + `,"unsubscribed_from_emails":false,"custom_attributes":{"plan":"pro"}}`,
			check: checkContact,
		},
		{
			name: "Find", pattern: "GET /contacts/{id}", resp: contactJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Find(ctx, "c1"))
			},
			wantPath: "/contacts/c1", check: checkContact,
		},
		{
			name: "Update", pattern: "PUT /contacts/{id}", resp: contactJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Update(ctx, "c1", UpdateContactOptions{Name: NewNullable("Ada"), Phone: Null[string]()}))
			},
			wantPath: "/contacts/c1", wantBody: `{"name":"Ada","phone":null}`, check: checkContact,
		},
		{
			name: "Delete", pattern: "DELETE /contacts/{id}", resp: `{"type":"contact","id":"c1","deleted":true}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Delete(ctx, "c1"))
			},
			wantPath: "/contacts/c1",
			check:    func(t *testing.T, got any) { assert.True(t, got.(*ContactDeleted).Deleted) },
		},
		{
			name: "MergeLeadInUser", pattern: "POST /contacts/merge", resp: contactJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.MergeLeadInUser(ctx, "lead1", "user1"))
			},
			wantPath: "/contacts/merge", wantBody: `{"from":"lead1","into":"user1"}`, check: checkContact,
		},
		{
			name: "Search", pattern: "POST /contacts/search", resp: contactListJSON("", "c1"),
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				q := And(Filter("role", OpEquals, "user"), Filter("email", OpEndsWith, "@example.com"))
				return call3(c.Contacts.Search(ctx, q, &SearchOptions{PerPage: 10}))
			},
			wantPath: "/contacts/search",
			wantBody: `{"query":{"operator":"AND","value":[{"field":"role","operator":"=","value":"user"},{"field":"email","operator":"$","value":"@example.com"}]},"pagination":{"per_page":10}}`,
			check:    func(t *testing.T, got any) { assert.Len(t, got.(*ContactList).Data, 1) },
		},
		{
			name: "ListAttachedCompanies", pattern: "GET /contacts/{id}/companies",
			resp: `{"type":"list","companies":[{"type":"company","id":"co1","name":"Acme"}],"total_count":1,"pages":{"type":"pages","page":2,"per_page":5,"total_pages":2}}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.ListAttachedCompanies(ctx, "c1", &PageOptions{Page: 2, PerPage: 5}))
			},
			wantPath: "/contacts/c1/companies", wantQuery: "page=2&per_page=5",
			check: func(t *testing.T, got any) {
				assert.Equal(t, "Acme", AttachedCompaniesOf(got.(*ContactAttachedCompanies))[0].Name)
			},
		},
		{
			name: "ListAttachedSegments", pattern: "GET /contacts/{id}/segments",
			resp: `{"type":"list","data":[{"type":"segment","id":"s1","name":"Active","created_at":1,"person_type":"user"}]}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.ListAttachedSegments(ctx, "c1"))
			},
			wantPath: "/contacts/c1/segments",
			check:    func(t *testing.T, got any) { assert.Equal(t, "s1", got.(*ContactSegments).Data[0].Id) },
		},
		{
			name: "ListAttachedSubscriptions", pattern: "GET /contacts/{id}/subscriptions",
			resp: `{"type":"list","data":[{"type":"subscription","id":"sub1","state":"live","consent_type":"opt_in"}]}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.ListAttachedSubscriptions(ctx, "c1"))
			},
			wantPath: "/contacts/c1/subscriptions",
			check: func(t *testing.T, got any) {
				assert.Equal(t, "sub1", got.(*gen.SubscriptionTypeList).Data[0].Id)
			},
		},
		{
			name: "AttachSubscription", pattern: "POST /contacts/{id}/subscriptions",
			resp: `{"type":"subscription","id":"sub1","consent_type":"opt_in"}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.AttachSubscription(ctx, "c1", "sub1", ConsentOptIn))
			},
			wantPath: "/contacts/c1/subscriptions", wantBody: `{"id":"sub1","consent_type":"opt_in"}`,
			check: func(t *testing.T, got any) { assert.Equal(t, "sub1", got.(*gen.SubscriptionType).Id) },
		},
		{
			name: "DetachSubscription", pattern: "DELETE /contacts/{id}/subscriptions/{sub}",
			resp: `{"type":"subscription","id":"sub1"}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.DetachSubscription(ctx, "c1", "sub1"))
			},
			wantPath: "/contacts/c1/subscriptions/sub1",
			check:    func(t *testing.T, got any) { assert.Equal(t, "sub1", got.(*gen.SubscriptionType).Id) },
		},
		{
			name: "ListAttachedTags", pattern: "GET /contacts/{id}/tags",
			resp: `{"type":"list","data":[{"type":"tag","id":"t1","name":"vip"}]}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.ListAttachedTags(ctx, "c1"))
			},
			wantPath: "/contacts/c1/tags",
			check:    func(t *testing.T, got any) { assert.Equal(t, "vip", got.(*gen.TagList).Data[0].Name) },
		},
		{
			name: "Archive", pattern: "POST /contacts/{id}/archive", resp: `{"type":"contact","id":"c1","archived":true}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Archive(ctx, "c1"))
			},
			wantPath: "/contacts/c1/archive",
			check:    func(t *testing.T, got any) { assert.True(t, got.(*ContactArchived).Archived) },
		},
		{
			name: "Unarchive", pattern: "POST /contacts/{id}/unarchive", resp: `{"type":"contact","id":"c1","archived":false}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Contacts.Unarchive(ctx, "c1"))
			},
			wantPath: "/contacts/c1/unarchive",
			check:    func(t *testing.T, got any) { assert.False(t, got.(*ContactUnarchived).Archived) },
		},
	})
}

func TestContactsInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"list negative per_page", "per_page", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.List(ctx, &ListContactsOptions{PerPage: -1}))
		}},
		{"create without identity", "email", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Name: "Ada", Phone: "+15550100"}))
		}},
		{"create bad email", "email", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "not an email"}))
		}},
		{"create bad role", "role", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Role: "admin"}))
		}},
		{"find empty id", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Contacts.Find(ctx, "")) }},
		{"update empty id", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Update(ctx, "", UpdateContactOptions{}))
		}},
		{"update bad email", "email", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Update(ctx, "c1", UpdateContactOptions{Email: "not an email"}))
		}},
		{"create signed up before 1970", "signed_up_at", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "ada@example.com", SignedUpAt: time.Unix(-1, 0)}))
		}},
		{"create last seen before 1970", "last_seen_at", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "ada@example.com", LastSeenAt: time.Unix(-1, 0)}))
		}},
		{"update bad role", "role", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Update(ctx, "c1", UpdateContactOptions{Role: "admin"}))
		}},
		{"update last seen before 1970", "last_seen_at", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Update(ctx, "c1", UpdateContactOptions{LastSeenAt: NewNullable(time.Unix(-60, 0))}))
		}},
		{"update signed up zero time", "signed_up_at", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Update(ctx, "c1", UpdateContactOptions{SignedUpAt: NewNullable(time.Time{})}))
		}},
		{"delete empty id", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Contacts.Delete(ctx, "")) }},
		{"merge no lead", "from", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.MergeLeadInUser(ctx, "", "u"))
		}},
		{"merge no user", "into", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.MergeLeadInUser(ctx, "l", ""))
		}},
		{"contact create: email with display name", "email", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "Lin <lin@example.com>"}))
		}},
		{"contact merge: same contact", "into", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.MergeLeadInUser(ctx, "1", "1"))
		}},
		{"merge into itself", "into", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.MergeLeadInUser(ctx, "x", "x"))
		}},
		{"search empty group", "query.value", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Search(ctx, And(), nil))
		}},
		{"search IN scalar", "query.value", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Search(ctx, Filter("tag_id", OpIn, "1"), nil))
		}},
		{"search per_page", "pagination.per_page", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.Search(ctx, Filter("role", OpEquals, "user"), &SearchOptions{PerPage: 151}))
		}},
		{"companies page", "page", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.ListAttachedCompanies(ctx, "c1", &PageOptions{Page: -1}))
		}},
		{"companies contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.ListAttachedCompanies(ctx, "", nil))
		}},
		{"segments contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.ListAttachedSegments(ctx, ""))
		}},
		{"subscriptions contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.ListAttachedSubscriptions(ctx, ""))
		}},
		{"attach subscription consent", "consent_type", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.AttachSubscription(ctx, "c1", "s1", "maybe"))
		}},
		{"attach subscription id", "id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.AttachSubscription(ctx, "c1", "", ConsentOptOut))
		}},
		{"detach subscription id", "subscription_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.DetachSubscription(ctx, "c1", ""))
		}},
		{"tags contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Contacts.ListAttachedTags(ctx, ""))
		}},
		{"archive", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Contacts.Archive(ctx, "")) }},
		{"unarchive", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Contacts.Unarchive(ctx, "")) }},
	})
}

// contactPages serves GET /contacts as three cursor pages: c1,c2 | c3,c4 | c5.
func contactPages(f *fakeAPI) {
	f.respond("GET /contacts", func(r *http.Request, _ string) (int, string) {
		switch r.URL.Query().Get("starting_after") {
		case "":
			return http.StatusOK, contactListJSON("cur1", "c1", "c2")
		case "cur1":
			return http.StatusOK, contactListJSON("cur2", "c3", "c4")
		case "cur2":
			return http.StatusOK, contactListJSON("", "c5")
		}
		return http.StatusNotFound, `{"type":"error.list","errors":[]}`
	})
}

func TestContactsListIter(t *testing.T) {
	f, c := newFake(t)
	contactPages(f)
	opts := &ListContactsOptions{PerPage: 2}
	var ids []string
	for contact, err := range c.Contacts.ListIter(t.Context(), opts) {
		require.NoError(t, err)
		ids = append(ids, contact.Id)
	}
	assert.Equal(t, []string{"c1", "c2", "c3", "c4", "c5"}, ids)
	calls := f.requests()
	require.Len(t, calls, 3, "no request after the last page")
	assert.Equal(t, "per_page=2", calls[0].Query.Encode())
	assert.Equal(t, "per_page=2&starting_after=cur1", calls[1].Query.Encode())
	assert.Equal(t, "per_page=2&starting_after=cur2", calls[2].Query.Encode())
	assert.Equal(t, ListContactsOptions{PerPage: 2}, *opts, "caller's options untouched")
}

func TestContactsListIterBreakAndErrors(t *testing.T) {
	f, c := newFake(t)
	contactPages(f)
	for range c.Contacts.ListIter(t.Context(), nil) {
		break
	}
	assert.Len(t, f.requests(), 1, "breaking after the first item makes one request")

	// An error on the second page is yielded once, after the first page.
	f2, c2 := newFake(t, WithRetryPolicy(NoRetries()))
	f2.respond("GET /contacts", func(r *http.Request, _ string) (int, string) {
		if r.URL.Query().Get("starting_after") == "" {
			return http.StatusOK, contactListJSON("cur1", "c1")
		}
		return http.StatusInternalServerError, `{"type":"error.list","errors":[{"code":"server_error","message":"boom"}]}`
	})
	items, errs := collect(c2.Contacts.ListIter(t.Context(), nil))
	assert.Len(t, items, 1)
	require.Len(t, errs, 1)
	var apiErr *Error
	require.ErrorAs(t, errs[0], &apiErr)
	assert.Equal(t, http.StatusInternalServerError, apiErr.StatusCode)
	assert.Len(t, f2.requests(), 2)

	// A server that keeps answering with the same cursor is caught.
	f3, c3 := newFake(t)
	f3.reply("GET /contacts", http.StatusOK, contactListJSON("same", "c1"))
	items, errs = collect(c3.Contacts.ListIter(t.Context(), nil))
	assert.Len(t, items, 2)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, f3.requests(), 2)
}

func TestContactsSearchIter(t *testing.T) {
	f, c := newFake(t)
	var cursors []string
	f.respond("POST /contacts/search", func(r *http.Request, body string) (int, string) {
		var req SearchRequest
		if err := json.Unmarshal([]byte(body), &req); err != nil {
			return http.StatusBadRequest, `{}`
		}
		cursor := ""
		if req.Pagination != nil {
			cursor = req.Pagination.GetStartingAfter()
			assert.Equal(t, 2, req.Pagination.PerPage)
		}
		cursors = append(cursors, cursor)
		if cursor == "" {
			return http.StatusOK, contactListJSON("cur1", "c1", "c2")
		}
		return http.StatusOK, contactListJSON("", "c3")
	})
	var ids []string
	for contact, err := range c.Contacts.SearchIter(t.Context(), Filter("role", OpEquals, "user"), &SearchOptions{PerPage: 2}) {
		require.NoError(t, err)
		ids = append(ids, contact.Id)
	}
	assert.Equal(t, []string{"c1", "c2", "c3"}, ids)
	assert.Equal(t, []string{"", "cur1"}, cursors)

	// An invalid query is one *InputError and no request.
	n := len(f.requests())
	items, errs := collect(c.Contacts.SearchIter(t.Context(), Or(), nil))
	assert.Empty(t, items)
	require.Len(t, errs, 1)
	var ie *InputError
	assert.ErrorAs(t, errs[0], &ie)
	assert.Len(t, f.requests(), n)
}

func TestContactsListAttachedCompaniesIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("GET /contacts/{id}/companies", func(r *http.Request, _ string) (int, string) {
		page := r.URL.Query().Get("page")
		return http.StatusOK, fmt.Sprintf(`{"type":"list","companies":[{"type":"company","id":"co%s"}],"total_count":2,"pages":{"type":"pages","page":%s,"per_page":1,"total_pages":2}}`, page, page)
	})
	var ids []string
	for co, err := range c.Contacts.ListAttachedCompaniesIter(t.Context(), "c1", &PageOptions{PerPage: 1}) {
		require.NoError(t, err)
		ids = append(ids, co.Id)
	}
	assert.Equal(t, []string{"co1", "co2"}, ids)
	calls := f.requests()
	require.Len(t, calls, 2)
	assert.Equal(t, "page=1&per_page=1", calls[0].Query.Encode())
	assert.Equal(t, "page=2&per_page=1", calls[1].Query.Encode())
}
