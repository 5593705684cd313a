package facade

import (
	"context"
	"testing"
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
		c, s := newOpStubClient(t, 200, visitorJSON)
		got, _, err := c.Visitors.Update(context.Background(), tc.who, tc.changes)
		if err != nil {
			t.Fatal(err)
		}
		s.expect(t, "PUT", "/visitors", nil, tc.body)
		if got.Id != "667d61" || got.GetName() != "Gareth Bale" {
			t.Errorf("decoded %+v", got)
		}
	}

	c, s := newOpStubClient(t, 200, visitorJSON)
	ctx := context.Background()
	_, _, err := c.Visitors.Update(ctx, ByEmail("a@example.com"), UpdateVisitorOptions{Name: &name})
	assertOpInputError(t, err, "id|user_id", s)
	_, _, err = c.Visitors.Update(ctx, ContactIdentifier{}, UpdateVisitorOptions{Name: &name})
	assertOpInputError(t, err, "id|user_id", s)
	_, _, err = c.Visitors.Update(ctx, ByIntercomUserID(""), UpdateVisitorOptions{Name: &name})
	assertOpInputError(t, err, "id", s)
	_, _, err = c.Visitors.Update(ctx, ByUserID("1"), UpdateVisitorOptions{})
	assertOpInputError(t, err, "name", s)
	_, _, err = c.Visitors.Update(ctx, ByUserID("1"), UpdateVisitorOptions{CustomAttributes: map[string]string{"": "x"}})
	assertOpInputError(t, err, "custom_attributes", s)
}

func TestVisitorsFind(t *testing.T) {
	c, s := newOpStubClient(t, 200, visitorJSON)
	got, _, err := c.Visitors.Find(context.Background(), "3ecf64d0")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/visitors", opQuery("user_id", "3ecf64d0"), "")
	if got.UserId != "3ecf64d0" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, visitorJSON)
	_, _, err = c.Visitors.Find(context.Background(), "")
	assertOpInputError(t, err, "user_id", s)
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
		c, s := newOpStubClient(t, 200, reply)
		got, _, err := c.Visitors.MergeToContact(context.Background(), tc.visitor, tc.role, tc.user, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		s.expect(t, "POST", "/visitors/convert", nil, tc.body)
		if got.Id != "8a88a590" {
			t.Errorf("decoded %+v", got)
		}
	}
}

func TestVisitorsMergeToContactInvalid(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{}`)
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
		assertOpInputError(t, err, tc.field, s)
	}
}
