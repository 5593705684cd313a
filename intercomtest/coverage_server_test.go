package intercomtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithToken(t *testing.T) {
	s := newHarness(t, WithToken("secret"))
	require.Equal(t, "secret", s.Token, "Token %q", s.Token)
	me := s.must(200, "GET", "/me", nil)
	assert.Equal(t, s.Me().ID, me["id"], "/me %v", me)
	status, _, body := s.sendWith("GET", "/me", nil, map[string]string{
		"Authorization": "Bearer " + DefaultToken, "Intercom-Version": "2.11"})
	assert.Equal(t, 401, status, "default token: %d %v", status, body)
	assert.Equal(t, "unauthorized", errField(body, "code"), "default token: %d %v", status, body)
}

func TestStartRejectsBadOptions(t *testing.T) {
	for name, opts := range map[string][]Option{
		"empty token":   {WithToken("")},
		"zero limit":    {WithRateLimit(0, time.Minute)},
		"zero window":   {WithRateLimit(10, 0)},
		"negative both": {WithRateLimit(-1, -time.Second)},
	} {
		s, err := Start(opts...)
		require.Error(t, err, "%s: Start = %v, %v", name, s, err)
		assert.Nil(t, s, "%s: Start = %v, %v", name, s, err)
		assert.True(t, strings.HasPrefix(err.Error(), "intercomtest: "), "%s: Start = %v, %v", name, s, err)
	}
}

// fatalTB is a testing.TB whose Fatalf records the message and ends the
// goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	fatal    string
	cleanups int
}

func (f *fatalTB) Helper()        { /* a test double: nothing to mark */ }
func (f *fatalTB) Cleanup(func()) { f.cleanups++ }
func (f *fatalTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestNewServerFailsTheTestOnBadOptions(t *testing.T) {
	tb := &fatalTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		NewServer(tb, WithToken(""))
	}()
	<-done
	assert.True(t, strings.Contains(tb.fatal, "token must not be empty"), "fatal %q, cleanups %d", tb.fatal, tb.cleanups)
	assert.Equal(t, 0, tb.cleanups, "fatal %q, cleanups %d", tb.fatal, tb.cleanups)
}

func TestFaultMatchers(t *testing.T) {
	s := newHarness(t)
	// A fault for another method, and one for another path, are skipped.
	s.Inject(Fault{Method: "POST", Status: 500, Times: -1})
	s.Inject(Fault{Path: "/admins", Status: 502, Times: -1})
	s.Inject(Fault{OperationID: "listTeams", Status: 504, Times: -1})
	s.must(200, "GET", "/me", nil)
	for range 2 {
		status, _, body := s.send("GET", "/admins", nil)
		require.Equal(t, 502, status, "/admins: %d %v", status, body)
		require.Equal(t, "bad_gateway", errField(body, "code"), "/admins: %d %v", status, body)
	}
	status, _, body := s.send("POST", "/tags", map[string]any{"name": "x"})
	require.Equal(t, 500, status, "POST /tags: %d %v", status, body)
	require.Equal(t, "server_error", errField(body, "code"), "POST /tags: %d %v", status, body)
	status, _, body = s.send("GET", "/teams", nil)
	require.Equal(t, 504, status, "/teams: %d %v", status, body)
	require.Equal(t, "gateway_timeout", errField(body, "code"), "/teams: %d %v", status, body)

	s.ClearFaults()
	s.must(200, "GET", "/admins", nil)
	s.must(200, "GET", "/teams", nil)
	s.must(200, "POST", "/tags", map[string]any{"name": "x"})
	var faults []string
	for _, r := range s.Requests() {
		faults = append(faults, r.Fault)
	}
	got := strings.Join(faults, ",")
	assert.Equal(t, ",502,502,500,504,,,", got, "faults %q", got)
	assert.Equal(t, 1, s.Count("createTag"), "counts createTag %d listAdmins %d", s.Count("createTag"), s.Count("listAdmins"))
	assert.Equal(t, 1, s.Count("listAdmins"), "counts createTag %d listAdmins %d", s.Count("createTag"), s.Count("listAdmins"))
}

func TestFaultStatusCodes(t *testing.T) {
	s := newHarness(t)
	cases := []struct {
		status int
		code   string
	}{
		{400, "parameter_invalid"}, {401, "unauthorized"}, {403, "forbidden"}, {404, "not_found"},
		{409, "conflict"}, {422, "unprocessable_entity"}, {429, "rate_limit_exceeded"},
		{500, "server_error"}, {502, "bad_gateway"}, {503, "service_unavailable"},
		{504, "gateway_timeout"}, {418, "error"},
	}
	for _, tc := range cases {
		s.Inject(Fault{OperationID: "identifyAdmin", Status: tc.status})
		status, h, body := s.send("GET", "/me", nil)
		assert.Equal(t, tc.status, status, "fault %d: %d %v", tc.status, status, body)
		assert.Equal(t, tc.code, errField(body, "code"), "fault %d: %d %v", tc.status, status, body)
		assert.Equal(t, h.Get("X-Request-Id"), body["request_id"], "fault %d: %d %v", tc.status, status, body)
		code, msg := statusCode(tc.status)
		assert.Equal(t, tc.code, code, "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
		assert.NotEqualValues(t, "", msg, "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
		assert.Equal(t, msg, errField(body, "message"), "statusCode(%d) = %q, %q; body %v", tc.status, code, msg, body)
	}
	assert.Equal(t, 0, s.Count("identifyAdmin"), "a faulted request was applied")
	s.clean()
}

func TestFaultKinds(t *testing.T) {
	release := make(chan struct{})
	close(release)
	cases := []struct {
		f    faultState
		want string
	}{
		{faultState{}, ""},
		{faultState{Fault: Fault{Wait: release, Status: 503}}, "delay+503"},
		{faultState{Fault: Fault{Delay: time.Second, Drop: true, AfterApply: true}}, "delay+drop+after-apply"},
	}
	for _, tc := range cases {
		got := tc.f.kind()
		assert.Equal(t, tc.want, got, "kind %+v = %q, want %q", tc.f, got, tc.want)
	}
}

func TestFaultDropAfterApply(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{OperationID: "createTag", Drop: true, AfterApply: true})
	status, err := s.rawStatus("POST", "/tags", `{"name":"lost"}`)
	require.Error(t, err, "dropped connection answered %d", status)
	// The write happened although the client saw a transport error.
	list := s.must(200, "GET", "/tags", nil)
	data := list["data"].([]any)
	require.Len(t, data, 1, "tags %v", list)
	assert.Equal(t, "lost", data[0].(map[string]any)["name"], "tags %v", list)
	r := s.Requests()[0]
	assert.Equal(t, "drop+after-apply", r.Fault, "recorded %+v", r)
	assert.Equal(t, 0, r.Status, "recorded %+v", r)
	assert.True(t, r.Applied, "recorded %+v", r)
	assert.EqualValues(t, `{"name":"lost"}`, string(r.Body), "recorded %+v", r)
}

// TestFaultDropWithoutHijacker checks that a writer that cannot be hijacked
// gets the connection aborted with http.ErrAbortHandler.
func TestFaultDropWithoutHijacker(t *testing.T) {
	s := newHarness(t)
	s.Inject(Fault{Drop: true})
	req := httptest.NewRequest("GET", "/me", nil)
	rec := httptest.NewRecorder()
	func() {
		defer func() {
			v := recover()
			assert.Equal(t, http.ErrAbortHandler, v, "recovered %v, want http.ErrAbortHandler", v)
		}()
		s.ServeHTTP(rec, req)
	}()
	r := s.Requests()
	require.Len(t, r, 1, "recorded %+v", r)
	assert.Equal(t, "drop", r[0].Fault, "recorded %+v", r)
	assert.Equal(t, 0, r[0].Status, "recorded %+v", r)
}

// errReader fails every read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("broken body") }

func TestUnreadableBody(t *testing.T) {
	s := newHarness(t)
	req := httptest.NewRequest("POST", "/tags", errReader{})
	req.Header.Set("Authorization", "Bearer "+s.Token)
	req.Header.Set("Intercom-Version", "2.11")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, 400, rec.Code, "%d %s", rec.Code, rec.Body)
	assert.True(t, strings.Contains(rec.Body.String(), `"unreadable body"`), "%d %s", rec.Code, rec.Body)
	assert.True(t, strings.Contains(rec.Body.String(), `"parameter_invalid"`), "%d %s", rec.Code, rec.Body)
	assert.Equal(t, 0, s.Count("createTag"), "unreadable request was recorded or applied: %+v", s.Requests())
	assert.Equal(t, 0, len(s.Requests()), "unreadable request was recorded or applied: %+v", s.Requests())
}

func TestHoldEndsWhenClientLeavesOrServerCloses(t *testing.T) {
	s, err := Start()
	require.NoError(t, err)
	defer s.Close()
	blocked := make(chan Request) // nobody receives: Reached blocks
	cases := []struct {
		name string
		f    Fault
	}{
		{"reached", Fault{Reached: blocked}},
		{"delay", Fault{Delay: time.Hour}},
		{"wait", Fault{Wait: make(chan struct{})}},
	}
	for _, tc := range cases {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		assert.False(t, s.hold(ctx, &faultState{Fault: tc.f}, Request{}), "%s: hold went on after the client left", tc.name)
	}
	released := make(chan struct{})
	close(released)
	assert.True(t, s.hold(context.Background(), &faultState{Fault: Fault{Delay: time.Nanosecond, Wait: released}}, Request{}), "hold stopped a request it should let through")
	s.Close()
	for _, tc := range cases {
		assert.False(t, s.hold(context.Background(), &faultState{Fault: tc.f}, Request{}), "%s: hold went on after Close", tc.name)
	}
}

func TestRecordStrings(t *testing.T) {
	r := InvalidRequest{Method: "GET", Path: "/x", OperationID: "op", Status: 400, Code: "parameter_invalid", Message: "bad"}
	got := r.String()
	assert.Equal(t, "GET /x (op): 400 parameter_invalid: bad", got, "InvalidRequest.String = %q", got)
	short := InvalidResponse{Method: "GET", Path: "/me", OperationID: "identifyAdmin", Status: 200, Err: "wrong", Body: []byte(`{}`)}
	got = short.String()
	assert.Equal(t, "GET /me (identifyAdmin): 200: wrong\nbody: {}", got, "InvalidResponse.String = %q", got)
	long := short
	long.Body = []byte(strings.Repeat("a", 600))
	got = long.String()
	assert.True(t, strings.HasSuffix(got, "\nbody: "+strings.Repeat("a", 500)+"…"), "long body not cut: %d chars", len(got))
}

func TestUnencodableResponse(t *testing.T) {
	srv, err := Start()
	require.NoError(t, err)
	defer srv.Close()
	s := harnessOf(t, srv)
	s.override = map[string]handler{"identifyAdmin": func(ws *workspace, c *call) reply {
		return ok(obj{"bad": func() {}})
	}}
	status, _, body := s.send("GET", "/me", nil)
	require.Equal(t, 500, status, "%d %v", status, body)
	require.Equal(t, "server_error", errField(body, "code"), "%d %v", status, body)
	r := s.Requests()
	require.Len(t, r, 1, "recorded %+v (the handler ran; only encoding failed)", r)
	assert.True(t, r[0].Applied, "recorded %+v (the handler ran; only encoding failed)", r)
}

func TestSmallHelpers(t *testing.T) {
	for in, want := range map[string]string{"": "", "IdentifyAdmin": "identifyAdmin", "identifyAdmin": "identifyAdmin",
		"retrieveACompanyById": "RetrieveACompanyById", "ShowContact": "ShowContact", "NoSuchOperation": "NoSuchOperation"} {
		got := describedName(in)
		assert.Equal(t, want, got, "describedName(%q) = %q, want %q", in, got, want)
	}
	got := errField(map[string]any{"type": "error.list"}, "code")
	assert.Equal(t, "", got, "errField without errors = %q", got)
	got = errField(errorList("r", "c", "m"), "message")
	assert.Equal(t, "m", got, "errField = %q", got)
	assert.Nil(t, responseSchema(nil, 200), "responseSchema without responses")
	assert.Nil(t, responseSchema(&openapi3.Operation{}, 200), "responseSchema without responses")
	got = shortError(errors.New("first line\nsecond line"))
	assert.Equal(t, "first line", got, "shortError = %q", got)
	got = shortError(&openapi3.SchemaError{Reason: "no good"})
	assert.Equal(t, "no good", got, "shortError(SchemaError) = %q", got)
}
