package intercomtest

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestEveryOperationHasAHandler: no operation of the loaded description
// falls back to a synthesized answer.
func TestEveryOperationHasAHandler(t *testing.T) {
	sp, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	for op, name := range sp.names {
		if _, ok := handlers[name]; !ok {
			t.Errorf("operation %s (%s) has no handler", name, op.OperationID)
		}
	}
	if len(sp.names) != len(handlers) {
		t.Errorf("%d operations, %d handlers", len(sp.names), len(handlers))
	}
}

// TestHandlersUseTheDescriptionsSpelling: every registered operationId is
// spelled exactly as in the project's description.
func TestHandlersUseTheDescriptionsSpelling(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "openapi", "intercom-2.11.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	spelled := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+operationId:\s*(\S+)\s*$`).FindAllSubmatch(raw, -1) {
		spelled[string(m[1])] = true
	}
	for name := range handlers {
		if !spelled[name] {
			t.Errorf("handler %q is not an operationId of the description", name)
		}
	}
}
