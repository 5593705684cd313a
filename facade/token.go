package facade

import (
	"strconv"
	"unicode/utf8"
)

// checkToken returns an *InputError naming the field token unless token is
// a bearer token as RFC 6750 (section 2.1) writes it: letters, digits and
// - . _ ~ + /, then optionally = signs to the end. Anything else (a blank
// token, spaces, CR, LF or other control characters, non-ASCII) could not
// be sent as is in the Authorization header, or would split it, or would
// make the redaction of errors replace ordinary text. The error says what
// is wrong and where, never the token itself.
func checkToken(token string) error {
	const allowed = "letters, digits and - . _ ~ + /, optionally followed by = signs"
	if token == "" {
		return invalid("token", "must not be empty")
	}
	padding := false
	for i := 0; i < len(token); i++ {
		c := token[i]
		var problem string
		switch {
		case c == '=':
			padding = true
			continue
		case padding:
			problem = "a character after the = padding"
		case isB64TokenByte(c):
			continue
		case c == ' ' || c == '\t':
			problem = "a space"
		case c == '\r' || c == '\n':
			problem = "a line break"
		case c < 0x20 || c == 0x7f:
			problem = "a control character"
		case c >= utf8.RuneSelf:
			problem = "a non-ASCII character"
		default:
			problem = "a character a bearer token cannot hold"
		}
		return invalid("token", "has %s at byte %s of %d; a bearer token holds only %s", problem, strconv.Itoa(i), len(token), allowed)
	}
	if token[0] == '=' {
		return invalid("token", "holds only = signs; a bearer token holds %s", allowed)
	}
	return nil
}

// isB64TokenByte reports whether c may appear before the padding of an
// RFC 6750 b64token.
func isB64TokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '.', '_', '~', '+', '/':
		return true
	}
	return false
}
