package facade

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// webhookTestSecret is the client secret the webhook tests sign with.
const webhookTestSecret = "client_secret_9d2f"

// webhookTestBody is a small notification body the webhook tests sign.
const webhookTestBody = `{"type":"notification_event","id":"notif_1","app_id":"abc123","topic":"ping","created_at":1700000000,"delivery_attempts":1,"first_sent_at":1700000001,"data":{"type":"notification_event_data","item":{"type":"ping","message":"hello"}}}`

// hmacSHA1Hex computes the signature digest independently of the code under
// test.
func hmacSHA1Hex(secret, body string) string {
	mac := hmac.New(sha1.New, []byte(secret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func TestVerifyWebhookKnownVector(t *testing.T) {
	t.Parallel()
	// The HMAC-SHA1 example widely published for this key and message.
	const body = "The quick brown fox jumps over the lazy dog"
	const sig = "sha1=de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9"
	assert.NoError(t, VerifyWebhook("key", []byte(body), sig))
	assert.Equal(t, sig, WebhookSignature("key", []byte(body)))
}

func TestVerifyWebhookComputedVector(t *testing.T) {
	t.Parallel()
	sig := "sha1=" + hmacSHA1Hex(webhookTestSecret, webhookTestBody)
	assert.NoError(t, VerifyWebhook(webhookTestSecret, []byte(webhookTestBody), sig))
	assert.Equal(t, sig, WebhookSignature(webhookTestSecret, []byte(webhookTestBody)))
	// An empty body is signed too.
	assert.NoError(t, VerifyWebhook(webhookTestSecret, nil, "sha1="+hmacSHA1Hex(webhookTestSecret, "")))
}

func TestVerifyWebhookRejectsTamperedBodyAndWrongSecret(t *testing.T) {
	t.Parallel()
	sig := "sha1=" + hmacSHA1Hex(webhookTestSecret, webhookTestBody)
	tampered := []string{
		strings.Replace(webhookTestBody, `"topic":"ping"`, `"topic":"pong"`, 1),
		webhookTestBody + " ",
		webhookTestBody + "\n",
		webhookTestBody[:len(webhookTestBody)-1],
		"",
	}
	for _, body := range tampered {
		err := VerifyWebhook(webhookTestSecret, []byte(body), sig)
		assert.ErrorIs(t, err, ErrSignatureMismatch, "body %q", body)
	}
	for _, secret := range []string{"client_secret_9d2F", "client_secret_9d2f ", "other"} {
		err := VerifyWebhook(secret, []byte(webhookTestBody), sig)
		assert.ErrorIs(t, err, ErrSignatureMismatch, "secret %q", secret)
	}
	// A signature made with the right secret over another body.
	other := "sha1=" + hmacSHA1Hex(webhookTestSecret, "{}")
	assert.ErrorIs(t, VerifyWebhook(webhookTestSecret, []byte(webhookTestBody), other), ErrSignatureMismatch)
}

func TestVerifyWebhookHeaderVariants(t *testing.T) {
	t.Parallel()
	digest := hmacSHA1Hex(webhookTestSecret, webhookTestBody)
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
			err := VerifyWebhook(webhookTestSecret, []byte(webhookTestBody), tt.header)
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
			assert.NotContains(t, err.Error(), webhookTestSecret)
		})
	}
}

func TestVerifyWebhookEmptySecret(t *testing.T) {
	t.Parallel()
	// With an empty key anyone can sign; the check must refuse it even when
	// the signature matches.
	sig := "sha1=" + hmacSHA1Hex("", webhookTestBody)
	err := VerifyWebhook("", []byte(webhookTestBody), sig)
	var inErr *InputError
	require.ErrorAs(t, err, &inErr)
	assert.Equal(t, "secret", inErr.Field)
}
