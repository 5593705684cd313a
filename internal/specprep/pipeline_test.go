package specprep_test

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/internal/specprep"
)

// generate runs the project's generation command (specprep generate, which
// runs oapi-codegen at the version tools/go.mod pins) on spec, writing gen.go into
// a new package folder inside the module, so that it builds against the
// module's dependencies. It returns that folder.
func generate(t *testing.T, spec string) string {
	t.Helper()
	root := moduleRoot(t)
	dir, err := os.MkdirTemp(filepath.Join(root, "internal", "specprep"), ".refresh-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	run(t, root, "go", "run", "./internal/cmd/specprep", "generate",
		"-spec", spec,
		"-overlay", filepath.Join(root, "openapi", "overlay.yaml"),
		"-config", filepath.Join(root, "codegen.yaml"),
		"-o", filepath.Join(dir, "gen.go"))
	return dir
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s %s\n%s", name, strings.Join(args, " "), out)
}

// TestRefreshPublishedVersions derives the project's description from each
// published version, 2.11 to 2.16, generates a client from it through the
// overlay, and builds and vets the result.
func TestRefreshPublishedVersions(t *testing.T) {
	if testing.Short() {
		t.Skip("generates six clients")
	}
	ref := referenceDir(t)
	root := moduleRoot(t)
	for _, v := range publishedVersions {
		t.Run(v, func(t *testing.T) {
			published, err := os.ReadFile(filepath.Join(ref, v, "api.intercom.io.yaml"))
			require.NoError(t, err)
			derived, err := specprep.Derive(published)
			require.NoError(t, err)
			spec := filepath.Join(t.TempDir(), "intercom-"+v+".yaml")
			require.NoError(t, os.WriteFile(spec, derived, 0o644))
			dir := generate(t, spec)
			version, err := os.ReadFile(filepath.Join(dir, "version.gen.go"))
			require.NoError(t, err)
			assert.Contains(t, string(version), `const APIVersion = "`+v+`"`, "version.gen.go")
			rel, _ := filepath.Rel(root, dir)
			run(t, root, "go", "build", "./"+rel)
			run(t, root, "go", "vet", "./"+rel)
		})
	}
}

// TestProjectDescriptionEquivalent generates from the published 2.11 file and
// from openapi/intercom-2.11.yaml, both through the overlay, and requires the
// same Go declarations, comments aside. The embedded description is data that
// differs by the prose, so its literal is left out.
func TestProjectDescriptionEquivalent(t *testing.T) {
	if testing.Short() {
		t.Skip("generates two clients")
	}
	ref := referenceDir(t)
	root := moduleRoot(t)
	fromPublished := declarations(t, filepath.Join(generate(t, filepath.Join(ref, "2.11", "api.intercom.io.yaml")), "gen.go"))
	fromProject := declarations(t, filepath.Join(generate(t, filepath.Join(root, "openapi", "intercom-2.11.yaml")), "gen.go"))
	require.GreaterOrEqual(t, len(fromProject), 1000, "declarations generated")
	missing, extra := diff(fromPublished, fromProject)
	assert.Empty(t, missing, "declarations generated from the published file only")
	assert.Empty(t, extra, "declarations generated from the project's file only")
	t.Logf("%d declarations, identical", len(fromProject))
}

// declarations prints each top-level declaration of a Go file without
// comments and with white space folded, one string per declaration (one per
// spec for grouped ones).
func declarations(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, 0)
	require.NoError(t, err)
	var out []string
	print := func(node any) {
		var buf bytes.Buffer
		require.NoError(t, printer.Fprint(&buf, fset, node))
		// Positions come from the file, comments included: fold white
		// space so that only tokens are compared.
		out = append(out, strings.Join(strings.Fields(buf.String()), " "))
	}
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok {
			print(decl)
			continue
		}
		for _, spec := range gd.Specs {
			if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Names) == 1 && vs.Names[0].Name == "swaggerSpec" {
				continue
			}
			print(spec)
		}
	}
	sort.Strings(out)
	return out
}

// diff returns what is in a only and what is in b only, for sorted lists.
func diff(a, b []string) (onlyA, onlyB []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			onlyA = append(onlyA, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			onlyB = append(onlyB, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return onlyA, onlyB
}
