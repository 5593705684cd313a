package facade

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const companyJSON = `{"type":"company","id":"co1","company_id":"acme-1","name":"Acme","app_id":"w"}`

// companyPageJSON is page page of pages of a company_list, one company each.
func companyPageJSON(page, pages int) string {
	return fmt.Sprintf(`{"type":"list","data":[{"type":"company","id":"co%d"}],"total_count":%d,"pages":{"type":"pages","page":%d,"per_page":1,"total_pages":%d}}`, page, pages, page, pages)
}

func TestCompaniesOperations(t *testing.T) {
	checkCompany := func(t *testing.T, got any) { assert.Equal(t, "Acme", got.(*Company).Name) }
	runOpCases(t, []opCase{
		{
			name: "Retrieve", pattern: "GET /companies", resp: companyPageJSON(1, 1),
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.Retrieve(ctx, &RetrieveCompaniesOptions{TagID: "t1", Page: 1, PerPage: 5}))
			},
			wantPath: "/companies", wantQuery: "page=1&per_page=5&tag_id=t1",
			check: func(t *testing.T, got any) { assert.Equal(t, "co1", got.(*CompanyList).Data[0].Id) },
		},
		{
			name: "CreateOrUpdate", pattern: "POST /companies", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{CompanyID: "acme-1", Name: "Acme", Size: Ptr(50)}))
			},
			wantPath: "/companies", wantBody: `{"company_id":"acme-1","name":"Acme","size":50}`, check: checkCompany,
		},
		{
			// Size and MonthlySpend are pointers so that 0 is sent; the
			// creation time goes out as Unix seconds.
			name: "CreateOrUpdateAllFields", pattern: "POST /companies", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{
					CompanyID: "acme-1", Plan: "pro", Industry: "Retail", Website: "https://acme.test",
					Size: Ptr(0), MonthlySpend: Ptr(120), RemoteCreatedAt: time.Unix(1700000000, 0),
					CustomAttributes: map[string]any{"tier": "gold"},
				}))
			},
			wantPath: "/companies",
			wantBody: `{"company_id":"acme-1","plan":"pro","industry":"Retail","website":"https://acme.test","size":0,"monthly_spend":120,"remote_created_at":1700000000,"custom_attributes":{"tier":"gold"}}`,
			check:    checkCompany,
		},
		{
			name: "Find", pattern: "GET /companies/{id}", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.Find(ctx, "co1"))
			},
			wantPath: "/companies/co1", check: checkCompany,
		},
		{
			name: "Update", pattern: "PUT /companies/{id}", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.Update(ctx, "co1"))
			},
			wantPath: "/companies/co1", wantBody: updateCompanyBody(), check: checkCompany,
		},
		{
			name: "Delete", pattern: "DELETE /companies/{id}", resp: `{"id":"co1","object":"company","deleted":true}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.Delete(ctx, "co1"))
			},
			wantPath: "/companies/co1",
			check:    func(t *testing.T, got any) { assert.True(t, got.(*DeletedCompany).Deleted) },
		},
		{
			name: "ListAttachedContacts", pattern: "GET /companies/{id}/contacts", resp: contactListJSON("", "c1"),
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.ListAttachedContacts(ctx, "co1", &PageOptions{PerPage: 3}))
			},
			wantPath: "/companies/co1/contacts", wantQuery: "per_page=3",
			check: func(t *testing.T, got any) { assert.Equal(t, "c1", got.(*CompanyAttachedContacts).Data[0].Id) },
		},
		{
			name: "ListAttachedSegments", pattern: "GET /companies/{id}/segments",
			resp: `{"type":"list","data":[{"type":"segment","id":"s1","name":"Big","created_at":1,"person_type":"user"}]}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.ListAttachedSegments(ctx, "co1"))
			},
			wantPath: "/companies/co1/segments",
			check:    func(t *testing.T, got any) { assert.Equal(t, "Big", got.(*CompanyAttachedSegments).Data[0].Name) },
		},
		{
			name: "List", pattern: "POST /companies/list", resp: companyPageJSON(2, 3),
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.List(ctx, &ListCompaniesOptions{Page: 2, PerPage: 1, Order: "desc"}))
			},
			wantPath: "/companies/list", wantQuery: "order=desc&page=2&per_page=1",
			check: func(t *testing.T, got any) { assert.Equal(t, "co2", got.(*CompanyList).Data[0].Id) },
		},
		{
			name: "Scroll", pattern: "GET /companies/scroll",
			resp: `{"type":"list","data":[{"type":"company","id":"co1"}],"scroll_param":"sp1","total_count":null}`,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.Scroll(ctx, "sp0"))
			},
			wantPath: "/companies/scroll", wantQuery: "scroll_param=sp0",
			check: func(t *testing.T, got any) { assert.Equal(t, "sp1", *got.(*CompanyScroll).ScrollParam) },
		},
		{
			name: "AttachContact", pattern: "POST /contacts/{id}/companies", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.AttachContact(ctx, "c1", "co1"))
			},
			wantPath: "/contacts/c1/companies", wantBody: `{"id":"co1"}`, check: checkCompany,
		},
		{
			name: "DetachContact", pattern: "DELETE /contacts/{id}/companies/{co}", resp: companyJSON,
			call: func(ctx context.Context, c *Client) (any, *Response, error) {
				return call3(c.Companies.DetachContact(ctx, "c1", "co1"))
			},
			wantPath: "/contacts/c1/companies/co1", check: checkCompany,
		},
	})
}

func TestCompaniesInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"retrieve per_page", "per_page", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.Retrieve(ctx, &RetrieveCompaniesOptions{PerPage: -2}))
		}},
		{"create no identity", "company_id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{Plan: "pro"}))
		}},
		{"create negative size", "size", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{CompanyID: "x", Size: Ptr(-1)}))
		}},
		{"create negative spend", "monthly_spend", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{Name: "x", MonthlySpend: Ptr(-5)}))
		}},
		{"create before 1970", "remote_created_at", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{Name: "x", RemoteCreatedAt: time.Unix(-10, 0)}))
		}},
		{"find", "company_id", func(ctx context.Context, c *Client) error { return err3(c.Companies.Find(ctx, "")) }},
		{"update", "company_id", func(ctx context.Context, c *Client) error { return err3(c.Companies.Update(ctx, "")) }},
		{"delete", "company_id", func(ctx context.Context, c *Client) error { return err3(c.Companies.Delete(ctx, "")) }},
		{"contacts id", "company_id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.ListAttachedContacts(ctx, "", nil))
		}},
		{"contacts page", "page", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.ListAttachedContacts(ctx, "co1", &PageOptions{Page: -3}))
		}},
		{"segments", "company_id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.ListAttachedSegments(ctx, ""))
		}},
		{"list order", "order", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.List(ctx, &ListCompaniesOptions{Order: "newest"}))
		}},
		{"list per_page", "per_page", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.List(ctx, &ListCompaniesOptions{PerPage: -1}))
		}},
		{"attach contact", "contact_id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.AttachContact(ctx, "", "co1"))
		}},
		{"attach company", "id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.AttachContact(ctx, "c1", ""))
		}},
		{"detach company", "company_id", func(ctx context.Context, c *Client) error {
			return err3(c.Companies.DetachContact(ctx, "c1", ""))
		}},
	})
}

func TestCompaniesListIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("POST /companies/list", func(r *http.Request, _ string) (int, string) {
		var page int
		fmt.Sscan(r.URL.Query().Get("page"), &page)
		return http.StatusOK, companyPageJSON(page, 3)
	})
	opts := &ListCompaniesOptions{PerPage: 1}
	var ids []string
	for co, err := range c.Companies.ListIter(t.Context(), opts) {
		require.NoError(t, err)
		ids = append(ids, co.Id)
	}
	assert.Equal(t, []string{"co1", "co2", "co3"}, ids)
	assert.Len(t, f.requests(), 3, "stops at total_pages")
	assert.Equal(t, ListCompaniesOptions{PerPage: 1}, *opts)

	for range c.Companies.ListIter(t.Context(), nil) {
		break
	}
	assert.Len(t, f.requests(), 4, "break after the first item: one request")

	// A server that ignores the page number is caught.
	f2, c2 := newFake(t)
	f2.reply("POST /companies/list", http.StatusOK, companyPageJSON(1, 3))
	items, errs := collect(c2.Companies.ListIter(t.Context(), nil))
	assert.Len(t, items, 1)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, f2.requests(), 2)

	// An error mid-way is yielded once.
	f3, c3 := newFake(t)
	f3.respond("POST /companies/list", func(r *http.Request, _ string) (int, string) {
		if r.URL.Query().Get("page") == "2" {
			return http.StatusNotFound, `{"type":"error.list","errors":[{"code":"not_found","message":"gone"}]}`
		}
		return http.StatusOK, companyPageJSON(1, 3)
	})
	items, errs = collect(c3.Companies.ListIter(t.Context(), nil))
	assert.Len(t, items, 1)
	require.Len(t, errs, 1)
	var apiErr *Error
	assert.ErrorAs(t, errs[0], &apiErr)
	assert.Len(t, f3.requests(), 2)
}

func TestCompaniesRetrieveAndContactsIter(t *testing.T) {
	f, c := newFake(t)
	f.respond("GET /companies", func(r *http.Request, _ string) (int, string) {
		var page int
		fmt.Sscan(r.URL.Query().Get("page"), &page)
		assert.Equal(t, "s1", r.URL.Query().Get("segment_id"))
		return http.StatusOK, companyPageJSON(page, 2)
	})
	items, errs := collect(c.Companies.RetrieveIter(t.Context(), &RetrieveCompaniesOptions{SegmentID: "s1"}))
	assert.Empty(t, errs)
	assert.Len(t, items, 2)

	f.respond("GET /companies/{id}/contacts", func(r *http.Request, _ string) (int, string) {
		page := r.URL.Query().Get("page")
		return http.StatusOK, fmt.Sprintf(`{"type":"list","data":[{"type":"contact","id":"c%s"}],"total_count":2,"pages":{"type":"pages","page":%s,"per_page":1,"total_pages":2}}`, page, page)
	})
	var ids []string
	for contact, err := range c.Companies.ListAttachedContactsIter(t.Context(), "co1", nil) {
		require.NoError(t, err)
		ids = append(ids, contact.Id)
	}
	assert.Equal(t, []string{"c1", "c2"}, ids)
}

func TestCompaniesScrollIter(t *testing.T) {
	// Intercom keeps the same scroll_param through a scroll and closes it with
	// an empty page.
	f, c := newFake(t)
	var params []string
	f.respond("GET /companies/scroll", func(r *http.Request, _ string) (int, string) {
		params = append(params, r.URL.Query().Get("scroll_param"))
		switch len(params) {
		case 1:
			return http.StatusOK, `{"type":"list","data":[{"type":"company","id":"a"},{"type":"company","id":"b"}],"scroll_param":"sp","total_count":null}`
		case 2:
			return http.StatusOK, `{"type":"list","data":[{"type":"company","id":"c"}],"scroll_param":"sp","total_count":null}`
		default:
			return http.StatusOK, `{"type":"list","data":[],"scroll_param":"sp","total_count":null}`
		}
	})
	var ids []string
	for co, err := range c.Companies.ScrollIter(t.Context()) {
		require.NoError(t, err)
		ids = append(ids, co.Id)
	}
	assert.Equal(t, []string{"a", "b", "c"}, ids)
	assert.Equal(t, []string{"", "sp", "sp"}, params)

	// With a total_count, the scroll ends without the empty page.
	f2, c2 := newFake(t)
	f2.reply("GET /companies/scroll", http.StatusOK, `{"type":"list","data":[{"type":"company","id":"a"}],"scroll_param":"sp","total_count":1}`)
	items, errs := collect(c2.Companies.ScrollIter(t.Context()))
	assert.Len(t, items, 1)
	assert.Empty(t, errs)
	assert.Len(t, f2.requests(), 1)

	// A scroll that returns the same page again is caught.
	f3, c3 := newFake(t)
	f3.reply("GET /companies/scroll", http.StatusOK, `{"type":"list","data":[{"type":"company","id":"a"}],"scroll_param":"sp","total_count":null}`)
	items, errs = collect(c3.Companies.ScrollIter(t.Context()))
	assert.Len(t, items, 1)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrPaginationStalled)
	assert.Len(t, f3.requests(), 2)

	// Breaking stops the scroll.
	f4, c4 := newFake(t)
	f4.reply("GET /companies/scroll", http.StatusOK, `{"type":"list","data":[{"type":"company","id":"a"},{"type":"company","id":"b"}],"scroll_param":"sp"}`)
	for range c4.Companies.ScrollIter(t.Context()) {
		break
	}
	assert.Len(t, f4.requests(), 1)
}
