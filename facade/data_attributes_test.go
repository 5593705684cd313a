package facade

import (
	"context"
	"testing"

	"github.com/go-intercom/intercom/gen"
)

const dataAttributeJSON = `{"type":"data_attribute","id":37,"model":"contact","name":"plan","full_name":"custom_attributes.plan","label":"plan","description":"Plan","data_type":"string","options":["free","pro"],"custom":true,"archived":false}`

func TestDataAttributesList(t *testing.T) {
	const reply = `{"type":"list","data":[` + dataAttributeJSON + `]}`
	c, s := newOpStubClient(t, 200, reply)
	got, _, err := c.DataAttributes.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/data_attributes", nil, "")
	if len(got.Data) != 1 || got.Data[0].Name != "plan" || got.Data[0].GetId() != 37 {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, reply)
	_, _, err = c.DataAttributes.List(context.Background(), &ListDataAttributesOptions{Model: DataAttributeModelConversation, IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/data_attributes", opQuery("model", "conversation", "include_archived", "true"), "")

	c, s = newOpStubClient(t, 200, reply)
	_, _, err = c.DataAttributes.List(context.Background(), &ListDataAttributesOptions{Model: "ticket"})
	assertOpInputError(t, err, "model", s)
}

func TestDataAttributesCreate(t *testing.T) {
	c, s := newOpStubClient(t, 200, dataAttributeJSON)
	writable := false
	got, _, err := c.DataAttributes.Create(context.Background(), "plan", DataAttributeModelContact, DataAttributeTypeString,
		&CreateDataAttributeOptions{Description: "Plan", Options: []string{"free", "pro"}, MessengerWritable: &writable})
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/data_attributes", nil,
		`{"name":"plan","model":"contact","data_type":"string","description":"Plan","options":`+
			optionsJSON[gen.CreateDataAttributeRequest]("free", "pro")+`,"messenger_writable":false}`)
	if got.FullName != "custom_attributes.plan" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, dataAttributeJSON)
	if _, _, err := c.DataAttributes.Create(context.Background(), "seats", DataAttributeModelCompany, DataAttributeTypeInteger, nil); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "POST", "/data_attributes", nil, `{"name":"seats","model":"company","data_type":"integer"}`)
}

func TestDataAttributesCreateInvalid(t *testing.T) {
	c, s := newOpStubClient(t, 200, dataAttributeJSON)
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
		assertOpInputError(t, err, tc.field, s)
	}
}

func TestDataAttributesUpdate(t *testing.T) {
	c, s := newOpStubClient(t, 200, dataAttributeJSON)
	archived := true
	got, _, err := c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{Archived: &archived, Options: []string{"free", "pro"}})
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "PUT", "/data_attributes/37", nil, `{"archived":true,"options":`+optionsJSON[gen.UpdateDataAttributeRequest]("free", "pro")+`}`)
	if got.Label != "plan" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, dataAttributeJSON)
	_, _, err = c.DataAttributes.Update(context.Background(), "", UpdateDataAttributeOptions{Archived: &archived})
	assertOpInputError(t, err, "data_attribute_id", s)
	_, _, err = c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{})
	assertOpInputError(t, err, "data_attribute", s)
	_, _, err = c.DataAttributes.Update(context.Background(), "37", UpdateDataAttributeOptions{Options: []string{}})
	assertOpInputError(t, err, "options", s)
}
