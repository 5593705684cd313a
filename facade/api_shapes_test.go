package facade_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// Where Intercom's description and its API disagree, the client reads both:
// the shape the API sends (served by intercomtest) and the shape the
// description declares (served by a plain handler here).

func newShapesClient(t *testing.T, srvURL, token string) *facade.Client {
	t.Helper()
	c, err := facade.NewClient(token, facade.WithBaseURL(srvURL), facade.WithRetryPolicy(facade.NoRetries()))
	require.NoError(t, err)
	return c
}

// answer serves the JSON body that handle returns for each request.
func answer(t *testing.T, handle func(r *http.Request) string) *facade.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, handle(r))
	}))
	t.Cleanup(srv.Close)
	return newShapesClient(t, srv.URL, "tok_shapes")
}

func TestPageNumberedListsFollowNextURLsAcrossThreePages(t *testing.T) {
	srv := intercomtest.NewServer(t)
	me := srv.Me()
	var want []string
	articles := make([]intercomtest.Article, 5)
	for i := range articles {
		articles[i] = intercomtest.Article{Title: fmt.Sprintf("Article %d", i+1), AuthorID: me.ID}
		want = append(want, articles[i].Title)
	}
	_, err := srv.Seed(intercomtest.Workspace{Articles: articles})
	require.NoError(t, err)
	client := newShapesClient(t, srv.URL, srv.Token)

	first, _, err := client.Articles.List(t.Context(), &facade.PageOptions{PerPage: 2})
	require.NoError(t, err)
	require.NotNil(t, first.Pages.Next)
	assert.Equal(t, srv.URL+"/articles?page=2&per_page=2", first.Pages.Next.URL, "next is a URL, as Intercom sends it")
	assert.Equal(t, 2, first.Pages.Next.Page())

	var got []string
	for a, err := range client.Articles.ListIter(t.Context(), &facade.PageOptions{PerPage: 2}) {
		require.NoError(t, err)
		got = append(got, a.Title)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, 1+3, srv.Count("listArticles"), "the List above, then three pages and no empty fourth")
	assert.Empty(t, srv.InvalidRequests())
}

func TestNextURLIsFollowedWithoutTotalPages(t *testing.T) {
	// Pages that only link forward: the iterator goes where next says.
	client := answer(t, func(r *http.Request) string {
		page := r.URL.Query().Get("page")
		switch page {
		case "", "1":
			return `{"type":"list","total_count":3,"data":[{"id":"1","type":"article","workspace_id":"w","title":"a","author_id":1,"created_at":1,"updated_at":1}],
				"pages":{"type":"pages","page":1,"next":"https://api.intercom.io/articles?page=3"}}`
		case "3":
			return `{"type":"list","total_count":3,"data":[{"id":"3","type":"article","workspace_id":"w","title":"c","author_id":1,"created_at":1,"updated_at":1}],
				"pages":{"type":"pages","page":3,"next":null}}`
		}
		assert.Failf(t, "unexpected page", "page %q", page)
		return `{}`
	})
	var ids []string
	for a, err := range client.Articles.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		ids = append(ids, a.Id)
	}
	assert.Equal(t, []string{"1", "3"}, ids)
}

func TestNextURLBackToAnEarlierPageStalls(t *testing.T) {
	client := answer(t, func(r *http.Request) string {
		return `{"type":"list","total_count":2,"data":[{"id":"1","type":"article","workspace_id":"w","title":"a","author_id":1,"created_at":1,"updated_at":1}],
			"pages":{"type":"pages","page":1,"next":"https://api.intercom.io/articles?page=1"}}`
	})
	var last error
	for _, err := range client.Articles.ListIter(t.Context(), nil) {
		last = err
	}
	assert.ErrorIs(t, last, facade.ErrPaginationStalled)
}

func TestNextAsTheDescribedObjectStillPages(t *testing.T) {
	// The description's form: next as {per_page, starting_after}, with
	// total_pages telling where the list ends.
	client := answer(t, func(r *http.Request) string {
		page := r.URL.Query().Get("page")
		if page == "" {
			page = "1"
		}
		next := `{"per_page":1,"starting_after":"c2"}`
		if page == "2" {
			next = "null"
		}
		return `{"type":"list","total_count":2,"data":[{"id":"` + page + `","type":"article","workspace_id":"w","title":"a","author_id":1,"created_at":1,"updated_at":1}],
			"pages":{"type":"pages","page":` + page + `,"per_page":1,"total_pages":2,"next":` + next + `}}`
	})
	first, _, err := client.Articles.List(t.Context(), nil)
	require.NoError(t, err)
	assert.Equal(t, "c2", first.Pages.Next.Cursor())
	assert.Zero(t, first.Pages.Next.Page())
	var ids []string
	for a, err := range client.Articles.ListIter(t.Context(), nil) {
		require.NoError(t, err)
		ids = append(ids, a.Id)
	}
	assert.Equal(t, []string{"1", "2"}, ids)
}

func TestCompaniesFindByCompanyIDAndName(t *testing.T) {
	srv := intercomtest.NewServer(t)
	seeded, err := srv.Seed(intercomtest.Workspace{Companies: []intercomtest.Company{
		{CompanyID: "acme-1", Name: "Acme"}, {CompanyID: "globex-1", Name: "Globex"},
	}})
	require.NoError(t, err)
	client := newShapesClient(t, srv.URL, srv.Token)

	byID, _, err := client.Companies.FindByCompanyID(t.Context(), "globex-1")
	require.NoError(t, err)
	assert.Equal(t, seeded.Companies[1].ID, byID.Id)
	assert.Equal(t, "Globex", byID.Name)

	byName, _, err := client.Companies.FindByName(t.Context(), "Acme")
	require.NoError(t, err)
	assert.Equal(t, seeded.Companies[0].ID, byName.Id)

	// Retrieve with a company_id reads the single company as a list of one:
	// nothing is silently lost.
	list, _, err := client.Companies.Retrieve(t.Context(), &facade.RetrieveCompaniesOptions{CompanyID: "acme-1"})
	require.NoError(t, err)
	require.Len(t, list.Data, 1)
	assert.Equal(t, "Acme", list.Data[0].Name)

	_, _, err = client.Companies.FindByName(t.Context(), "Nobody")
	assert.ErrorIs(t, err, facade.ErrNotFound)
	_, _, err = client.Companies.FindByCompanyID(t.Context(), "")
	var inputErr *facade.InputError
	assert.ErrorAs(t, err, &inputErr)
	assert.Empty(t, srv.InvalidRequests())
}

func TestCompaniesFindReadsTheDescribedList(t *testing.T) {
	client := answer(t, func(r *http.Request) string {
		assert.Equal(t, "acme-1", r.URL.Query().Get("company_id"))
		return `{"type":"list","total_count":1,"data":[{"type":"company","id":"co1","company_id":"acme-1","app_id":"a","name":"Acme","remote_created_at":0,"created_at":1,"updated_at":1,"last_request_at":0}]}`
	})
	c, _, err := client.Companies.FindByCompanyID(t.Context(), "acme-1")
	require.NoError(t, err)
	assert.Equal(t, "co1", c.Id)
}

func TestContactCompaniesUnderDataOrCompanies(t *testing.T) {
	srv := intercomtest.NewServer(t)
	seeded, err := srv.Seed(intercomtest.Workspace{Companies: []intercomtest.Company{{CompanyID: "a", Name: "A"}, {CompanyID: "b", Name: "B"}, {CompanyID: "c", Name: "C"}}})
	require.NoError(t, err)
	var coIDs []string
	for _, co := range seeded.Companies {
		coIDs = append(coIDs, co.ID)
	}
	withContact, err := srv.Seed(intercomtest.Workspace{Contacts: []intercomtest.Contact{{Email: "p@example.com", CompanyIDs: coIDs}}})
	require.NoError(t, err)
	client := newShapesClient(t, srv.URL, srv.Token)

	// The API's form: data, pages linked by URL.
	var got []string
	for co, err := range client.Contacts.ListAttachedCompaniesIter(t.Context(), withContact.Contacts[0].ID, &facade.PageOptions{PerPage: 2}) {
		require.NoError(t, err)
		got = append(got, co.Id)
	}
	assert.Equal(t, coIDs, got)
	assert.Equal(t, 2, srv.Count("listCompaniesForAContact"))

	// The description's form: companies.
	described := answer(t, func(r *http.Request) string {
		return `{"type":"list","total_count":1,"companies":[{"type":"company","id":"co9","company_id":"z","app_id":"a","name":"Z","remote_created_at":0,"created_at":1,"updated_at":1,"last_request_at":0}],
			"pages":{"type":"pages","page":1,"per_page":50,"total_pages":1,"next":null}}`
	})
	got = nil
	for co, err := range described.Contacts.ListAttachedCompaniesIter(t.Context(), "c1", nil) {
		require.NoError(t, err)
		got = append(got, co.Id)
	}
	assert.Equal(t, []string{"co9"}, got)
}

func TestContactAvatarAsURLOrObject(t *testing.T) {
	srv := intercomtest.NewServer(t)
	client := newShapesClient(t, srv.URL, srv.Token)
	created, _, err := client.Contacts.Create(t.Context(), facade.CreateContactOptions{Email: "lin@example.com", Avatar: "https://example.com/lin.png"})
	require.NoError(t, err)
	found, _, err := client.Contacts.Find(t.Context(), created.Id)
	require.NoError(t, err)
	assert.Equal(t, "https://example.com/lin.png", found.Avatar.URL(), "the API's form: a URL string")
	assert.Empty(t, srv.InvalidRequests())

	for name, body := range map[string]string{
		"object": `{"type":"avatar","image_url":"https://example.com/o.png"}`,
		"string": `"https://example.com/o.png"`,
	} {
		t.Run(name, func(t *testing.T) {
			var c facade.Contact
			require.NoError(t, json.Unmarshal([]byte(`{"id":"1","avatar":`+body+`}`), &c))
			assert.Equal(t, "https://example.com/o.png", c.Avatar.URL())
			again, err := json.Marshal(c.Avatar)
			require.NoError(t, err)
			assert.JSONEq(t, body, string(again), "re-encoded in the form it came in")
		})
	}
	var none facade.Contact
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","avatar":null}`), &none))
	assert.Equal(t, "", none.Avatar.URL())
}

func TestConversationTeammatesUnderAdminsOrTeammates(t *testing.T) {
	srv := intercomtest.NewServer(t)
	contact := srv.AddContact(intercomtest.Contact{Email: "lin@example.com"})
	client := newShapesClient(t, srv.URL, srv.Token)
	me := srv.Me()
	cv, _, err := client.Conversations.Create(t.Context(), facade.ConversationFromUser(contact.ID), "Help?", nil)
	require.NoError(t, err)
	_, _, err = client.Conversations.Reply(t.Context(), cv.ConversationId, facade.AdminComment(me.ID, "On it."))
	require.NoError(t, err)
	conv, _, err := client.Conversations.Find(t.Context(), cv.ConversationId, nil)
	require.NoError(t, err)
	teammates := facade.TeammatesOf(conv)
	require.Len(t, teammates, 1, "the API's form: teammates.admins")
	assert.Equal(t, me.ID, teammates[0].GetId())

	var described facade.Conversation
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","teammates":{"type":"admin.list","teammates":[{"type":"admin","id":"7"}]}}`), &described))
	got := facade.TeammatesOf(&described)
	require.Len(t, got, 1)
	assert.Equal(t, "7", got[0].GetId())
	assert.Nil(t, facade.TeammatesOf(nil))
}
