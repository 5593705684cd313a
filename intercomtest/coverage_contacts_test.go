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
	require.False(t, billing.ID == "" || billing.Name != "Billing", "AddTeam %+v", billing)
	// Unknown team ids are ignored.
	bo := s.AddAdmin("Bo", "bo@example.com", billing.ID, "404")
	admins := s.Admins()
	require.False(t, len(admins) != 3 || admins[0] != s.Me() || admins[2] != bo, "Admins %+v", admins)

	team := s.must(200, "GET", "/teams/"+billing.ID, nil)
	ids := team["admin_ids"].([]any)
	assert.False(t, team["name"] != "Billing" || len(ids) != 1 || fmt.Sprint(int(ids[0].(float64))) != bo.ID, "team %v", team)
	n := len(s.must(200, "GET", "/teams", nil)["teams"].([]any))
	assert.EqualValues(t, 2, n, "%d teams", n)
	ids = support["admin_ids"].([]any)
	assert.Equal(t, 2, len(ids), "support team %v", support)
	s.must(404, "GET", "/teams/1", nil)

	a := s.must(200, "GET", "/admins/"+bo.ID, nil)
	assert.False(t, a["email"] != "bo@example.com" || a["away_mode_enabled"] != false, "admin %v", a)
	list := s.must(200, "GET", "/admins", nil)["admins"].([]any)
	assert.Equal(t, 3, len(list), "%d admins", len(list))
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
	require.False(t, ct["role"] != "lead" || ct["email_domain"] != "example.com" || ct["external_id"] != "ext-1" ||
		ct["custom_attributes"].(map[string]any)["plan"] != "free", "created %v", ct)
	status, _, body := s.send("POST", "/contacts", map[string]any{"role": "visitor", "email": "v@example.com"})
	assert.False(t, status != 400 || errField(body, "code") != "parameter_invalid", "bad role: %d %v", status, body)
	status, _, body = s.send("POST", "/contacts", map[string]any{"external_id": "ext-1"})
	assert.False(t, status != 409 || errField(body, "code") != "conflict", "duplicate external id: %d %v", status, body)

	ct = s.must(200, "PUT", "/contacts/"+id, map[string]any{
		"role": "user", "name": "Lea", "phone": "+15550100", "email": "lea@example.org",
		"custom_attributes": map[string]any{"plan": "pro"},
	})
	custom := ct["custom_attributes"].(map[string]any)
	assert.False(t, ct["role"] != "user" || ct["name"] != "Lea" || ct["phone"] != "+15550100" || ct["email"] != "lea@example.org" ||
		custom["plan"] != "pro" || custom["seats"] != 3.0 || ct["external_id"] != "ext-1", "updated %v", ct)
	// A contact without custom attributes gets some on update.
	other := s.AddContact(Contact{Email: "o@example.com", Role: "LEAD"})
	ct = s.must(200, "PUT", "/contacts/"+other.ID, map[string]any{"custom_attributes": map[string]any{"x": "y"}})
	assert.False(t, ct["role"] != "lead" || ct["custom_attributes"].(map[string]any)["x"] != "y", "updated other %v", ct)
	s.must(404, "PUT", "/contacts/nope", map[string]any{"name": "x"})

	ar := s.must(200, "POST", "/contacts/"+id+"/archive", nil)
	assert.False(t, ar["archived"] != true || ar["id"] != id, "archive %v", ar)
	ar = s.must(200, "POST", "/contacts/"+id+"/unarchive", nil)
	assert.Equal(t, false, ar["archived"], "unarchive %v", ar)
	s.must(404, "POST", "/contacts/nope/archive", nil)
	s.must(404, "DELETE", "/contacts/nope", nil)
	del := s.must(200, "DELETE", "/contacts/"+id, nil)
	assert.False(t, del["deleted"] != true || del["external_id"] != "ext-1", "delete %v", del)
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
	assert.False(t, len(list) != 2 || list[0].(map[string]any)["id"] != tagA || list[1].(map[string]any)["name"] != "b", "tags %v", list)
	got := s.must(200, "GET", "/contacts/"+ct.ID, nil)["tags"].(map[string]any)
	assert.False(t, got["total_count"] != 2.0 || got["data"].([]any)[1].(map[string]any)["url"] != "/tags/"+tagB, "contact tags %v", got)
	s.must(404, "GET", "/contacts/nope/tags", nil)
	s.must(404, "DELETE", "/contacts/nope/tags/"+tagA, nil)
	s.must(200, "DELETE", path+"/"+tagA, nil)
	s.must(404, "DELETE", path+"/"+tagA, nil)
	list = s.must(200, "GET", path, nil)["data"].([]any)
	assert.False(t, len(list) != 1 || list[0].(map[string]any)["id"] != tagB, "tags after detach %v", list)
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
	require.False(t, co["size"] != 40.0 || co["monthly_spend"] != 1200.0 || co["remote_created_at"] != 1600000000.0 ||
		co["plan"].(map[string]any)["name"] != "gold" || co["custom_attributes"].(map[string]any)["tier"] != "a", "created %v", co)
	// The same company_id updates the company.
	co = s.must(200, "POST", "/companies", map[string]any{"company_id": "acme", "name": "Acme Inc"})
	assert.False(t, co["id"] != id || co["name"] != "Acme Inc" || co["size"] != 40.0, "updated %v", co)
	s.must(200, "POST", "/companies", map[string]any{"company_id": "globex", "name": "Globex"})
	s.must(200, "POST", "/companies", map[string]any{"name": "Initech"})

	page := s.must(200, "POST", "/companies/list?page=2&per_page=2", nil)
	data := page["data"].([]any)
	assert.False(t, page["total_count"] != 3.0 || len(data) != 1 || data[0].(map[string]any)["name"] != "Initech" ||
		page["pages"].(map[string]any)["total_pages"] != 2.0, "list page 2: %v", page)
	page = s.must(200, "POST", "/companies/list?page=0&per_page=0", nil)
	p := page["pages"].(map[string]any)
	assert.False(t, p["page"] != 1.0 || p["per_page"] != 15.0 || len(page["data"].([]any)) != 3, "list defaults: %v", page)

	// A lookup by name or company_id answers the company itself, as
	// Intercom does.
	hits := s.must(200, "GET", "/companies?name=acme+inc", nil)
	assert.False(t, hits["type"] != "company" || hits["id"] != id, "by name: %v", hits)
	hits = s.must(200, "GET", "/companies?company_id=globex", nil)
	assert.False(t, hits["type"] != "company" || hits["name"] != "Globex", "by company_id: %v", hits)
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
	assert.False(t, old || list["total_count"] != 1.0 || list["data"].([]any)[0].(map[string]any)["user_count"] != 1.0, "contact companies %v", list)
	got := s.must(200, "GET", "/contacts/"+ct.ID, nil)["companies"].(map[string]any)
	assert.EqualValues(t, 1.0, got["total_count"], "contact's companies %v", got)
	s.must(404, "GET", "/contacts/nope/companies", nil)
	s.must(200, "DELETE", cpath+"/"+id, nil)
	s.must(404, "DELETE", cpath+"/"+id, nil)

	// Deleting a company detaches it from its contacts.
	s.must(200, "POST", cpath, map[string]any{"id": id})
	del := s.must(200, "DELETE", "/companies/"+id, nil)
	assert.False(t, del["deleted"] != true || del["id"] != id, "delete %v", del)
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
