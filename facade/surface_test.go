package facade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSurfaceNamesNoGenType checks that a program can use every exported
// function, method and struct field of the facade with only package facade
// imported: their signatures and fields name facade's own types and aliases,
// never a gen type directly. Client.Gen, the way down to the generated
// client, is the one exception.
func TestSurfaceNamesNoGenType(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, imp := range f.Imports {
			assert.NotContains(t, imp.Path.Value, "oapi-codegen/nullable")
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() || (d.Recv != nil && !exportedReceiver(d.Recv)) {
					continue
				}
				if d.Name.Name == "Gen" {
					continue
				}
				checked++
				ref := genRef(d.Type)
				assert.Equal(t, "", ref)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !ts.Name.IsExported() || ts.Assign.IsValid() {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						continue
					}
					for _, field := range st.Fields.List {
						if len(field.Names) == 0 || !field.Names[0].IsExported() {
							continue
						}
						checked++
						ref := genRef(field.Type)
						assert.Equal(t, "", ref)
					}
				}
			}
		}
	}
	require.GreaterOrEqual(t, checked, 300, "checked only %d exported functions and fields; is the test reading the package?", checked)
}

func exportedReceiver(recv *ast.FieldList) bool {
	typ := recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if idx, ok := typ.(*ast.IndexExpr); ok {
		typ = idx.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}

// genRef returns the first gen.X that n mentions, or "".
func genRef(n ast.Node) string {
	var found string
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && found == "" {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "gen" {
				found = "gen." + sel.Sel.Name
			}
		}
		return found == ""
	})
	return found
}
