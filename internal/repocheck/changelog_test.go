package repocheck

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/facade"
)

// TestChangelogNamesVersion checks that the newest released version in
// CHANGELOG.md (the first "## [x.y.z] - date" heading after Unreleased) is
// facade.Version, the version the client sends in its User-Agent, and that
// the changelog keeps an Unreleased section above it.
func TestChangelogNamesVersion(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "CHANGELOG.md"))
	require.NoError(t, err)
	headings := regexp.MustCompile(`(?m)^## \[([^\]]+)\](.*)$`).FindAllStringSubmatch(string(src), -1)
	require.NotEmpty(t, headings, "CHANGELOG.md has no \"## [...]\" section")
	require.Equal(t, "Unreleased", headings[0][1], "CHANGELOG.md does not start with an \"## [Unreleased]\" section")
	release := regexp.MustCompile(`^ - \d{4}-\d{2}-\d{2}$`)
	for _, h := range headings[1:] {
		if !assert.Regexp(t, release, h[2], "CHANGELOG.md: heading %q lacks its release date (\"## [x.y.z] - YYYY-MM-DD\")", h[0]) {
			continue
		}
		assert.Equal(t, facade.Version, h[1], "CHANGELOG.md's newest release and facade.Version must agree")
		return
	}
	assert.Fail(t, "CHANGELOG.md has no released version", "facade.Version is %s", facade.Version)
}
