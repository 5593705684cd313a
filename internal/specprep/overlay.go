package specprep

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/speakeasy-api/openapi/overlay/loader"
	"gopkg.in/yaml.v3"
)

// Apply applies an OpenAPI Overlay to a description before any OpenAPI loader
// reads it, so the overlay can repair what would stop the file from loading
// (a dangling $ref). It is not strict: an action whose target a version of the
// description lacks changes nothing, which lets one overlay serve 2.11 and
// the versions after it.
func Apply(spec, overlayDoc []byte) ([]byte, error) {
	ov, err := loader.LoadOverlayFromReader(bytes.NewReader(overlayDoc))
	if err != nil {
		return nil, fmt.Errorf("specprep: load overlay: %w", err)
	}
	if err := ov.Validate(); err != nil {
		return nil, fmt.Errorf("specprep: invalid overlay: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(spec, &doc); err != nil {
		return nil, fmt.Errorf("specprep: parse description: %w", err)
	}
	if err := ov.ApplyTo(&doc); err != nil {
		return nil, fmt.Errorf("specprep: apply overlay: %w", err)
	}
	return encode(&doc)
}

// VersionOverlays lists the version overlays in dir that apply to a
// description of API version version, in the order to apply them. A file
// named <major>.<minor>.yaml (openapi/overlays/2.12.yaml) applies to that
// version and every later one: it carries the adaptations that a change of
// the published description made necessary from that version on, where the
// shared overlay can't express them for every version at once (parameters
// to add back, which 2.11 already has). A missing dir lists none.
func VersionOverlays(dir, version string) ([]string, error) {
	want, ok := parseVersion(version)
	if !ok {
		return nil, fmt.Errorf("specprep: version %q is not <major>.<minor>", version)
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	type overlay struct {
		path string
		v    [2]int
	}
	var found []overlay
	for _, e := range entries {
		name, isYAML := strings.CutSuffix(e.Name(), ".yaml")
		if e.IsDir() || !isYAML {
			continue
		}
		v, ok := parseVersion(name)
		if !ok {
			return nil, fmt.Errorf("specprep: version overlay %s is not named <major>.<minor>.yaml", e.Name())
		}
		if slices.Compare(v[:], want[:]) <= 0 {
			found = append(found, overlay{filepath.Join(dir, e.Name()), v})
		}
	}
	slices.SortFunc(found, func(a, b overlay) int { return slices.Compare(a.v[:], b.v[:]) })
	paths := make([]string, len(found))
	for i, o := range found {
		paths[i] = o.path
	}
	return paths, nil
}

// parseVersion reads "2.12" as {2, 12}.
func parseVersion(s string) ([2]int, bool) {
	major, minor, ok := strings.Cut(s, ".")
	if !ok {
		return [2]int{}, false
	}
	a, err1 := strconv.Atoi(major)
	b, err2 := strconv.Atoi(minor)
	if err1 != nil || err2 != nil || a < 0 || b < 0 {
		return [2]int{}, false
	}
	return [2]int{a, b}, true
}
