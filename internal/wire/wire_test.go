package wire_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/internal/wire"
)

func TestNextPageForms(t *testing.T) {
	for _, tc := range []struct {
		name, in   string
		url, after string
		perPage    int
		page       int
	}{
		{"url", `"https://api.intercom.io/articles?per_page=25&page=2"`, "https://api.intercom.io/articles?per_page=25&page=2", "", 0, 2},
		{"url without page", `"https://api.intercom.io/events?next=abc"`, "https://api.intercom.io/events?next=abc", "", 0, 0},
		{"cursor", `{"per_page":50,"starting_after":"WzE3MTY="}`, "", "WzE3MTY=", 50, 0},
		{"cursor null", `{"per_page":50,"starting_after":null}`, "", "", 50, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n wire.NextPage
			require.NoError(t, json.Unmarshal([]byte(tc.in), &n))
			assert.Equal(t, tc.url, n.URL)
			assert.Equal(t, tc.after, n.Cursor())
			assert.Equal(t, tc.perPage, n.PerPage)
			assert.Equal(t, tc.page, n.Page())
			out, err := json.Marshal(n)
			require.NoError(t, err)
			assert.JSONEq(t, tc.in, string(out), "encoded back in the form read")
		})
	}
	var nilPage *wire.NextPage
	assert.Zero(t, nilPage.Page())
	assert.Empty(t, nilPage.Cursor())
	var bad wire.NextPage
	assert.Error(t, json.Unmarshal([]byte(`42`), &bad))
	assert.Error(t, json.Unmarshal([]byte(`{"per_page":"x"}`), &bad))
}

func TestNextPageBuiltInCode(t *testing.T) {
	out, err := json.Marshal(wire.NextPage{URL: "https://api.intercom.io/notes?page=3"})
	require.NoError(t, err)
	assert.JSONEq(t, `"https://api.intercom.io/notes?page=3"`, string(out))
	out, err = json.Marshal(wire.NextPage{StartingAfter: "c", PerPage: 5})
	require.NoError(t, err)
	assert.JSONEq(t, `{"per_page":5,"starting_after":"c"}`, string(out))
}

func TestAvatarForms(t *testing.T) {
	for _, tc := range []struct{ name, in, url, typ string }{
		{"string", `"https://example.com/a.png"`, "https://example.com/a.png", ""},
		{"object", `{"type":"avatar","image_url":"https://example.com/a.png"}`, "https://example.com/a.png", "avatar"},
		{"object without image", `{"type":"avatar","image_url":null}`, "", "avatar"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a wire.Avatar
			require.NoError(t, json.Unmarshal([]byte(tc.in), &a))
			assert.Equal(t, tc.url, a.URL())
			assert.Equal(t, tc.typ, a.Type)
			out, err := json.Marshal(a)
			require.NoError(t, err)
			assert.JSONEq(t, tc.in, string(out))
		})
	}
	var nilAvatar *wire.Avatar
	assert.Empty(t, nilAvatar.URL())
	var bad wire.Avatar
	assert.Error(t, json.Unmarshal([]byte(`[1]`), &bad))
}

func TestTicketStateForms(t *testing.T) {
	for _, tc := range []struct {
		name, in                 string
		category, id, label, ext string
		typ                      string
	}{
		{"2.11 category", `"in_progress"`, "in_progress", "", "", "", ""},
		{"2.12 object", `{"type":"ticket_state","id":"8","category":"resolved","internal_label":"Done","external_label":"Resolved"}`, "resolved", "8", "Done", "Resolved", "ticket_state"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var s wire.TicketState
			require.NoError(t, json.Unmarshal([]byte(tc.in), &s))
			assert.Equal(t, tc.category, s.Category)
			assert.Equal(t, tc.id, s.ID)
			assert.Equal(t, tc.label, s.InternalLabel)
			assert.Equal(t, tc.ext, s.ExternalLabel)
			assert.Equal(t, tc.typ, s.Type)
			out, err := json.Marshal(s)
			require.NoError(t, err)
			assert.JSONEq(t, tc.in, string(out))
		})
	}
	var bad wire.TicketState
	assert.Error(t, json.Unmarshal([]byte(`7`), &bad))
}

func TestTicketStatePrintsItsCategory(t *testing.T) {
	assert.Equal(t, "resolved", wire.TicketState{Category: "resolved", ID: "8"}.String())
}
