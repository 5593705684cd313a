package repocheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeGoBlocksCompile compiles every ```go block of README.md, so that
// a block that drifts from the code fails `make test`. Each block becomes a
// package of its own in a scratch folder inside the module, completed
// mechanically, by its first line:
//
//   - a block that starts with "package" is a whole file: it is compiled as
//     it stands (the README's first program is one);
//   - a block of declarations only (func, type, var, const) is compiled at
//     the top level of a file beside readmeHarness;
//   - any other block is a fragment of a function body: it becomes the body
//     of a `func() error` beside readmeHarness, followed by `_ = name` for
//     each name the fragment declares at its top level (as the program it
//     comes from would go on to use them) and `return nil`.
//
// readmeHarness imports the packages fragments use and declares what they
// take as given (ctx, client, err, adminID, …). //line comments make the
// compiler's messages point at README.md's own lines.
func TestReadmeGoBlocksCompile(t *testing.T) {
	root := repoRoot(t)
	blocks := goBlocks(t, readme(t))
	require.NotEmpty(t, blocks, "README.md has no ```go block")
	// Blocks that use the Redis pacer compile in its module, the others in
	// the root module.
	modules := []struct {
		dir              string
		prelude, harness string
		pkgs             []string
	}{
		{dir: root, prelude: blockPrelude, harness: readmeHarness},
		{dir: filepath.Join(root, "pacer", "redispacer"), prelude: redisPrelude, harness: redisHarness},
	}
	scratches := map[int]string{}
	kinds := map[string]int{}
	for _, b := range blocks {
		m := 0
		if strings.Contains(b.Code, "redispacer.") {
			m = 1
		}
		if scratches[m] == "" {
			dir, err := os.MkdirTemp(modules[m].dir, ".readme-")
			require.NoError(t, err)
			t.Cleanup(func() { os.RemoveAll(dir) })
			scratches[m] = dir
		}
		kind, files, err := completeBlock(b, modules[m].prelude, modules[m].harness)
		if !assert.NoError(t, err, "README.md:%d", b.Line) {
			continue
		}
		kinds[kind]++
		dir := filepath.Join(scratches[m], fmt.Sprintf("line%d", b.Line))
		require.NoError(t, os.Mkdir(dir, 0o755))
		for name, src := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
		}
		rel, _ := filepath.Rel(modules[m].dir, dir)
		modules[m].pkgs = append(modules[m].pkgs, "./"+filepath.ToSlash(rel))
	}
	for _, m := range modules {
		if len(m.pkgs) == 0 {
			continue
		}
		cmd := exec.Command("go", append([]string{"build"}, m.pkgs...)...)
		cmd.Dir = m.dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "README.md's Go blocks do not compile:\n%s", out)
	}
	t.Logf("compiled all %d Go blocks of README.md: %d whole programs, %d declaration blocks, %d fragments",
		len(blocks), kinds["program"], kinds["declarations"], kinds["fragment"])
}

// completeBlock turns a README block into the files of a package, as
// TestReadmeGoBlocksCompile describes, and says which kind of block it is.
func completeBlock(b goBlock, blockPrelude, readmeHarness string) (kind string, files map[string]string, err error) {
	line := fmt.Sprintf("//line README.md:%d\n", b.Line)
	if strings.HasPrefix(strings.TrimSpace(b.Code), "package ") {
		return "program", map[string]string{"main.go": line + b.Code}, nil
	}
	decls := blockPrelude + line + b.Code
	if _, err := parser.ParseFile(token.NewFileSet(), "block.go", decls, parser.SkipObjectResolution); err == nil {
		return "declarations", map[string]string{"harness.go": readmeHarness, "block.go": decls}, nil
	}
	body := blockPrelude + "func _() error {\n" + line + b.Code
	names, err := topLevelNames(body + "}\n")
	if err != nil {
		return "", nil, fmt.Errorf("neither declarations nor statements: %v", err)
	}
	var tail strings.Builder
	for _, n := range names {
		tail.WriteString("\t_ = " + n + "\n")
	}
	return "fragment", map[string]string{"harness.go": readmeHarness, "block.go": body + tail.String() + "\treturn nil\n}\n"}, nil
}

// topLevelNames returns the names the statements of the function in src
// declare at their top level (with := or var), in order, without
// repetition.
func topLevelNames(src string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "block.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	fn := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	var names []string
	seen := map[string]bool{"_": true}
	add := func(id *ast.Ident) {
		if !seen[id.Name] {
			seen[id.Name] = true
			names = append(names, id.Name)
		}
	}
	for _, st := range fn.Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				for _, e := range st.Lhs {
					if id, ok := e.(*ast.Ident); ok {
						add(id)
					}
				}
			}
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						add(id)
					}
				}
			}
		}
	}
	return names, nil
}

// blockPrelude starts the file of a README block that is not a whole
// program: the packages README fragments use (a block never imports any
// itself), each counted as used whichever the block uses.
const blockPrelude = `package readmeblock

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/go-intercom/intercom/webhook"
)

var _ = []any{context.Background, json.Marshal, errors.New, fmt.Sprint, io.EOF, log.Print, http.NewServeMux,
	os.Getenv, strings.Cut, testing.Short, time.Now, facade.Version, intercomtest.Start, webhook.Verify}

`

// readmeHarness is what README fragments take as given: the values they name
// without declaring them, as a program around them would have them.
const readmeHarness = `package readmeblock

import (
	"context"
	"net/http"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

var (
	ctx          = context.Background()
	client       *facade.Client
	err          error
	srv          *intercomtest.Server
	adminID      string
	contactID    string
	clientSecret string
	mux          = http.NewServeMux()
	r            *http.Request
	body         []byte
	user         struct{ ID string }
)

// escalate is the code under test of the README's intercomtest example.
func escalate(ctx context.Context, client *facade.Client, contactID string) error { return nil }
`

// redisPrelude and redisHarness are blockPrelude and readmeHarness for the
// blocks that use the Redis pacer, compiled in its module.
var (
	redisPrelude = strings.Replace(strings.Replace(blockPrelude,
		"\t\"github.com/go-intercom/intercom/intercomtest\"\n",
		"\t\"github.com/go-intercom/intercom/intercomtest\"\n\t\"github.com/go-intercom/intercom/pacer/redispacer\"\n\t\"github.com/redis/go-redis/v9\"\n", 1),
		"intercomtest.Start}", "intercomtest.Start, redis.NewClient, redispacer.New}", 1)
	redisHarness = readmeHarness + "\n// token is the access token of the README's Redis pacer example.\nvar token string\n"
)
