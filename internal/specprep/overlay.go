package specprep

import (
	"bytes"
	"fmt"

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
