package intercomtest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
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
	return operationIDsIn(t, filepath.Join("..", "openapi", "intercom-2.11.yaml"))
}

// operationIDsIn are the operationIds the description files spell.
func operationIDsIn(t *testing.T, files ...string) map[string]bool {
	t.Helper()
	spelled := map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range regexp.MustCompile(`(?m)^\s+operationId:\s*(\S+)\s*$`).FindAllSubmatch(raw, -1) {
			spelled[string(m[1])] = true
		}
	}
	return spelled
}

// TestHandlersUseTheDescriptionsSpelling: every handler of a 2.11 operation
// is registered under its operationId spelled exactly as the project's
// description spells it, and every handler of a newer operation under the
// spelling of a published description that declares it (and 2.11 does not).
func TestHandlersUseTheDescriptionsSpelling(t *testing.T) {
	spelled := spelled211(t)
	for name := range handlers {
		assert.True(t, spelled[name], "handler %q is not an operationId of the description", name)
	}
	t.Run("newer", func(t *testing.T) {
		dir := os.Getenv("INTERCOM_OPENAPI_REFERENCE")
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.yaml"))
		if dir == "" || len(files) == 0 {
			t.Skipf("published descriptions not found in %q (set INTERCOM_OPENAPI_REFERENCE)", dir)
		}
		published := operationIDsIn(t, files...)
		for name := range newerHandlers {
			assert.False(t, spelled[name], "handler %q of a 2.11 operation belongs in handlers", name)
			assert.True(t, published[name], "handler %q is not an operationId of a published description", name)
		}
	})
}

// TestRegistryFindsEveryHandledOperation: an operation of the loaded
// description at the method and path of a 2.11 operation is found under
// 2.11's spelling, so its handler answers it, whatever the loaded
// description calls it (oapi-codegen capitalizes every operationId; 2.12
// renames listDataAttributes, which its overlay pins back).
func TestRegistryFindsEveryHandledOperation(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	raw, err := os.ReadFile(filepath.Join("..", "openapi", "intercom-2.11.yaml"))
	require.NoError(t, err)
	var old struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &old))
	found := 0
	for path, item := range sp.doc.Paths.Map() {
		for method, op := range item.Operations() {
			before, _ := old.Paths[path][strings.ToLower(method)].(map[string]any)
			if id, ok := before["operationId"].(string); ok {
				assert.Equal(t, id, sp.names[op], "%s %s", method, path)
				found++
			}
		}
	}
	assert.NotZero(t, found, "operations the loaded description shares with 2.11")
}

// TestDescribedNameFindsTheRegisteredSpelling: the operationIds of the
// embedded description, which oapi-codegen capitalizes, find the handler
// registered under the description's own spelling; others stay as they are.
func TestDescribedNameFindsTheRegisteredSpelling(t *testing.T) {
	for in, want := range map[string]string{"": "", "IdentifyAdmin": "identifyAdmin", "identifyAdmin": "identifyAdmin",
		"retrieveACompanyById": "RetrieveACompanyById", "ShowContact": "ShowContact", "NoSuchOperation": "NoSuchOperation"} {
		assert.Equal(t, want, describedName(in), "describedName(%q)", in)
	}
	assert.True(t, spelledAs("UpdateTicket", "updateTicket"), "capitalized by oapi-codegen")
	assert.True(t, spelledAs("updateTicket", "updateTicket"))
	assert.False(t, spelledAs("updateticket", "updateTicket"), "only the first letter's case may differ")
	assert.False(t, spelledAs("", "updateTicket"))
}
