package intercomtest

import (
	"reflect"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
)

func TestSynthesize(t *testing.T) {
	str := func(format string, minLen uint64) *openapi3.SchemaRef {
		return openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: format, MinLength: minLen})
	}
	minimum := 3.0
	cases := []struct {
		name   string
		schema *openapi3.SchemaRef
		want   any
	}{
		{"nil", nil, map[string]any{}},
		{"default", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"integer"}, Default: 7}), 7},
		{"date-time", str("date-time", 0), "2024-01-01T00:00:00Z"},
		{"date", str("date", 0), "2024-01-01"},
		{"uuid", str("uuid", 0), "00000000-0000-4000-8000-000000000000"},
		{"email", str("email", 0), "someone@example.com"},
		{"uri", str("uri", 0), "https://example.com/"},
		{"min length", str("", 3), "xxx"},
		{"minimum", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"number"}, Min: &minimum}), 3.0},
		{"nullable untyped", openapi3.NewSchemaRef("", &openapi3.Schema{Nullable: true}), nil},
		{"untyped", openapi3.NewSchemaRef("", &openapi3.Schema{}), map[string]any{}},
		{"min items", openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"array"}, MinItems: 2,
			Items: openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"boolean"}})}), []any{false, false}},
		{"oneOf without an acceptable alternative", openapi3.NewSchemaRef("", &openapi3.Schema{
			OneOf: openapi3.SchemaRefs{str("", 0), str("", 0)}}), ""},
		{"oneOf naming a property of the enclosing schema", openapi3.NewSchemaRef("", &openapi3.Schema{
			Type: &openapi3.Types{"object"},
			Properties: openapi3.Schemas{
				"kind": openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"a"}}),
			},
			OneOf: openapi3.SchemaRefs{openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"kind"}})},
		}), map[string]any{"kind": "a"}},
	}
	for _, tc := range cases {
		got := synthesize(tc.schema)
		assert.Equal(t, tc.want, got, tc.name)
	}
	// Deep in a recursive schema, a nullable value is null.
	got := synth(openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"object"}, Nullable: true}), maxSynthDepth+1)
	assert.Nil(t, got, "deep nullable: %#v", got)
}

func TestCompleteLeavesAlternativesAlone(t *testing.T) {
	schema := openapi3.NewSchemaRef("", &openapi3.Schema{
		Required: []string{"a"},
		OneOf:    openapi3.SchemaRefs{openapi3.NewSchemaRef("", &openapi3.Schema{Required: []string{"b"}})},
	})
	v := map[string]any{}
	complete(schema, v)
	assert.Len(t, v, 0, "completed %v", v)
}

func TestNormalizeKeepsUnencodableValues(t *testing.T) {
	ch := make(chan int)
	got := normalize(ch)
	assert.Equal(t, any(ch), got, "normalize(chan) = %v", got)
	got = normalize(map[string]int{"a": 1})
	assert.True(t, reflect.DeepEqual(got, map[string]any{"a": 1.0}), "normalize(map) = %#v", got)
}

func TestConformGivesDeclaredIntegersNumbers(t *testing.T) {
	typed := func(typ string) *openapi3.SchemaRef {
		return openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{typ}})
	}
	schema := openapi3.NewSchemaRef("", &openapi3.Schema{
		Type: &openapi3.Types{"object"},
		Properties: openapi3.Schemas{
			"admin_assignee_id": typed("integer"),
			"amount":            typed("number"),
			"id":                typed("string"),
			"label":             typed("integer"),
			"parts": openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"array"},
				Items: openapi3.NewSchemaRef("", &openapi3.Schema{Type: &openapi3.Types{"object"},
					Properties: openapi3.Schemas{"author_id": typed("integer")}})}),
		},
	})
	v := map[string]any{"admin_assignee_id": "42", "amount": "7", "id": "99", "label": "none",
		"parts": []any{map[string]any{"author_id": "5"}}}
	conform(schema, v)
	assert.Equal(t, map[string]any{"admin_assignee_id": int64(42), "amount": int64(7), "id": "99", "label": "none",
		"parts": []any{map[string]any{"author_id": int64(5)}}}, v)
}
