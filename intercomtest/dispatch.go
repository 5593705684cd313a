package intercomtest

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/getkin/kin-openapi/routers"
)

// call is one valid request on its way to a handler.
type call struct {
	route  *routers.Route
	op     string
	path   string // the request's path, for links to other pages
	params map[string]string
	query  url.Values
	body   map[string]any // the JSON body when it is an object
	reqID  string
}

type handler func(ws *workspace, c *call) reply

// dispatch runs the operation's handler. Every operation of the 2.11
// description has one (TestEveryOperationHasAHandler); an operation that only
// a newer description declares is answered from the description by
// ws.described. The server's mutex is held.
func (s *Server) dispatch(c *call) reply {
	if h, ok := s.override[c.op]; ok {
		return h(s.ws, c)
	}
	if h, ok := handlers[c.op]; ok {
		return h(s.ws, c)
	}
	if h, ok := newerHandlers[c.op]; ok {
		return h(s.ws, c)
	}
	return s.ws.described(c)
}

func ok(body any) reply { return reply{http.StatusOK, body} }

func (c *call) fail(status int, code, format string, args ...any) reply {
	return reply{status, errorList(c.reqID, code, fmt.Sprintf(format, args...))}
}

func (c *call) notFound(what string) reply {
	return c.fail(http.StatusNotFound, "not_found", "%s Not Found", what)
}

func (c *call) badParam(format string, args ...any) reply {
	return c.fail(http.StatusBadRequest, "parameter_invalid", format, args...)
}

// str, boolean, num and object read fields of the JSON body.
func (c *call) str(name string) string { return str(c.body, name) }

func str(m map[string]any, name string) string {
	v, _ := m[name].(string)
	return v
}

func (c *call) has(name string) bool { _, ok := c.body[name]; return ok }

func (c *call) boolean(name string) (bool, bool) {
	v, ok := c.body[name].(bool)
	return v, ok
}

func (c *call) num(name string) (int64, bool) {
	v, ok := c.body[name].(float64)
	return int64(v), ok
}

func (c *call) object(name string) map[string]any {
	v, _ := c.body[name].(map[string]any)
	return v
}

// queryInt reads an integer query parameter, def when absent.
func (c *call) queryInt(name string, def int) int {
	if v := c.query.Get(name); v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}
