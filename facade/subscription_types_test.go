package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSubscriptionTypesList(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"list","data":[{"type":"subscription","id":"37","state":"live","consent_type":"opt_out","default_translation":{"name":"Newsletters","description":"Lots of news","locale":"en"},"translations":[],"content_types":["email"]}]}`)
	got, _, err := c.SubscriptionTypes.List(context.Background())
	require.NoError(t, err)
	f.expect(t, "GET", "/subscription_types", nil, "")
	assert.Len(t, got.Data, 1)
	assert.Equal(t, "37", got.Data[0].Id)
}
