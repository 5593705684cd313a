// Package gen is the client and the types that oapi-codegen generates from the
// project's description of the Intercom REST API 2.11 (openapi/), after
// openapi/overlay.yaml has adapted it. Nothing here is edited by hand: change
// the description, the overlay or codegen.yaml, then run `make generate`.
//
// Nullable fields are plain pointers. accessors.gen.go gives every pointer
// field a nil-safe getter (c.GetName() is "" when the name is null) and every
// Unix-second timestamp a time.Time reader (c.CreatedAtTime()).
//
// Most programs use package facade, which adds authentication, retries, rate
// limits, typed errors and pagination on top of this package.
package gen

//go:generate go run ../internal/cmd/specprep generate -spec ../openapi/intercom-2.11.yaml -overlay ../openapi/overlay.yaml -config ../codegen.yaml -o intercom.gen.go -baseline ../openapi/intercom-2.11.yaml -description ../internal/description/description.gen.go
