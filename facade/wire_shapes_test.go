package facade

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-intercom/intercom/gen"
)

// Tests run against whatever description gen was generated from (make
// generate SPEC=… refreshes it). Where versions write the same thing in
// different JSON, these helpers give a test's expected body or fixture in the
// form of gen's type, read by reflection, so that one test states the
// behaviour for every version.

// genField is the type of T's field name, without pointers.
func genField[T any](name string) reflect.Type {
	f, ok := reflect.TypeFor[T]().FieldByName(name)
	if !ok {
		panic(reflect.TypeFor[T]().String() + " has no field " + name)
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// idJSON writes id as JSON the way T's field name holds it: a string, or a
// number where the description types the id as an integer.
func idJSON[T any](name, id string) string {
	if genField[T](name).Kind() == reflect.String {
		return strconv.Quote(id)
	}
	return id
}

// optionsJSON writes the choices of a list data attribute as T's field
// Options holds them: plain strings, or objects with a value.
func optionsJSON[T any](values ...string) string {
	items := make([]string, len(values))
	for i, v := range values {
		q, _ := json.Marshal(v)
		items[i] = string(q)
		if genField[T]("Options").Elem().Kind() == reflect.Struct {
			items[i] = `{"value":` + items[i] + `}`
		}
	}
	return "[" + strings.Join(items, ",") + "]"
}

// updateCompanyBody is what Companies.Update sends: no body where the
// description's updateCompany takes none, an empty object where it takes one.
func updateCompanyBody() string {
	if _, ok := reflect.TypeFor[*gen.Client]().MethodByName("UpdateCompanyWithBody"); ok {
		return "{}"
	}
	return ""
}
