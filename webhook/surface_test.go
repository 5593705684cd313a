package webhook

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSurfaceNamesNoGenType checks that a program can use all of package
// webhook with only webhook and facade imported, as facade's test of the
// same name checks for facade: the package's own files import neither gen
// (items decode into facade's aliases) nor a generator's runtime, so none of
// its exported functions, methods or fields can name their types.
func TestSurfaceNamesNoGenType(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		require.NoError(t, err)
		checked++
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			require.NoError(t, err)
			assert.False(t, path == "github.com/go-intercom/intercom/gen" || strings.Contains(path, "oapi-codegen"),
				"%s imports %s: users would need it too; use facade's aliases", name, path)
		}
	}
	assert.GreaterOrEqual(t, checked, 5, "is the test reading the package?")
}
