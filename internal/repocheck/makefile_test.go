package repocheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckGeneratedRefusesUncommittedChanges runs `make check-generated`
// with the project's Makefile in a scratch git repository whose gen/ (or
// internal/description/) has an uncommitted change, and checks that it
// fails with a clear message before generating anything, leaving the change
// in place. GO=true stands in for the go command, so that a Makefile that
// went on to `make generate` would pass instead of failing.
func TestCheckGeneratedRefusesUncommittedChanges(t *testing.T) {
	for _, tool := range []string{"make", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	makefile, err := os.ReadFile(filepath.Join(repoRoot(t), "Makefile"))
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		change func(dir string) error
	}{
		{"a hand edit in gen/", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "gen", "intercom.gen.go"), []byte("package gen\n\n// edited by hand\n"), 0o644)
		}},
		{"a new file in gen/", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "gen", "extra.go"), []byte("package gen\n"), 0o644)
		}},
		{"a hand edit in internal/description/", func(dir string) error {
			return os.WriteFile(filepath.Join(dir, "internal", "description", "description.gen.go"), []byte("package description\n\n// edited\n"), 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"Makefile":            string(makefile),
				"gen/intercom.gen.go": "package gen\n",
				"internal/description/description.gen.go": "package description\n",
			}
			for name, content := range files {
				p := filepath.Join(dir, name)
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
			}
			git := func(args ...string) {
				t.Helper()
				cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "git %v\n%s", args, out)
			}
			git("init", "-q")
			git("add", ".")
			git("commit", "-q", "-m", "generated")

			// Clean: check-generated runs (and, with GO=true, passes).
			cmd := exec.Command("make", "-s", "GO=true", "check-generated")
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "make check-generated over a clean tree\n%s", out)

			require.NoError(t, tc.change(dir))
			before := snapshot(t, dir)
			cmd = exec.Command("make", "-s", "GO=true", "check-generated")
			cmd.Dir = dir
			out, err = cmd.CombinedOutput()
			require.Error(t, err, "make check-generated passed over an uncommitted change:\n%s", out)
			assert.Contains(t, string(out), "refusing to run", "the message does not say why it refuses")
			assert.Contains(t, string(out), "uncommitted changes", "the message does not say why it refuses")
			assert.NotContains(t, string(out), "true generate", "it went on to generate")
			assert.Equal(t, before, snapshot(t, dir), "the uncommitted change was touched")
		})
	}
}

// snapshot describes the generated folders' files and contents.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, sub := range []string{"gen", "internal/description"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		require.NoError(t, err)
		for _, e := range entries {
			src, err := os.ReadFile(filepath.Join(dir, sub, e.Name()))
			require.NoError(t, err)
			b.WriteString(sub + "/" + e.Name() + "=" + string(src) + ";")
		}
	}
	return b.String()
}
