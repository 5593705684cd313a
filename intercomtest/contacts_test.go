package intercomtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestContactLifecycle(t *testing.T) {
	s := newHarness(t)
	ct := s.must(200, "POST", "/contacts", map[string]any{
		"role": "lead", "email": "lea@example.com", "external_id": "ext-1",
		"custom_attributes": map[string]any{"plan": "free", "seats": 3},
	})
	id := ct["id"].(string)
	require.Equal(t, "lead", ct["role"], "created %v", ct)
	require.Equal(t, "example.com", ct["email_domain"], "created %v", ct)
	require.Equal(t, "ext-1", ct["external_id"], "created %v", ct)
	require.Equal(t, "free", ct["custom_attributes"].(map[string]any)["plan"], "created %v", ct)
	s.refused(400, "parameter_invalid", "POST", "/contacts", map[string]any{"role": "visitor", "email": "v@example.com"}, "bad role")
	s.refused(409, "conflict", "POST", "/contacts", map[string]any{"external_id": "ext-1"}, "duplicate external id")

	ct = s.must(200, "PUT", "/contacts/"+id, map[string]any{
		"role": "user", "name": "Lea", "phone": "+15550100", "email": "lea@example.org",
		"custom_attributes": map[string]any{"plan": "pro"},
	})
	custom := ct["custom_attributes"].(map[string]any)
	assert.Equal(t, "user", ct["role"], "updated %v", ct)
	assert.Equal(t, "Lea", ct["name"], "updated %v", ct)
	assert.Equal(t, "+15550100", ct["phone"], "updated %v", ct)
	assert.Equal(t, "lea@example.org", ct["email"], "updated %v", ct)
	assert.Equal(t, "pro", custom["plan"], "updated %v", ct)
	assert.EqualValues(t, 3.0, custom["seats"], "updated %v", ct)
	assert.Equal(t, "ext-1", ct["external_id"], "updated %v", ct)
	// A contact without custom attributes gets some on update.
	other := s.AddContact(Contact{Email: "o@example.com", Role: "LEAD"})
	ct = s.must(200, "PUT", "/contacts/"+other.ID, map[string]any{"custom_attributes": map[string]any{"x": "y"}})
	assert.Equal(t, "lead", ct["role"], "updated other %v", ct)
	assert.Equal(t, "y", ct["custom_attributes"].(map[string]any)["x"], "updated other %v", ct)
	s.must(404, "PUT", "/contacts/nope", map[string]any{"name": "x"})

	ar := s.must(200, "POST", "/contacts/"+id+"/archive", nil)
	assert.Equal(t, true, ar["archived"], "archive %v", ar)
	assert.Equal(t, id, ar["id"], "archive %v", ar)
	ar = s.must(200, "POST", "/contacts/"+id+"/unarchive", nil)
	assert.Equal(t, false, ar["archived"], "unarchive %v", ar)
	s.must(404, "POST", "/contacts/nope/archive", nil)
	s.must(404, "DELETE", "/contacts/nope", nil)
	del := s.must(200, "DELETE", "/contacts/"+id, nil)
	assert.Equal(t, true, del["deleted"], "delete %v", del)
	assert.Equal(t, "ext-1", del["external_id"], "delete %v", del)
	list := s.must(200, "GET", "/contacts", nil)
	assert.EqualValues(t, 1.0, list["total_count"], "after delete %v", list)
	s.clean()
}

func TestContactTags(t *testing.T) {
	s := newHarness(t)
	ct := s.AddContact(Contact{Email: "t@example.com"})
	tagA, tagB := s.AddTag("a"), s.AddTag("b")
	path := "/contacts/" + ct.ID + "/tags"
	s.must(404, "POST", "/contacts/nope/tags", map[string]any{"id": tagA})
	s.must(404, "POST", path, map[string]any{"id": "404"})
	for _, id := range []string{tagA, tagA, tagB} {
		s.must(200, "POST", path, map[string]any{"id": id})
	}
	list := s.must(200, "GET", path, nil)["data"].([]any)
	require.Len(t, list, 2, "tags %v", list)
	assert.Equal(t, tagA, list[0].(map[string]any)["id"], "tags %v", list)
	assert.Equal(t, "b", list[1].(map[string]any)["name"], "tags %v", list)
	got := s.must(200, "GET", "/contacts/"+ct.ID, nil)["tags"].(map[string]any)
	assert.EqualValues(t, 2.0, got["total_count"], "contact tags %v", got)
	assert.Equal(t, "/tags/"+tagB, got["data"].([]any)[1].(map[string]any)["url"], "contact tags %v", got)
	s.must(404, "GET", "/contacts/nope/tags", nil)
	s.must(404, "DELETE", "/contacts/nope/tags/"+tagA, nil)
	s.must(200, "DELETE", path+"/"+tagA, nil)
	s.must(404, "DELETE", path+"/"+tagA, nil)
	list = s.must(200, "GET", path, nil)["data"].([]any)
	require.Len(t, list, 1, "tags after detach %v", list)
	assert.Equal(t, tagB, list[0].(map[string]any)["id"], "tags after detach %v", list)
	// Deleting a tag takes it off the contact.
	s.must(200, "DELETE", "/tags/"+tagB, nil)
	assert.Empty(t, s.must(200, "GET", path, nil)["data"], "tags after delete")
	s.clean()
}

func TestContactSearchFields(t *testing.T) {
	s := newHarness(t)
	a := s.AddContact(Contact{Email: "ann@example.com", Name: "Ann", ExternalID: "e-ann", Phone: "+1555",
		CustomAttributes: map[string]any{"plan": "pro", "seats": 5}})
	b := s.AddContact(Contact{Email: "bob@example.net", Role: "lead"})
	tagID := s.AddTag("vip")
	s.must(200, "POST", "/contacts/"+a.ID+"/tags", map[string]any{"id": tagID})
	co := s.must(200, "POST", "/companies", map[string]any{"company_id": "c1"})
	s.must(200, "POST", "/contacts/"+b.ID+"/companies", map[string]any{"id": co["id"]})

	cases := []searchCase{
		{"id", "=", b.ID, []string{b.ID}},
		{"name", "^", "an", []string{a.ID}},
		{"external_id", "=", "e-ann", []string{a.ID}},
		{"phone", "$", "555", []string{a.ID}},
		{"role", "NIN", []any{"user"}, []string{b.ID}},
		{"email", "!~", "example.com", []string{b.ID}},
		{"created_at", ">", 0, []string{a.ID, b.ID}},
		{"updated_at", "<=", 0, nil},
		{"tag_id", "=", tagID, []string{a.ID}},
		{"tag_ids", "!=", tagID, []string{b.ID}},
		{"company_id", "IN", []any{co["id"]}, []string{b.ID}},
		{"company_ids", "=", co["id"], []string{b.ID}},
		{"custom_attributes.plan", "=", "pro", []string{a.ID}},
		// A contact without the attribute does not match a comparison.
		{"custom_attributes.seats", ">=", 5, []string{a.ID}},
		{"custom_attributes.seats", "<", 5, nil},
		{"custom_attributes.plan", "=", nil, []string{b.ID}},
		{"name", "=", nil, []string{b.ID}},
	}
	s.searches("/contacts/search", "data", cases)
	s.clean()
}
