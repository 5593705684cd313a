package specprep_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/go-intercom/intercom/internal/specprep"
)

func TestPinShapesKeepsTheBaselinesFlags(t *testing.T) {
	newer := `
components:
  schemas:
    ticket:
      type: object
      nullable: true
      properties:
        id:
          type: string
        state:
          type: string
          nullable: true
        added:
          type: string
    fresh:
      type: object
      nullable: true
      required: [x]
      properties:
        x:
          type: string
`
	baseline := `
components:
  schemas:
    ticket:
      type: object
      required: [id, state, gone]
      properties:
        id:
          type: string
          nullable: true
        state:
          type: string
`
	out, err := specprep.PinShapes([]byte(newer), []byte(baseline))
	require.NoError(t, err)
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Nullable   *bool
				Required   []string
				Properties map[string]struct{ Nullable *bool }
			}
		}
	}
	require.NoError(t, yaml.Unmarshal(out, &doc))
	ticket := doc.Components.Schemas["ticket"]
	assert.Nil(t, ticket.Nullable, "the baseline's ticket is not nullable")
	assert.Equal(t, []string{"id", "state"}, ticket.Required, "required as in the baseline, for the properties the newer one has")
	assert.True(t, *ticket.Properties["id"].Nullable)
	assert.Nil(t, ticket.Properties["state"].Nullable)
	assert.Nil(t, ticket.Properties["added"].Nullable)

	fresh := doc.Components.Schemas["fresh"]
	assert.True(t, *fresh.Nullable, "a schema the baseline lacks is left as it is")
	assert.Equal(t, []string{"x"}, fresh.Required)

	_, err = specprep.PinShapes([]byte("{"), []byte(baseline))
	assert.Error(t, err)
	_, err = specprep.PinShapes([]byte(newer), []byte("{"))
	assert.Error(t, err)
	same, err := specprep.PinShapes([]byte("openapi: 3.0.1\n"), []byte(baseline))
	require.NoError(t, err)
	assert.Equal(t, "openapi: 3.0.1\n", string(same))
}

func TestPinPathParamsKeepsTheBaselinesNames(t *testing.T) {
	newer := `
paths:
  /contacts/{id}:
    get:
      parameters:
        - name: id
          in: path
  /contacts/{contact_id}/companies/{id}:
    parameters:
      - name: contact_id
        in: path
    delete:
      parameters:
        - name: id
          in: path
        - name: id
          in: query
  /tags:
    get: {}
`
	baseline := `
paths:
  /contacts/{contact_id}:
    get: {}
  /contacts/{contact_id}/companies/{company_id}:
    delete: {}
  /tags:
    get: {}
`
	out, err := specprep.PinPathParams([]byte(newer), []byte(baseline))
	require.NoError(t, err)
	var doc struct {
		Paths map[string]struct {
			Parameters []struct{ Name, In string }
			Get        struct{ Parameters []struct{ Name, In string } }
			Delete     struct{ Parameters []struct{ Name, In string } }
		}
	}
	require.NoError(t, yaml.Unmarshal(out, &doc))
	require.Contains(t, doc.Paths, "/contacts/{contact_id}")
	require.Contains(t, doc.Paths, "/contacts/{contact_id}/companies/{company_id}")
	assert.NotContains(t, doc.Paths, "/contacts/{id}")
	assert.Equal(t, "contact_id", doc.Paths["/contacts/{contact_id}"].Get.Parameters[0].Name)
	del := doc.Paths["/contacts/{contact_id}/companies/{company_id}"]
	assert.Equal(t, "contact_id", del.Parameters[0].Name)
	assert.Equal(t, "company_id", del.Delete.Parameters[0].Name)
	assert.Equal(t, "id", del.Delete.Parameters[1].Name, "a query parameter keeps its name")
	assert.Contains(t, doc.Paths, "/tags")

	_, err = specprep.PinPathParams([]byte("{"), []byte(baseline))
	assert.Error(t, err)
}
