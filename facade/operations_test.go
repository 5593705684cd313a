package facade

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// descriptionPath is the API description the facade must cover, relative to
// this package's directory.
const descriptionPath = "../openapi/intercom-2.11.yaml"

// specOperation is one operation of the API description.
type specOperation struct {
	ID     string
	Method string
	Path   string
}

// facadeMethod is a facade method whose doc comment names an operation.
type facadeMethod struct {
	Name   string // "AdminsService.Identify"
	Pos    string // file:line
	ID     string
	Method string
	Path   string
	Calls  map[string]bool // generated client methods called as <x>.client.raw.<Name>
}

// callsLine is the doc comment line naming a method's operation.
var callsLine = regexp.MustCompile(`^// Calls ([A-Za-z0-9_]+): (GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS) (/\S*)\.$`)

// loadSpecOperations reads every operation of the API description.
func loadSpecOperations(t *testing.T) map[string]specOperation {
	t.Helper()
	data, err := os.ReadFile(descriptionPath)
	require.NoError(t, err, "read description")
	var doc struct {
		Paths map[string]map[string]yaml.Node `yaml:"paths"`
	}
	require.NoError(t, yaml.Unmarshal(data, &doc), "parse description")
	ops := make(map[string]specOperation)
	for path, item := range doc.Paths {
		for method, node := range item {
			switch method {
			case "get", "put", "post", "patch", "delete", "head", "options":
			default:
				continue // parameters, summary, servers…
			}
			var op struct {
				OperationID string `yaml:"operationId"`
			}
			err := node.Decode(&op)
			require.NoError(t, err)
			if !assert.NotEmpty(t, op.OperationID, "%s %s has no operationId", strings.ToUpper(method), path) {
				continue
			}
			prev, dup := ops[op.OperationID]
			assert.False(t, dup, "operationId %s is used by %s %s and %s %s", op.OperationID, prev.Method, prev.Path, strings.ToUpper(method), path)
			ops[op.OperationID] = specOperation{ID: op.OperationID, Method: strings.ToUpper(method), Path: path}
		}
	}
	return ops
}

// loadFacadeMethods parses the package's non-test sources and returns the
// methods whose doc comments carry a "Calls" line.
func loadFacadeMethods(t *testing.T) []facadeMethod {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var out []facadeMethod
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Doc == nil {
				continue
			}
			var found []facadeMethod
			for _, c := range fn.Doc.List {
				if !strings.HasPrefix(c.Text, "// Calls ") {
					continue
				}
				m := callsLine.FindStringSubmatch(c.Text)
				if !assert.NotNil(t, m, "%s: malformed operation line %q: want \"// Calls <operationId>: <METHOD> <path>.\"", fset.Position(c.Pos()), c.Text) {
					continue
				}
				found = append(found, facadeMethod{ID: m[1], Method: m[2], Path: m[3]})
			}
			if len(found) == 0 {
				continue
			}
			pos := fset.Position(fn.Pos()).String()
			if !assert.True(t, fn.Recv != nil && len(fn.Recv.List) == 1, "%s: %s names an operation but is not a method", pos, fn.Name.Name) {
				continue
			}
			assert.LessOrEqual(t, len(found), 1, "%s: %s names %d operations, want one", pos, fn.Name.Name, len(found))
			m := found[0]
			m.Name = receiverName(fn.Recv.List[0].Type) + "." + fn.Name.Name
			m.Pos = pos
			m.Calls = rawCalls(fn.Body)
			out = append(out, m)
		}
	}
	return out
}

// receiverName returns the type name of a method receiver.
func receiverName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return receiverName(x.X)
	case *ast.Ident:
		return x.Name
	case *ast.IndexExpr:
		return receiverName(x.X)
	}
	return "?"
}

// rawCalls returns the names M of the expressions <x>.client.raw.M in body,
// and of the generated adapters gen.MCall(…, <x>.client.raw, …) that call M
// in the form the generated client has (gen/adapters.gen.go).
func rawCalls(body *ast.BlockStmt) map[string]bool {
	calls := make(map[string]bool)
	if body == nil {
		return calls
	}
	ast.Inspect(body, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "gen" && strings.HasSuffix(sel.Sel.Name, "Call") {
			calls[strings.TrimSuffix(sel.Sel.Name, "Call")] = true
			return true
		}
		raw, ok := sel.X.(*ast.SelectorExpr)
		if !ok || raw.Sel.Name != "raw" {
			return true
		}
		client, ok := raw.X.(*ast.SelectorExpr)
		if !ok || client.Sel.Name != "client" {
			return true
		}
		calls[sel.Sel.Name] = true
		return true
	})
	return calls
}

// goName is the generated client's method name for an operationId.
func goName(operationID string) string {
	r := []rune(operationID)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// TestCoverage checks that every operation of the API description has
// exactly one facade method, that every facade method names a real
// operation with its method and path, and that the method calls the
// generated client for that operation.
func TestCoverage(t *testing.T) {
	ops := loadSpecOperations(t)
	methods := loadFacadeMethods(t)
	genClient := reflect.TypeOf((*gen.ClientInterface)(nil)).Elem()

	claimed := make(map[string][]facadeMethod)
	for _, m := range methods {
		op, ok := ops[m.ID]
		if !assert.True(t, ok, "%s: %s names operation %s, which the description does not have", m.Pos, m.Name, m.ID) {
			continue
		}
		claimed[m.ID] = append(claimed[m.ID], m)
		assert.Equal(t, op.Method, m.Method)
		assert.Equal(t, op.Path, m.Path)
		g := goName(m.ID)
		_, ok = genClient.MethodByName(g)
		assert.True(t, ok, "%s: the generated client has no method %s for %s", m.Pos, g, m.ID)
		assert.True(t, m.Calls[g] || m.Calls[g+"WithBody"], "%s: %s names %s but does not call client.raw.%s", m.Pos, m.Name, m.ID, g)
	}

	ids := make([]string, 0, len(ops))
	for id := range ops {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	covered := 0
	var missing []string
	for _, id := range ids {
		switch ms := claimed[id]; len(ms) {
		case 0:
			missing = append(missing, id)
		case 1:
			covered++
		default:
			names := make([]string, len(ms))
			for i, m := range ms {
				names[i] = m.Name + " (" + m.Pos + ")"
			}
			assert.Failf(t, "an operation is claimed by several methods", "operation %s is claimed by %d methods: %s; only the method that sends it may carry the \"// Calls\" line (iterators and wrappers can name it in other words)", id, len(ms), strings.Join(names, ", "))
			covered++
		}
	}
	var uncovered []string
	for _, id := range missing {
		uncovered = append(uncovered, id+" ("+ops[id].Method+" "+ops[id].Path+")")
	}
	assert.Empty(t, uncovered, "operations with no facade method")
	t.Logf("%d of %d operations", covered, len(ops))
}
