package webhook

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testSecret is the client secret the webhook tests sign with.
const testSecret = "client_secret_9d2f"

// testBody is a small notification body the webhook tests sign.
const testBody = `{"type":"notification_event","id":"notif_1","app_id":"abc123","topic":"ping","created_at":1700000000,"delivery_attempts":1,"first_sent_at":1700000001,"data":{"type":"notification_event_data","item":{"type":"ping","message":"hello"}}}`

// hmacSHA1Hex computes the signature digest independently of the code under
// test.
func hmacSHA1Hex(secret, body string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyKnownVector(t *testing.T) {
	t.Parallel()
	// The HMAC-SHA1 example widely published for this key and message.
	const body = "The quick brown fox jumps over the lazy dog"
	const sig = "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
	assert.NoError(t, Verify("key", []byte(body), sig))
	assert.Equal(t, sig, Sign("key", []byte(body)))
}

func TestVerifyComputedVector(t *testing.T) {
	t.Parallel()
	sig := "sha1=" + hmacSHA1Hex(testSecret, testBody)
	assert.NoError(t, Verify(testSecret, []byte(testBody), sig))
	assert.Equal(t, sig, Sign(testSecret, []byte(testBody)))
	// An empty body is signed too.
	assert.NoError(t, Verify(testSecret, nil, "sha1="+hmacSHA1Hex(testSecret, "")))
}

func TestVerifyRejectsTamperedBodyAndWrongSecret(t *testing.T) {
	t.Parallel()
	sig := "sha1=" + hmacSHA1Hex(testSecret, testBody)
	tampered := []string{
		strings.Replace(testBody, `"topic":"ping"`, `"topic":"pong"`, 1),
		testBody + " ",
		testBody + "\n",
		testBody[:len(testBody)-1],
		"",
	}
	for _, body := range tampered {
		err := Verify(testSecret, []byte(body), sig)
		assert.ErrorIs(t, err, ErrSignatureMismatch, "body %q", body)
	}
	for _, secret := range []string{"client_secret_9d2F", "client_secret_9d2f ", "other"} {
		err := Verify(secret, []byte(testBody), sig)
		assert.ErrorIs(t, err, ErrSignatureMismatch, "secret %q", secret)
	}
	// A signature made with the right secret over another body.
	other := "sha1=" + hmacSHA1Hex(testSecret, "{}")
	assert.ErrorIs(t, Verify(testSecret, []byte(testBody), other), ErrSignatureMismatch)
}

func TestVerifyHeaderVariants(t *testing.T) {
	t.Parallel()
	digest := hmacSHA1Hex(testSecret, testBody)
	flipped := []byte(digest)
	if flipped[0] == '0' {
		flipped[0] = '1'
	} else {
		flipped[0] = '0'
	}
	tests := []struct {
		name   string
		header string
		want   error // nil for a valid signature
	}{
		{"canonical", "sha1=" + digest, nil},
		{"upper-case hex", "sha1=" + strings.ToUpper(digest), nil},
		{"upper-case prefix", "SHA1=" + digest, nil},
		{"surrounding spaces", "  sha1=" + digest + " \t", nil},
		{"empty", "", ErrSignatureMissing},
		{"only spaces", "   ", ErrSignatureMissing},
		{"missing prefix", digest, ErrSignatureMalformed},
		{"prefix without digest", "sha1=", ErrSignatureMalformed},
		{"other algorithm", "sha256=" + digest, ErrSignatureMalformed},
		{"prefix without equals", "sha1" + digest, ErrSignatureMalformed},
		{"space inside", "sha1= " + digest, ErrSignatureMalformed},
		{"non-hex", "sha1=" + strings.Repeat("zz", 20), ErrSignatureMalformed},
		{"too short", "sha1=" + digest[:38], ErrSignatureMalformed},
		{"too long", "sha1=" + digest + "00", ErrSignatureMalformed},
		{"odd length", "sha1=" + digest[:39], ErrSignatureMalformed},
		{"sha256 length", "sha1=" + digest + digest[:24], ErrSignatureMalformed},
		{"one digit changed", "sha1=" + string(flipped), ErrSignatureMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Verify(testSecret, []byte(testBody), tt.header)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.want)
			for _, other := range []error{ErrSignatureMissing, ErrSignatureMalformed, ErrSignatureMismatch} {
				if other != tt.want {
					assert.False(t, errors.Is(err, other), "%v also matches %v", err, other)
				}
			}
			assert.NotContains(t, err.Error(), testSecret)
		})
	}
}

func TestVerifyEmptySecret(t *testing.T) {
	t.Parallel()
	// With an empty key anyone can sign; the check must refuse it even when
	// the signature matches.
	sig := "sha1=" + hmacSHA1Hex("", testBody)
	err := Verify("", []byte(testBody), sig)
	var inErr *facade.InputError
	require.ErrorAs(t, err, &inErr)
	assert.Equal(t, "secret", inErr.Field)
}
