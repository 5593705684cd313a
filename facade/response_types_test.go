package facade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/gen"
)

// TestDecodeTypesMatchOperations ties each decode[T] to its operation:
// nothing in Go stops decode[Admin](raw.ListTags(…)) from compiling, so this
// reads every decode[T](call) in the facade's source and checks that T is the
// type gen's parser gives the operation's success body (the JSON2xx field of
// <Op>Response), after resolving the facade's aliases.
func TestDecodeTypesMatchOperations(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		files = append(files, f)
	}
	aliases := genAliases(files)
	client := reflect.TypeFor[*gen.ClientWithResponses]()
	checked := 0
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			idx, ok := call.Fun.(*ast.IndexExpr)
			if !ok || !isIdent(idx.X, "decode") || len(call.Args) != 1 {
				return true
			}
			at := fset.Position(call.Pos()).String()
			op := operationCalled(call.Args[0])
			if op == "Do" { // getPage: a page URL the API gave, typed by getPage's caller
				return true
			}
			require.NotEmpty(t, op, "%s: decode's argument is not a call of gen's client", at)
			m, ok := client.MethodByName(op + "WithResponse")
			require.True(t, ok, "%s: gen has no %sWithResponse", at, op)
			want := successType(m.Type.Out(0).Elem())
			require.NotNil(t, want, "%s: %sResponse has no JSON2xx field", at, op)
			assert.Equal(t, want.Name(), genName(idx.Index, aliases), "%s: decode's type for %s", at, op)
			checked++
			return true
		})
	}
	require.Greater(t, checked, 60, "decode call sites found")
}

// genAliases maps each facade alias of a gen type (type X = gen.Y) to Y.
func genAliases(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, s := range gd.Specs {
				ts := s.(*ast.TypeSpec)
				if sel, ok := ts.Type.(*ast.SelectorExpr); ok && ts.Assign.IsValid() && isIdent(sel.X, "gen") {
					out[ts.Name.Name] = sel.Sel.Name
				}
			}
		}
	}
	return out
}

// genName is the gen type a type expression of the facade names.
func genName(e ast.Expr, aliases map[string]string) string {
	switch x := e.(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		if g, ok := aliases[x.Name]; ok {
			return g
		}
		return x.Name
	}
	return ""
}

// operationCalled names the gen operation a call sends: raw.<Op>(…), or an
// adapter gen.<Op>Call(…); "Do" for a request built by hand (raw.Client.Do).
func operationCalled(e ast.Expr) string {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return ""
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if isIdent(sel.X, "gen") {
		return strings.TrimSuffix(sel.Sel.Name, "Call")
	}
	if inner, ok := sel.X.(*ast.SelectorExpr); ok && (inner.Sel.Name == "raw" || inner.Sel.Name == "Client") {
		return sel.Sel.Name
	}
	return ""
}

// successType is the type of the first JSON2xx field of a generated
// <Op>Response.
func successType(resp reflect.Type) reflect.Type {
	for i := range resp.NumField() {
		f := resp.Field(i)
		if strings.HasPrefix(f.Name, "JSON2") {
			return f.Type.Elem()
		}
	}
	return nil
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
