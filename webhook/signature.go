package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
)

// SignatureHeader is the request header in which Intercom sends the
// signature of a webhook notification.
const SignatureHeader = "X-Hub-Signature"

// signaturePrefix names the algorithm in front of the hex digest.
const signaturePrefix = "sha1="

// Errors returned by Verify; test for them with errors.Is.
var (
	// ErrSignatureMissing means the request carried no signature.
	ErrSignatureMissing = errors.New("intercom: webhook signature missing")
	// ErrSignatureMalformed means the signature is not "sha1=" followed by
	// 40 hex digits.
	ErrSignatureMalformed = errors.New("intercom: webhook signature malformed")
	// ErrSignatureMismatch means the signature is well formed but was not
	// made from this body with this secret.
	ErrSignatureMismatch = errors.New("intercom: webhook signature does not match")
)

// Verify checks that signature, the value of a notification's X-Hub-Signature
// header, is "sha1=" followed by the hex HMAC-SHA1 of body keyed with secret,
// the app's client secret. body must be the request body exactly as
// received, before any decoding.
//
// Spaces around the header value and upper-case hex digits are accepted. The
// digests are compared in constant time. The error is nil when the signature
// is valid, and otherwise wraps ErrSignatureMissing, ErrSignatureMalformed or
// ErrSignatureMismatch; an empty secret is a *facade.InputError, since anyone
// can sign with it.
func Verify(secret string, body []byte, signature string) error {
	if secret == "" {
		return invalid("secret", "must not be empty")
	}
	signature = strings.TrimSpace(signature)
	if signature == "" {
		return ErrSignatureMissing
	}
	if len(signature) < len(signaturePrefix) ||
		!strings.EqualFold(signature[:len(signaturePrefix)], signaturePrefix) {
		return fmt.Errorf("%w: want the form sha1=<40 hex digits>", ErrSignatureMalformed)
	}
	digest := signature[len(signaturePrefix):]
	if len(digest) != hex.EncodedLen(sha1.Size) {
		return fmt.Errorf("%w: want %d hex digits after sha1=, got %d characters",
			ErrSignatureMalformed, hex.EncodedLen(sha1.Size), len(digest))
	}
	got, err := hex.DecodeString(digest)
	if err != nil {
		return fmt.Errorf("%w: digest is not hexadecimal", ErrSignatureMalformed)
	}
	if !hmac.Equal(got, mac(secret, body)) {
		return ErrSignatureMismatch
	}
	return nil
}

// Sign returns the X-Hub-Signature value Intercom sends with body when
// signing with secret: "sha1=" and the lower-case hex HMAC-SHA1. It is meant
// for tests of webhook endpoints.
func Sign(secret string, body []byte) string {
	return signaturePrefix + hex.EncodeToString(mac(secret, body))
}

// mac is the HMAC-SHA1 of body keyed with secret.
func mac(secret string, body []byte) []byte {
	m := hmac.New(sha1.New, []byte(secret))
	m.Write(body)
	return m.Sum(nil)
}
