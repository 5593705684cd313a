package facade

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Redirects
//
// Intercom's API does not redirect API calls, so a redirect comes from a
// proxy or from a server that is not Intercom. The client follows one only
// when it cannot expose the token or a request body:
//
//   - A redirect from https to plain http is refused, for every request:
//     Go's http.Client would keep the Authorization header when the host name
//     stays the same, and send the token in clear text.
//   - A redirect to another origin (scheme, host or port) is refused for a
//     request with a body or a method other than GET and HEAD: the body (a
//     reply, a contact's details) would go to a server the caller never
//     named, or a write would silently turn into a GET elsewhere.
//   - A GET or HEAD redirected to another origin is followed without the
//     Authorization header (Go itself keeps it for a subdomain or another
//     port of the same host; the client drops it for any other origin).
//   - A redirect within the same origin is followed with every header.
//   - A chain stops after 10 requests, as net/http's default does; a
//     CheckRedirect of the caller's http.Client (WithHTTPClient) replaces
//     that limit and is consulted after these rules.
//
// A refused redirect ends the call at once, without retries, with a
// *TransportError that wraps ErrRedirectRefused.

// ErrRedirectRefused is wrapped by the error of a call whose server answered
// with a redirect the client refuses to follow (see the redirect policy in
// the README).
var ErrRedirectRefused = errors.New("intercom: redirect refused")

// maxRedirects is how many requests one redirect chain makes, as net/http's
// default.
const maxRedirects = 10

// redirectPolicy returns the CheckRedirect of the client's http.Client: the
// rules above, then the caller's own CheckRedirect when there is one.
func redirectPolicy(next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first, prev := via[0], via[len(via)-1]
		if prev.URL.Scheme == "https" && req.URL.Scheme != "https" {
			return fmt.Errorf("%w: %s to %s would leave https", ErrRedirectRefused, originOf(prev.URL), originOf(req.URL))
		}
		if !sameOrigin(first.URL, req.URL) {
			if hasBody(first) || (first.Method != http.MethodGet && first.Method != http.MethodHead) {
				return fmt.Errorf("%w: %s %s would go to another origin, %s", ErrRedirectRefused, first.Method, originOf(first.URL), originOf(req.URL))
			}
			req.Header.Del("Authorization")
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return fmt.Errorf("%w: stopped after %d redirects", ErrRedirectRefused, maxRedirects)
		}
		return nil
	}
}

// hasBody reports whether req was sent with a body.
func hasBody(req *http.Request) bool {
	return req.ContentLength != 0 || req.GetBody != nil || (req.Body != nil && req.Body != http.NoBody)
}

// sameOrigin reports whether a and b have the same scheme, host and port
// (the default port of the scheme when none is given).
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

// portOf returns u's port, or its scheme's default port.
func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// originOf names u's origin (scheme://host[:port]) without its path or
// query, which may hold ids or parameters the caller did not mean to print.
func originOf(u *url.URL) string {
	return u.Scheme + "://" + u.Host
}
