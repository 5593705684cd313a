package intercomtest

import (
	"fmt"
	"strconv"
	"strings"
)

// fieldFunc returns the value of a searchable field of one resource: a
// string, int64, bool or []string (for lists such as contact_ids), and
// whether the resource has that field at all.
type fieldFunc func(name string) (any, bool)

// matchQuery evaluates an Intercom search query (a single filter, or AND/OR
// over nested queries) against one resource.
func matchQuery(q map[string]any, fields fieldFunc) (bool, error) {
	op, _ := q["operator"].(string)
	if op == "AND" || op == "OR" {
		subs, _ := q["value"].([]any)
		if len(subs) == 0 {
			return false, fmt.Errorf("operator %s needs a list of queries as value", op)
		}
		for _, sub := range subs {
			m, ok := sub.(map[string]any)
			if !ok {
				return false, fmt.Errorf("operator %s needs a list of queries as value", op)
			}
			hit, err := matchQuery(m, fields)
			if err != nil {
				return false, err
			}
			if op == "AND" && !hit {
				return false, nil
			}
			if op == "OR" && hit {
				return true, nil
			}
		}
		return op == "AND", nil
	}
	name, _ := q["field"].(string)
	if name == "" || op == "" {
		return false, fmt.Errorf("a filter needs field, operator and value")
	}
	have, known := fields(name)
	if !known {
		return false, fmt.Errorf("%q is not a searchable field here", name)
	}
	want := q["value"]
	switch op {
	case "=":
		return equalAny(have, want), nil
	case "!=":
		return !equalAny(have, want), nil
	case "IN", "NIN":
		list, ok := want.([]any)
		if !ok {
			return false, fmt.Errorf("operator %s needs a list value", op)
		}
		hit := false
		for _, w := range list {
			if equalAny(have, w) {
				hit = true
				break
			}
		}
		return hit == (op == "IN"), nil
	case "<", "<=", ">", ">=":
		a, okA := number(have)
		b, okB := number(want)
		if okB && !okA && scalar(have) == "" {
			return false, nil // a resource without the value does not match
		}
		if !okA || !okB {
			return false, fmt.Errorf("operator %s needs numbers (field %q)", op, name)
		}
		switch op {
		case "<":
			return a < b, nil
		case "<=":
			return a <= b, nil
		case ">":
			return a > b, nil
		default:
			return a >= b, nil
		}
	case "~", "!~", "^", "$":
		h := strings.ToLower(scalar(have))
		w := strings.ToLower(scalar(want))
		switch op {
		case "~":
			return strings.Contains(h, w), nil
		case "!~":
			return !strings.Contains(h, w), nil
		case "^":
			return strings.HasPrefix(h, w), nil
		default:
			return strings.HasSuffix(h, w), nil
		}
	}
	return false, fmt.Errorf("operator %q is not supported", op)
}

// equalAny compares a field value with a query value; a list field equals a
// value it contains.
func equalAny(have, want any) bool {
	if list, ok := have.([]string); ok {
		for _, h := range list {
			if h == scalar(want) {
				return true
			}
		}
		return false
	}
	if want == nil {
		return scalar(have) == ""
	}
	if a, okA := number(have); okA {
		if b, okB := number(want); okB {
			return a == b
		}
	}
	return scalar(have) == scalar(want)
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []string:
		return strings.Join(x, ",")
	}
	return fmt.Sprint(v)
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// searchPage runs a search request's query over items and pages the hits as
// the request's pagination asks.
func searchPage[T any](c *call, items []T, fields func(T) fieldFunc) ([]T, obj, *reply) {
	q, _ := c.body["query"].(map[string]any)
	var hits []T
	for _, it := range items {
		hit, err := matchQuery(q, fields(it))
		if err != nil {
			r := c.badParam("%v", err)
			return nil, nil, &r
		}
		if hit {
			hits = append(hits, it)
		}
	}
	perPage, cursor := 20, ""
	if p, ok := c.body["pagination"].(map[string]any); ok {
		if n, ok := p["per_page"].(float64); ok {
			perPage = int(n)
		}
		cursor, _ = p["starting_after"].(string)
	}
	if perPage < 1 || perPage > 150 {
		r := c.badParam("per_page must be between 1 and 150")
		return nil, nil, &r
	}
	page, pages, ok := pageOf(hits, perPage, cursor)
	if !ok {
		r := c.badParam("starting_after is not a cursor this server gave")
		return nil, nil, &r
	}
	return page, pages, nil
}

// searchTotal counts all hits of a search request (its total_count).
func searchTotal[T any](c *call, items []T, fields func(T) fieldFunc) int {
	q, _ := c.body["query"].(map[string]any)
	n := 0
	for _, it := range items {
		if hit, err := matchQuery(q, fields(it)); err == nil && hit {
			n++
		}
	}
	return n
}

// searchList answers a search request over items in the list object list
// makes of a page of the hits and their total.
func searchList[T any](c *call, items []T, fields func(T) fieldFunc, list func(page []T, pages obj, total int) obj) reply {
	page, pages, bad := searchPage(c, items, fields)
	if bad != nil {
		return *bad
	}
	return ok(list(page, pages, searchTotal(c, items, fields)))
}

// teammateIDs are the ids of the admins who wrote parts, for a search on
// teammate_ids.
func teammateIDs(parts []*part) []string {
	var ids []string
	for _, p := range parts {
		if p.author.kind == "admin" {
			ids = append(ids, p.author.id)
		}
	}
	return ids
}
