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
	return &spec{doc: doc, router: router, names: operationNames(doc)}, nil
}
