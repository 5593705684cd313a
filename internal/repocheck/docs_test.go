package repocheck

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPackageDocsOrient checks the package documentation of facade, gen,
// intercomtest and webhook: at most 20 lines each, pointing to Example
// functions that exist (in the package named, or in facade for gen, whose
// examples live there).
func TestPackageDocsOrient(t *testing.T) {
	root := repoRoot(t)
	for pkg, examplesIn := range map[string]string{"facade": "facade", "intercomtest": "intercomtest", "gen": "facade", "webhook": "webhook"} {
		t.Run(pkg, func(t *testing.T) {
			f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(root, pkg, "doc.go"), nil, parser.ParseComments|parser.PackageClauseOnly)
			require.NoError(t, err)
			require.NotNil(t, f.Doc, "%s/doc.go has no package documentation", pkg)
			lines := len(f.Doc.List)
			assert.LessOrEqual(t, lines, 20, "%s's package documentation in lines: a newcomer's orientation fits in 20", pkg)
			names := regexp.MustCompile(`\bExample[A-Za-z_]*`).FindAllString(f.Doc.Text(), -1)
			require.NotEmpty(t, names, "%s's package documentation points to no Example", pkg)
			defined := exampleFuncs(t, filepath.Join(root, examplesIn))
			for _, n := range names {
				assert.True(t, defined[n], "%s's package documentation names %s, which %s's tests do not define", pkg, n, examplesIn)
			}
			t.Logf("%s: %d lines, points to %s", pkg, lines, strings.Join(names, ", "))
		})
	}
}

// exampleFuncs returns the Example functions of the _test.go files in dir.
func exampleFuncs(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	require.NoError(t, err)
	defined := map[string]bool{}
	re := regexp.MustCompile(`(?m)^func (Example[A-Za-z_]*)\(\)`)
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
	}
	return defined
}
