package intercomtest

import (
	"fmt"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/go-intercom/intercom/internal/description"
)

// spec is the loaded description and the router over its paths, shared by
// every server of the process: it is only read after loading.
type spec struct {
	doc    *openapi3.T
	router routers.Router
}

var (
	specOnce sync.Once
	specVal  *spec
	specErr  error
)

// loadSpec loads the embedded description once.
func loadSpec() (*spec, error) {
	specOnce.Do(func() {
		specVal, specErr = buildSpec()
	})
	return specVal, specErr
}

func buildSpec() (*spec, error) {
	doc, err := description.GetSpec()
	if err != nil {
		return nil, fmt.Errorf("intercomtest: load description: %w", err)
	}
	patchArraysWithoutItems(doc)
	// Route on the path alone: the test server's URL is not among the
	// description's servers.
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("intercomtest: route description: %w", err)
	}
	return &spec{doc: doc, router: router}, nil
}

// lowerFirst turns the generated spelling of an operationId (IdentifyAdmin)
// back into the description's (identifyAdmin).
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// patchArraysWithoutItems gives every array schema without items an empty
// items schema. The 2.11 description has such arrays (inside
// ticket_request_custom_attributes), which kin-openapi's document validation,
// and so its router, rejects; an empty items schema means the same thing.
func patchArraysWithoutItems(doc *openapi3.T) {
	seen := map[*openapi3.Schema]bool{}
	var walk func(ref *openapi3.SchemaRef)
	walk = func(ref *openapi3.SchemaRef) {
		if ref == nil || ref.Value == nil || seen[ref.Value] {
			return
		}
		s := ref.Value
		seen[s] = true
		if s.Type.Is(openapi3.TypeArray) && s.Items == nil {
			s.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
		}
		walk(s.Items)
		walk(s.Not)
		for _, list := range []openapi3.SchemaRefs{s.AllOf, s.AnyOf, s.OneOf} {
			for _, r := range list {
				walk(r)
			}
		}
		for _, p := range s.Properties {
			walk(p)
		}
		walk(s.AdditionalProperties.Schema)
	}
	for _, r := range doc.Components.Schemas {
		walk(r)
	}
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range op.Parameters {
				if p.Value != nil {
					walk(p.Value.Schema)
				}
			}
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				for _, mt := range op.RequestBody.Value.Content {
					walk(mt.Schema)
				}
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value != nil {
					for _, mt := range resp.Value.Content {
						walk(mt.Schema)
					}
				}
			}
		}
	}
}
