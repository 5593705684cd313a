package repocheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeLayoutMatchesTree checks the README's "Layout" table against the
// tree: every path it names exists; every top-level file git tracks is named,
// and every top-level folder is named or has something in it named; and every
// Go package is named, by itself or by a folder above it that the table names
// with a trailing slash.
func TestReadmeLayoutMatchesTree(t *testing.T) {
	root := repoRoot(t)
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	named := layoutPaths(t, string(readme))

	for _, p := range named {
		_, err := os.Stat(filepath.Join(root, strings.TrimSuffix(p, "/")))
		assert.NoError(t, err, "the layout names %s, which the tree does not have", p)
	}

	out, err := exec.Command("git", "-C", root, "ls-files").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	top := map[string]bool{}
	for _, f := range strings.Fields(string(out)) {
		first, rest, isDir := strings.Cut(f, "/")
		if first == ".gitignore" || rest == "" && strings.HasPrefix(first, ".") {
			continue
		}
		if isDir {
			first += "/"
		}
		top[first] = true
	}
	for entry := range top {
		assert.True(t, covers(named, entry, true) || strings.HasSuffix(entry, "/") && namesInside(named, entry),
			"the layout does not name %s", entry)
	}

	pkgs, err := exec.Command("go", "list", "-f", "{{.Dir}}", "./...").Output()
	require.NoError(t, err)
	for _, dir := range strings.Fields(string(pkgs)) {
		rel, err := filepath.Rel(root, dir)
		require.NoError(t, err)
		assert.True(t, covers(named, filepath.ToSlash(rel), false), "the layout does not name the package %s", rel)
	}
}

// layoutPaths returns the backquoted paths in the first column of the
// README's Layout table.
func layoutPaths(t *testing.T, readme string) []string {
	t.Helper()
	_, section, ok := strings.Cut(readme, "\n## Layout\n")
	require.True(t, ok, "README.md has no Layout section")
	section, _, _ = strings.Cut(section, "\n## ")
	code := regexp.MustCompile("`([^`]+)`")
	var paths []string
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			continue
		}
		for _, m := range code.FindAllStringSubmatch(cells[1], -1) {
			paths = append(paths, m[1])
		}
	}
	require.NotEmpty(t, paths, "the Layout table names no path")
	return paths
}

// covers reports whether the layout names path itself or, unless exact, a
// folder above it (named with a trailing slash).
func covers(named []string, path string, exact bool) bool {
	for _, n := range named {
		if n == path || strings.TrimSuffix(n, "/") == strings.TrimSuffix(path, "/") {
			return true
		}
		if !exact && strings.HasSuffix(n, "/") && strings.HasPrefix(path, n) {
			return true
		}
	}
	return false
}

// namesInside reports whether the layout names something inside dir.
func namesInside(named []string, dir string) bool {
	for _, n := range named {
		if strings.HasPrefix(n, dir) {
			return true
		}
	}
	return false
}
