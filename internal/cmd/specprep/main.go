// Command specprep runs the project's generation pipeline.
//
//	specprep derive -in published.yaml -out openapi/intercom-2.11.yaml
//	specprep version -in published.yaml   (prints info.version)
//	specprep generate -spec openapi/intercom-2.11.yaml -overlay openapi/overlay.yaml -config codegen.yaml -o gen/intercom.gen.go \
//	        [-description internal/description/description.gen.go]
//
// derive keeps the structure of a published Intercom description and drops
// its prose. generate applies the overlay before anything loads the file, then
// runs oapi-codegen with `go run`, at the version tools/go.mod pins, and writes
// beside its output version.gen.go (the description's API version) and
// accessors.gen.go (nil-safe getters and timestamp readers). With
// -description it also embeds the overlaid description, for the packages
// that validate against it, in a package of its own.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/go-intercom/intercom/internal/specprep"
)

const oapiCodegen = "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"

func main() {
	if len(os.Args) < 2 {
		fail(fmt.Errorf("usage: specprep derive|generate|version [flags]"))
	}
	var err error
	switch os.Args[1] {
	case "derive":
		err = derive(os.Args[2:])
	case "generate":
		err = generate(os.Args[2:])
	case "version":
		err = version(os.Args[2:])
	default:
		err = fmt.Errorf("specprep: unknown command %q (want derive, generate or version)", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

func derive(args []string) error {
	fs := flag.NewFlagSet("derive", flag.ExitOnError)
	in := fs.String("in", "", "published description (YAML)")
	out := fs.String("out", "", "where to write the project's description")
	_ = fs.Parse(args)
	if *in == "" || *out == "" {
		return fmt.Errorf("specprep derive: -in and -out are required")
	}
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	derived, err := specprep.Derive(src)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, derived, 0o644)
}

func generate(args []string) error {
	fs := flag.NewFlagSet("generate", flag.ExitOnError)
	spec := fs.String("spec", "", "description to generate from (YAML)")
	overlayPath := fs.String("overlay", "", "OpenAPI Overlay applied before loading")
	config := fs.String("config", "", "oapi-codegen configuration")
	out := fs.String("o", "", "output Go file")
	description := fs.String("description", "", "Go file that embeds the overlaid description (optional)")
	baseline := fs.String("baseline", "", "description whose schema shape flags a newer version keeps (optional)")
	_ = fs.Parse(args)
	if *spec == "" || *overlayPath == "" || *config == "" || *out == "" {
		return fmt.Errorf("specprep generate: -spec, -overlay, -config and -o are required")
	}
	src, err := os.ReadFile(*spec)
	if err != nil {
		return err
	}
	ov, err := os.ReadFile(*overlayPath)
	if err != nil {
		return err
	}
	prepared, err := specprep.Apply(src, ov)
	if err != nil {
		return err
	}
	// Then the version overlays (openapi/overlays/<v>.yaml beside the
	// shared one) of this version and the ones before it.
	version, err := specprep.Version(src)
	if err != nil {
		return err
	}
	more, err := specprep.VersionOverlays(filepath.Join(filepath.Dir(*overlayPath), "overlays"), version)
	if err != nil {
		return err
	}
	for _, path := range more {
		vo, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if prepared, err = specprep.Apply(prepared, vo); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	// Last, the shape flags of what 2.11 also has are pinned to 2.11's.
	if prepared, err = pinToBaseline(prepared, version, *baseline, ov); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "specprep-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	preparedPath := filepath.Join(dir, "intercom.yaml")
	if err := os.WriteFile(preparedPath, prepared, 0o644); err != nil {
		return err
	}
	if err := oapiCodegenRun(*config, *out, preparedPath); err != nil {
		return err
	}
	if *description != "" {
		cfg := filepath.Join(dir, "description.yaml")
		pkgLine := fmt.Sprintf("package: %s\ngenerate:\n  embedded-spec: true\n", filepath.Base(filepath.Dir(*description)))
		if err := os.WriteFile(cfg, []byte(pkgLine), 0o644); err != nil {
			return err
		}
		if err := oapiCodegenRun(cfg, *description, preparedPath); err != nil {
			return err
		}
	}
	generated, err := os.ReadFile(*out)
	if err != nil {
		return err
	}
	if generated, err = specprep.TuneRequestBuilders(generated); err != nil {
		return err
	}
	if err := os.WriteFile(*out, generated, 0o644); err != nil {
		return err
	}
	accessors, err := specprep.Accessors(generated)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(*out), "accessors.gen.go"), accessors, 0o644); err != nil {
		return err
	}
	// The API version the code comes from, beside it, for the
	// Intercom-Version header.
	pkg, err := packageName(*config)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(*out), "request_builders.gen.go"), specprep.RequestBuildersFile(pkg), 0o644); err != nil {
		return err
	}
	adapters, err := specprep.Adapters(generated)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(*out), "adapters.gen.go"), adapters, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(filepath.Dir(*out), "version.gen.go"), specprep.VersionFile(pkg, version), 0o644)
}

// pinToBaseline pins the schema shape flags and path parameter names of a
// description of another version than baseline's to baseline's
// (specprep.PinShapes, specprep.PinPathParams); with no
// baseline, or one of the same version, it returns prepared as it is.
func pinToBaseline(prepared []byte, version, baseline string, ov []byte) ([]byte, error) {
	if baseline == "" {
		return prepared, nil
	}
	src, err := os.ReadFile(baseline)
	if err != nil {
		return nil, err
	}
	if v, err := specprep.Version(src); err != nil || v == version {
		return prepared, err
	}
	base, err := specprep.Apply(src, ov)
	if err != nil {
		return nil, err
	}
	if prepared, err = specprep.PinShapes(prepared, base); err != nil {
		return nil, err
	}
	return specprep.PinPathParams(prepared, base)
}

// oapiCodegenRun runs the pinned oapi-codegen with config on spec, writing out.
func oapiCodegenRun(config, out, spec string) error {
	modfile, err := toolsModfile()
	if err != nil {
		return err
	}
	cmd := exec.Command("go", "run", "-modfile="+modfile, oapiCodegen, "-config", config, "-o", out, spec)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("specprep generate: oapi-codegen: %w", err)
	}
	return nil
}

// toolsModfile finds tools/go.mod, the module that pins the project's tools
// apart from the library's own go.mod, in the current folder or above it.
func toolsModfile() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "tools", "go.mod")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("specprep generate: no tools/go.mod in the current folder or above it (it pins oapi-codegen)")
		}
		dir = parent
	}
}

// packageName reads the package oapi-codegen's configuration names.
func packageName(config string) (string, error) {
	src, err := os.ReadFile(config)
	if err != nil {
		return "", err
	}
	var cfg struct {
		Package string `yaml:"package"`
	}
	if err := yaml.Unmarshal(src, &cfg); err != nil || cfg.Package == "" {
		return "", fmt.Errorf("specprep generate: %s names no package", config)
	}
	return cfg.Package, nil
}

func version(args []string) error {
	fs := flag.NewFlagSet("version", flag.ExitOnError)
	in := fs.String("in", "", "a description (YAML)")
	_ = fs.Parse(args)
	src, err := os.ReadFile(*in)
	if err != nil {
		return err
	}
	v, err := specprep.Version(src)
	if err != nil {
		return err
	}
	fmt.Println(v)
	return nil
}
