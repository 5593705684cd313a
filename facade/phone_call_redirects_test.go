package facade

import (
	"context"
	"testing"
)

func TestPhoneCallRedirectsCreate(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"phone_call_redirect","phone":"+14155550100"}`)
	got, _, err := c.PhoneCallRedirects.Create(context.Background(), "+14155550100", &CreatePhoneCallRedirectOptions{
		CustomAttributes: map[string]any{"issue_type": "Billing", "priority": "High"},
	})
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/phone_call_redirects", nil, `{"phone":"+14155550100","custom_attributes":{"issue_type":"Billing","priority":"High"}}`)
	if got.Phone != "+14155550100" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, `{"type":"phone_call_redirect","phone":"+353871234567"}`)
	if _, _, err := c.PhoneCallRedirects.Create(context.Background(), "+353871234567", nil); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/phone_call_redirects", nil, `{"phone":"+353871234567"}`)
}

func TestPhoneCallRedirectsCreateInvalid(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{}`)
	for _, phone := range []string{"", "14155550100", "+1 415 555 0100", "+0123456789", "+1234567", "+1234567890123456", "+1415555O100"} {
		_, _, err := c.PhoneCallRedirects.Create(context.Background(), phone, nil)
		assertOpInputError(t, err, "phone", s)
	}
}
