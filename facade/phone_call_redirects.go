package facade

// PhoneCallRedirectsService groups the operations on switch: redirecting phone calls to Messenger.
type PhoneCallRedirectsService service
