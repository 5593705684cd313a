package facade

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const tagJSON = `{"type":"tag","id":"81","name":"Manual tag","applied_at":1663597223,"applied_by":{"type":"admin","id":"991267"}}`

func TestTagsTagging(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name         string
		call         func(c *Client) (*Tag, *Response, error)
		method, path string
		body         string
	}{
		{"TagContact", func(c *Client) (*Tag, *Response, error) { return c.Tags.TagContact(ctx, "63a07ddf", "81") },
			"POST", "/contacts/63a07ddf/tags", `{"id":"81"}`},
		{"UntagContact", func(c *Client) (*Tag, *Response, error) { return c.Tags.UntagContact(ctx, "63a07ddf", "81") },
			"DELETE", "/contacts/63a07ddf/tags/81", ""},
		{"TagConversation", func(c *Client) (*Tag, *Response, error) {
			return c.Tags.TagConversation(ctx, "64619700", "81", "991267")
		},
			"POST", "/conversations/64619700/tags", `{"id":"81","admin_id":"991267"}`},
		{"UntagConversation", func(c *Client) (*Tag, *Response, error) {
			return c.Tags.UntagConversation(ctx, "64619700", "81", "991267")
		},
			"DELETE", "/conversations/64619700/tags/81", `{"admin_id":"991267"}`},
		{"TagTicket", func(c *Client) (*Tag, *Response, error) { return c.Tags.TagTicket(ctx, "64619701", "81", "991267") },
			"POST", "/tickets/64619701/tags", `{"id":"81","admin_id":"991267"}`},
		{"UntagTicket", func(c *Client) (*Tag, *Response, error) { return c.Tags.UntagTicket(ctx, "64619701", "81", "991267") },
			"DELETE", "/tickets/64619701/tags/81", `{"admin_id":"991267"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			f.reply("/", 200, tagJSON)
			got, _, err := tc.call(c)
			require.NoError(t, err)
			f.expect(t, tc.method, tc.path, nil, tc.body)
			assert.Equal(t, "81", got.Id)
			assert.Equal(t, "Manual tag", got.Name)
			assert.NotNil(t, got.AppliedAt)
			assert.Equal(t, 1663597223, got.GetAppliedAt())
			at := got.AppliedAtTime()
			assert.True(t, at.Equal(time.Unix(1663597223, 0)), "AppliedAtTime = %v", at)
		})
	}
}

func TestTagsTaggingInvalid(t *testing.T) {
	ctx := context.Background()
	f, c := newFake(t)
	f.reply("/", 200, tagJSON)
	for _, tc := range []struct {
		err   error
		field string
	}{
		{err3(c.Tags.TagContact(ctx, "", "81")), "contact_id"},
		{err3(c.Tags.TagContact(ctx, "1", "")), "id"},
		{err3(c.Tags.UntagContact(ctx, "", "81")), "contact_id"},
		{err3(c.Tags.UntagContact(ctx, "1", "")), "tag_id"},
		{err3(c.Tags.TagConversation(ctx, "", "81", "9")), "conversation_id"},
		{err3(c.Tags.TagConversation(ctx, "1", "", "9")), "id"},
		{err3(c.Tags.TagConversation(ctx, "1", "81", "")), "admin_id"},
		{err3(c.Tags.UntagConversation(ctx, "1", "", "9")), "tag_id"},
		{err3(c.Tags.UntagConversation(ctx, "1", "81", "")), "admin_id"},
		{err3(c.Tags.TagTicket(ctx, "", "81", "9")), "ticket_id"},
		{err3(c.Tags.TagTicket(ctx, "1", "", "9")), "id"},
		{err3(c.Tags.TagTicket(ctx, "1", "81", "")), "admin_id"},
		{err3(c.Tags.UntagTicket(ctx, "1", "", "9")), "tag_id"},
		{err3(c.Tags.Find(ctx, "")), "tag_id"},
	} {
		f.expectInputError(t, tc.err, tc.field)
	}
	_, err := c.Tags.Delete(ctx, "")
	f.expectInputError(t, err, "tag_id")
}

// second returns the error of a facade call's three results.
func TestTagsCreate(t *testing.T) {
	for _, tc := range []struct {
		name string
		req  TagRequest
		body string
	}{
		{"new", NewTag("Independent"), `{"name":"Independent"}`},
		{"rename", RenameTag("656452352", "Independent"), `{"id":"656452352","name":"Independent"}`},
		{"tag companies", TagCompanies("Independent", TagCompanyByID("531ee472"), TagCompanyByCompanyID("6")),
			`{"name":"Independent","companies":[{"id":"531ee472"},{"company_id":"6"}]}`},
		{"untag companies", UntagCompanies("Independent", TagCompanyByCompanyID("6")),
			`{"name":"Independent","companies":[{"company_id":"6","untag":true}]}`},
		{"tag contacts", TagContacts("Independent", "5f7f0d21", "5f7f0d22"),
			`{"name":"Independent","users":[{"id":"5f7f0d21"},{"id":"5f7f0d22"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			f.reply("/", 200, `{"type":"tag","id":"656452352","name":"Independent"}`)
			got, _, err := c.Tags.Create(context.Background(), tc.req)
			require.NoError(t, err)
			f.expect(t, "POST", "/tags", nil, tc.body)
			assert.Equal(t, "656452352", got.GetId())
			assert.Equal(t, "Independent", got.GetName())
		})
	}
}

func TestTagsCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{}`)
	for _, tc := range []struct {
		req   TagRequest
		field string
	}{
		{TagRequest{}, "name"},
		{NewTag(""), "name"},
		{RenameTag("", "x"), "id"},
		{TagCompanies("x"), "companies"},
		{UntagCompanies("x", TagCompany{}), "companies[0]"},
		{TagCompanies("x", TagCompanyByID("1"), TagCompanyByCompanyID("")), "companies[1].company_id"},
		{TagContacts("x"), "users"},
		{TagContacts("x", "1", ""), "users[1].id"},
	} {
		_, _, err := c.Tags.Create(context.Background(), tc.req)
		f.expectInputError(t, err, tc.field)
	}
}

func TestTagsListFindDelete(t *testing.T) {
	ctx := context.Background()
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"list","data":[`+tagJSON+`]}`)
	list, _, err := c.Tags.List(ctx)
	require.NoError(t, err)
	f.expect(t, "GET", "/tags", nil, "")
	assert.Len(t, list.Data, 1)
	assert.Equal(t, "81", list.Data[0].Id)

	f, c = newFake(t)
	f.reply("/", 200, `{"type":"tag","id":"81","name":"Manual tag"}`)
	got, _, err := c.Tags.Find(ctx, "81")
	require.NoError(t, err)
	f.expect(t, "GET", "/tags/81", nil, "")
	assert.Equal(t, "Manual tag", got.GetName())

	f, c = newFake(t)
	f.reply("/", 200, "")
	resp, err := c.Tags.Delete(ctx, "81")
	require.NoError(t, err)
	f.expect(t, "DELETE", "/tags/81", nil, "")
	assert.Equal(t, 200, resp.StatusCode)
}

// Tags are created, and companies tagged in bulk, with one request type whose
// constructors only build what the API accepts.
func ExampleTagsService_Create() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"type":"tag","id":"656452352","name":"Independent"}`)
	}))
	defer srv.Close()
	client, err := NewClient("token", WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	tag, _, err := client.Tags.Create(context.Background(), TagCompanies("Independent", TagCompanyByCompanyID("6")))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tag.GetId(), tag.GetName())
	// Output: 656452352 Independent
}
