package facade

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// Fixtures shaped like Intercom's responses (issue 11). Intercom's published
// examples are mostly nulls, and a decoder's cost depends on that shape: a
// null costs a pointer field nothing, a value costs it an allocation. So the
// benchmark bodies are generated from a shape, the same keys in the same
// order with null exactly where the published example has null, and with
// values of our own. TestBenchShapesMatchPublishedExamples checks each shape
// against the published example it stands for.

// jsonShape is the shape of one JSON value and how a fixture fills it.
type jsonShape struct {
	kind   byte // 'n' null, 's' string, 'i' integer, 'b' boolean, 'o' object, 'a' empty array
	text   string
	fields []shapeField
}

// shapeField is one key of an object shape.
type shapeField struct {
	key   string
	shape jsonShape
}

// Placeholders a string or integer shape may hold; fill replaces them for
// each generated item n.
const (
	holeID    = "{id}"    // 24 hex digits made from n
	holeN     = "{n}"     // n in decimal
	holeStamp = "{stamp}" // a Unix time made from n
)

func null() jsonShape                { return jsonShape{kind: 'n'} }
func str(text string) jsonShape      { return jsonShape{kind: 's', text: text} }
func num(text string) jsonShape      { return jsonShape{kind: 'i', text: text} }
func boolean(v bool) jsonShape       { return jsonShape{kind: 'b', text: strconv.FormatBool(v)} }
func emptyArray() jsonShape          { return jsonShape{kind: 'a'} }
func obj(fs ...shapeField) jsonShape { return jsonShape{kind: 'o', fields: fs} }
func field(k string, s jsonShape) shapeField {
	return shapeField{key: k, shape: s}
}

// contactRefList is the shape of a contact's tags, notes, companies and
// subscription type lists: empty, with the list's URL.
func contactRefList(path string) jsonShape {
	return obj(field("type", str("list")), field("data", emptyArray()),
		field("url", str("/contacts/"+holeID+"/"+path)),
		field("total_count", num("0")), field("has_more", boolean(false)))
}

// contactShape is a contact as GET /contacts/{id} returns it in Intercom's
// published example: 52 keys, 31 of them null, location all nulls, every
// list empty.
func contactShape() jsonShape {
	nulls := func(keys ...string) []shapeField {
		fs := make([]shapeField, len(keys))
		for i, k := range keys {
			fs[i] = field(k, null())
		}
		return fs
	}
	var fs []shapeField
	fs = append(fs,
		field("type", str("contact")),
		field("id", str(holeID)),
		field("workspace_id", str("wsp0bench0000000000000000000000000000001")),
		field("external_id", str("u-"+holeN)),
		field("role", str("user")),
		field("email", str("user"+holeN+"@example.com")),
		field("phone", null()),
		field("name", str("User "+holeN)),
		field("avatar", null()),
		field("owner_id", null()),
		field("social_profiles", obj(field("type", str("list")), field("data", emptyArray()))),
		field("has_hard_bounced", boolean(false)),
		field("marked_email_as_spam", boolean(false)),
		field("unsubscribed_from_emails", boolean(false)),
		field("created_at", num(holeStamp)),
		field("updated_at", num(holeStamp)),
		field("signed_up_at", num(holeStamp)),
	)
	fs = append(fs, nulls("last_seen_at", "last_replied_at", "last_contacted_at", "last_email_opened_at",
		"last_email_clicked_at", "language_override", "browser", "browser_version", "browser_language", "os")...)
	fs = append(fs, field("location", obj(append([]shapeField{field("type", str("location"))},
		nulls("country", "region", "city", "country_code", "continent_code")...)...)))
	fs = append(fs, nulls("android_app_name", "android_app_version", "android_device", "android_os_version",
		"android_sdk_version", "android_last_seen_at", "ios_app_name", "ios_app_version", "ios_device",
		"ios_os_version", "ios_sdk_version", "ios_last_seen_at")...)
	fs = append(fs,
		field("custom_attributes", obj()),
		field("tags", contactRefList("tags")),
		field("notes", contactRefList("notes")),
		field("companies", contactRefList("companies")),
		field("opted_out_subscription_types", contactRefList("subscriptions")),
		field("opted_in_subscription_types", contactRefList("subscriptions")),
	)
	fs = append(fs, nulls("utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "referrer")...)
	return obj(fs...)
}

// adminShape is the admin GET /me returns in Intercom's published example.
func adminShape() jsonShape {
	return obj(
		field("type", str("admin")),
		field("id", str("9100001")),
		field("email", str("ada@example.com")),
		field("name", str("Ada Operator")),
		field("email_verified", boolean(true)),
		field("app", obj(
			field("type", str("app")),
			field("id_code", str("wsp0bench0000000000000000000000000000001")),
			field("name", str("Bench Workspace")),
			field("created_at", num("1717000000")),
			field("secure", boolean(false)),
			field("identity_verification", boolean(false)),
			field("timezone", str("Europe/Dublin")),
			field("region", str("EU")),
		)),
		field("avatar", obj(
			field("type", str("avatar")),
			field("image_url", str("https://static.example.com/avatars/9100001.png")),
		)),
		field("has_inbox_seat", boolean(true)),
	)
}

// shapeTemplate is a shape compiled once into literal bytes and holes, so
// that serving a page costs a copy rather than a walk of the shape (the
// server's work is in both sides of every comparison and must stay small).
type shapeTemplate struct {
	parts [][]byte // literal text; between two parts is the hole holes[i]
	holes []string
}

func compileShape(s jsonShape) *shapeTemplate {
	var b strings.Builder
	var walk func(s jsonShape)
	walk = func(s jsonShape) {
		switch s.kind {
		case 'n':
			b.WriteString("null")
		case 's':
			b.WriteByte('"')
			b.WriteString(s.text) // shapes hold no characters that need escaping
			b.WriteByte('"')
		case 'i', 'b':
			b.WriteString(s.text)
		case 'a':
			b.WriteString("[]")
		case 'o':
			b.WriteByte('{')
			for i, f := range s.fields {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Quote(f.key))
				b.WriteByte(':')
				walk(f.shape)
			}
			b.WriteByte('}')
		}
	}
	walk(s)
	t := &shapeTemplate{}
	rest := b.String()
	for {
		at, hole := -1, ""
		for _, h := range []string{holeID, holeN, holeStamp} {
			if i := strings.Index(rest, h); i >= 0 && (at < 0 || i < at) {
				at, hole = i, h
			}
		}
		if at < 0 {
			t.parts = append(t.parts, []byte(rest))
			return t
		}
		t.parts = append(t.parts, []byte(rest[:at]))
		t.holes = append(t.holes, hole)
		rest = rest[at+len(hole):]
	}
}

// appendTo appends item n of the template to dst.
func (t *shapeTemplate) appendTo(dst []byte, n int) []byte {
	for i, p := range t.parts {
		dst = append(dst, p...)
		if i == len(t.holes) {
			break
		}
		switch t.holes[i] {
		case holeID:
			dst = appendBenchID(dst, n)
		case holeN:
			dst = strconv.AppendInt(dst, int64(n), 10)
		case holeStamp:
			dst = strconv.AppendInt(dst, 1717000000+int64(n), 10)
		}
	}
	return dst
}

// appendBenchID appends n as 24 lowercase hex digits, like a contact id.
func appendBenchID(dst []byte, n int) []byte {
	const digits = "0123456789abcdef"
	var b [24]byte
	for i := range b {
		b[i] = '0'
	}
	copy(b[:8], "6650c0de")
	for i, v := len(b)-1, uint64(n); v > 0 && i >= 8; i, v = i-1, v>>4 {
		b[i] = digits[v&15]
	}
	return append(dst, b[:]...)
}

// benchContactID is the id of contact n, as the fixtures write it.
func benchContactID(n int) string { return string(appendBenchID(nil, n)) }

// renderShape returns item n of a shape as JSON.
func renderShape(s jsonShape, n int) []byte { return compileShape(s).appendTo(nil, n) }

// TestBenchShapesMatchPublishedExamples compares each fixture shape with the
// published example it stands for: the same keys, null exactly where the
// example has null, and the same kind of value elsewhere.
func TestBenchShapesMatchPublishedExamples(t *testing.T) {
	doc := loadPublishedDescription(t)
	for _, c := range []struct {
		name, path, method string
		shape              jsonShape
	}{
		{"contact", "/contacts/{contact_id}", "get", contactShape()},
		{"admin", "/me", "get", adminShape()},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex := publishedExample(t, doc, c.path, c.method)
			assert.Empty(t, compareShape("", c.shape, ex), "differences from the published example")
		})
	}
}

// loadPublishedDescription reads Intercom's published 2.11 description
// (INTERCOM_OPENAPI_REFERENCE, default ../shared/reference/intercom-openapi
// beside the checkout), or skips where it is absent, as the pipeline's
// reference tests do.
func loadPublishedDescription(t *testing.T) map[string]any {
	t.Helper()
	dir := os.Getenv("INTERCOM_OPENAPI_REFERENCE")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "reference", "intercom-openapi")
	}
	data, err := os.ReadFile(filepath.Join(dir, "2.11", "api.intercom.io.yaml"))
	if err != nil {
		t.Skipf("published descriptions not found in %s (set INTERCOM_OPENAPI_REFERENCE): %v", dir, err)
	}
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(data, &doc))
	return doc
}

// publishedExample is the value of the single example of path's 200 answer.
func publishedExample(t *testing.T, doc map[string]any, path, method string) any {
	t.Helper()
	var v any = doc
	for _, k := range []string{"paths", path, method, "responses", "200", "content", "application/json", "examples"} {
		m, ok := v.(map[string]any)
		require.True(t, ok, "%s %s: no %q in the published description", method, path, k)
		v = m[k]
	}
	exs, ok := v.(map[string]any)
	require.True(t, ok)
	require.Len(t, exs, 1)
	for _, ex := range exs {
		return ex.(map[string]any)["value"]
	}
	return nil
}

// compareShape lists where s differs from the example value v.
func compareShape(at string, s jsonShape, v any) []string {
	kind := func(v any) byte {
		switch v := v.(type) {
		case nil:
			return 'n'
		case string:
			return 's'
		case int, int64, uint64:
			return 'i'
		case bool:
			return 'b'
		case map[string]any:
			return 'o'
		case []any:
			if len(v) == 0 {
				return 'a'
			}
			return 'A' // a non-empty array: no shape here has one
		}
		return '?'
	}
	if k := kind(v); k != s.kind {
		return []string{fmt.Sprintf("%s: published %c, fixture %c", at, k, s.kind)}
	}
	if s.kind != 'o' {
		return nil
	}
	m := v.(map[string]any)
	var diffs []string
	seen := map[string]bool{}
	for _, f := range s.fields {
		seen[f.key] = true
		ev, ok := m[f.key]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("%s.%s: not in the published example", at, f.key))
			continue
		}
		diffs = append(diffs, compareShape(at+"."+f.key, f.shape, ev)...)
	}
	var missing []string
	for k := range m {
		if !seen[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		diffs = append(diffs, fmt.Sprintf("%s.%s: in the published example, not in the fixture", at, k))
	}
	return diffs
}

// TestBenchShapeTemplate checks the compiled template against a plain walk:
// item n of a shape is valid JSON with n's id, index and time in it.
func TestBenchShapeTemplate(t *testing.T) {
	got := renderShape(contactShape(), 0x2a)
	for _, want := range []string{`"id":"6650c0de000000000000002a"`, `"email":"user42@example.com"`,
		`"created_at":1717000042`, `"url":"/contacts/6650c0de000000000000002a/tags"`, `"referrer":null}`} {
		assert.True(t, bytes.Contains(got, []byte(want)), "contact 42 lacks %s:\n%s", want, got)
	}
	assert.Equal(t, 31+5, strings.Count(string(got), "null"))
}
