package facade

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a non-2xx answer from the API. Every facade method, and every call
// made through Client.Gen, returns one for a status outside 2xx; use errors.As
// to read it and errors.Is with the Err* sentinels to branch on it.
type Error struct {
	// Response is the exchange's metadata: status, request id, rate limit,
	// header. It is never nil.
	*Response
	// Method and Path name the request that failed ("GET", "/tickets/123").
	Method string
	Path   string
	// Errors are the entries of Intercom's error.list body, empty when the
	// body was not one. They hold what the API sent in full (with the token
	// redacted); Error() shortens long messages.
	Errors []ErrorDetail
	// Body is an excerpt of the body (at most 512 bytes, "…" included) when
	// it was not an error.list, such as the HTML page of a proxy; empty
	// otherwise. The token is redacted before the body is cut.
	Body string
	// Attempts is how many times the request was sent before this answer
	// ended it: 1 when it was not retried, more when retries (see
	// RetryPolicy) ran out or stopped. Error() says "after N attempts"
	// when it is above 1.
	Attempts int
}

// ErrorDetail is one entry of Intercom's error.list body.
type ErrorDetail struct {
	// Code is Intercom's machine-readable code ("not_found", "parameter_invalid").
	Code string `json:"code"`
	// Message is the human-readable explanation.
	Message string `json:"message"`
	// Field names the request field at fault, when Intercom says.
	Field string `json:"field,omitempty"`
}

// Sentinels for errors.Is on an *Error. The status sentinels match the HTTP
// status; the code sentinels match when any entry of the error.list carries
// that Intercom code.
var (
	// ErrNotFound matches a 404 (or an entry with code "not_found").
	ErrNotFound = errors.New("intercom: not found")
	// ErrUnauthorized matches a 401 (or an entry with code "unauthorized").
	ErrUnauthorized = errors.New("intercom: unauthorized")
	// ErrForbidden matches a 403 (or an entry with code "forbidden").
	ErrForbidden = errors.New("intercom: forbidden")
	// ErrRateLimited matches a 429 (or an entry with code "rate_limit_exceeded"),
	// returned once retries or the rate-limit wait bound are exhausted.
	ErrRateLimited = errors.New("intercom: rate limited")

	// ErrTokenRevoked matches code "token_revoked": the access token is no
	// longer valid.
	ErrTokenRevoked = &codeError{"token_revoked"}
	// ErrTokenNotFound matches code "token_not_found": the token is unknown.
	ErrTokenNotFound = &codeError{"token_not_found"}
	// ErrParameterInvalid matches code "parameter_invalid": a value was rejected.
	ErrParameterInvalid = &codeError{"parameter_invalid"}
	// ErrParameterNotFound matches code "parameter_not_found": a required
	// parameter was missing.
	ErrParameterNotFound = &codeError{"parameter_not_found"}
	// ErrConflict matches code "conflict" (or a 409 status): the object
	// already exists or changed meanwhile.
	ErrConflict = &codeError{"conflict"}
	// ErrActionForbidden matches code "action_forbidden": the app may not do this.
	ErrActionForbidden = &codeError{"action_forbidden"}
	// ErrIntercomVersionInvalid matches code "intercom_version_invalid".
	ErrIntercomVersionInvalid = &codeError{"intercom_version_invalid"}
)

// codeError is a sentinel that matches an Intercom error code.
type codeError struct{ code string }

func (e *codeError) Error() string { return "intercom: error code " + e.code }

// statusSentinels maps statuses to the sentinel they match.
var statusSentinels = map[int]error{
	http.StatusNotFound:        ErrNotFound,
	http.StatusUnauthorized:    ErrUnauthorized,
	http.StatusForbidden:       ErrForbidden,
	http.StatusTooManyRequests: ErrRateLimited,
	http.StatusConflict:        ErrConflict,
}

// codeSentinels maps Intercom codes to the status sentinels they also match.
var codeSentinels = map[string]error{
	"not_found":           ErrNotFound,
	"unauthorized":        ErrUnauthorized,
	"forbidden":           ErrForbidden,
	"rate_limit_exceeded": ErrRateLimited,
}

// Is reports whether target is a sentinel this error matches: by status
// (ErrNotFound for a 404) or by an Intercom error code (ErrTokenRevoked for
// an entry with code "token_revoked").
func (e *Error) Is(target error) bool {
	if e.Response != nil && statusSentinels[e.StatusCode] == target && target != nil {
		return true
	}
	if ce, ok := target.(*codeError); ok {
		return e.HasCode(ce.code)
	}
	for _, d := range e.Errors {
		if s, ok := codeSentinels[d.Code]; ok && s == target {
			return true
		}
	}
	return false
}

// HasCode reports whether an entry of the error.list carries code.
func (e *Error) HasCode(code string) bool {
	for _, d := range e.Errors {
		if d.Code == code {
			return true
		}
	}
	return false
}

// Error implements error: method, path, status, Intercom's codes and
// messages, and the request id. Whatever the API sent, it stays short: each
// message is cut to 512 bytes, each code, field and the request id to 128,
// and at most 10 entries are listed, then "and N more".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("intercom: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.Path)
	b.WriteString(": ")
	status := 0
	if e.Response != nil {
		status = e.StatusCode
	}
	b.WriteString(strconv.Itoa(status))
	if t := http.StatusText(status); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	for i, d := range e.Errors {
		if i == maxErrorEntries {
			b.WriteString("; and " + strconv.Itoa(len(e.Errors)-i) + " more")
			break
		}
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(clip(d.Code, maxErrorWord))
		if d.Field != "" {
			b.WriteString(" (" + clip(d.Field, maxErrorWord) + ")")
		}
		if d.Message != "" {
			b.WriteString(": " + clip(d.Message, maxErrorMessage))
		}
	}
	if len(e.Errors) == 0 && e.Body != "" {
		b.WriteString(": " + strconv.Quote(e.Body))
	}
	var notes []string
	if e.Response != nil && e.RequestID != "" {
		notes = append(notes, "request id "+clip(e.RequestID, maxErrorWord))
	}
	if e.Attempts > 1 {
		notes = append(notes, attemptsNote(e.Attempts))
	}
	if len(notes) > 0 {
		b.WriteString(" (" + strings.Join(notes, ", ") + ")")
	}
	return b.String()
}

// attemptsNote is how an error says it was retried: "after 4 attempts".
func attemptsNote(n int) string { return "after " + strconv.Itoa(n) + " attempts" }

// What Error() shows of an error.list, whatever its size: the fields of the
// *Error keep everything the API sent (redacted), the message is bounded.
const (
	// maxErrorMessage caps each entry's message in Error().
	maxErrorMessage = 512
	// maxErrorWord caps each entry's code and field, and the request id, in
	// Error().
	maxErrorWord = 128
	// maxErrorEntries is how many entries Error() lists before "and N more".
	maxErrorEntries = 10
)

const (
	// maxErrorBody is how much of an error body is read.
	maxErrorBody = 64 << 10
	// maxExcerpt is how much of a non-JSON error body an *Error keeps.
	maxExcerpt = 512
)

// errorList is Intercom's error body.
type errorList struct {
	Type      string        `json:"type"`
	RequestID string        `json:"request_id"`
	Errors    []ErrorDetail `json:"errors"`
}

// newError reads (at most maxErrorBody of) resp's body, closes it and builds
// the *Error. Any occurrence of secret in what the server sent back is
// redacted.
func newError(req *http.Request, resp *http.Response, secret string) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody)) // let the connection be reused
	resp.Body.Close()
	e := &Error{Response: newResponse(resp), Method: req.Method, Path: req.URL.Path}
	var list errorList
	if len(body) > 0 && json.Unmarshal(body, &list) == nil && (list.Type == "error.list" || len(list.Errors) > 0) {
		e.Errors = list.Errors
		if e.RequestID == "" {
			e.RequestID = list.RequestID
		}
		for i := range e.Errors {
			e.Errors[i].Message = redact(e.Errors[i].Message, secret)
			e.Errors[i].Field = redact(e.Errors[i].Field, secret)
			e.Errors[i].Code = redact(e.Errors[i].Code, secret)
		}
	} else if len(body) > 0 {
		// Redact the whole body before cutting it: a cut first could leave
		// the start of a token that straddles the cut, which redaction
		// would no longer recognise.
		e.Body = excerpt([]byte(redact(string(body), secret)))
	}
	e.RequestID = redact(e.RequestID, secret)
	return e
}

// excerpt returns the start of body as text, at most maxExcerpt bytes in
// all: when body is longer, it is cut on a rune boundary and ends with "…"
// (counted in the maxExcerpt bytes). Surrounding space is trimmed.
func excerpt(body []byte) string {
	// Invalid bytes become U+FFFD (3 bytes each) before the cut, so that the
	// excerpt stays within maxExcerpt bytes.
	s := strings.ToValidUTF8(strings.TrimSpace(string(body[:min(len(body), maxExcerpt+utf8.UTFMax)])), "\uFFFD")
	return clip(s, maxExcerpt)
}

// clip returns s when it fits in n bytes, else its start, cut on a rune
// boundary, followed by "…", in n bytes at most.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := max(n-len("…"), 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// redact removes secret from s.
func redact(s, secret string) string {
	if secret == "" || !strings.Contains(s, secret) {
		return s
	}
	return strings.ReplaceAll(s, secret, "[REDACTED]")
}

// TransportError is a request that got no HTTP answer: the connection
// failed, the attempt timed out, or the context ended. It names the request
// and unwraps to the cause (context.Canceled, *net.OpError, …).
type TransportError struct {
	Method string
	Path   string
	Err    error
	// Attempts is how many attempts were made: 1 when the request was not
	// retried, more when retries ran out or stopped, 0 when the call ended
	// while a Pacer held the first one. Error() says "after N attempts"
	// when it is above 1.
	Attempts int
}

// Error implements error.
func (e *TransportError) Error() string {
	msg := "intercom: " + e.Method + " " + e.Path + ": " + e.Err.Error()
	if e.Attempts > 1 {
		msg += " (" + attemptsNote(e.Attempts) + ")"
	}
	return msg
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// newTransportError wraps err, dropping net/http's *url.Error layer (it
// repeats the full URL, query included).
func newTransportError(req *http.Request, err error, secret string) *TransportError {
	if uerr, ok := err.(*url.Error); ok {
		err = uerr.Err
	}
	if secret != "" && strings.Contains(err.Error(), secret) {
		err = &redactedError{err: err, secret: secret}
	}
	return &TransportError{Method: req.Method, Path: req.URL.Path, Err: err}
}

// redactedError hides secret in the message of an error while keeping it
// reachable for errors.Is and errors.As.
type redactedError struct {
	err    error
	secret string
}

func (e *redactedError) Error() string { return redact(e.err.Error(), e.secret) }
func (e *redactedError) Unwrap() error { return e.err }
