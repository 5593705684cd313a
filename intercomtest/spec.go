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
	shape
}

// shape is how the loaded description writes what its versions write
// differently; the workspace answers and reads requests in it.
type shape struct {
	// ticketStateObject is whether a ticket's state is an object (2.12 and
	// later: id, category, labels) rather than 2.11's category string.
	ticketStateObject bool
	// noPriority is the conversation priority that means none: 2.11's
	// not_priority, or none where the description's enum has levels.
	noPriority string
	// updateTicketState is whether a ticket update names its state by
	// category (2.11's state); from 2.12 it names one by ticket_state_id.
	updateTicketState bool
	// updateTicketAssignment is whether a ticket update assigns through an
	// assignment object (2.11 to 2.13) rather than admin_id and assignee_id
	// of its own (2.14 and later).
	updateTicketAssignment bool
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
	return &spec{doc: doc, router: router, names: operationNames(doc), shape: shape{
		ticketStateObject:      isObjectProperty(doc, "ticket", "ticket_state"),
		noPriority:             noPriority(doc),
		updateTicketState:      requestHasProperty(doc, "updateTicket", "state"),
		updateTicketAssignment: requestHasProperty(doc, "updateTicket", "assignment"),
	}}, nil
}

// isObjectProperty reports whether property prop of schema name is declared
// as an object (directly or through allOf).
func isObjectProperty(doc *openapi3.T, name, prop string) bool {
	p := propertySchema(doc.Components.Schemas[name], prop)
	if p == nil || p.Value == nil {
		return false
	}
	isObject := func(s *openapi3.Schema) bool {
		return s != nil && (s.Type.Is(openapi3.TypeObject) || len(s.Properties) > 0)
	}
	return isObject(p.Value) || slices.ContainsFunc(p.Value.AllOf, func(a *openapi3.SchemaRef) bool { return isObject(a.Value) })
}

// noPriority is the value of a conversation's priority enum that means no
// priority: not_priority (2.11) or none (the descriptions with levels).
func noPriority(doc *openapi3.T) string {
	if s := doc.Components.Schemas["conversation"]; s != nil && s.Value != nil {
		if p := s.Value.Properties["priority"]; p != nil && p.Value != nil {
			for _, v := range p.Value.Enum {
				if v == "none" {
					return "none"
				}
			}
		}
	}
	return "not_priority"
}

// requestHasProperty reports whether the JSON request body of the operation
// opID (as the description spells it, any case of its first letter) declares
// property prop, directly or through allOf.
func requestHasProperty(doc *openapi3.T, opID, prop string) bool {
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			if !spelledAs(op.OperationID, opID) || op.RequestBody == nil || op.RequestBody.Value == nil {
				continue
			}
			if mt := op.RequestBody.Value.Content.Get("application/json"); mt != nil {
				return propertySchema(mt.Schema, prop) != nil
			}
		}
	}
	return false
}
