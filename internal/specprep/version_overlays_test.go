package specprep_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/internal/specprep"
)

func TestVersionOverlaysApplyFromTheirVersionOn(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"2.14.yaml", "2.12.yaml", "2.9.yaml", "README.md"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("overlay: 1.1.0\n"), 0o644))
	}
	require.NoError(t, os.Mkdir(filepath.Join(dir, "2.13.yaml.d"), 0o755))
	for version, want := range map[string][]string{
		"2.8":  nil,
		"2.11": {"2.9.yaml"},
		"2.12": {"2.9.yaml", "2.12.yaml"},
		"2.13": {"2.9.yaml", "2.12.yaml"},
		"2.16": {"2.9.yaml", "2.12.yaml", "2.14.yaml"},
	} {
		got, err := specprep.VersionOverlays(dir, version)
		require.NoError(t, err, version)
		var names []string
		for _, p := range got {
			names = append(names, filepath.Base(p))
		}
		assert.Equal(t, want, names, version)
	}
}

func TestVersionOverlaysRefuseBadNames(t *testing.T) {
	none, err := specprep.VersionOverlays(filepath.Join(t.TempDir(), "absent"), "2.12")
	require.NoError(t, err)
	assert.Empty(t, none)

	_, err = specprep.VersionOverlays(t.TempDir(), "latest")
	assert.Error(t, err)

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "next.yaml"), nil, 0o644))
	_, err = specprep.VersionOverlays(dir, "2.12")
	assert.ErrorContains(t, err, "next.yaml")
}
