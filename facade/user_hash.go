package facade

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

// UserHash returns the identity-verification hash the Intercom Messenger
// expects as user_hash: the lower-case hex HMAC-SHA256 of identifier (the
// user's user_id, or their email when they have no user_id) keyed with the
// workspace's identity verification secret.
//
// Compute it on the server and never ship the secret to a browser or app. An
// empty secret yields a hash anyone can compute; check it is set.
func UserHash(secret, identifier string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(identifier))
	return hex.EncodeToString(mac.Sum(nil))
}
