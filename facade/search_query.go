package facade

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// Search queries
//
// The contacts, conversations and tickets search endpoints take a query that
// is either one filter (field, operator, value) or an AND/OR group of queries.
// Build one with Filter, And and Or:
//
//	q := facade.And(
//		facade.Filter("role", facade.OpEquals, "user"),
//		facade.Or(
//			facade.Filter("email", facade.OpEndsWith, "@example.com"),
//			facade.Filter("created_at", facade.OpGreaterThan, 1577836800),
//		),
//	)
//
// The search methods check the query with ValidateSearchQuery before sending
// it, so a shape the API would refuse is an *InputError and costs no request.

// Limits of the search endpoints of Intercom 2.11.
const (
	// MaxSearchNesting is how many levels of AND/OR groups a query may have:
	// a group, and groups inside it that hold only filters.
	MaxSearchNesting = 2
	// MaxSearchGroupSize is how many queries one AND/OR group may hold.
	MaxSearchGroupSize = 15
)

// SearchOperator compares a field with a value in a search filter.
type SearchOperator string

// The operators a search filter may use.
const (
	OpEquals         SearchOperator = "="
	OpNotEquals      SearchOperator = "!="
	OpIn             SearchOperator = "IN"  // value is a list: field equals one of them
	OpNotIn          SearchOperator = "NIN" // value is a list: field equals none of them
	OpLessThan       SearchOperator = "<"
	OpLessOrEqual    SearchOperator = "<="
	OpGreaterThan    SearchOperator = ">"
	OpGreaterOrEqual SearchOperator = ">="
	OpContains       SearchOperator = "~"
	OpNotContains    SearchOperator = "!~"
	OpStartsWith     SearchOperator = "^"
	OpEndsWith       SearchOperator = "$"
)

// SearchGroupOperator joins the queries of a search group.
type SearchGroupOperator string

// The operators a search group may use.
const (
	GroupAnd SearchGroupOperator = "AND"
	GroupOr  SearchGroupOperator = "OR"
)

// SearchQuery is a search query: a SearchFilter or a SearchGroup.
type SearchQuery interface {
	isSearchQuery()
}

// SearchFilter is one condition of a search: Field compared with Value by
// Operator. Value is nil (null, with = and != only), a string, a bool, an
// integer, a time.Time (sent as Unix seconds), or for IN and NIN a non-empty
// []string or []int.
type SearchFilter struct {
	Field    string
	Operator SearchOperator
	Value    any
}

// SearchGroup matches what all (AND) or any (OR) of its queries match.
type SearchGroup struct {
	Operator SearchGroupOperator
	Queries  []SearchQuery
}

func (SearchFilter) isSearchQuery() {}
func (SearchGroup) isSearchQuery()  {}

// Filter returns the search filter "field operator value".
func Filter(field string, op SearchOperator, value any) SearchFilter {
	return SearchFilter{Field: field, Operator: op, Value: value}
}

// And returns a group that matches what every one of queries matches.
func And(queries ...SearchQuery) SearchGroup {
	return SearchGroup{Operator: GroupAnd, Queries: queries}
}

// Or returns a group that matches what any one of queries matches.
func Or(queries ...SearchQuery) SearchGroup {
	return SearchGroup{Operator: GroupOr, Queries: queries}
}

// ValidateSearchQuery reports, as an *InputError naming the offending part of
// the request body ("query.value[1].operator"), why the API would refuse q: a
// nil query, an empty field, an unknown operator, a value of the wrong kind
// for its operator (IN with a single value, ~ with a number), an empty group,
// more than MaxSearchGroupSize queries in a group, or groups nested deeper than
// MaxSearchNesting. It returns nil for a valid query.
func ValidateSearchQuery(q SearchQuery) error {
	_, err := buildQuery(q, "query", 0)
	return err
}

// valueKind is the JSON shape of a normalized filter value.
type valueKind int

const (
	kindNull valueKind = iota
	kindString
	kindInt
	kindBool
	kindStrings
	kindInts
)

// normalizeValue turns a filter value into one of the types the API accepts
// (nil, string, int, bool, []string, []int), or fails.
func normalizeValue(v any) (any, valueKind, error) {
	switch x := v.(type) {
	case nil:
		return nil, kindNull, nil
	case string:
		return x, kindString, nil
	case bool:
		return x, kindBool, nil
	case int:
		return x, kindInt, nil
	case int8:
		return int(x), kindInt, nil
	case int16:
		return int(x), kindInt, nil
	case int32:
		return int(x), kindInt, nil
	case int64:
		return int(x), kindInt, nil
	case uint8:
		return int(x), kindInt, nil
	case uint16:
		return int(x), kindInt, nil
	case uint32:
		return int(x), kindInt, nil
	case uint:
		if uint64(x) > math.MaxInt64 {
			return nil, 0, fmt.Errorf("%d is too large", x)
		}
		return int(x), kindInt, nil
	case uint64:
		if x > math.MaxInt64 {
			return nil, 0, fmt.Errorf("%d is too large", x)
		}
		return int(x), kindInt, nil
	case time.Time:
		return int(x.Unix()), kindInt, nil
	case []string:
		return append([]string(nil), x...), kindStrings, nil
	case []int:
		return append([]int(nil), x...), kindInts, nil
	case []int64:
		out := make([]int, len(x))
		for i, n := range x {
			out[i] = int(n)
		}
		return out, kindInts, nil
	default:
		return nil, 0, fmt.Errorf("a %T cannot be searched for (use a string, bool, integer, time.Time, []string or []int)", v)
	}
}

// checkOperator says whether a value of kind k may be used with op.
func checkOperator(op SearchOperator, k valueKind, n int) error {
	switch op {
	case OpEquals, OpNotEquals:
		if k == kindStrings || k == kindInts {
			return fmt.Errorf("%s takes a single value; use IN or NIN for a list", op)
		}
	case OpIn, OpNotIn:
		if k != kindStrings && k != kindInts {
			return fmt.Errorf("%s takes a list of values ([]string or []int)", op)
		}
		if n == 0 {
			return fmt.Errorf("%s needs at least one value", op)
		}
	case OpLessThan, OpLessOrEqual, OpGreaterThan, OpGreaterOrEqual:
		if k != kindInt && k != kindString {
			return fmt.Errorf("%s takes an integer, a time or a string", op)
		}
	case OpContains, OpNotContains, OpStartsWith, OpEndsWith:
		if k != kindString {
			return fmt.Errorf("%s takes a string", op)
		}
	default:
		return fmt.Errorf("%q is not an operator (use =, !=, IN, NIN, <, <=, >, >=, ~, !~, ^ or $)", string(op))
	}
	return nil
}

// builtQuery is a validated query in gen's form: exactly one of the two.
type builtQuery struct {
	single *gen.SingleFilterSearchRequest
	multi  *gen.MultipleFilterSearchRequest
}

// buildQuery validates q (at path, inside depth groups) and converts it.
func buildQuery(q SearchQuery, path string, depth int) (builtQuery, error) {
	switch x := q.(type) {
	case SearchFilter:
		return buildFilter(x, path)
	case *SearchFilter:
		if x == nil {
			return builtQuery{}, invalid(path, "must not be nil")
		}
		return buildFilter(*x, path)
	case SearchGroup:
		return buildGroup(x, path, depth)
	case *SearchGroup:
		if x == nil {
			return builtQuery{}, invalid(path, "must not be nil")
		}
		return buildGroup(*x, path, depth)
	case nil:
		return builtQuery{}, invalid(path, "must not be nil")
	default:
		return builtQuery{}, invalid(path, "%T is not a search query", q)
	}
}

func buildFilter(f SearchFilter, path string) (builtQuery, error) {
	if f.Field == "" {
		return builtQuery{}, invalid(path+".field", "must not be empty")
	}
	v, kind, err := normalizeValue(f.Value)
	if err != nil {
		return builtQuery{}, invalid(path+".value", "%v", err)
	}
	n := 0
	switch l := v.(type) {
	case []string:
		n = len(l)
	case []int:
		n = len(l)
	}
	if err := checkOperator(f.Operator, kind, n); err != nil {
		if f.Operator.valid() {
			return builtQuery{}, invalid(path+".value", "%v", err)
		}
		return builtQuery{}, invalid(path+".operator", "%v", err)
	}
	if kind == kindNull && f.Operator != OpEquals && f.Operator != OpNotEquals {
		return builtQuery{}, invalid(path+".value", "null is only allowed with = and !=")
	}
	field := f.Field
	op := gen.SingleFilterSearchRequestOperator(f.Operator)
	out := gen.SingleFilterSearchRequest{Field: &field, Operator: &op}
	if kind == kindNull {
		// A union that holds no value marshals as null.
		out.Value = &gen.SingleFilterSearchRequest_Value{}
	} else {
		var val gen.SingleFilterSearchRequest_Value
		switch x := v.(type) {
		case string:
			err = val.FromSearchValueString(x)
		case int:
			err = val.FromSearchValueInteger(x)
		case bool:
			err = val.FromSearchValueBoolean(x)
		case []string:
			err = val.FromSearchValueStrings(x)
		case []int:
			err = val.FromSearchValueIntegers(x)
		}
		if err != nil {
			return builtQuery{}, invalid(path+".value", "%v", err)
		}
		out.Value = &val
	}
	return builtQuery{single: &out}, nil
}

func buildGroup(g SearchGroup, path string, depth int) (builtQuery, error) {
	if g.Operator != GroupAnd && g.Operator != GroupOr {
		return builtQuery{}, invalid(path+".operator", "%q is not a group operator (use AND or OR)", string(g.Operator))
	}
	if depth+1 > MaxSearchNesting {
		return builtQuery{}, invalid(path, "groups may be nested at most %d levels deep", MaxSearchNesting)
	}
	if len(g.Queries) == 0 {
		return builtQuery{}, invalid(path+".value", "a group needs at least one query")
	}
	if len(g.Queries) > MaxSearchGroupSize {
		return builtQuery{}, invalid(path+".value", "a group holds at most %d queries, got %d", MaxSearchGroupSize, len(g.Queries))
	}
	items := make([]gen.MultipleOrSingleFilterSearchRequest, len(g.Queries))
	for i, sub := range g.Queries {
		b, err := buildQuery(sub, path+".value["+strconv.Itoa(i)+"]", depth+1)
		if err != nil {
			return builtQuery{}, err
		}
		if b.single != nil {
			err = items[i].FromSingleFilterSearchRequest(*b.single)
		} else {
			err = items[i].FromMultipleFilterSearchRequest(*b.multi)
		}
		if err != nil {
			return builtQuery{}, invalid(path+".value["+strconv.Itoa(i)+"]", "%v", err)
		}
	}
	op := gen.MultipleFilterSearchRequestOperator(g.Operator)
	return builtQuery{multi: &gen.MultipleFilterSearchRequest{Operator: &op, Value: &items}}, nil
}

func (op SearchOperator) valid() bool {
	switch op {
	case OpEquals, OpNotEquals, OpIn, OpNotIn, OpLessThan, OpLessOrEqual,
		OpGreaterThan, OpGreaterOrEqual, OpContains, OpNotContains, OpStartsWith, OpEndsWith:
		return true
	}
	return false
}

// ParseSearchQuery reads a query in the API's JSON form (the value of the
// request's "query" field), for queries kept in configuration files, and
// validates it as ValidateSearchQuery does. Numbers must be integers; a list
// must hold only strings or only integers.
func ParseSearchQuery(data []byte) (SearchQuery, error) {
	q, err := parseQuery(data, "query", 0)
	if err != nil {
		return nil, err
	}
	if err := ValidateSearchQuery(q); err != nil {
		return nil, err
	}
	return q, nil
}

// maxParseDepth bounds recursion on hostile input; validation then applies
// the API's own, lower, limit.
const maxParseDepth = MaxSearchNesting + 2

type rawQuery struct {
	Field    *string         `json:"field"`
	Operator *string         `json:"operator"`
	Value    json.RawMessage `json:"value"`
}

func parseQuery(data []byte, path string, depth int) (SearchQuery, error) {
	if depth > maxParseDepth {
		return nil, invalid(path, "groups may be nested at most %d levels deep", MaxSearchNesting)
	}
	var raw rawQuery
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, invalid(path, "is not a query object: %v", err)
	}
	if dec.More() {
		return nil, invalid(path, "has data after the query object")
	}
	if raw.Operator == nil {
		return nil, invalid(path+".operator", "must be given")
	}
	if raw.Value == nil {
		return nil, invalid(path+".value", "must be given")
	}
	op := *raw.Operator
	if raw.Field == nil && (op == string(GroupAnd) || op == string(GroupOr)) {
		var subs []json.RawMessage
		if err := json.Unmarshal(raw.Value, &subs); err != nil {
			return nil, invalid(path+".value", "must be a list of queries")
		}
		g := SearchGroup{Operator: SearchGroupOperator(op), Queries: make([]SearchQuery, len(subs))}
		for i, s := range subs {
			q, err := parseQuery(s, path+".value["+strconv.Itoa(i)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			g.Queries[i] = q
		}
		return g, nil
	}
	if raw.Field == nil {
		return nil, invalid(path+".field", "must be given")
	}
	v, err := parseValue(raw.Value)
	if err != nil {
		return nil, invalid(path+".value", "%v", err)
	}
	return SearchFilter{Field: *raw.Field, Operator: SearchOperator(op), Value: v}, nil
}

// parseValue reads a filter value: null, string, bool, integer, or a list of
// only strings or only integers.
func parseValue(data json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case nil, string, bool:
		return x, nil
	case json.Number:
		return parseInt(x)
	case []any:
		if len(x) == 0 {
			return []string{}, nil
		}
		if _, ok := x[0].(string); ok {
			out := make([]string, len(x))
			for i, e := range x {
				s, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("a list must hold only strings or only integers")
				}
				out[i] = s
			}
			return out, nil
		}
		out := make([]int, len(x))
		for i, e := range x {
			n, ok := e.(json.Number)
			if !ok {
				return nil, fmt.Errorf("a list must hold only strings or only integers")
			}
			iv, err := parseInt(n)
			if err != nil {
				return nil, err
			}
			out[i] = iv
		}
		return out, nil
	default:
		return nil, fmt.Errorf("must be null, a string, a boolean, an integer or a list")
	}
}

func parseInt(n json.Number) (int, error) {
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s is not an integer", n)
	}
	return int(i), nil
}
