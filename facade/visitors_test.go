package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const visitorJSON = `{"type":"visitor","id":"667d61","user_id":"3ecf64d0","anonymous":true,"app_id":"this_is_an_id","email":"","name":"Gareth Bale","created_at":1719492700,"custom_attributes":{"plan":"pro"}}`

func TestVisitorsUpdate(t *testing.T) {
	name := "Gareth Bale"
	for _, tc := range []struct {
		who     ContactIdentifier
		changes UpdateVisitorOptions
		body    string
	}{
		{ByIntercomUserID("667d61"), UpdateVisitorOptions{Name: &name}, `{"id":"667d61","name":"Gareth Bale"}`},
		{ByUserID("3ecf64d0"), UpdateVisitorOptions{CustomAttributes: map[string]string{"plan": "pro"}}, `{"user_id":"3ecf64d0","custom_attributes":{"plan":"pro"}}`},
	} {
		f, c := newFake(t)
		f.reply("/", 200, visitorJSON)
		got, _, err := c.Visitors.Update(context.Background(), tc.who, tc.changes)
		require.NoError(t, err)
		f.expect(t, "PUT", "/visitors", nil, tc.body)
		assert.Equal(t, "667d61", got.Id)
		assert.Equal(t, "Gareth Bale", got.GetName())
	}

	f, c := newFake(t)
	f.reply("/", 200, visitorJSON)
	ctx := context.Background()
	_, _, err := c.Visitors.Update(ctx, ByEmail("a@example.com"), UpdateVisitorOptions{Name: &name})
	f.expectInputError(t, err, "id|user_id")
	_, _, err = c.Visitors.Update(ctx, ContactIdentifier{}, UpdateVisitorOptions{Name: &name})
	f.expectInputError(t, err, "id|user_id")
	_, _, err = c.Visitors.Update(ctx, ByIntercomUserID(""), UpdateVisitorOptions{Name: &name})
	f.expectInputError(t, err, "id")
	_, _, err = c.Visitors.Update(ctx, ByUserID("1"), UpdateVisitorOptions{})
	f.expectInputError(t, err, "name")
	_, _, err = c.Visitors.Update(ctx, ByUserID("1"), UpdateVisitorOptions{CustomAttributes: map[string]string{"": "x"}})
	f.expectInputError(t, err, "custom_attributes")
}

func TestVisitorsFind(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, visitorJSON)
	got, _, err := c.Visitors.Find(context.Background(), "3ecf64d0")
	require.NoError(t, err)
	f.expect(t, "GET", "/visitors", query("user_id", "3ecf64d0"), "")
	assert.Equal(t, "3ecf64d0", got.UserId)

	f, c = newFake(t)
	f.reply("/", 200, visitorJSON)
	_, _, err = c.Visitors.Find(context.Background(), "")
	f.expectInputError(t, err, "user_id")
}

func TestVisitorsMergeToContact(t *testing.T) {
	const reply = `{"type":"contact","id":"8a88a590","role":"user","email":"winston@example.com"}`
	for _, tc := range []struct {
		visitor ContactIdentifier
		role    MergeRole
		user    ContactIdentifier
		opts    *MergeToContactOptions
		body    string
	}{
		{ByUserID("3ecf64d0"), MergeAsUser, ByIntercomUserID("8a88a590"), &MergeToContactOptions{Email: "winston@example.com"},
			`{"type":"user","visitor":{"user_id":"3ecf64d0"},"user":{"id":"8a88a590","email":"winston@example.com"}}`},
		{ByEmail("v@example.com"), MergeAsLead, ByUserID("42"), nil,
			`{"type":"lead","visitor":{"email":"v@example.com"},"user":{"user_id":"42"}}`},
		{ByIntercomUserID("667d61"), MergeAsUser, ByUserID("42"), nil,
			`{"type":"user","visitor":{"id":"667d61"},"user":{"user_id":"42"}}`},
	} {
		f, c := newFake(t)
		f.reply("/", 200, reply)
		got, _, err := c.Visitors.MergeToContact(context.Background(), tc.visitor, tc.role, tc.user, tc.opts)
		require.NoError(t, err)
		f.expect(t, "POST", "/visitors/convert", nil, tc.body)
		assert.Equal(t, "8a88a590", got.Id)
	}
}

func TestVisitorsMergeToContactInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{}`)
	ctx := context.Background()
	for _, tc := range []struct {
		visitor ContactIdentifier
		role    MergeRole
		user    ContactIdentifier
		opts    *MergeToContactOptions
		field   string
	}{
		{ContactIdentifier{}, MergeAsUser, ByUserID("1"), nil, "visitor.id|user_id|email"},
		{ByEmail("nope"), MergeAsUser, ByUserID("1"), nil, "visitor.email"},
		{ByUserID(""), MergeAsUser, ByUserID("1"), nil, "visitor.user_id"},
		{ByUserID("v"), "admin", ByUserID("1"), nil, "type"},
		{ByUserID("v"), "", ByUserID("1"), nil, "type"},
		{ByUserID("v"), MergeAsUser, ByEmail("a@example.com"), nil, "user.id|user_id"},
		{ByUserID("v"), MergeAsUser, ByIntercomUserID(""), nil, "user.id"},
		{ByUserID("v"), MergeAsUser, ByUserID("1"), &MergeToContactOptions{Email: "x@"}, "user.email"},
	} {
		_, _, err := c.Visitors.MergeToContact(ctx, tc.visitor, tc.role, tc.user, tc.opts)
		f.expectInputError(t, err, tc.field)
	}
}
