package facade

import (
	"context"
	"maps"

	"github.com/go-intercom/intercom/gen"
)

// PhoneCallRedirectsService groups the operations on switch: redirecting phone calls to Messenger.
type PhoneCallRedirectsService service

// PhoneSwitch is the answer to a phone call redirect: the number the SMS
// link was sent to.
type PhoneSwitch = gen.PhoneSwitch

// CreatePhoneCallRedirectOptions holds the optional fields of a phone call
// redirect.
type CreatePhoneCallRedirectOptions struct {
	// CustomAttributes are set on the conversation the caller continues in
	// the Messenger.
	CustomAttributes map[string]any
}

// Create sends an SMS to phone, an E.164 number such as "+14155550100",
// with a link to continue the call's conversation in the Messenger.
//
// Calls createPhoneSwitch: POST /phone_call_redirects.
func (s *PhoneCallRedirectsService) Create(ctx context.Context, phone string, opts *CreatePhoneCallRedirectOptions) (*PhoneSwitch, *Response, error) {
	if err := validE164("phone", phone); err != nil {
		return nil, nil, err
	}
	body := gen.CreatePhoneSwitchJSONRequestBody{Phone: phone}
	if opts != nil && len(opts.CustomAttributes) > 0 {
		ca := gen.CustomAttributes(maps.Clone(opts.CustomAttributes))
		body.CustomAttributes = &ca
	}
	return decode[PhoneSwitch](s.client.raw.CreatePhoneSwitch(ctx, nil, body))
}

// validE164 checks that v is a phone number in E.164 form: a plus sign and 8
// to 15 digits, the first not zero.
func validE164(field, v string) error {
	ok := len(v) >= 9 && len(v) <= 16 && v[0] == '+' && v[1] != '0'
	for i := 1; ok && i < len(v); i++ {
		ok = v[i] >= '0' && v[i] <= '9'
	}
	if !ok {
		return invalid(field, "%q is not an E.164 phone number (a plus sign and 8 to 15 digits, as in +14155550100)", v)
	}
	return nil
}
