package intercomtest

import (
	"encoding/json"

	"github.com/getkin/kin-openapi/openapi3"
)

// maxSynthDepth bounds the recursion of synthesize through nested schemas.
const maxSynthDepth = 12

// synthesize builds a minimal value that the schema accepts: objects with
// their required properties, empty arrays, the first enum value or the
// default, zero numbers and plain strings that satisfy common formats.
func synthesize(ref *openapi3.SchemaRef) any {
	return synth(ref, 0)
}

func synth(ref *openapi3.SchemaRef, depth int) any {
	if ref == nil || ref.Value == nil {
		return map[string]any{}
	}
	s := ref.Value
	if depth > maxSynthDepth && s.Nullable {
		return nil
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	if s.Default != nil {
		return s.Default
	}
	if len(s.AllOf) > 0 {
		out := map[string]any{}
		for _, sub := range s.AllOf {
			if m, ok := synth(sub, depth+1).(map[string]any); ok {
				for k, v := range m {
					out[k] = v
				}
			}
		}
		fillRequired(s, out, depth)
		return out
	}
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		if len(alts) == 0 {
			continue
		}
		// Pick the first alternative whose minimal value the whole schema
		// accepts (a oneOf rejects a value that several alternatives match).
		for _, alt := range alts {
			v := synth(alt, depth+1)
			if m, ok := v.(map[string]any); ok && s.Discriminator != nil {
				// The discriminator names the alternative.
				for key, ref := range s.Discriminator.Mapping {
					if ref.Ref == alt.Ref {
						m[s.Discriminator.PropertyName] = key
					}
				}
			}
			if m, ok := v.(map[string]any); ok && len(s.Properties) > 0 {
				// An alternative may only name required properties that
				// the enclosing schema defines.
				if alt.Value != nil && len(alt.Value.Properties) == 0 {
					for _, name := range alt.Value.Required {
						if _, set := m[name]; !set {
							m[name] = synth(s.Properties[name], depth+1)
						}
					}
				}
				fillRequired(s, m, depth)
			}
			if s.VisitJSON(normalize(v)) == nil {
				return v
			}
		}
		return synth(alts[0], depth+1)
	}
	switch {
	case s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0:
		out := map[string]any{}
		fillRequired(s, out, depth)
		return out
	case s.Type.Is(openapi3.TypeArray):
		out := []any{}
		for i := uint64(0); i < s.MinItems; i++ {
			out = append(out, synth(s.Items, depth+1))
		}
		return out
	case s.Type.Is(openapi3.TypeString):
		return synthString(s)
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		if s.Min != nil {
			return *s.Min
		}
		return 0
	case s.Type.Is(openapi3.TypeBoolean):
		return false
	}
	if s.Nullable {
		return nil
	}
	return map[string]any{}
}

func synthString(s *openapi3.Schema) string {
	var v string
	switch s.Format {
	case "date-time":
		v = "2024-01-01T00:00:00Z"
	case "date":
		v = "2024-01-01"
	case "uuid":
		v = countedUUID(0, 0)
	case "email":
		v = "someone@example.com"
	case "uri", "url":
		v = "https://example.com/"
	}
	for uint64(len(v)) < s.MinLength {
		v += "x"
	}
	return v
}

// fillRequired adds to out every required property of s that it lacks.
func fillRequired(s *openapi3.Schema, out map[string]any, depth int) {
	for _, name := range s.Required {
		if _, ok := out[name]; ok {
			continue
		}
		if p, ok := s.Properties[name]; ok {
			out[name] = synth(p, depth+1)
		} else {
			out[name] = map[string]any{}
		}
	}
}

// complete fills in, throughout v (a JSON-shaped value), the required
// properties that the schema asks for and v lacks. Handlers build the parts
// of a resource the workspace models; complete supplies the rest.
func complete(ref *openapi3.SchemaRef, v any) {
	walkObjects(ref, v, 0, func(s *openapi3.Schema, obj map[string]any, depth int) bool {
		if len(s.OneOf) > 0 || len(s.AnyOf) > 0 {
			return false // which alternative applies is the handler's business
		}
		fillRequired(s, obj, depth)
		return true
	})
}

// walkObjects calls visit for every object of v (a JSON-shaped value) with
// the schema that describes it, through allOf, array items and, where visit
// says so, the object's properties and additional properties.
func walkObjects(ref *openapi3.SchemaRef, v any, depth int, visit func(s *openapi3.Schema, obj map[string]any, depth int) bool) {
	if ref == nil || ref.Value == nil || v == nil || depth > maxSynthDepth {
		return
	}
	s := ref.Value
	switch val := v.(type) {
	case map[string]any:
		for _, sub := range s.AllOf {
			walkObjects(sub, val, depth+1, visit)
		}
		if !visit(s, val, depth) {
			return
		}
		for name, p := range s.Properties {
			if pv, ok := val[name]; ok {
				walkObjects(p, pv, depth+1, visit)
			}
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			for name, pv := range val {
				if _, known := s.Properties[name]; !known {
					walkObjects(ap, pv, depth+1, visit)
				}
			}
		}
	case []any:
		for _, item := range val {
			walkObjects(s.Items, item, depth+1, visit)
		}
	}
}

// normalize turns a Go value into its JSON shape (map[string]any, []any,
// float64, string, bool, nil), the form schema validation expects.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}

// conform gives the values of v (a JSON-shaped value) the JSON type the
// schema declares where the workspace keeps them in another form: an id the
// workspace holds as a string is a number where the description declares an
// integer (ticket assignees from 2.16).
func conform(ref *openapi3.SchemaRef, v any) {
	walkObjects(ref, v, 0, func(s *openapi3.Schema, obj map[string]any, _ int) bool {
		for name, p := range s.Properties {
			if str, isStr := obj[name].(string); isStr {
				obj[name] = typedID(p, str)
			}
		}
		return true
	})
}
