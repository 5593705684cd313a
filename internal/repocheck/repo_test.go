package repocheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// repoRoot is the folder that holds the library's go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err, "%s holds no go.mod", dir)
	require.True(t, strings.HasPrefix(string(mod), "module github.com/go-intercom/intercom\n"), "%s holds no go.mod of github.com/go-intercom/intercom", dir)
	return dir
}

// goBlock is one ```go block of a Markdown file.
type goBlock struct {
	Line int    // line of the block's first code line (after the fence)
	Code string // the code, with its final newline
}

// goBlocks returns the ```go blocks of a Markdown text, in order. A block
// starts at a line that is exactly "```go" and ends at the next line that is
// exactly "```".
func goBlocks(t *testing.T, markdown string) []goBlock {
	t.Helper()
	var blocks []goBlock
	lines := strings.Split(markdown, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " ") != "```go" {
			continue
		}
		start := i + 1
		end := start
		for end < len(lines) && strings.TrimRight(lines[end], " ") != "```" {
			end++
		}
		require.Less(t, end, len(lines), "README.md:%d: the ```go block is never closed", i+1)
		blocks = append(blocks, goBlock{Line: start + 1, Code: strings.Join(lines[start:end], "\n") + "\n"})
		i = end
	}
	return blocks
}

// readme returns README.md.
func readme(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	require.NoError(t, err)
	return string(src)
}
