package repocheck

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/go-intercom/intercom/facade"
)

// TestChangelogNamesVersion checks that the newest released version in
// CHANGELOG.md (the first "## [x.y.z] - date" heading after Unreleased) is
// facade.Version, the version the client sends in its User-Agent, and that
// the changelog keeps an Unreleased section above it.
func TestChangelogNamesVersion(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "CHANGELOG.md"))
	if err != nil {
		t.Fatal(err)
	}
	headings := regexp.MustCompile(`(?m)^## \[([^\]]+)\](.*)$`).FindAllStringSubmatch(string(src), -1)
	if len(headings) == 0 || headings[0][1] != "Unreleased" {
		t.Fatalf("CHANGELOG.md does not start with an \"## [Unreleased]\" section: %q", headings)
	}
	release := regexp.MustCompile(`^ - \d{4}-\d{2}-\d{2}$`)
	for _, h := range headings[1:] {
		if !release.MatchString(h[2]) {
			t.Errorf("CHANGELOG.md: heading %q lacks its release date (\"## [x.y.z] - YYYY-MM-DD\")", h[0])
			continue
		}
		if h[1] != facade.Version {
			t.Errorf("CHANGELOG.md's newest release is %s, facade.Version is %s: they must agree", h[1], facade.Version)
		}
		return
	}
	t.Errorf("CHANGELOG.md has no released version; facade.Version is %s", facade.Version)
}
