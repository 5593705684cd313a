package intercomtest

import "slices"

// where are the items that keep reports true for, in order.
func where[T any](items []T, keep func(T) bool) []T {
	var out []T
	for _, x := range items {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// without removes id from ids (in place, as slices.DeleteFunc does).
func without(ids []string, id string) []string {
	return slices.DeleteFunc(ids, func(x string) bool { return x == id })
}

// withFields sets the fields of m in fields (made when nil), as an update of
// custom attributes does.
func withFields(fields, m map[string]any) map[string]any {
	if fields == nil {
		fields = map[string]any{}
	}
	for k, v := range m {
		fields[k] = v
	}
	return fields
}

// removeFirst removes from items the first item that match reports true for
// and returns it; found is false when there is none.
func removeFirst[T any](items *[]T, match func(T) bool) (removed T, found bool) {
	i := slices.IndexFunc(*items, match)
	if i < 0 {
		return removed, false
	}
	removed = (*items)[i]
	*items = slices.Delete(*items, i, i+1)
	return removed, true
}
