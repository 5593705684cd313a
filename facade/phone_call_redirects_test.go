package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPhoneCallRedirectsCreate(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"phone_call_redirect","phone":"+14155550100"}`)
	got, _, err := c.PhoneCallRedirects.Create(context.Background(), "+14155550100", &CreatePhoneCallRedirectOptions{
		CustomAttributes: map[string]any{"issue_type": "Billing", "priority": "High"},
	})
	require.NoError(t, err)
	f.expect(t, "POST", "/phone_call_redirects", nil, `{"phone":"+14155550100","custom_attributes":{"issue_type":"Billing","priority":"High"}}`)
	assert.Equal(t, "+14155550100", got.Phone)

	f, c = newFake(t)
	f.reply("/", 200, `{"type":"phone_call_redirect","phone":"+353871234567"}`)
	require.NoError(t, err3(c.PhoneCallRedirects.Create(context.Background(), "+353871234567", nil)))
	f.expect(t, "POST", "/phone_call_redirects", nil, `{"phone":"+353871234567"}`)
}

func TestPhoneCallRedirectsCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{}`)
	for _, phone := range []string{"", "14155550100", "+1 415 555 0100", "+0123456789", "+1234567", "+1234567890123456", "+1415555O100"} {
		_, _, err := c.PhoneCallRedirects.Create(context.Background(), phone, nil)
		f.expectInputError(t, err, "phone")
	}
}
