package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ticketTypeJSON = `{"type":"ticket_type","id":"9","name":"Bug","description":"d","icon":"🐞","category":"Back-office",
 "workspace_id":"w","archived":false,"created_at":1,"ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[
  {"type":"ticket_type_attribute","id":"a1","name":"Severity","description":"","data_type":"list","input_options":{},"order":0,
   "required_to_create":false,"required_to_create_for_contacts":false,"visible_on_create":true,"visible_to_contacts":true,
   "default":false,"ticket_type_id":9,"archived":false,"created_at":1,"workspace_id":"w"},
  {"type":"ticket_type_attribute","id":"a2","name":"Geo","description":"","data_type":"location","input_options":{},"order":1,
   "required_to_create":false,"required_to_create_for_contacts":false,"visible_on_create":true,"visible_to_contacts":true,
   "default":false,"ticket_type_id":9,"archived":false,"created_at":1,"workspace_id":"w"}]}}`

func TestTicketTypesCalls(t *testing.T) {
	ctx := context.Background()
	yes, no := true, false
	cases := []callCase{
		{"list (the description's ticket_types)", `{"type":"ticket_type_attributes.list","ticket_types":[` + ticketTypeJSON + `]}`, func(c *Client) error {
			l, _, err := c.TicketTypes.List(ctx)
			if err == nil {
				assert.Len(t, TicketTypesOf(l), 1)
			}
			return err
		}, "GET", "/ticket_types", "", ""},
		{"list (the API's data)", `{"type":"ticket_type_attributes.list","data":[` + ticketTypeJSON + `]}`, func(c *Client) error {
			l, _, err := c.TicketTypes.List(ctx)
			if err == nil {
				assert.Len(t, TicketTypesOf(l), 1)
			}
			return err
		}, "GET", "/ticket_types", "", ""},
		{"get", ticketTypeJSON, func(c *Client) error {
			tt, _, err := c.TicketTypes.Get(ctx, "9")
			if err == nil {
				attrs := tt.TicketTypeAttributes.TicketTypeAttributes
				assert.Equal(t, TicketCategoryBackOffice, TicketCategory(tt.Category))
				require.Len(t, attrs, 2)
				assert.True(t, TicketTypeAttributeDataType(attrs[0].DataType).Valid())
				assert.Equal(t, "location", attrs[1].DataType, "an unknown data_type is kept")
				assert.False(t, TicketTypeAttributeDataType(attrs[1].DataType).Valid(), "an unknown data_type is invalid")
			}
			return err
		}, "GET", "/ticket_types/9", "", ""},
		{"create", ticketTypeJSON, func(c *Client) error {
			_, _, err := c.TicketTypes.Create(ctx, "Bug", &CreateTicketTypeOptions{Category: TicketCategoryBackOffice, Description: "d", Icon: "🐞", IsInternal: &no})
			return err
		}, "POST", "/ticket_types", "", `{"name":"Bug","category":"Back-office","description":"d","icon":"🐞","is_internal":false}`},
		{"create minimal", ticketTypeJSON, func(c *Client) error {
			_, _, err := c.TicketTypes.Create(ctx, "Bug", nil)
			return err
		}, "POST", "/ticket_types", "", `{"name":"Bug"}`},
		{"update", ticketTypeJSON, func(c *Client) error {
			_, _, err := c.TicketTypes.Update(ctx, "9", &UpdateTicketTypeOptions{Name: "Bugs", Category: TicketCategoryTracker, Archived: &yes})
			return err
		}, "PUT", "/ticket_types/9", "", `{"name":"Bugs","category":"Tracker","archived":true}`},
		{"create attribute", `{"type":"ticket_type_attribute","id":"a3","data_type":"list"}`, func(c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Create(ctx, "9", "Severity", "How bad", TicketAttributeList,
				&TicketTypeAttributeOptions{ListItems: "Low,High", RequiredToCreate: &yes, VisibleToContacts: &no})
			return err
		}, "POST", "/ticket_types/9/attributes", "",
			`{"name":"Severity","description":"How bad","data_type":"list","list_items":"Low,High","required_to_create":true,"visible_to_contacts":false}`},
		{"update attribute", `{"type":"ticket_type_attribute","id":"a3"}`, func(c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Update(ctx, "9", "a3", &UpdateTicketTypeAttributeOptions{
				Description: "Impact", Archived: &yes, TicketTypeAttributeOptions: TicketTypeAttributeOptions{Multiline: &yes}})
			return err
		}, "PUT", "/ticket_types/9/attributes/a3", "", `{"description":"Impact","archived":true,"multiline":true}`},
	}
	runCallCases(t, cases)
}

func TestTicketTypesInvalidInputsSendNothing(t *testing.T) {
	cases := []inputCase{
		{"get empty", "ticket_type_id", func(ctx context.Context, c *Client) error { _, _, err := c.TicketTypes.Get(ctx, ""); return err }},
		{"create no name", "name", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Create(ctx, "", nil)
			return err
		}},
		{"create bad category", "category", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Create(ctx, "Bug", &CreateTicketTypeOptions{Category: "back-office"})
			return err
		}},
		{"update empty", "ticket_type_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Update(ctx, "", nil)
			return err
		}},
		{"update bad category", "category", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Update(ctx, "9", &UpdateTicketTypeOptions{Category: "Internal"})
			return err
		}},
		{"attribute no type id", "ticket_type_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Create(ctx, "", "n", "d", TicketAttributeString, nil)
			return err
		}},
		{"attribute no name", "name", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Create(ctx, "9", "", "d", TicketAttributeString, nil)
			return err
		}},
		{"attribute no description", "description", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Create(ctx, "9", "n", "", TicketAttributeString, nil)
			return err
		}},
		{"attribute bad data type", "data_type", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Create(ctx, "9", "n", "d", "number", nil)
			return err
		}},
		{"attribute update no id", "attribute_id", func(ctx context.Context, c *Client) error {
			_, _, err := c.TicketTypes.Attributes.Update(ctx, "9", "", nil)
			return err
		}},
	}
	runInputCases(t, cases)
}
