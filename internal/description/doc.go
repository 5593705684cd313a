// Package description embeds the project's description of the Intercom REST
// API (openapi/ with openapi/overlay.yaml applied), as package gen was
// generated from it. It is for the code that validates requests and responses
// against the description, such as package intercomtest; programs that only
// call the API never import it, so they compile no OpenAPI library.
//
// description.gen.go is written by `make generate`; never edit it by hand.
package description
