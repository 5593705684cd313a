//go:build tools

// Package tools pins the command-line tools the project runs, in a module of
// its own (tools/go.mod) so that library users never inherit them:
//
//	go run -modfile=tools/go.mod honnef.co/go/tools/cmd/staticcheck ./...
//
// `make lint` and the generation pipeline (internal/cmd/specprep) run them
// this way, at the versions tools/go.mod records.
package tools

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
	_ "honnef.co/go/tools/cmd/staticcheck"
)
