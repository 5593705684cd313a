package repocheck

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
			if err != nil {
				t.Fatal(err)
			}
			if f.Doc == nil {
				t.Fatalf("%s/doc.go has no package documentation", pkg)
			}
			lines := len(f.Doc.List)
			if lines > 20 {
				t.Errorf("%s's package documentation is %d lines; a newcomer's orientation fits in 20", pkg, lines)
			}
			names := regexp.MustCompile(`\bExample[A-Za-z_]*`).FindAllString(f.Doc.Text(), -1)
			if len(names) == 0 {
				t.Fatalf("%s's package documentation points to no Example", pkg)
			}
			defined := exampleFuncs(t, filepath.Join(root, examplesIn))
			for _, n := range names {
				if !defined[n] {
					t.Errorf("%s's package documentation names %s, which %s's tests do not define", pkg, n, examplesIn)
				}
			}
			t.Logf("%s: %d lines, points to %s", pkg, lines, strings.Join(names, ", "))
		})
	}
}

// exampleFuncs returns the Example functions of the _test.go files in dir.
func exampleFuncs(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	re := regexp.MustCompile(`(?m)^func (Example[A-Za-z_]*)\(\)`)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			defined[m[1]] = true
		}
	}
	return defined
}
