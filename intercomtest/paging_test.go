package intercomtest

import (
	"encoding/base64"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompaniesOfAContactPage: page and per_page cut the list, pages says
// where the next page is, and a client paging until an empty page stops.
func TestCompaniesOfAContactPage(t *testing.T) {
	w := newHarness(t)
	seeded, err := w.Seed(Workspace{
		Companies: []Company{{Name: "A"}, {Name: "B"}, {Name: "C"}},
	})
	require.NoError(t, err)
	var coIDs []string
	for _, c := range seeded.Companies {
		coIDs = append(coIDs, c.ID)
	}
	got, err := w.Seed(Workspace{Contacts: []Contact{{Email: "p@example.com", CompanyIDs: coIDs}}})
	require.NoError(t, err)
	base := "/contacts/" + got.Contacts[0].ID + "/companies?per_page=2&page="
	p1 := w.call("listCompaniesForAContact", 200, "GET", base+"1", nil)
	w.eq("page 1", ids(p1, "data"), coIDs[:2])
	w.eq("no companies key (the API lists them under data)", at(p1, "companies"), nil)
	w.eq("total", at(p1, "total_count"), 3.0)
	w.eq("pages", []any{at(p1, "pages", "page"), at(p1, "pages", "per_page"), at(p1, "pages", "total_pages")}, []any{1.0, 2.0, 2.0})
	w.eq("next", atStr(p1, "pages", "next"), w.URL+"/contacts/"+got.Contacts[0].ID+"/companies?page=2&per_page=2")
	p2 := w.call("listCompaniesForAContact", 200, "GET", base+"2", nil)
	w.eq("page 2", ids(p2, "data"), coIDs[2:])
	w.eq("no next", at(p2, "pages", "next"), nil)
	w.eq("page 3", ids(w.call("listCompaniesForAContact", 200, "GET", base+"3", nil), "data"), []string{})
	w.clean()
}

func TestPagingHelpers(t *testing.T) {
	items := []int{1, 2, 3}
	page, pages, ok := pageOf(items, 0, "")
	require.True(t, ok, "pageOf default %v %v", page, pages)
	require.Len(t, page, 3, "pageOf default %v %v", page, pages)
	assert.Equal(t, 50, pages["per_page"], "pageOf default %v %v", page, pages)
	_, _, ok = pageOf(items, 1, base64.RawURLEncoding.EncodeToString([]byte("offset:x")))
	assert.False(t, ok, "pageOf accepted a bad offset")
	got, p := numberedPage(items, -1, -1)
	require.Len(t, got, 3, "numberedPage defaults %v %v", got, p)
	assert.Equal(t, 1, p["page"], "numberedPage defaults %v %v", got, p)
	assert.Equal(t, 15, p["per_page"], "numberedPage defaults %v %v", got, p)
	got, p = numberedPage(items, 5, 2)
	require.Len(t, got, 0, "numberedPage past the end %v %v", got, p)
	assert.Equal(t, 2, p["total_pages"], "numberedPage past the end %v %v", got, p)
}
