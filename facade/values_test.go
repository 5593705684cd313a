package facade

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPtrPointsAtACopy(t *testing.T) {
	v := 3
	p := Ptr(v)
	require.NotNil(t, p)
	assert.Equal(t, 3, *p)
	v = 4
	assert.Equal(t, 3, *p, "Ptr copies its argument")
	assert.NotSame(t, Ptr(3), Ptr(3), "every call returns a pointer of its own")
	assert.Equal(t, "", *Ptr(""), "a zero value is a value too")
}

func TestNullableStates(t *testing.T) {
	var unset Nullable[string]
	_, ok := unset.Get()
	assert.False(t, ok)
	assert.False(t, unset.IsNull())
	assert.True(t, unset.IsZero(), "the zero Nullable is unset")

	null := Null[string]()
	_, ok = null.Get()
	assert.False(t, ok)
	assert.True(t, null.IsNull())
	assert.False(t, null.IsZero(), "null is not unset")

	for _, v := range []string{"Lin", ""} {
		n := NewNullable(v)
		got, ok := n.Get()
		assert.True(t, ok, "%q is set", v)
		assert.Equal(t, v, got)
		assert.False(t, n.IsNull())
		assert.False(t, n.IsZero(), "NewNullable(%q) is set even when the value is zero", v)
	}
	zero, ok := NewNullable(0).Get()
	assert.True(t, ok)
	assert.Equal(t, 0, zero)
}

// TestContactUpdateBodyNullAbsentValue checks, on what the server received,
// that each nullable field of Contacts.Update is left out when unset, sent as
// null by Null, and sent as its value by NewNullable, zero values included.
func TestContactUpdateBodyNullAbsentValue(t *testing.T) {
	signedUp := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		opts UpdateContactOptions
		want map[string]string // key -> raw JSON; keys not listed must be absent
	}{
		{
			name: "nothing set",
			opts: UpdateContactOptions{},
			want: map[string]string{},
		},
		{
			name: "values",
			opts: UpdateContactOptions{
				Phone: NewNullable("+15550100"), Name: NewNullable("Lin"), Avatar: NewNullable("https://example.com/lin.png"),
				SignedUpAt: NewNullable(signedUp), LastSeenAt: NewNullable(signedUp.Add(time.Hour)),
				OwnerID: NewNullable(42), UnsubscribedFromEmails: NewNullable(true),
			},
			want: map[string]string{
				"phone": `"+15550100"`, "name": `"Lin"`, "avatar": `"https://example.com/lin.png"`,
				"signed_up_at": "1709294400", "last_seen_at": "1709298000",
				"owner_id": "42", "unsubscribed_from_emails": "true",
			},
		},
		{
			name: "zero values are values",
			opts: UpdateContactOptions{Name: NewNullable(""), OwnerID: NewNullable(0), UnsubscribedFromEmails: NewNullable(false)},
			want: map[string]string{"name": `""`, "owner_id": "0", "unsubscribed_from_emails": "false"},
		},
		{
			name: "nulls",
			opts: UpdateContactOptions{
				Phone: Null[string](), Name: Null[string](), Avatar: Null[string](),
				SignedUpAt: Null[time.Time](), LastSeenAt: Null[time.Time](),
				OwnerID: Null[int](), UnsubscribedFromEmails: Null[bool](),
			},
			want: map[string]string{
				"phone": "null", "name": "null", "avatar": "null", "signed_up_at": "null",
				"last_seen_at": "null", "owner_id": "null", "unsubscribed_from_emails": "null",
			},
		},
		{
			name: "mixed",
			opts: UpdateContactOptions{Email: "lin@example.com", Phone: Null[string](), Name: NewNullable("Lin Wei")},
			want: map[string]string{"email": `"lin@example.com"`, "phone": "null", "name": `"Lin Wei"`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			f.reply("PUT /contacts/{id}", http.StatusOK, contactJSON)
			_, _, err := c.Contacts.Update(t.Context(), "c1", tc.opts)
			require.NoError(t, err)
			calls := f.requests()
			require.Len(t, calls, 1)
			var got map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(calls[0].Body), &got), "body %s", calls[0].Body)
			gotText := make(map[string]string, len(got))
			for k, v := range got {
				gotText[k] = string(v)
			}
			assert.Equal(t, tc.want, gotText, "body %s", calls[0].Body)
		})
	}
}

// TestContactOptionsCopyCustomAttributes checks that the request does not share
// the caller's custom attributes: changing the map after building the
// request does not change what is sent.
func TestContactOptionsCopyCustomAttributes(t *testing.T) {
	attrs := map[string]any{"plan": "pro"}
	req, err := UpdateContactOptions{CustomAttributes: attrs}.request()
	require.NoError(t, err)
	attrs["plan"] = "free"
	require.NotNil(t, req.CustomAttributes)
	assert.Equal(t, "pro", (*req.CustomAttributes)["plan"])
}
