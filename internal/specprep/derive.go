// Package specprep turns Intercom's published OpenAPI descriptions into the
// project's own description and prepares a description for oapi-codegen by
// applying the project's overlay before anything loads the file.
package specprep

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"gopkg.in/yaml.v3"
)

// proseKeys are the keys whose values are prose or example text. Derive drops
// them wherever they are keywords of the description (never where they name a
// property, a path or a component).
var proseKeys = map[string]bool{
	"description":  true,
	"summary":      true,
	"example":      true,
	"examples":     true,
	"externalDocs": true,
	"title":        true,
}

// nameMaps are the keys whose mapping values are keyed by names chosen by the
// API (property names, component names, paths…), not by OpenAPI keywords.
var nameMaps = map[string]bool{
	"properties":      true,
	"paths":           true,
	"schemas":         true,
	"responses":       true,
	"parameters":      true,
	"requestBodies":   true,
	"headers":         true,
	"securitySchemes": true,
	"content":         true,
	"mapping":         true,
	"variables":       true,
	"callbacks":       true,
	"links":           true,
	"encoding":        true,
}

// serverWords are the project's own words for the three regional servers.
var serverWords = map[string]string{
	"https://api.intercom.io":    "United States (default region)",
	"https://api.eu.intercom.io": "Europe",
	"https://api.au.intercom.io": "Australia",
}

// Derive returns the structure of a published description: every path,
// operation, parameter, schema, enum and server it states, without its prose
// descriptions, summaries, titles or examples. Responses keep a required
// description, written from the status code.
func Derive(published []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(published, &doc); err != nil {
		return nil, fmt.Errorf("specprep: parse published description: %w", err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("specprep: published description is not a YAML mapping")
	}
	root := doc.Content[0]
	stripProse(root, false)
	describeRoot(root)
	return encode(&doc)
}

// stripProse removes prose keys from node and everything below it. names says
// that node's keys are names (of properties, paths, components…), which are
// kept whatever they are.
func stripProse(node *yaml.Node, names bool) {
	switch node.Kind {
	case yaml.SequenceNode:
		for _, child := range node.Content {
			stripProse(child, false)
		}
	case yaml.MappingNode:
		kept := node.Content[:0]
		for i := 0; i+1 < len(node.Content); i += 2 {
			key, value := node.Content[i], node.Content[i+1]
			if !names && proseKeys[key.Value] {
				continue
			}
			// Below a name map, each value is a keyword map again; below a
			// keyword that introduces a name map, the keys are names.
			stripProse(value, !names && nameMaps[key.Value])
			kept = append(kept, key, value)
		}
		node.Content = kept
	}
}

// describeRoot writes the project's own short descriptions where OpenAPI
// requires one (responses) or where it helps a reader (info, servers).
func describeRoot(root *yaml.Node) {
	if info := mapValue(root, "info"); info != nil {
		addScalar(info, "title", "Intercom API")
		addScalar(info, "description", "The Intercom REST API, as described by the go-intercom project.")
	}
	if servers := mapValue(root, "servers"); servers != nil {
		for _, server := range servers.Content {
			if words, ok := serverWords[scalarValue(server, "url")]; ok {
				addScalar(server, "description", words)
			}
		}
	}
	walkResponses(root)
}

// walkResponses gives every response object a description made from its
// status code, since OpenAPI 3.0 requires one.
func walkResponses(node *yaml.Node) {
	if node.Kind != yaml.MappingNode && node.Kind != yaml.SequenceNode {
		return
	}
	if node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(node.Content); i += 2 {
			key, value := node.Content[i], node.Content[i+1]
			if key.Value == "responses" && value.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(value.Content); j += 2 {
					code, response := value.Content[j], value.Content[j+1]
					if response.Kind == yaml.MappingNode && mapValue(response, "$ref") == nil {
						addScalar(response, "description", statusWords(code.Value))
					}
				}
			}
		}
	}
	for _, child := range node.Content {
		walkResponses(child)
	}
}

// statusWords names a response by its status code ("default" and ranges too).
func statusWords(code string) string {
	if n, err := strconv.Atoi(code); err == nil && http.StatusText(n) != "" {
		return http.StatusText(n)
	}
	if code == "default" {
		return "Any other status"
	}
	return "Status " + code
}

// mapValue is the value of key in mapping m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalarValue(m *yaml.Node, key string) string {
	if v := mapValue(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// addScalar adds key with a string value. Derive calls it only for keys that
// stripProse has removed, so the key is never there already.
func addScalar(m *yaml.Node, key, value string) {
	if m.Kind != yaml.MappingNode {
		return
	}
	m.Content = append(m.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key},
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: value})
}

func encode(doc *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("specprep: encode: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("specprep: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// Version returns the API version a description states in info.version.
func Version(spec []byte) (string, error) {
	var doc struct {
		Info struct {
			Version string `yaml:"version"`
		} `yaml:"info"`
	}
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		return "", fmt.Errorf("specprep: parse description: %w", err)
	}
	if doc.Info.Version == "" {
		return "", fmt.Errorf("specprep: the description states no info.version")
	}
	return doc.Info.Version, nil
}

// VersionFile is the Go source of version.gen.go: the API version of the
// description a package was generated from.
func VersionFile(pkg, version string) []byte {
	return []byte("// Code generated by specprep from the description's info.version. DO NOT EDIT.\n\n" +
		"package " + pkg + "\n\n" +
		"// APIVersion is the Intercom API version this package was generated from.\n" +
		"const APIVersion = " + strconv.Quote(version) + "\n")
}
