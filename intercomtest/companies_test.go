package intercomtest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompanies(t *testing.T) {
	s := newHarness(t)
	co := s.must(200, "POST", "/companies", map[string]any{
		"company_id": "acme", "name": "Acme", "plan": "gold", "size": 40, "website": "https://acme.example",
		"industry": "Rockets", "monthly_spend": 1200, "remote_created_at": 1600000000,
		"custom_attributes": map[string]any{"tier": "a"},
	})
	id := co["id"].(string)
	require.EqualValues(t, 40.0, co["size"], "created %v", co)
	require.EqualValues(t, 1200.0, co["monthly_spend"], "created %v", co)
	require.EqualValues(t, 1600000000.0, co["remote_created_at"], "created %v", co)
	require.Equal(t, "gold", co["plan"].(map[string]any)["name"], "created %v", co)
	require.Equal(t, "a", co["custom_attributes"].(map[string]any)["tier"], "created %v", co)
	// The same company_id updates the company.
	co = s.must(200, "POST", "/companies", map[string]any{"company_id": "acme", "name": "Acme Inc"})
	assert.Equal(t, id, co["id"], "updated %v", co)
	assert.Equal(t, "Acme Inc", co["name"], "updated %v", co)
	assert.EqualValues(t, 40.0, co["size"], "updated %v", co)
	s.must(200, "POST", "/companies", map[string]any{"company_id": "globex", "name": "Globex"})
	s.must(200, "POST", "/companies", map[string]any{"name": "Initech"})

	page := s.must(200, "POST", "/companies/list?page=2&per_page=2", nil)
	data := page["data"].([]any)
	assert.EqualValues(t, 3.0, page["total_count"], "list page 2: %v", page)
	require.Len(t, data, 1, "list page 2: %v", page)
	assert.Equal(t, "Initech", data[0].(map[string]any)["name"], "list page 2: %v", page)
	assert.EqualValues(t, 2.0, page["pages"].(map[string]any)["total_pages"], "list page 2: %v", page)
	page = s.must(200, "POST", "/companies/list?page=0&per_page=0", nil)
	p := page["pages"].(map[string]any)
	assert.EqualValues(t, 1.0, p["page"], "list defaults: %v", page)
	assert.EqualValues(t, 15.0, p["per_page"], "list defaults: %v", page)
	assert.Equal(t, 3, len(page["data"].([]any)), "list defaults: %v", page)

	// A lookup by name or company_id answers the company itself, as
	// Intercom does.
	hits := s.must(200, "GET", "/companies?name=acme+inc", nil)
	assert.Equal(t, "company", hits["type"], "by name: %v", hits)
	assert.Equal(t, id, hits["id"], "by name: %v", hits)
	hits = s.must(200, "GET", "/companies?company_id=globex", nil)
	assert.Equal(t, "company", hits["type"], "by company_id: %v", hits)
	assert.Equal(t, "Globex", hits["name"], "by company_id: %v", hits)
	assert.Equal(t, 3.0, s.must(200, "GET", "/companies", nil)["total_count"], "all companies")
	s.must(404, "GET", "/companies?company_id=nope", nil)
	s.must(404, "GET", "/companies/nope", nil)

	ct := s.AddContact(Contact{Email: "emp@example.com"})
	cpath := "/contacts/" + ct.ID + "/companies"
	s.must(404, "POST", "/contacts/nope/companies", map[string]any{"id": id})
	s.must(404, "POST", cpath, map[string]any{"id": "nope"})
	s.must(200, "POST", cpath, map[string]any{"id": id})
	s.must(200, "POST", cpath, map[string]any{"id": id})
	list := s.must(200, "GET", cpath, nil)
	_, old := list["companies"]
	assert.False(t, old, "contact companies %v", list)
	assert.EqualValues(t, 1.0, list["total_count"], "contact companies %v", list)
	assert.EqualValues(t, 1.0, list["data"].([]any)[0].(map[string]any)["user_count"], "contact companies %v", list)
	got := s.must(200, "GET", "/contacts/"+ct.ID, nil)["companies"].(map[string]any)
	assert.EqualValues(t, 1.0, got["total_count"], "contact's companies %v", got)
	s.must(404, "GET", "/contacts/nope/companies", nil)
	s.must(200, "DELETE", cpath+"/"+id, nil)
	s.must(404, "DELETE", cpath+"/"+id, nil)

	// Deleting a company detaches it from its contacts.
	s.must(200, "POST", cpath, map[string]any{"id": id})
	del := s.must(200, "DELETE", "/companies/"+id, nil)
	assert.Equal(t, true, del["deleted"], "delete %v", del)
	assert.Equal(t, id, del["id"], "delete %v", del)
	s.must(404, "DELETE", "/companies/"+id, nil)
	assert.Equal(t, 0.0, s.must(200, "GET", cpath, nil)["total_count"], "the contact's companies after delete")
	s.clean()
}
