package facade

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUserHashKnownVector(t *testing.T) {
	t.Parallel()
	// The HMAC-SHA256 example widely published for this key and message.
	assert.Equal(t,
		"f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
		UserHash("key", "The quick brown fox jumps over the lazy dog"))
}

func TestUserHashComputed(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ secret, id string }{
		{"iv_secret_1", "user-42"},
		{"iv_secret_1", "jane@example.com"},
		{"iv_secret_2", "jane@example.com"},
		{"iv_secret_1", ""},
		{"iv_secret_1", "Zoë 🚀"},
	} {
		mac := hmac.New(sha256.New, []byte(tt.secret))
		mac.Write([]byte(tt.id))
		want := hex.EncodeToString(mac.Sum(nil))
		got := UserHash(tt.secret, tt.id)
		assert.Equal(t, want, got, "%q / %q", tt.secret, tt.id)
		assert.Len(t, got, 64)
	}
	assert.NotEqual(t, UserHash("a", "user-42"), UserHash("b", "user-42"))
	assert.NotEqual(t, UserHash("a", "user-42"), UserHash("a", "user-43"))
}
