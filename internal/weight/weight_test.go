// Package weight holds the test of what importing the facade costs a
// program (issue 11): the packages it compiles and the size of its binary.
package weight

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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
		if err := os.Mkdir("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Remove("testdata") }) // only if empty: other tests may be using it
	}
	dir, err := os.MkdirTemp("testdata", "prog")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(program), 0o644); err != nil {
		t.Fatal(err)
	}
	return "./" + filepath.ToSlash(dir)
}

func goCmd(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
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
	if !slices.Contains(deps, "github.com/go-intercom/intercom/facade") {
		t.Fatalf("the program does not compile facade: %v", deps)
	}
	if len(deps) > maxNonStandardPackages {
		t.Errorf("the program compiles %d non-standard packages, want at most %d:\n%s",
			len(deps), maxNonStandardPackages, strings.Join(deps, "\n"))
	}
	for _, p := range deps {
		for _, f := range forbidden {
			if strings.Contains(strings.ToLower(p), f) {
				t.Errorf("the program compiles %s (an OpenAPI, YAML or JSON-schema library)", p)
				break
			}
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
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("binary: %d bytes", fi.Size())
	if fi.Size() > maxBinaryBytes {
		t.Errorf("the program's binary is %d bytes, want at most %d", fi.Size(), maxBinaryBytes)
	}
}
