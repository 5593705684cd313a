package specprep_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// referenceDir returns the folder of Intercom's published descriptions
// (INTERCOM_OPENAPI_REFERENCE, default ../shared/reference/intercom-openapi
// beside the checkout), or skips the test where it is absent.
func referenceDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("INTERCOM_OPENAPI_REFERENCE")
	if dir == "" {
		dir = filepath.Join(moduleRoot(t), "..", "shared", "reference", "intercom-openapi")
	}
	if _, err := os.Stat(filepath.Join(dir, "2.11", "api.intercom.io.yaml")); err != nil {
		t.Skipf("published descriptions not found in %s (set INTERCOM_OPENAPI_REFERENCE)", dir)
	}
	return dir
}

// publishedVersions are the published descriptions the pipeline must accept.
var publishedVersions = []string{"2.11", "2.12", "2.13", "2.14", "2.15", "2.16"}

// moduleRoot is the folder holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "go.mod"))
	require.NoError(t, err, "module root not found at %s", dir)
	return dir
}
