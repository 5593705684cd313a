package facade

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNewClientRefusesBadTokens: blank tokens, spaces, line breaks and
// other control characters, non-ASCII (U+0085 included) and anything else a
// bearer token cannot hold make NewClient and NewClientFromEnv fail with an
// *InputError for the field token that does not print the token.
func TestNewClientRefusesBadTokens(t *testing.T) {
	bad := map[string]string{
		" ":                  "a space",
		"   ":                "a space",
		"\t":                 "a space",
		"abc\r\nX-Evil: 1":   "a line break",
		"abc\nX":             "a line break",
		"tok\u0085en_SECRET": "a non-ASCII character",
		"tok\x00en_SECRET":   "a control character",
		"tok\x7fen_SECRET":   "a control character",
		"tokén_SECRET":       "a non-ASCII character",
		"tok en_SECRET":      "a space",
		" tok_SECRET":        "a space",
		"tok_SECRET ":        "a space",
		`tok"en_SECRET`:      "a character a bearer token cannot hold",
		"tok,en_SECRET":      "a character a bearer token cannot hold",
		"tok:en_SECRET":      "a character a bearer token cannot hold",
		"abc=def_SECRET":     "a character after the = padding",
		"===":                "only = signs",
	}
	for token, problem := range bad {
		c, err := NewClient(token)
		ie := requireInputError(t, err, "token")
		assert.Nil(t, c)
		assert.Contains(t, ie.Problem, problem)
		assert.NotContains(t, err.Error(), "SECRET", "the error shows the token")
		if strings.TrimSpace(token) != "" {
			assert.NotContains(t, err.Error(), token, "the error shows the token")
		}
	}
	t.Setenv(EnvToken, " ")
	_, err := NewClientFromEnv()
	assert.Error(t, err)
	assert.Contains(t, err.Error(), "invalid token")
}

// TestNewClientAcceptsBearerTokens: the tokens Intercom issues (base64, with
// or without padding) and every character of RFC 6750's b64token.
func TestNewClientAcceptsBearerTokens(t *testing.T) {
	for _, token := range []string{
		testToken,
		"dG9rOjEyMzQ1Njc4OjkwYWJjZGVm",
		"dG9rOjEyMzQ1Njc4OjkwYWJjZGU=",
		"dG9rOjEyMzQ1Njc4OjkwYWJjZA==",
		"a-b.c_d~e+f/g0Z9",
	} {
		_, err := NewClient(token)
		assert.NoError(t, err)
	}
}
