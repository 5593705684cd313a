package intercomtest

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// describedResources are the collections, by the path that lists them, whose
// members the hand-written handlers keep: an operation that only a newer
// description declares and that names one of them in its path finds it in
// the workspace.
var describedResources = map[string]func(ws *workspace, id string) bool{
	"/admins":                  func(ws *workspace, id string) bool { return ws.admin(id) != nil },
	"/teams":                   func(ws *workspace, id string) bool { return ws.team(id) != nil },
	"/contacts":                func(ws *workspace, id string) bool { return ws.contact(id) != nil },
	"/companies":               func(ws *workspace, id string) bool { return ws.company(id) != nil },
	"/conversations":           func(ws *workspace, id string) bool { return ws.conversation(id) != nil },
	"/tickets":                 func(ws *workspace, id string) bool { return ws.ticket(id) != nil },
	"/ticket_types":            func(ws *workspace, id string) bool { return ws.ticketType(id) != nil },
	"/tags":                    func(ws *workspace, id string) bool { return ws.tag(id) != nil },
	"/articles":                func(ws *workspace, id string) bool { return ws.article(id) != nil },
	"/help_center/collections": func(ws *workspace, id string) bool { return ws.collection(id) != nil },
	"/news/news_items":         func(ws *workspace, id string) bool { return ws.newsItem(id) != nil },
	"/notes":                   func(ws *workspace, id string) bool { return ws.note(id) != nil },
	"/segments":                func(ws *workspace, id string) bool { return ws.segment(id) != nil },
	"/data_attributes":         func(ws *workspace, id string) bool { return ws.dataAttribute(id) != nil },
}

// described answers an operation that has no hand-written handler (one that
// only a newer description declares) from the description itself: every id
// in the path must name something that exists (in the workspace, or created
// through such an operation before), else the answer is 404 not_found; a
// create (POST to a path that does not end in an id) keeps the new id, a
// DELETE of an id forgets it; the body is built from the success response's
// schema, with the ids filled in.
func (ws *workspace) described(c *call) reply {
	tmpl := c.route.Path
	names := pathParams(tmpl)
	for _, name := range names {
		prefix := tmpl[:strings.Index(tmpl, "/{"+name+"}")]
		if !ws.knownID(prefix, c.params[name]) {
			return c.notFound(resourceNoun(prefix))
		}
	}
	last := ""
	if len(names) > 0 && strings.HasSuffix(tmpl, "/{"+names[len(names)-1]+"}") {
		last = names[len(names)-1]
	}
	if last != "" && c.route.Method == http.MethodDelete {
		delete(ws.describedIDs[tmpl[:len(tmpl)-len("/{"+last+"}")]], c.params[last])
	}
	status, schema := successResponse(c.route.Operation)
	if schema == nil {
		return reply{status, nil}
	}
	body := normalize(synthesize(schema))
	idSchema := propertySchema(schema, "id")
	if m, isObj := body.(map[string]any); isObj && idSchema != nil {
		switch {
		case last != "":
			m["id"] = typedID(idSchema, c.params[last])
		case c.route.Method == http.MethodPost:
			id := ws.nextID("described")
			m["id"] = typedID(idSchema, id)
			if ws.describedIDs[tmpl] == nil {
				ws.describedIDs[tmpl] = map[string]bool{}
			}
			ws.describedIDs[tmpl][id] = true
		}
	}
	ws.fillIDs(body)
	return reply{status, body}
}

// knownID reports whether id names a member of the collection listed at
// prefix (a path template).
func (ws *workspace) knownID(prefix, id string) bool {
	if f, ok := describedResources[prefix]; ok {
		return f(ws, id)
	}
	return ws.describedIDs[prefix][id]
}

// pathParams are the names of a path template's parameters, in order.
func pathParams(tmpl string) []string {
	var out []string
	for _, seg := range strings.Split(tmpl, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			out = append(out, seg[1:len(seg)-1])
		}
	}
	return out
}

// resourceNoun names what a collection path holds in a not-found message:
// "/ai/external_pages" gives "External page".
func resourceNoun(prefix string) string {
	seg := prefix[strings.LastIndex(prefix, "/")+1:]
	seg = strings.TrimSuffix(strings.ReplaceAll(seg, "_", " "), "s")
	if seg == "" {
		return "Resource"
	}
	return strings.ToUpper(seg[:1]) + seg[1:]
}

// successResponse is an operation's first 2xx (else 3xx) status and its JSON
// schema (nil when it has no JSON body); 200 with the default response's
// schema when it declares neither.
func successResponse(op *openapi3.Operation) (int, *openapi3.SchemaRef) {
	for status := 200; status < 400; status++ {
		if op.Responses.Status(status) != nil {
			return status, responseSchema(op, status)
		}
	}
	if d := op.Responses.Default(); d != nil && d.Value != nil {
		if mt := d.Value.Content.Get("application/json"); mt != nil {
			return http.StatusOK, mt.Schema
		}
	}
	return http.StatusOK, nil
}

// propertySchema is the schema of property name of an object schema,
// directly or through allOf; nil when it has none.
func propertySchema(ref *openapi3.SchemaRef, name string) *openapi3.SchemaRef {
	if ref == nil || ref.Value == nil {
		return nil
	}
	if p := ref.Value.Properties[name]; p != nil {
		return p
	}
	for _, sub := range ref.Value.AllOf {
		if p := propertySchema(sub, name); p != nil {
			return p
		}
	}
	return nil
}

// typedID is id in the JSON type the schema declares: a number where it
// declares an integer and the id is one, else the string.
func typedID(ref *openapi3.SchemaRef, id string) any {
	if ref != nil && ref.Value != nil && (ref.Value.Type.Is(openapi3.TypeInteger) || ref.Value.Type.Is(openapi3.TypeNumber)) {
		if n, err := strconv.ParseInt(id, 10, 64); err == nil {
			return n
		}
	}
	return id
}

// fillIDs gives every empty string id in a synthesized body a fresh one:
// Intercom never answers an empty id.
func (ws *workspace) fillIDs(v any) {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["id"].(string); ok && id == "" {
			x["id"] = ws.nextID("described")
		}
		for _, sub := range x {
			ws.fillIDs(sub)
		}
	case []any:
		for _, sub := range x {
			ws.fillIDs(sub)
		}
	}
}
