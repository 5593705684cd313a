package facade_test

import (
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The contacts and companies methods send only what the API description
// allows: intercomtest validates every request and answer against it.
func TestContactsAndCompaniesAgainstIntercomtest(t *testing.T) {
	srv := intercomtest.NewServer(t)
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := t.Context()

	for i, name := range []string{"Ada", "Grace", "Lin"} {
		role := facade.ContactRoleUser
		if i == 2 {
			role = facade.ContactRoleLead
		}
		_, _, err := client.Contacts.Create(ctx, facade.CreateContactOptions{Email: name + "@example.com", Role: role, Name: name})
		require.NoError(t, err)
	}
	var ids []string
	for c, err := range client.Contacts.ListIter(ctx, &facade.ListContactsOptions{PerPage: 1}) {
		require.NoError(t, err)
		ids = append(ids, c.Id)
	}
	require.Len(t, ids, 3)
	assert.Equal(t, 3, srv.Count("ListContacts"))

	var found int
	q := facade.Or(facade.Filter("email", facade.OpEquals, "Ada@example.com"), facade.Filter("role", facade.OpEquals, "lead"))
	for _, err := range client.Contacts.SearchIter(ctx, q, &facade.SearchOptions{PerPage: 1}) {
		require.NoError(t, err)
		found++
	}
	assert.Equal(t, 2, found)

	c, _, err := client.Contacts.Find(ctx, ids[0])
	require.NoError(t, err)
	updated, _, err := client.Contacts.Update(ctx, c.Id, facade.UpdateContactOptions{
		Name:  facade.NewNullable("Ada L."),
		Phone: facade.Null[string](),
	})
	require.NoError(t, err)
	assert.Equal(t, "Ada L.", updated.GetName())
	_, _, err = client.Contacts.Archive(ctx, c.Id)
	require.NoError(t, err)
	_, _, err = client.Contacts.Unarchive(ctx, c.Id)
	require.NoError(t, err)
	_, _, err = client.Contacts.ListAttachedTags(ctx, c.Id)
	require.NoError(t, err)

	cid := "acme-1"
	co, _, err := client.Companies.CreateOrUpdate(ctx, facade.CompanyOptions{CompanyID: cid, Name: "Acme", Size: facade.Ptr(0)})
	require.NoError(t, err)
	_, _, err = client.Companies.AttachContact(ctx, c.Id, co.Id)
	require.NoError(t, err)
	var companies int
	for _, err := range client.Contacts.ListAttachedCompaniesIter(ctx, c.Id, nil) {
		require.NoError(t, err)
		companies++
	}
	assert.Equal(t, 1, companies)
	for _, err := range client.Companies.ListIter(ctx, nil) {
		require.NoError(t, err)
	}
	_, _, err = client.Companies.Find(ctx, co.Id)
	require.NoError(t, err)
	_, _, err = client.Companies.Retrieve(ctx, &facade.RetrieveCompaniesOptions{CompanyID: cid})
	require.NoError(t, err)
	_, _, err = client.Companies.DetachContact(ctx, c.Id, co.Id)
	require.NoError(t, err)
	_, _, err = client.Companies.Delete(ctx, co.Id)
	require.NoError(t, err)
	_, _, err = client.Contacts.Delete(ctx, c.Id)
	require.NoError(t, err)

	assert.Empty(t, srv.InvalidRequests(), "requests the description does not allow")
	assert.Empty(t, srv.InvalidResponses())
}

// A field left unset keeps its value on the server, Null clears it and
// NewNullable replaces it.
func TestContactUpdateNullClearsUnsetKeeps(t *testing.T) {
	srv := intercomtest.NewServer(t)
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := t.Context()

	c, _, err := client.Contacts.Create(ctx, facade.CreateContactOptions{Email: "lin@example.com", Name: "Lin", Phone: "+15550100"})
	require.NoError(t, err)
	require.Equal(t, "+15550100", c.GetPhone())

	c, _, err = client.Contacts.Update(ctx, c.Id, facade.UpdateContactOptions{Name: facade.NewNullable("Lin Wei")})
	require.NoError(t, err)
	assert.Equal(t, "Lin Wei", c.GetName())
	assert.Equal(t, "+15550100", c.GetPhone(), "an unset phone is kept")

	c, _, err = client.Contacts.Update(ctx, c.Id, facade.UpdateContactOptions{Phone: facade.Null[string]()})
	require.NoError(t, err)
	assert.Nil(t, c.Phone, "a null phone is cleared")
	assert.Equal(t, "Lin Wei", c.GetName(), "an unset name is kept")

	found, _, err := client.Contacts.Find(ctx, c.Id)
	require.NoError(t, err)
	assert.Nil(t, found.Phone)
	assert.Equal(t, "Lin Wei", found.GetName())
	assert.Empty(t, srv.InvalidRequests(), "requests the description does not allow")
	assert.Empty(t, srv.InvalidResponses())
}
