package intercomtest

import (
	"fmt"
	"slices"
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
	acceptInappSpelling(doc)
	router, err := legacy.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("intercomtest: route description: %w", err)
	}
	return &spec{doc: doc, router: router, names: operationNames(doc)}, nil
}

// acceptInappSpelling lets createMessage take message_type inapp as well as
// in_app. Intercom's API and its official SDKs use inapp; the published
// 2.11 description lists in_app. Both are accepted whichever the loaded
// description lists.
func acceptInappSpelling(doc *openapi3.T) {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if describedName(op.OperationID) != "createMessage" || op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			mt := op.RequestBody.Value.Content.Get("application/json")
			if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
				continue
			}
			p := mt.Schema.Value.Properties["message_type"]
			if p == nil || p.Value == nil || len(p.Value.Enum) == 0 {
				continue
			}
			for _, v := range []string{"in_app", "inapp"} {
				if !slices.Contains(p.Value.Enum, any(v)) {
					p.Value.Enum = append(p.Value.Enum, v)
				}
			}
		}
	}
}
