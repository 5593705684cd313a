package intercomtest

import "regexp"

// phoneRedirect is a phone call redirected to the Messenger: Intercom texts
// the phone number a link.
type phoneRedirect struct {
	phone  string
	custom map[string]any
	at     int64
}

// e164 is the phone number format Intercom takes: a plus and up to 15
// digits.
var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

func createPhoneSwitch(ws *workspace, c *call) reply {
	phone := c.str("phone")
	if !e164.MatchString(phone) {
		return c.badParam("phone must be a number in E.164 format, like +15551234567; got %q", phone)
	}
	ws.phoneRedirects = append(ws.phoneRedirects, &phoneRedirect{phone: phone, custom: c.object("custom_attributes"), at: ws.unix()})
	return ok(obj{"type": "phone_call_redirect", "phone": phone})
}
