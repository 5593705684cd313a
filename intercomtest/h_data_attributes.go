package intercomtest

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// dataAttribute is an attribute of contacts or companies: Intercom's
// built-in ones (no id) and the custom ones created through the API.
type dataAttribute struct {
	id                                  int64 // 0 for a built-in attribute
	model, name, label, description     string
	dataType                            string
	options                             []string
	custom, archived, messengerWritable bool
	apiWritable, uiWritable             bool
	adminID                             string
	createdAt, updatedAt                int64
}

// builtinAttributes are attributes every Intercom workspace lists, by model:
// name, data type and whether the API may write them.
var builtinAttributes = []struct {
	model, name, label, dataType string
	writable                     bool
}{
	{"contact", "name", "Name", "string", true},
	{"contact", "email", "Email", "string", true},
	{"contact", "phone", "Phone", "string", true},
	{"contact", "external_id", "User ID", "string", true},
	{"contact", "role", "Role", "string", false},
	{"contact", "owner_id", "Owner", "integer", true},
	{"contact", "created_at", "Signed up", "date", true},
	{"contact", "last_seen_at", "Last seen", "date", true},
	{"contact", "unsubscribed_from_emails", "Unsubscribed from Emails", "boolean", true},
	{"contact", "language_override", "Language override", "string", true},
	{"company", "name", "Company name", "string", true},
	{"company", "company_id", "Company ID", "string", true},
	{"company", "plan", "Plan", "string", true},
	{"company", "size", "Company size", "integer", true},
	{"company", "website", "Company website", "string", true},
	{"company", "industry", "Company industry", "string", true},
	{"company", "monthly_spend", "Monthly Spend", "float", true},
	{"company", "remote_created_at", "Company created at", "date", true},
}

func (ws *workspace) addBuiltinAttributes() {
	for _, b := range builtinAttributes {
		ws.dataAttributes = append(ws.dataAttributes, &dataAttribute{
			model: b.model, name: b.name, label: b.label, description: b.label, dataType: b.dataType,
			apiWritable: b.writable, uiWritable: b.writable,
		})
	}
}

func (a *dataAttribute) fullName() string {
	if a.custom {
		return "custom_attributes." + a.name
	}
	return a.name
}

func (a *dataAttribute) json() obj {
	opts := []any{}
	for _, o := range a.options {
		opts = append(opts, o)
	}
	out := obj{
		"type": "data_attribute", "model": a.model, "name": a.name, "full_name": a.fullName(),
		"label": a.label, "description": a.description, "data_type": a.dataType, "options": opts,
		"api_writable": a.apiWritable, "messenger_writable": a.messengerWritable, "ui_writable": a.uiWritable,
		"custom": a.custom, "archived": a.archived,
	}
	if a.id != 0 {
		out["id"] = a.id
		out["created_at"] = a.createdAt
		out["updated_at"] = a.updatedAt
		out["admin_id"] = a.adminID
	}
	return out
}

func (ws *workspace) dataAttribute(id string) *dataAttribute {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n == 0 {
		return nil
	}
	for _, a := range ws.dataAttributes {
		if a.id == n {
			return a
		}
	}
	return nil
}

// dataAttributeNamed is the attribute of model named name (in any case).
func (ws *workspace) dataAttributeNamed(model, name string) *dataAttribute {
	for _, a := range ws.dataAttributes {
		if a.model == model && strings.EqualFold(a.name, name) {
			return a
		}
	}
	return nil
}

// attributeTypes are the data types an attribute is created with; it keeps
// a datetime as a date.
var attributeTypes = []string{"string", "integer", "float", "boolean", "datetime", "date"}

// attributeType is the data type an attribute created as dataType keeps.
func attributeType(dataType string) string {
	if dataType == "datetime" {
		return "date"
	}
	return dataType
}

// attributeName is what Intercom allows in a custom attribute's name.
var attributeName = regexp.MustCompile(`^[^.$\[\]"]+$`)

func createDataAttribute(ws *workspace, c *call) reply {
	name, model := strings.TrimSpace(c.str("name")), c.str("model")
	if !attributeName.MatchString(name) {
		return c.badParam("name must not be empty nor contain '.', '$', '[', ']' or '\"'")
	}
	if ws.dataAttributeNamed(model, name) != nil {
		return c.badParam("You already have '%s' in your workspace. Please choose another name.", name)
	}
	dataType := attributeType(c.str("data_type"))
	now := ws.unix()
	id, _ := strconv.ParseInt(ws.nextID("data_attribute"), 10, 64)
	a := &dataAttribute{id: id, model: model, name: name, label: name,
		description: c.str("description"), dataType: dataType, custom: true, apiWritable: true,
		uiWritable: true, adminID: ws.me.id, createdAt: now, updatedAt: now}
	a.messengerWritable, _ = c.boolean("messenger_writable")
	a.options = stringList(c.body["options"])
	ws.dataAttributes = append(ws.dataAttributes, a)
	return ok(a.json())
}

// stringList reads a JSON array of strings.
func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func updateDataAttribute(ws *workspace, c *call) reply {
	a := ws.dataAttribute(c.params["data_attribute_id"])
	if a == nil {
		return c.notFound("Data Attribute")
	}
	if v, ok := c.boolean("archived"); ok {
		a.archived = v
	}
	if c.has("description") {
		a.description = c.str("description")
	}
	if v, ok := c.boolean("messenger_writable"); ok {
		a.messengerWritable = v
	}
	if c.has("options") {
		a.options = stringList(c.body["options"])
	}
	a.updatedAt = ws.unix()
	return ok(a.json())
}

func listDataAttributes(ws *workspace, c *call) reply {
	model := c.query.Get("model")
	if model != "" && model != "contact" && model != "company" && model != "conversation" {
		return c.fail(http.StatusBadRequest, "parameter_invalid", "model must be contact, company or conversation")
	}
	archived := c.query.Get("include_archived") == "true"
	list := []any{}
	for _, a := range ws.dataAttributes {
		if (model == "" || a.model == model) && (archived || !a.archived) {
			list = append(list, a.json())
		}
	}
	return ok(obj{"type": "list", "data": list})
}
