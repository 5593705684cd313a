package redispacer

import (
	"crypto/sha256"
	"encoding/hex"
)

// DefaultKeyPrefix starts the names of the Redis keys a Pacer uses, unless
// WithKeyPrefix sets another.
const DefaultKeyPrefix = "intercom:pacer:"

// budgetID names the budget of a token at a base URL: the first 128 bits of
// a SHA-256 over both, in hex. The token itself never appears in Redis.
func budgetID(token, baseURL string) string {
	h := sha256.New()
	// Domain separation: the hash is of this package's key material only,
	// and the zero bytes keep token and URL from running into each other.
	h.Write([]byte("go-intercom/redispacer v1\x00"))
	h.Write([]byte(baseURL))
	h.Write([]byte{0})
	h.Write([]byte(token))
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// keys are the names of the Redis keys of one budget. The id is in braces,
// a Redis Cluster hash tag, so that all of them live on one node.
type keys struct {
	// base is prefix{id}; the others extend it.
	base string
	// gcra is the key given to redis_rate (which prepends "rate:"): the
	// GCRA's theoretical arrival time.
	gcra string
	// state is a hash of what the API reported: limit, window, reset, hold.
	state string
}

func newKeys(prefix, token, baseURL string) keys {
	base := prefix + "{" + budgetID(token, baseURL) + "}"
	return keys{base: base, gcra: base + ":gcra", state: base + ":state"}
}
