package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// DataAttributesService groups the operations on data attributes of contacts, companies and conversations.
type DataAttributesService service

// DataAttribute describes one attribute of contacts, companies or conversations.
type DataAttribute = gen.DataAttribute

// DataAttributeList is the list of a workspace's data attributes.
type DataAttributeList = gen.DataAttributeList

// DataAttributeModel is the kind of object a data attribute belongs to.
type DataAttributeModel string

// The models data attributes belong to. Attributes can be created on
// contacts and companies only; conversation attributes can be listed.
const (
	DataAttributeModelContact      DataAttributeModel = "contact"
	DataAttributeModelCompany      DataAttributeModel = "company"
	DataAttributeModelConversation DataAttributeModel = "conversation"
)

// DataAttributeType is the type of value a data attribute holds.
type DataAttributeType string

// The value types of data attributes.
const (
	DataAttributeTypeString   DataAttributeType = "string"
	DataAttributeTypeInteger  DataAttributeType = "integer"
	DataAttributeTypeFloat    DataAttributeType = "float"
	DataAttributeTypeBoolean  DataAttributeType = "boolean"
	DataAttributeTypeDatetime DataAttributeType = "datetime"
	DataAttributeTypeDate     DataAttributeType = "date"
)

// ListDataAttributesOptions narrows DataAttributesService.List.
type ListDataAttributesOptions struct {
	// Model keeps only the attributes of contacts, companies or conversations.
	Model DataAttributeModel
	// IncludeArchived also returns archived attributes.
	IncludeArchived bool
}

// List returns the workspace's data attributes.
//
// Calls listDataAttributes: GET /data_attributes.
func (s *DataAttributesService) List(ctx context.Context, opts *ListDataAttributesOptions) (*DataAttributeList, *Response, error) {
	var params *gen.ListDataAttributesParams
	if opts != nil {
		params = &gen.ListDataAttributesParams{}
		if opts.Model != "" {
			switch opts.Model {
			case DataAttributeModelContact, DataAttributeModelCompany, DataAttributeModelConversation:
			default:
				return nil, nil, invalid("model", "%q is not one of contact, company, conversation", opts.Model)
			}
			m := gen.ListDataAttributesParamsModel(opts.Model)
			params.Model = &m
		}
		if opts.IncludeArchived {
			t := true
			params.IncludeArchived = &t
		}
	}
	return decode[DataAttributeList](s.client.raw.ListDataAttributes(ctx, params))
}

// CreateDataAttributeOptions holds the optional fields of a new data attribute.
type CreateDataAttributeOptions struct {
	// Description is the text shown for the attribute in Intercom.
	Description string
	// Options makes a list attribute with these choices; the type must be
	// DataAttributeTypeString.
	Options []string
	// MessengerWritable, when set, says whether the Messenger may update
	// the attribute.
	MessengerWritable *bool
}

// Create adds a custom data attribute to contacts or companies.
//
// Calls createDataAttribute: POST /data_attributes.
func (s *DataAttributesService) Create(ctx context.Context, name string, model DataAttributeModel, dataType DataAttributeType, opts *CreateDataAttributeOptions) (*DataAttribute, *Response, error) {
	if err := required("name", name); err != nil {
		return nil, nil, err
	}
	switch model {
	case DataAttributeModelContact, DataAttributeModelCompany:
	default:
		return nil, nil, invalid("model", "%q is not one of contact, company", model)
	}
	switch dataType {
	case DataAttributeTypeString, DataAttributeTypeInteger, DataAttributeTypeFloat,
		DataAttributeTypeBoolean, DataAttributeTypeDatetime, DataAttributeTypeDate:
	default:
		return nil, nil, invalid("data_type", "%q is not one of string, integer, float, boolean, datetime, date", dataType)
	}
	body := gen.CreateDataAttributeJSONRequestBody{
		Name:     name,
		Model:    gen.CreateDataAttributeRequestModel(model),
		DataType: gen.CreateDataAttributeRequestDataType(dataType),
	}
	if opts != nil {
		if opts.Description != "" {
			d := opts.Description
			body.Description = &d
		}
		if len(opts.Options) > 0 {
			if dataType != DataAttributeTypeString {
				return nil, nil, invalid("options", "only list attributes of data_type string take options, got data_type %q", dataType)
			}
			if err := attributeOptions(opts.Options); err != nil {
				return nil, nil, err
			}
			gen.SetCreateDataAttributeOptions(&body, opts.Options)
		}
		body.MessengerWritable = ptrCopy(opts.MessengerWritable)
	}
	return decode[DataAttribute](s.client.raw.CreateDataAttribute(ctx, nil, body))
}

// UpdateDataAttributeOptions holds the changes to a data attribute; fields
// left nil are not changed, and at least one must be set.
type UpdateDataAttributeOptions struct {
	// Archived archives (true) or restores (false) the attribute.
	Archived *bool
	// Description replaces the text shown for the attribute.
	Description *string
	// MessengerWritable says whether the Messenger may update the attribute.
	MessengerWritable *bool
	// Options replaces the choices of a list attribute.
	Options []string
}

// Update changes a data attribute.
//
// Calls updateDataAttribute: PUT /data_attributes/{data_attribute_id}.
func (s *DataAttributesService) Update(ctx context.Context, dataAttributeID string, changes UpdateDataAttributeOptions) (*DataAttribute, *Response, error) {
	if err := required("data_attribute_id", dataAttributeID); err != nil {
		return nil, nil, err
	}
	if changes.Archived == nil && changes.Description == nil && changes.MessengerWritable == nil && changes.Options == nil {
		return nil, nil, invalid("data_attribute", "nothing to update: set archived, description, messenger_writable or options")
	}
	body := gen.UpdateDataAttributeJSONRequestBody{
		Archived:          ptrCopy(changes.Archived),
		Description:       ptrCopy(changes.Description),
		MessengerWritable: ptrCopy(changes.MessengerWritable),
	}
	if changes.Options != nil {
		if err := attributeOptions(changes.Options); err != nil {
			return nil, nil, err
		}
		gen.SetDataAttributeOptions(&body, changes.Options)
	}
	return decode[DataAttribute](s.client.raw.UpdateDataAttribute(ctx, dataAttributeID, nil, body))
}

// attributeOptions checks the choices of a list attribute: at least one,
// none empty.
func attributeOptions(options []string) error {
	if len(options) == 0 {
		return invalid("options", "a list attribute needs at least one option")
	}
	for i, o := range options {
		if o == "" {
			return invalid(itemField("options", i), "must not be empty")
		}
	}
	return nil
}
