package facade

import (
	"context"
	"testing"
)

func TestSubscriptionTypesList(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"list","data":[{"type":"subscription","id":"37","state":"live","consent_type":"opt_out","default_translation":{"name":"Newsletters","description":"Lots of news","locale":"en"},"translations":[],"content_types":["email"]}]}`)
	got, _, err := c.SubscriptionTypes.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/subscription_types", nil, "")
	if len(got.Data) != 1 || got.Data[0].Id != "37" {
		t.Errorf("decoded %+v", got)
	}
}
