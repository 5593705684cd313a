package specprep_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/go-intercom/intercom/internal/specprep"
)

const publishedSample = `openapi: 3.0.1
info:
  title: Sample
  version: '2.11'
  description: Published prose.
paths:
  /tickets/{id}:
    get:
      summary: Published summary
      description: Published description
      operationId: getTicket
      parameters:
        - name: id
          in: path
          required: true
          description: Published parameter prose
          example: '123'
          schema:
            type: string
      responses:
        '200':
          description: Published response prose
          content:
            application/json:
              examples:
                found:
                  value: {id: '1'}
              schema:
                $ref: '#/components/schemas/ticket'
components:
  schemas:
    ticket:
      title: Published title
      description: Published schema prose
      type: object
      required: [description]
      properties:
        description:
          type: string
          description: Published property prose
          example: an example
        example:
          type: string
servers:
  - url: https://api.eu.intercom.io
    description: Published server prose
`

func TestDeriveDropsProseKeepsStructure(t *testing.T) {
	derived, err := specprep.Derive([]byte(publishedSample))
	require.NoError(t, err)
	text := string(derived)
	for _, gone := range []string{"Published", "an example", "found:"} {
		assert.NotContains(t, text, gone, "prose or examples survived")
	}
	var doc map[string]any
	require.NoError(t, yaml.Unmarshal(derived, &doc))
	props := doc["components"].(map[string]any)["schemas"].(map[string]any)["ticket"].(map[string]any)["properties"].(map[string]any)
	assert.Contains(t, props, "description", "the property named description was dropped")
	assert.Contains(t, props, "example", "the property named example was dropped")
	for _, want := range []string{"operationId: getTicket", "required: true", "description: OK", "title: Intercom API", "description: Europe", "$ref", "required: [description]"} {
		assert.Contains(t, text, want, "derived description")
	}
}

func TestDeriveRejectsNonMapping(t *testing.T) {
	_, err := specprep.Derive([]byte("- a list"))
	require.Error(t, err, "want an error for a YAML list")
	_, err = specprep.Derive([]byte("{"))
	require.Error(t, err, "want an error for broken YAML")
}

func TestApplyOverlay(t *testing.T) {
	overlay := `overlay: 1.1.0
info: {title: t, version: 1.0.0}
actions:
  - target: $.components.schemas
    update:
      custom_attributes: {type: object}
  - target: $.components.schemas.absent_in_this_version
    update: {x-go-name: Nothing}
`
	spec := "openapi: 3.0.1\ncomponents:\n  schemas:\n    ticket: {$ref: '#/components/schemas/custom_attributes'}\n"
	out, err := specprep.Apply([]byte(spec), []byte(overlay))
	require.NoError(t, err)
	assert.Contains(t, string(out), "custom_attributes:", "overlay not applied")
	_, err = specprep.Apply([]byte(spec), []byte("overlay: 1.1.0\nactions: []\n"))
	assert.Error(t, err, "want an error for an overlay without info")
	_, err = specprep.Apply([]byte("{"), []byte(overlay))
	assert.Error(t, err, "want an error for a broken description")
}

// TestProjectDescriptionIsDerived checks that openapi/intercom-2.11.yaml is
// what derive makes of the published 2.11 file, so that no fact was lost or
// changed by hand: fixes belong in the overlay.
func TestProjectDescriptionIsDerived(t *testing.T) {
	ref := referenceDir(t)
	published, err := os.ReadFile(filepath.Join(ref, "2.11", "api.intercom.io.yaml"))
	require.NoError(t, err)
	want, err := specprep.Derive(published)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(moduleRoot(t), "openapi", "intercom-2.11.yaml"))
	require.NoError(t, err)
	assert.True(t, bytes.Equal(got, want), "openapi/intercom-2.11.yaml differs from what `make generate SPEC=…/2.11/api.intercom.io.yaml` derives")
}

func TestDeriveResponseDescriptions(t *testing.T) {
	src := `openapi: 3.0.1
info: not a mapping
servers:
  - url: https://example.com
  - just a string
paths:
  /a:
    get:
      responses:
        '200': {description: x}
        '299': {description: x}
        4XX: {description: x}
        default: {description: x}
        '404': {$ref: '#/components/responses/missing'}
`
	derived, err := specprep.Derive([]byte(src))
	require.NoError(t, err)
	var doc struct {
		Info    any `yaml:"info"`
		Servers []any
		Paths   map[string]map[string]struct {
			Responses map[string]map[string]string
		}
	}
	require.NoError(t, yaml.Unmarshal(derived, &doc))
	assert.Equal(t, "not a mapping", doc.Info, "info, want it kept as it was")
	require.NotEmpty(t, doc.Servers)
	server, ok := doc.Servers[0].(map[string]any)
	require.True(t, ok, "the first server is not a mapping: %v", doc.Servers[0])
	assert.Nil(t, server["description"], "a server the project has no words for got a description: %v", server)
	got := doc.Paths["/a"]["get"].Responses
	for code, want := range map[string]string{"200": "OK", "299": "Status 299", "4XX": "Status 4XX", "default": "Any other status"} {
		assert.Equal(t, want, got[code]["description"], "response %s: description", code)
	}
	assert.NotContains(t, got["404"], "description", "a $ref response got a description beside its $ref")
}

func TestVersion(t *testing.T) {
	v, err := specprep.Version([]byte(publishedSample))
	require.NoError(t, err)
	require.Equal(t, "2.11", v)
	_, err = specprep.Version([]byte("openapi: 3.0.1\n"))
	assert.Error(t, err, "want an error for a description without info.version")
	_, err = specprep.Version([]byte("{"))
	assert.Error(t, err, "want an error for broken YAML")
}

func TestApplyRejectsInvalidOverlay(t *testing.T) {
	invalid := "overlay: 1.1.0\ninfo: {title: t, version: 1.0.0}\nactions:\n  - update: {x: 1}\n"
	_, err := specprep.Apply([]byte("openapi: 3.0.1\n"), []byte(invalid))
	require.Error(t, err, "want an error for an action without a target")
	_, err = specprep.Apply([]byte("openapi: 3.0.1\n"), []byte("{"))
	require.Error(t, err, "want an error for an overlay that is not YAML")
}

func TestVersionFile(t *testing.T) {
	src := specprep.VersionFile("gen", `2.1"1`)
	file, err := parser.ParseFile(token.NewFileSet(), "version.gen.go", src, 0)
	require.NoError(t, err, "not Go:\n%s", src)
	assert.Equal(t, "gen", file.Name.Name, "package of the version file")
	assert.Contains(t, string(src), `const APIVersion = "2.1\"1"`)
	assert.True(t, bytes.HasPrefix(src, []byte("// Code generated")), "the version file does not start with // Code generated:\n%s", src)
}
