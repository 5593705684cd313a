// Package gen holds the client and the types that oapi-codegen generates from
// the project's description of the Intercom REST API 2.11 (openapi/, adapted
// by openapi/overlay.yaml). Nothing here but this file is edited by hand:
// change the description, the overlay or codegen.yaml, then run `make
// generate`.
//
// Most programs use package facade, which adds authentication, retries, rate
// limits, typed errors and pagination on top; its types are mostly aliases of
// the types here. Nullable fields are plain pointers: every one has a nil-safe
// getter (c.GetName() is "" when the name is null) and every Unix-second
// timestamp a time.Time reader (c.CreatedAtTime()), in accessors.gen.go.
//
// To call an operation the facade does not wrap the way you need, use
// facade.Client.Gen(): this package's client over the facade's transport. The
// examples are in package facade (ExampleNewClient, ExampleResponse, …).
package gen

//go:generate go run ../internal/cmd/specprep generate -spec ../openapi/intercom-2.11.yaml -overlay ../openapi/overlay.yaml -config ../codegen.yaml -o intercom.gen.go -baseline ../openapi/intercom-2.11.yaml -description ../internal/description/description.gen.go
