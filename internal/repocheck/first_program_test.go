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
	if install < 0 || program < 0 || run < 0 || test < 0 {
		t.Fatalf("the first 60 lines of README.md lack the install line (%d), a whole program (%d), `go run ./examples/quickstart` (%d) or `make test` (%d)",
			install, program, run, test)
	}
	if !(install < program && program < run && run < test) {
		t.Errorf("the first screen is not in the order install, program, commands")
	}
	first := goBlocks(t, src)[0]
	if !strings.HasPrefix(first.Code, "package main\n") {
		t.Errorf("README.md's first Go block (line %d) is not a whole program", first.Line)
	}
	for _, call := range []string{"facade.NewClientFromEnv(", ".Contacts.Create(", ".Tickets.Create(", "facade.AdminComment(",
		"facade.ContactReply(", "facade.TicketStateResolved", ".Tickets.Search(", ".Contacts.ListIter(", "*facade.Error"} {
		if !strings.Contains(first.Code, call) {
			t.Errorf("the first program does not show %s", call)
		}
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
	first := goBlocks(t, readme(t))[0]
	if !strings.HasPrefix(first.Code, "package main\n") {
		t.Fatalf("README.md's first Go block (line %d) is not a whole program", first.Line)
	}
	rootMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(rootMod)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	goVersion := string(m[1])
	if !regexp.MustCompile(`^1\.\d+(\.0)?$`).MatchString(goVersion) {
		t.Errorf("go.mod says go %s: it should name a Go release (1.N or 1.N.0), not a patch version", goVersion)
	}

	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"main.go": first.Code,
		"go.mod": "module example.com/firstprogram\n\ngo " + goVersion + "\n\n" +
			"require github.com/go-intercom/intercom v0.0.0\n\n" +
			"replace github.com/go-intercom/intercom => " + root + "\n",
		"go.sum": string(sum),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
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
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return out
	}

	tidyStart := time.Now()
	goCmd([]string{"GOFLAGS=-mod=mod"}, "mod", "tidy")
	tidyTook := time.Since(tidyStart)
	var mod struct {
		Go      string
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal(goCmd(nil, "mod", "edit", "-json"), &mod); err != nil {
		t.Fatal(err)
	}
	if mod.Go != goVersion {
		t.Errorf("go mod tidy changed the user's go directive from %s to %s: a dependency asks for a newer Go than go.mod says", goVersion, mod.Go)
	}
	var required []string
	for _, r := range mod.Require {
		required = append(required, r.Path)
		for _, tool := range toolModules {
			if strings.HasPrefix(r.Path, tool) {
				t.Errorf("the user's go.mod requires %s %s, a module of the project's tools", r.Path, r.Version)
			}
		}
	}
	t.Logf("the user's go.mod after go mod tidy: go %s, requires %s", mod.Go, strings.Join(required, ", "))
	for _, line := range strings.Split(string(goCmd(nil, "list", "-m", "all")), "\n") {
		for _, tool := range []string{"github.com/oapi-codegen/oapi-codegen/v2 ", "honnef.co/go/tools ", "golang.org/x/tools "} {
			if strings.HasPrefix(line+" ", tool) {
				t.Errorf("the user's build list holds %s: the project's tools reach its users", line)
			}
		}
	}

	buildStart := time.Now()
	goCmd(nil, "build", "-o", "firstprogram", ".")
	buildTook := time.Since(buildStart)

	srv, err := intercomtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := srv.Seed(intercomtest.Workspace{TicketTypes: []intercomtest.TicketType{{Name: "Bug report"}}}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	runStart := time.Now()
	cmd := exec.CommandContext(ctx, filepath.Join(dir, "firstprogram"))
	cmd.Dir = dir
	cmd.Env = append(append([]string(nil), env...), "INTERCOM_TOKEN="+srv.Token, "INTERCOM_BASE_URL="+srv.URL)
	out, err := cmd.CombinedOutput()
	runTook := time.Since(runStart)
	if err != nil {
		t.Fatalf("the first program failed: %v\n%s", err, out)
	}
	for _, want := range []string{"ticket #", " resolved; Lin has 1 ticket(s)", "lead "} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the first program's output lacks %q:\n%s", want, out)
		}
	}
	if bad := srv.InvalidRequests(); len(bad) > 0 {
		t.Errorf("the first program sent requests the description does not allow: %v", bad)
	}
	if bad := srv.InvalidResponses(); len(bad) > 0 {
		t.Errorf("intercomtest answered outside the description: %v", bad)
	}
	for op, want := range map[string]int{
		"identifyAdmin": 1, "createContact": 1, "listTicketTypes": 1, "createTicket": 1,
		"replyTicket": 2, "updateTicket": 1, "searchTickets": 1, "listContacts": 1,
	} {
		if got := srv.Count(op); got != want {
			t.Errorf("%s applied %d times, want %d", op, got, want)
		}
	}
	snap := srv.Snapshot()
	if len(snap.Tickets) != 1 || snap.Tickets[0].State != "resolved" || len(snap.Tickets[0].Parts) < 2 {
		t.Errorf("the workspace does not hold one resolved ticket with the two replies: %+v", snap.Tickets)
	}
	t.Logf("first program: go mod tidy %s, build %s, run %s; %s in all",
		tidyTook.Round(time.Millisecond), buildTook.Round(time.Millisecond), runTook.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
}
