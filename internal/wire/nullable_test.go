package wire_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/internal/wire"
)

type body struct {
	Name  wire.Nullable[string] `json:"name,omitzero"`
	Phone wire.Nullable[string] `json:"phone,omitzero"`
	Owner wire.Nullable[int]    `json:"owner_id,omitzero"`
}

func TestMarshalKeepsUnsetNullAndValueApart(t *testing.T) {
	b, err := json.Marshal(body{Name: wire.Of("Lin"), Phone: wire.Null[string]()})
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"Lin","phone":null}`, string(b))
}

func TestUnmarshalRoundTrip(t *testing.T) {
	var got body
	require.NoError(t, json.Unmarshal([]byte(`{"name":"Lin","phone":null,"owner_id":7}`), &got))
	name, ok := got.Name.Get()
	assert.True(t, ok)
	assert.Equal(t, "Lin", name)
	assert.True(t, got.Phone.IsNull())
	owner, ok := got.Owner.Get()
	assert.True(t, ok)
	assert.Equal(t, 7, owner)

	var absent body
	require.NoError(t, json.Unmarshal([]byte(`{}`), &absent))
	assert.True(t, absent.Name.IsZero())
	assert.False(t, absent.Name.IsNull())
	require.Error(t, json.Unmarshal([]byte(`{"owner_id":"x"}`), &absent))
}

func TestString(t *testing.T) {
	assert.Equal(t, "Lin", wire.Of("Lin").String())
	assert.Equal(t, "null", wire.Null[string]().String())
	assert.Equal(t, "unset", wire.Nullable[int]{}.String())
}

func TestZeroValueIsNotAllocated(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		n := wire.Of(42)
		_, _ = n.Get()
	})
	assert.Zero(t, allocs)
}
