package intercomtest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAdminsAndTeams(t *testing.T) {
	s := newHarness(t)
	support := s.must(200, "GET", "/teams", nil)["teams"].([]any)[0].(map[string]any)
	billing := s.AddTeam("Billing")
	require.NotEqualValues(t, "", billing.ID, "AddTeam %+v", billing)
	require.Equal(t, "Billing", billing.Name, "AddTeam %+v", billing)
	// Unknown team ids are ignored.
	bo := s.AddAdmin("Bo", "bo@example.com", billing.ID, "404")
	admins := s.Admins()
	require.Len(t, admins, 3, "Admins %+v", admins)
	require.Equal(t, s.Me(), admins[0], "Admins %+v", admins)
	require.Equal(t, bo, admins[2], "Admins %+v", admins)

	team := s.must(200, "GET", "/teams/"+billing.ID, nil)
	ids := team["admin_ids"].([]any)
	assert.Equal(t, "Billing", team["name"], "team %v", team)
	require.Len(t, ids, 1, "team %v", team)
	assert.Equal(t, bo.ID, fmt.Sprint(int(ids[0].(float64))), "team %v", team)
	n := len(s.must(200, "GET", "/teams", nil)["teams"].([]any))
	assert.Equal(t, 2, n, "%d teams", n)
	ids = support["admin_ids"].([]any)
	assert.Len(t, ids, 2, "support team %v", support)
	s.must(404, "GET", "/teams/1", nil)

	a := s.must(200, "GET", "/admins/"+bo.ID, nil)
	assert.Equal(t, "bo@example.com", a["email"], "admin %v", a)
	assert.Equal(t, false, a["away_mode_enabled"], "admin %v", a)
	list := s.must(200, "GET", "/admins", nil)["admins"].([]any)
	assert.Len(t, list, 3, "%d admins", len(list))
	s.must(404, "GET", "/admins/1", nil)

	a = s.must(200, "PUT", "/admins/"+bo.ID+"/away", map[string]any{"away_mode_enabled": true, "away_mode_reassign": true})
	assert.Equal(t, true, a["away_mode_enabled"])
	assert.Equal(t, true, a["away_mode_reassign"])
	a = s.must(200, "GET", "/admins/"+bo.ID, nil)
	assert.Equal(t, true, a["away_mode_enabled"], "away mode kept")
	s.must(404, "PUT", "/admins/1/away", map[string]any{"away_mode_enabled": true, "away_mode_reassign": false})
	s.clean()
}

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
	status, _, body := s.send("POST", "/contacts", map[string]any{"role": "visitor", "email": "v@example.com"})
	assert.Equal(t, 400, status, "bad role: %d %v", status, body)
	assert.Equal(t, "parameter_invalid", errField(body, "code"), "bad role: %d %v", status, body)
	status, _, body = s.send("POST", "/contacts", map[string]any{"external_id": "ext-1"})
	assert.Equal(t, 409, status, "duplicate external id: %d %v", status, body)
	assert.Equal(t, "conflict", errField(body, "code"), "duplicate external id: %d %v", status, body)

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

func TestContactSearchFields(t *testing.T) {
	s := newHarness(t)
	a := s.AddContact(Contact{Email: "ann@example.com", Name: "Ann", ExternalID: "e-ann", Phone: "+1555",
		CustomAttributes: map[string]any{"plan": "pro", "seats": 5}})
	b := s.AddContact(Contact{Email: "bob@example.net", Role: "lead"})
	tagID := s.AddTag("vip")
	s.must(200, "POST", "/contacts/"+a.ID+"/tags", map[string]any{"id": tagID})
	co := s.must(200, "POST", "/companies", map[string]any{"company_id": "c1"})
	s.must(200, "POST", "/contacts/"+b.ID+"/companies", map[string]any{"id": co["id"]})

	search := func(field, op string, value any) []string {
		t.Helper()
		out := s.must(200, "POST", "/contacts/search", map[string]any{"query": map[string]any{
			"field": field, "operator": op, "value": value}})
		var ids []string
		for _, c := range out["data"].([]any) {
			ids = append(ids, c.(map[string]any)["id"].(string))
		}
		assert.Equal(t, len(ids), int(out["total_count"].(float64)), "%s %s %v: total_count %v for %d hits", field, op, value, out["total_count"], len(ids))
		return ids
	}
	cases := []struct {
		field, op string
		value     any
		want      []string
	}{
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
	for _, tc := range cases {
		got := search(tc.field, tc.op, tc.value)
		assert.Equal(t, fmt.Sprint(tc.want), fmt.Sprint(got), "%s %s %v: %v, want %v", tc.field, tc.op, tc.value, got, tc.want)
	}
	s.clean()
}
