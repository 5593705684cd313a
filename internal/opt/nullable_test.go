package opt_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/internal/opt"
)

type body struct {
	Name  opt.Nullable[string] `json:"name,omitzero"`
	Phone opt.Nullable[string] `json:"phone,omitzero"`
	Owner opt.Nullable[int]    `json:"owner_id,omitzero"`
}

func TestMarshalKeepsUnsetNullAndValueApart(t *testing.T) {
	b, err := json.Marshal(body{Name: opt.Of("Lin"), Phone: opt.Null[string]()})
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
	assert.Equal(t, "Lin", opt.Of("Lin").String())
	assert.Equal(t, "null", opt.Null[string]().String())
	assert.Equal(t, "unset", opt.Nullable[int]{}.String())
}

func TestZeroValueIsNotAllocated(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		n := opt.Of(42)
		_, _ = n.Get()
	})
	assert.Zero(t, allocs)
}
