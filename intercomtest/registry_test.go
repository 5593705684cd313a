package intercomtest

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryOperationHasAHandler: every operation of the 2.11 description
// has a hand-written handler, and every operation the loaded description adds
// has one or is answered from the description (ws.described), which needs a
// success response to build its answer from.
func TestEveryOperationHasAHandler(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	old := spelled211(t)
	handwritten, described := 0, 0
	for op, name := range sp.names {
		_, ok := handlers[name]
		_, newer := newerHandlers[name]
		switch {
		case ok || newer:
			handwritten++
		default:
			assert.False(t, old[name], "2.11 operation %s (%s) has no handler", name, op.OperationID)
			status, _ := successResponse(op)
			assert.False(t, op.Responses.Status(status) == nil && op.Responses.Default() == nil, "operation %s has no success response to answer from", name)
			described++
		}
	}
	t.Logf("%d operations: %d with a handler, %d answered from the description", len(sp.names), handwritten, described)
}

// spelled211 are the operationIds of the project's 2.11 description.
func spelled211(t *testing.T) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "openapi", "intercom-2.11.yaml"))
	require.NoError(t, err)
	spelled := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s+operationId:\s*(\S+)\s*$`).FindAllSubmatch(raw, -1) {
		spelled[string(m[1])] = true
	}
	return spelled
}

// TestHandlersUseTheDescriptionsSpelling: every registered operationId is
// spelled exactly as in the project's description.
func TestHandlersUseTheDescriptionsSpelling(t *testing.T) {
	spelled := spelled211(t)
	for name := range handlers {
		assert.True(t, spelled[name], "handler %q is not an operationId of the description", name)
	}
}

// TestDescribedNameFindsTheRegisteredSpelling: the operationIds of the
// embedded description, which oapi-codegen capitalizes, find the handler
// registered under the description's own spelling; others stay as they are.
func TestDescribedNameFindsTheRegisteredSpelling(t *testing.T) {
	for in, want := range map[string]string{"": "", "IdentifyAdmin": "identifyAdmin", "identifyAdmin": "identifyAdmin",
		"retrieveACompanyById": "RetrieveACompanyById", "ShowContact": "ShowContact", "NoSuchOperation": "NoSuchOperation"} {
		assert.Equal(t, want, describedName(in), "describedName(%q)", in)
	}
}
