package repocheck

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadmeFirstScreen checks that README.md's first 60 lines hold what a
// newcomer needs first, in order: the install line, one complete program
// (the first ```go block), and the two commands.
func TestReadmeFirstScreen(t *testing.T) {
	src := readme(t)
	lines := strings.Split(src, "\n")
	if len(lines) > 60 {
		lines = lines[:60]
	}
	screen := strings.Join(lines, "\n")
	install := strings.Index(screen, "go get github.com/go-intercom/intercom/facade")
	program := strings.Index(screen, "```go\npackage main\n")
	run := strings.Index(screen, "\ngo run ./examples/quickstart")
	test := strings.Index(screen, "\nmake test")
	require.GreaterOrEqual(t, install, 0, "the first 60 lines of README.md lack the install line")
	require.GreaterOrEqual(t, program, 0, "the first 60 lines of README.md lack a whole program")
	require.GreaterOrEqual(t, run, 0, "the first 60 lines of README.md lack `go run ./examples/quickstart`")
	require.GreaterOrEqual(t, test, 0, "the first 60 lines of README.md lack `make test`")
	assert.True(t, install < program && program < run && run < test,
		"the first screen is not in the order install (%d), program (%d), commands (%d, %d)", install, program, run, test)
	blocks := goBlocks(t, src)
	require.NotEmpty(t, blocks, "README.md has no ```go block")
	first := blocks[0]
	assert.True(t, strings.HasPrefix(first.Code, "package main\n"), "README.md's first Go block (line %d) is not a whole program", first.Line)
	for _, call := range []string{"facade.NewClientFromEnv(", ".Contacts.Create(", ".Tickets.Create(", "facade.AdminComment(",
		"facade.ContactReply(", "facade.TicketStateResolved", ".Tickets.Search(", ".Contacts.ListIter(", "*facade.Error"} {
		assert.Contains(t, first.Code, call, "the first program does not show it")
	}
}

// toolModules are modules the project needs only to generate, lint or
// validate; a program that imports facade must never need them.
var toolModules = []string{
	"github.com/oapi-codegen/oapi-codegen/v2",
	"honnef.co/go/tools",
	"github.com/speakeasy-api/",
	"github.com/getkin/kin-openapi",
	"gopkg.in/yaml.v3",
	"go.yaml.in/yaml/",
	"golang.org/x/tools",
	"golang.org/x/mod",
}

// TestFirstProgramRuns does what a new user does with README.md's first
// program: it copies it verbatim into a module of its own outside the
// repository, which points at this checkout with a replace directive, runs
// `go mod tidy`, builds it and runs it with INTERCOM_TOKEN and
// INTERCOM_BASE_URL naming an intercomtest server. It checks that the
// program succeeds and does what it says against the server, that tidy left
// the module's go directive as it was (no dependency asks for a newer Go)
// and required none of the project's tool modules, and that the tools stay
// out of the module's build list.
//
// Modules resolve from the module cache (GOPROXY as the machine has it; the
// repository's go.sum seeds the user's, so no checksum lookup is needed).
func TestFirstProgramRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the README's first program in a module of its own")
	}
	start := time.Now()
	root := repoRoot(t)
	blocks := goBlocks(t, readme(t))
	require.NotEmpty(t, blocks, "README.md has no ```go block")
	first := blocks[0]
	require.True(t, strings.HasPrefix(first.Code, "package main\n"), "README.md's first Go block (line %d) is not a whole program", first.Line)
	rootMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(rootMod)
	require.NotNil(t, m, "go.mod has no go directive")
	goVersion := string(m[1])
	assert.Regexp(t, `^1\.\d+(\.0)?$`, goVersion, "go.mod's go directive should name a Go release (1.N or 1.N.0), not a patch version")

	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	files := map[string]string{
		"main.go": first.Code,
		"go.mod": "module example.com/firstprogram\n\ngo " + goVersion + "\n\n" +
			"require github.com/go-intercom/intercom v0.0.0\n\n" +
			"replace github.com/go-intercom/intercom => " + root + "\n",
		"go.sum": string(sum),
	}
	for name, content := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644))
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "INTERCOM_") && !strings.HasPrefix(kv, "GOFLAGS=") && !strings.HasPrefix(kv, "GOWORK=") {
			env = append(env, kv)
		}
	}
	env = append(env, "GOWORK=off", "GOTOOLCHAIN=local")
	goCmd := func(extraEnv []string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(append([]string(nil), env...), extraEnv...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s\n%s", strings.Join(args, " "), out)
		return out
	}

	tidyStart := time.Now()
	goCmd([]string{"GOFLAGS=-mod=mod"}, "mod", "tidy")
	tidyTook := time.Since(tidyStart)
	var mod struct {
		Go      string
		Require []struct{ Path, Version string }
	}
	require.NoError(t, json.Unmarshal(goCmd(nil, "mod", "edit", "-json"), &mod))
	assert.Equal(t, goVersion, mod.Go, "go mod tidy changed the user's go directive: a dependency asks for a newer Go than go.mod says")
	var required []string
	for _, r := range mod.Require {
		required = append(required, r.Path)
		for _, tool := range toolModules {
			assert.False(t, strings.HasPrefix(r.Path, tool), "the user's go.mod requires %s %s, a module of the project's tools", r.Path, r.Version)
		}
	}
	t.Logf("the user's go.mod after go mod tidy: go %s, requires %s", mod.Go, strings.Join(required, ", "))
	for _, line := range strings.Split(string(goCmd(nil, "list", "-m", "all")), "\n") {
		for _, tool := range []string{"github.com/oapi-codegen/oapi-codegen/v2 ", "honnef.co/go/tools ", "golang.org/x/tools "} {
			assert.False(t, strings.HasPrefix(line+" ", tool), "the user's build list holds %s: the project's tools reach its users", line)
		}
	}

	buildStart := time.Now()
	goCmd(nil, "build", "-o", "firstprogram", ".")
	buildTook := time.Since(buildStart)

	srv, err := intercomtest.Start()
	require.NoError(t, err)
	defer srv.Close()
	_, err = srv.Seed(intercomtest.Workspace{TicketTypes: []intercomtest.TicketType{{Name: "Bug report"}}})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	runStart := time.Now()
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "firstprogram"))
	cmd.Dir = dir
	cmd.Env = append(append([]string(nil), env...), "INTERCOM_TOKEN="+srv.Token, "INTERCOM_BASE_URL="+srv.URL)
	out, err := cmd.CombinedOutput()
	runTook := time.Since(runStart)
	require.NoError(t, err, "the first program failed:\n%s", out)
	for _, want := range []string{"ticket #", " resolved; Lin has 1 ticket(s)", "lead "} {
		assert.Contains(t, string(out), want, "the first program's output")
	}
	assert.Empty(t, srv.InvalidRequests(), "the first program sent requests the description does not allow")
	assert.Empty(t, srv.InvalidResponses(), "intercomtest answered outside the description")
	for op, want := range map[string]int{
		"identifyAdmin": 1, "createContact": 1, "listTicketTypes": 1, "createTicket": 1,
		"replyTicket": 2, "updateTicket": 1, "searchTickets": 1, "listContacts": 1,
	} {
		assert.Equal(t, want, srv.Count(op), "%s applied", op)
	}
	snap := srv.Snapshot()
	if assert.Len(t, snap.Tickets, 1, "the workspace should hold one ticket") {
		assert.Equal(t, "resolved", snap.Tickets[0].State)
		assert.GreaterOrEqual(t, len(snap.Tickets[0].Parts), 2, "the ticket's parts should hold the two replies: %+v", snap.Tickets[0])
	}
	t.Logf("first program: go mod tidy %s, build %s, run %s; %s in all",
		tidyTook.Round(time.Millisecond), buildTook.Round(time.Millisecond), runTook.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}
