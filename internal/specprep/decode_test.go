package specprep_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/go-intercom/intercom/gen"
	"github.com/go-intercom/intercom/internal/description"
)

// exampleDoer answers every request with one canned response.
type exampleDoer struct {
	status int
	body   []byte
}

func (d exampleDoer) Do(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: d.status,
		Header:     http.Header{"Content-Type": []string{"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(d.body)),
		Request:    req,
	}, nil
}

// responseExample is one JSON response example of the published description.
type responseExample struct {
	operationID string
	status      int
	name        string
	body        []byte
}

// TestPublishedExamplesDecode feeds every JSON response example of the
// published description gen was generated from (gen.APIVersion) through the
// generated client's parser for its operation, and requires the typed field for its status to be set and its
// re-encoding to keep every key the example had.
func TestPublishedExamplesDecode(t *testing.T) {
	dir := referenceDir(t)
	examples := publishedExamples(t, filepath.Join(dir, gen.APIVersion, "api.intercom.io.yaml"))
	ops := map[string]bool{}
	for _, ex := range examples {
		ops[ex.operationID] = true
		t.Run(ex.operationID+"/"+strconv.Itoa(ex.status)+"/"+ex.name, func(t *testing.T) {
			typed := callWithResponse(t, ex)
			require.True(t, typed.IsValid(), "JSON%d is not a field of the response", ex.status)
			require.False(t, typed.IsNil(), "JSON%d is not set", ex.status)
			encoded, err := json.Marshal(typed.Interface())
			require.NoError(t, err, "re-encode")
			var want, got any
			require.NoError(t, json.Unmarshal(ex.body, &want))
			require.NoError(t, json.Unmarshal(encoded, &got))
			assert.Empty(t, lostKeys("$", want, got), "keys the re-encoding drops")
		})
	}
	t.Logf("%d JSON response examples over %d operations", len(examples), len(ops))
}

// callWithResponse calls <Op>WithResponse (or <Op>WithBodyWithResponse) of
// the generated client against a doer that returns the example, and returns
// the JSON<status> field of the parsed response.
func callWithResponse(t *testing.T, ex responseExample) reflect.Value {
	t.Helper()
	client, err := gen.NewClientWithResponses("https://api.intercom.io", gen.WithHTTPClient(exampleDoer{ex.status, ex.body}))
	require.NoError(t, err)
	name := strings.ToUpper(ex.operationID[:1]) + ex.operationID[1:]
	method := reflect.ValueOf(client).MethodByName(name + "WithBodyWithResponse")
	if !method.IsValid() {
		method = reflect.ValueOf(client).MethodByName(name + "WithResponse")
	}
	require.True(t, method.IsValid(), "no generated method for %s", ex.operationID)
	mt := method.Type()
	args := make([]reflect.Value, 0, mt.NumIn())
	for i := 0; i < mt.NumIn(); i++ {
		in := mt.In(i)
		switch {
		case mt.IsVariadic() && i == mt.NumIn()-1:
		case in == reflect.TypeFor[context.Context]():
			args = append(args, reflect.ValueOf(context.Background()))
		case in == reflect.TypeFor[io.Reader]():
			args = append(args, reflect.ValueOf(io.Reader(strings.NewReader("{}"))))
		case in.Kind() == reflect.String:
			args = append(args, reflect.ValueOf("application/json").Convert(in))
		default:
			args = append(args, reflect.Zero(in))
		}
	}
	out := method.Call(args)
	err, _ = out[1].Interface().(error)
	require.NoError(t, err, ex.operationID)
	return out[0].Elem().FieldByName("JSON" + strconv.Itoa(ex.status))
}

// publishedExamples lists every application/json response example.
func publishedExamples(t *testing.T, path string) []responseExample {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	var doc struct {
		Paths map[string]map[string]yaml.Node `yaml:"paths"`
	}
	require.NoError(t, yaml.Unmarshal(src, &doc))
	names := generatedOperationIDs(t)
	var out []responseExample
	for path, item := range doc.Paths {
		for method, node := range item {
			if method == "parameters" {
				continue
			}
			var op struct {
				OperationID string `yaml:"operationId"`
				Responses   map[string]struct {
					Content map[string]struct {
						Examples map[string]struct {
							Value any `yaml:"value"`
						} `yaml:"examples"`
					} `yaml:"content"`
				} `yaml:"responses"`
			}
			require.NoError(t, node.Decode(&op))
			for code, resp := range op.Responses {
				status, err := strconv.Atoi(code)
				if err != nil {
					continue
				}
				for name, ex := range resp.Content["application/json"].Examples {
					id, ok := names[operationKey(method, path)]
					require.True(t, ok, "%s %s (%s) is not in the description gen was generated from", method, path, op.OperationID)
					for _, p := range contradicted[strings.ToLower(id)+"/"+code+"/"+name] {
						dropKey(ex.Value, strings.Split(p, "."))
					}
					body, err := json.Marshal(ex.Value)
					require.NoError(t, err, "%s %s %s", op.OperationID, code, name)
					out = append(out, responseExample{id, status, name, body})
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.operationID != b.operationID {
			return a.operationID < b.operationID
		}
		if a.status != b.status {
			return a.status < b.status
		}
		return a.name < b.name
	})
	return out
}

// contradicted names the keys of published examples that contradict their
// own description where the other evidence sides with the description. They
// are left out of the example before it is decoded; the rest of it is
// checked. Keys are "<operationId>/<status>/<example>" (operationId in lower
// case); a path is dot-separated, and * stands for every item of a list.
var contradicted = map[string][]string{
	// From 2.13 this one example numbers its parts (1, 2, …); every other
	// example of a conversation part, in every version, gives a string id.
	"retrieveconversation/200/conversation found": {"conversation_parts.conversation_parts.*.id"},
	// From 2.14 this example gives away_status_reason_id as a string; the
	// schema, the SDK overrides and the other examples give an integer.
	"setawayadmin/200/Successful response": {"away_status_reason_id"},
}

// dropKey removes the key at path from v, a decoded JSON value.
func dropKey(v any, path []string) {
	switch x := v.(type) {
	case map[string]any:
		if len(path) == 1 {
			delete(x, path[0])
		} else if next, ok := x[path[0]]; ok {
			dropKey(next, path[1:])
		}
	case []any:
		if path[0] == "*" {
			for _, item := range x {
				dropKey(item, path[1:])
			}
		}
	}
}

// generatedOperationIDs maps each operation of the description gen was
// generated from (embedded in internal/description) to the operationId its
// generated methods are named after, which the overlay may have changed or
// set where the published description has none.
func generatedOperationIDs(t *testing.T) map[string]string {
	t.Helper()
	src, err := description.GetSpecJSON()
	require.NoError(t, err)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(src, &doc))
	names := map[string]string{}
	for path, item := range doc.Paths {
		for method, raw := range item {
			var op struct {
				OperationID string `json:"operationId"`
			}
			if method != "parameters" && json.Unmarshal(raw, &op) == nil && op.OperationID != "" {
				names[operationKey(method, path)] = op.OperationID
			}
		}
	}
	return names
}

// paramName matches a path parameter, whose name a refresh may pin.
var paramName = regexp.MustCompile(`\{[^}]*\}`)

// operationKey names an operation by its method and its path without the
// names of its parameters.
func operationKey(method, path string) string {
	return strings.ToUpper(method) + " " + paramName.ReplaceAllString(path, "{}")
}

// lostKeys lists the object keys of want (recursively) that got lacks. A
// key whose value is null is not lost when it is absent: gen's nullable
// fields are pointers, and nil is both null and absent, which a reader can't
// tell apart either way.
func lostKeys(path string, want, got any) []string {
	var lost []string
	switch w := want.(type) {
	case map[string]any:
		g, _ := got.(map[string]any)
		for k, v := range w {
			gv, ok := g[k]
			if !ok && v == nil {
				continue
			}
			if !ok {
				lost = append(lost, path+"."+k+"="+short(v))
				continue
			}
			lost = append(lost, lostKeys(path+"."+k, v, gv)...)
		}
	case []any:
		g, _ := got.([]any)
		for i, v := range w {
			if i < len(g) {
				lost = append(lost, lostKeys(path+"["+strconv.Itoa(i)+"]", v, g[i])...)
			}
		}
	}
	sort.Strings(lost)
	return lost
}

// short renders a JSON value in a few characters, for messages.
func short(v any) string {
	b, _ := json.Marshal(v)
	if len(b) > 24 {
		return string(b[:21]) + "..."
	}
	return string(b)
}
