package intercomtest

import (
	"fmt"
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
	// names are the operationIds as the description spells them.
	names map[*openapi3.Operation]string
	// ticketStateObject is whether a ticket's state is an object (2.12 and
	// later: id, category, labels) rather than 2.11's category string.
	ticketStateObject bool
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
	// Route on the path alone: the test server's URL is not among the
	// description's servers.
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("intercomtest: route description: %w", err)
	}
	return &spec{doc: doc, router: router, names: operationNames(doc), ticketStateObject: isObjectProperty(doc, "ticket", "ticket_state")}, nil
}

// isObjectProperty reports whether property prop of schema name is declared
// as an object (directly or through allOf).
func isObjectProperty(doc *openapi3.T, name, prop string) bool {
	s := doc.Components.Schemas[name]
	if s == nil || s.Value == nil || s.Value.Properties[prop] == nil {
		return false
	}
	p := s.Value.Properties[prop].Value
	if p == nil {
		return false
	}
	if p.Type.Is("object") || len(p.Properties) > 0 {
		return true
	}
	for _, a := range p.AllOf {
		if a.Value != nil && (a.Value.Type.Is("object") || len(a.Value.Properties) > 0) {
			return true
		}
	}
	return false
}
