package specprep_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-intercom/intercom/gen"
)

// TestRequestBodiesAreAliases checks that no generated <Op>JSONRequestBody
// is a new defined type over a oneOf union: a new type drops the union's
// MarshalJSON, and json.Marshal then sends {}. A body over a plain struct
// keeps its fields either way.
func TestRequestBodiesAreAliases(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join(moduleRoot(t), "gen", "intercom.gen.go"), nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	unions := map[string]bool{}
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if st, ok := ts.Type.(*ast.StructType); ok && slices.ContainsFunc(st.Fields.List, isUnionField) {
					unions[ts.Name.Name] = true
				}
			}
		}
	}
	count, overUnion := 0, 0
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			if !strings.HasSuffix(ts.Name.Name, "JSONRequestBody") {
				continue
			}
			count++
			under, ok := ts.Type.(*ast.Ident)
			if !ok || !unions[under.Name] {
				continue
			}
			overUnion++
			assert.True(t, ts.Assign.IsValid(), "%s is a new type over the union %s, not an alias: name its body schema with x-go-type-name in openapi/overlay.yaml", ts.Name.Name, under.Name)
		}
	}
	require.GreaterOrEqual(t, count, 40, "request body types found")
	require.NotZero(t, overUnion, "no request body is a union: the check found nothing to check")
	t.Logf("%d request body types, %d of them unions, each an alias", count, overUnion)
}

// isUnionField reports whether f is the raw JSON field every generated oneOf
// struct keeps its value in.
func isUnionField(f *ast.Field) bool { return len(f.Names) == 1 && f.Names[0].Name == "union" }

// sentBody returns a function that reads the body of a request built by the
// generated client, shaped to take the builder's results directly.
func sentBody(t *testing.T) func(*http.Request, error) string {
	return func(req *http.Request, err error) string {
		t.Helper()
		require.NoError(t, err)
		b, err := io.ReadAll(req.Body)
		require.NoError(t, err)
		return string(b)
	}
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// TestUnionRequestBodiesMarshal builds each oneOf request body from one
// variant and requires the request the generated client sends to carry
// exactly that variant: byte for byte, as json.Marshal writes it (stricter
// than assert.JSONEq, on purpose).
func TestUnionRequestBodiesMarshal(t *testing.T) {
	const server = "https://api.intercom.io"
	body := "Thanks"

	t.Run("replyTicket", func(t *testing.T) {
		variant := gen.AdminReplyTicketRequest{AdminId: "7", Body: &body, MessageType: "comment", Type: "admin"}
		var reply gen.ReplyTicketJSONRequestBody
		require.NoError(t, reply.FromAdminReplyTicketRequest(variant))
		assert.Equal(t, marshal(t, variant), sentBody(t)(gen.NewReplyTicketRequest(server, "1", nil, reply)))
	})
	t.Run("manageConversation", func(t *testing.T) {
		variant := gen.SnoozeConversationRequest{AdminId: "7", MessageType: "snoozed", SnoozedUntil: 1700000000}
		var manage gen.ManageConversationJSONRequestBody
		require.NoError(t, manage.FromSnoozeConversationRequest(variant))
		assert.Equal(t, marshal(t, variant), sentBody(t)(gen.NewManageConversationRequest(server, "1", nil, manage)))
	})
	t.Run("createTag", func(t *testing.T) {
		variant := gen.CreateOrUpdateTagRequest{Name: "vip"}
		var tag gen.CreateTagJSONRequestBody
		require.NoError(t, tag.FromCreateOrUpdateTagRequest(variant))
		assert.Equal(t, marshal(t, variant), sentBody(t)(gen.NewCreateTagRequest(server, nil, tag)))
	})
	t.Run("plain body", func(t *testing.T) {
		away := gen.SetAwayAdminJSONRequestBody{AwayModeEnabled: true, AwayModeReassign: false}
		assert.Equal(t, `{"away_mode_enabled":true,"away_mode_reassign":false}`, sentBody(t)(gen.NewSetAwayAdminRequest(server, "7", nil, away)))
	})
}
