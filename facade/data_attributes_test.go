package facade

import (
	"context"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dataAttributeJSON = `{"type":"data_attribute","id":37,"model":"contact","name":"plan","full_name":"custom_attributes.plan","label":"plan","description":"Plan","data_type":"string","options":["free","pro"],"custom":true,"archived":false}`

func TestDataAttributesList(t *testing.T) {
	const reply = `{"type":"list","data":[` + dataAttributeJSON + `]}`
	f, c := newFake(t)
	f.reply("/", 200, reply)
	got, _, err := c.DataAttributes.List(context.Background(), nil)
	require.NoError(t, err)
	f.expect(t, "GET", "/data_attributes", nil, "")
	assert.Len(t, got.Data, 1)
	assert.Equal(t, "plan", got.Data[0].Name)
	assert.Equal(t, 37, got.Data[0].GetId())

	f, c = newFake(t)
	f.reply("/", 200, reply)
	_, _, err = c.DataAttributes.List(context.Background(), &ListDataAttributesOptions{Model: DataAttributeModelConversation, IncludeArchived: true})
	require.NoError(t, err)
	f.expect(t, "GET", "/data_attributes", query("model", "conversation", "include_archived", "true"), "")

	f, c = newFake(t)
	f.reply("/", 200, reply)
	_, _, err = c.DataAttributes.List(context.Background(), &ListDataAttributesOptions{Model: "ticket"})
	f.expectInputError(t, err, "model")
}

func TestDataAttributesCreate(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, dataAttributeJSON)
	writable := false
	got, _, err := c.DataAttributes.Create(context.Background(), "plan", DataAttributeModelContact, DataAttributeTypeString,
		&CreateDataAttributeOptions{Description: "Plan", Options: []string{"free", "pro"}, MessengerWritable: &writable})
	require.NoError(t, err)
	f.expect(t, "POST", "/data_attributes", nil,
		`{"name":"plan","model":"contact","data_type":"string","description":"Plan","options":`+
			optionsJSON[gen.CreateDataAttributeRequest]("free", "pro")+`,"messenger_writable":false}`)
	assert.Equal(t, "custom_attributes.plan", got.FullName)

	f, c = newFake(t)
	f.reply("/", 200, dataAttributeJSON)
	require.NoError(t, err3(c.DataAttributes.Create(context.Background(), "seats", DataAttributeModelCompany, DataAttributeTypeInteger, nil)))
	f.expect(t, "POST", "/data_attributes", nil, `{"name":"seats","model":"company","data_type":"integer"}`)
}

func TestDataAttributesCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, dataAttributeJSON)
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		model    DataAttributeModel
		dataType DataAttributeType
		opts     *CreateDataAttributeOptions
		field    string
	}{
		{"", DataAttributeModelContact, DataAttributeTypeString, nil, "name"},
		{"x", DataAttributeModelConversation, DataAttributeTypeString, nil, "model"},
		{"x", "", DataAttributeTypeString, nil, "model"},
		{"x", DataAttributeModelContact, "text", nil, "data_type"},
		{"x", DataAttributeModelContact, DataAttributeTypeInteger, &CreateDataAttributeOptions{Options: []string{"a"}}, "options"},
		{"x", DataAttributeModelContact, DataAttributeTypeString, &CreateDataAttributeOptions{Options: []string{"a", ""}}, "options[1]"},
	} {
		_, _, err := c.DataAttributes.Create(ctx, tc.name, tc.model, tc.dataType, tc.opts)
		f.expectInputError(t, err, tc.field)
	}
}

func TestDataAttributesUpdate(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, dataAttributeJSON)
	archived := true
	got, _, err := c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{Archived: &archived, Options: []string{"free", "pro"}})
	require.NoError(t, err)
	f.expect(t, "PUT", "/data_attributes/37", nil, `{"archived":true,"options":`+optionsJSON[gen.UpdateDataAttributeRequest]("free", "pro")+`}`)
	assert.Equal(t, "plan", got.Label)

	f, c = newFake(t)
	f.reply("/", 200, dataAttributeJSON)
	_, _, err = c.DataAttributes.Update(context.Background(), "", UpdateDataAttributeOptions{Archived: &archived})
	f.expectInputError(t, err, "data_attribute_id")
	_, _, err = c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{})
	f.expectInputError(t, err, "data_attribute")
	_, _, err = c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{Options: []string{}})
	f.expectInputError(t, err, "options")
}
