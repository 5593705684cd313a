package specprep

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// PinShapes gives every schema of spec that baseline also has the shape
// flags baseline gives it: its required list (restricted to the properties
// spec declares), whether it is nullable, and whether each property they
// share is nullable. Both are overlaid descriptions.
//
// From 2.12 on, Intercom's published descriptions dropped the required lists
// of about a hundred schemas and made some thirty of them nullable without
// any change in what the API sends. oapi-codegen turns each such flag into a
// pointer or a value, so without pinning a refresh would change the Go type
// of hundreds of fields that mean the same thing. A change of meaning (a
// property of another type, a new property) is not a flag and stays as the
// new version has it.
func PinShapes(spec, baseline []byte) ([]byte, error) {
	var doc, base yaml.Node
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		return nil, fmt.Errorf("specprep: parse description: %w", err)
	}
	if err := yaml.Unmarshal(baseline, &base); err != nil {
		return nil, fmt.Errorf("specprep: parse baseline: %w", err)
	}
	schemas := lookup(&doc, "components", "schemas")
	baseSchemas := lookup(&base, "components", "schemas")
	if schemas == nil || baseSchemas == nil {
		return spec, nil
	}
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		name, schema := schemas.Content[i].Value, schemas.Content[i+1]
		if b := mapValue(baseSchemas, name); b != nil && schema.Kind == yaml.MappingNode && b.Kind == yaml.MappingNode {
			pinSchema(schema, b)
		}
	}
	return encode(&doc)
}

// pinSchema copies b's shape flags onto s.
func pinSchema(s, b *yaml.Node) {
	copyFlag(s, b, "nullable")
	props := mapValue(s, "properties")
	var required []*yaml.Node
	if br := mapValue(b, "required"); br != nil && props != nil {
		for _, r := range br.Content {
			if mapValue(props, r.Value) != nil {
				required = append(required, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: r.Value})
			}
		}
	}
	if len(required) > 0 {
		setKey(s, "required", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: required})
	} else {
		deleteKey(s, "required")
	}
	bprops := mapValue(b, "properties")
	if props == nil || bprops == nil {
		return
	}
	for i := 0; i+1 < len(props.Content); i += 2 {
		p := props.Content[i+1]
		if bp := mapValue(bprops, props.Content[i].Value); bp != nil && p.Kind == yaml.MappingNode && bp.Kind == yaml.MappingNode {
			copyFlag(p, bp, "nullable")
		}
	}
}

// copyFlag makes s's boolean key the same as b's (absent when b lacks it).
func copyFlag(s, b *yaml.Node, key string) {
	if v := mapValue(b, key); v != nil {
		setKey(s, key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v.Value})
		return
	}
	deleteKey(s, key)
}

// lookup follows a path of mapping keys from a document node.
func lookup(n *yaml.Node, path ...string) *yaml.Node {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, key := range path {
		if n = mapValue(n, key); n == nil {
			return nil
		}
	}
	return n
}

// setKey sets key of mapping m to v.
func setKey(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
}

// deleteKey removes key from mapping m.
func deleteKey(m *yaml.Node, key string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return
		}
	}
}

// PinPathParams gives every path of spec the parameter names that baseline
// uses for the same path: 2.12 and 2.13 spell /contacts/{contact_id} as
// /contacts/{id}, and /contacts/{contact_id}/companies/{company_id} as
// /contacts/{contact_id}/companies/{id}. The names are what generated
// parameters and intercomtest's handlers go by; the URLs are the same.
func PinPathParams(spec, baseline []byte) ([]byte, error) {
	var doc, base yaml.Node
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		return nil, fmt.Errorf("specprep: parse description: %w", err)
	}
	if err := yaml.Unmarshal(baseline, &base); err != nil {
		return nil, fmt.Errorf("specprep: parse baseline: %w", err)
	}
	paths, basePaths := lookup(&doc, "paths"), lookup(&base, "paths")
	if paths == nil || basePaths == nil {
		return spec, nil
	}
	byShape := map[string]string{}
	taken := map[string]bool{}
	for i := 0; i+1 < len(basePaths.Content); i += 2 {
		byShape[pathShape.ReplaceAllString(basePaths.Content[i].Value, "{}")] = basePaths.Content[i].Value
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		taken[paths.Content[i].Value] = true
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		key := paths.Content[i]
		want, ok := byShape[pathShape.ReplaceAllString(key.Value, "{}")]
		if !ok || want == key.Value || taken[want] {
			continue
		}
		names := map[string]string{}
		have, pinned := pathShape.FindAllString(key.Value, -1), pathShape.FindAllString(want, -1)
		for j := range have {
			names[strings.Trim(have[j], "{}")] = strings.Trim(pinned[j], "{}")
		}
		key.Value = want
		renamePathParams(paths.Content[i+1], names)
	}
	return encode(&doc)
}

// pathShape matches the parameters of a path template.
var pathShape = regexp.MustCompile(`\{[^}]*\}`)

// renamePathParams renames the path parameters of a path item and of its
// operations.
func renamePathParams(item *yaml.Node, names map[string]string) {
	lists := []*yaml.Node{mapValue(item, "parameters")}
	for i := 0; i+1 < len(item.Content); i += 2 {
		lists = append(lists, mapValue(item.Content[i+1], "parameters"))
	}
	for _, list := range lists {
		if list == nil || list.Kind != yaml.SequenceNode {
			continue
		}
		for _, p := range list.Content {
			in, name := mapValue(p, "in"), mapValue(p, "name")
			if in != nil && in.Value == "path" && name != nil && names[name.Value] != "" {
				name.Value = names[name.Value]
			}
		}
	}
}
