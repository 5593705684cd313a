package specprep_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	if err != nil {
		t.Fatal(err)
	}
	text := string(derived)
	if strings.Contains(text, "Published") || strings.Contains(text, "an example") || strings.Contains(text, "found:") {
		t.Errorf("prose or examples survived:\n%s", text)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(derived, &doc); err != nil {
		t.Fatal(err)
	}
	props := doc["components"].(map[string]any)["schemas"].(map[string]any)["ticket"].(map[string]any)["properties"].(map[string]any)
	if _, ok := props["description"]; !ok {
		t.Error("the property named description was dropped")
	}
	if _, ok := props["example"]; !ok {
		t.Error("the property named example was dropped")
	}
	for _, want := range []string{"operationId: getTicket", "required: true", "description: OK", "title: Intercom API", "description: Europe", "$ref", "required: [description]"} {
		if !strings.Contains(text, want) {
			t.Errorf("derived description lacks %q:\n%s", want, text)
		}
	}
}

func TestDeriveRejectsNonMapping(t *testing.T) {
	if _, err := specprep.Derive([]byte("- a list")); err == nil {
		t.Fatal("want an error for a YAML list")
	}
	if _, err := specprep.Derive([]byte("{")); err == nil {
		t.Fatal("want an error for broken YAML")
	}
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
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("custom_attributes:")) {
		t.Errorf("overlay not applied:\n%s", out)
	}
	if _, err := specprep.Apply([]byte(spec), []byte("overlay: 1.1.0\nactions: []\n")); err == nil {
		t.Error("want an error for an overlay without info")
	}
	if _, err := specprep.Apply([]byte("{"), []byte(overlay)); err == nil {
		t.Error("want an error for a broken description")
	}
}

// TestProjectDescriptionIsDerived checks that openapi/intercom-2.11.yaml is
// what derive makes of the published 2.11 file, so that no fact was lost or
// changed by hand: fixes belong in the overlay.
func TestProjectDescriptionIsDerived(t *testing.T) {
	ref := referenceDir(t)
	published, err := os.ReadFile(filepath.Join(ref, "2.11", "api.intercom.io.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := specprep.Derive(published)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(moduleRoot(t), "openapi", "intercom-2.11.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("openapi/intercom-2.11.yaml differs from what `make generate SPEC=…/2.11/api.intercom.io.yaml` derives")
	}
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
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Info    any `yaml:"info"`
		Servers []any
		Paths   map[string]map[string]struct {
			Responses map[string]map[string]string
		}
	}
	if err := yaml.Unmarshal(derived, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Info != "not a mapping" {
		t.Errorf("info = %v, want it kept as it was", doc.Info)
	}
	if server := doc.Servers[0].(map[string]any); server["description"] != nil {
		t.Errorf("a server the project has no words for got a description: %v", server)
	}
	got := doc.Paths["/a"]["get"].Responses
	for code, want := range map[string]string{"200": "OK", "299": "Status 299", "4XX": "Status 4XX", "default": "Any other status"} {
		if got[code]["description"] != want {
			t.Errorf("response %s: description %q, want %q", code, got[code]["description"], want)
		}
	}
	if _, ok := got["404"]["description"]; ok {
		t.Error("a $ref response got a description beside its $ref")
	}
}

func TestVersion(t *testing.T) {
	v, err := specprep.Version([]byte(publishedSample))
	if err != nil || v != "2.11" {
		t.Fatalf("Version = %q, %v; want 2.11", v, err)
	}
	if _, err := specprep.Version([]byte("openapi: 3.0.1\n")); err == nil {
		t.Error("want an error for a description without info.version")
	}
	if _, err := specprep.Version([]byte("{")); err == nil {
		t.Error("want an error for broken YAML")
	}
}

func TestApplyRejectsInvalidOverlay(t *testing.T) {
	invalid := "overlay: 1.1.0\ninfo: {title: t, version: 1.0.0}\nactions:\n  - update: {x: 1}\n"
	if _, err := specprep.Apply([]byte("openapi: 3.0.1\n"), []byte(invalid)); err == nil {
		t.Fatal("want an error for an action without a target")
	}
	if _, err := specprep.Apply([]byte("openapi: 3.0.1\n"), []byte("{")); err == nil {
		t.Fatal("want an error for an overlay that is not YAML")
	}
}

func TestVersionFile(t *testing.T) {
	src := specprep.VersionFile("gen", `2.1"1`)
	file, err := parser.ParseFile(token.NewFileSet(), "version.gen.go", src, 0)
	if err != nil {
		t.Fatalf("not Go: %v\n%s", err, src)
	}
	if file.Name.Name != "gen" || !bytes.Contains(src, []byte(`const APIVersion = "2.1\"1"`)) || !bytes.HasPrefix(src, []byte("// Code generated")) {
		t.Errorf("unexpected version file:\n%s", src)
	}
}
