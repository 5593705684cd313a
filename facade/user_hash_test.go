package facade

import (
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

// TestUserHashVectors checks UserHash against HMAC-SHA256 values computed
// once by another implementation (openssl dgst -sha256 -hmac), for plain,
// empty and non-ASCII identifiers.
func TestUserHashVectors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ secret, id, want string }{
		{"iv_secret_1", "user-42", "cc6d037fd2e29a7909b537715f4730a06033ec294561e46eeb9e6610c96c8deb"},
		{"iv_secret_1", "jane@example.com", "fb7e27313981e2e3071467a9a2c76e2e2dc9681da7721cc0521ecff69d3b3a61"},
		{"iv_secret_2", "jane@example.com", "6967f2b8c21a752b05c1e947e5064bc37f2b95f231441dfda0b11c84c2ec2bc3"},
		{"iv_secret_1", "", "6ba0a5951d3ab078294f58cafc33981981b2af78c5ecb20bd749ec6172146e0a"},
		{"iv_secret_1", "Zoë 🚀", "85ce3a722fbec190347c764e5ecb2cafcccf7f8807c8845eae4253b568ebbc82"},
	} {
		assert.Equal(t, tt.want, UserHash(tt.secret, tt.id), "%q / %q", tt.secret, tt.id)
	}
}
