// Package weight holds the test of what importing the facade costs a
// program (issue 11): the packages it compiles and the size of its binary.
package weight

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Targets of issue 11 for a ten-line program that imports only facade.
const (
	maxNonStandardPackages = 10
	maxBinaryBytes         = 10_000_000
)

// program is the ten-line program: the standard library and facade only.
const program = `package main

import (
	"context"
	"fmt"

	"github.com/go-intercom/intercom/facade"
)

func main() {
	c, err := facade.NewClient("token")
	if err != nil {
		panic(err)
	}
	me, _, err := c.Admins.Identify(context.Background())
	fmt.Println(me, err)
}
`

// forbidden are parts of import paths of the libraries a program importing
// facade must not compile: OpenAPI, YAML and JSON-schema libraries.
var forbidden = []string{"openapi", "yaml", "jsonschema", "json-schema", "jsonpointer", "swag"}

// writeProgram writes program into a fresh folder inside this package's
// testdata folder, so that it belongs to the module and resolves its
// packages while `./...` patterns (run by others at the same time) never
// see it, and returns the folder's relative path ("./testdata/…"). The
// folder is removed when the test ends.
func writeProgram(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat("testdata"); os.IsNotExist(err) {
		require.NoError(t, os.Mkdir("testdata", 0o755))
		t.Cleanup(func() { os.Remove("testdata") }) // only if empty: other tests may be using it
	}
	dir, err := os.MkdirTemp("testdata", "prog")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(program), 0o644))
	return "./" + filepath.ToSlash(dir)
}

func goCmd(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	out, err := cmd.Output()
	var stderr []byte
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	require.NoError(t, err, "go %s\n%s", strings.Join(args, " "), stderr)
	return string(out)
}

// nonStandard returns the packages of a `go list -deps -f '{{.ImportPath}}'`
// listing whose path's first element has a dot (the standard library's never
// does), leaving out the program itself.
func nonStandard(listing, self string) []string {
	var pkgs []string
	for _, p := range strings.Fields(listing) {
		first, _, _ := strings.Cut(p, "/")
		if strings.Contains(first, ".") && p != self {
			pkgs = append(pkgs, p)
		}
	}
	return pkgs
}

// TestFacadeProgramDependencies lists what the program compiles: at most
// maxNonStandardPackages packages outside the standard library (the module's
// own included), none of them an OpenAPI, YAML or JSON-schema library.
func TestFacadeProgramDependencies(t *testing.T) {
	dir := writeProgram(t)
	self := strings.TrimSpace(goCmd(t, "list", "-f", "{{.ImportPath}}", dir))
	deps := nonStandard(goCmd(t, "list", "-deps", "-f", "{{.ImportPath}}", dir), self)
	t.Logf("%d non-standard packages: %s", len(deps), strings.Join(deps, " "))
	require.Contains(t, deps, "github.com/go-intercom/intercom/facade", "the program does not compile facade")
	assert.LessOrEqual(t, len(deps), maxNonStandardPackages, "non-standard packages the program compiles:\n%s", strings.Join(deps, "\n"))
	for _, p := range deps {
		for _, f := range forbidden {
			assert.NotContains(t, strings.ToLower(p), f, "the program compiles %s (an OpenAPI, YAML or JSON-schema library)", p)
		}
	}
}

// TestFacadeProgramBinarySize builds the program with the default flags and
// checks that the binary stays under maxBinaryBytes. Skipped with -short:
// a link takes seconds.
func TestFacadeProgramBinarySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program; skipped with -short")
	}
	dir := writeProgram(t)
	bin := filepath.Join(t.TempDir(), "prog")
	goCmd(t, "build", "-o", bin, dir)
	fi, err := os.Stat(bin)
	require.NoError(t, err)
	t.Logf("binary: %d bytes", fi.Size())
	assert.LessOrEqual(t, fi.Size(), int64(maxBinaryBytes), "the program's binary size")
}
