package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"sync"
	"testing"
	"time"
)

// opCall is one request an opStub received.
type opCall struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
}

// opStub is a fake endpoint for the one-operation tests of the admins, data
// attributes, events, data export, messages, news, phone call redirect,
// segments, subscription types, tags, teams and visitors services: it
// records every request and answers with a fixed status and body.
type opStub struct {
	mu     sync.Mutex
	calls  []opCall
	status int
	reply  string
}

// newOpStubClient returns a client whose requests all reach a stub that
// answers status and reply.
func newOpStubClient(t *testing.T, status int, reply string) (*Client, *opStub) {
	t.Helper()
	s := &opStub{status: status, reply: reply}
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.calls = append(s.calls, opCall{Method: r.Method, Path: r.URL.EscapedPath(), Query: r.URL.Query(), Header: r.Header.Clone(), Body: body})
		s.mu.Unlock()
		if s.reply != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(s.status)
		io.WriteString(w, s.reply)
	}), WithRetryPolicy(NoRetries()))
	return c, s
}

// count returns how many requests the stub received.
func (s *opStub) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.calls)
}

// only returns the single request the stub received, failing otherwise.
func (s *opStub) only(t *testing.T) opCall {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.calls) != 1 {
		t.Fatalf("stub received %d requests, want 1", len(s.calls))
	}
	return s.calls[0]
}

// expect checks the method, path, query and JSON body of the one request the
// stub received. wantBody "" means no body; wantQuery nil means no query.
func (s *opStub) expect(t *testing.T, method, path string, wantQuery url.Values, wantBody string) {
	t.Helper()
	c := s.only(t)
	if c.Method != method || c.Path != path {
		t.Errorf("request = %s %s, want %s %s", c.Method, c.Path, method, path)
	}
	if len(wantQuery) == 0 {
		wantQuery = url.Values{}
	}
	if !reflect.DeepEqual(c.Query, wantQuery) {
		t.Errorf("query = %v, want %v", c.Query, wantQuery)
	}
	if got := c.Header.Get("Intercom-Version"); got != APIVersion {
		t.Errorf("Intercom-Version = %q, want %q", got, APIVersion)
	}
	if wantBody == "" {
		if len(bytes.TrimSpace(c.Body)) != 0 {
			t.Errorf("body = %s, want none", c.Body)
		}
		return
	}
	if c.Header.Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", c.Header.Get("Content-Type"))
	}
	assertOpJSON(t, c.Body, wantBody)
}

// assertOpJSON fails unless got and want hold the same JSON value.
func assertOpJSON(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body %s is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %s is not JSON: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("body = %s\nwant   %s", got, want)
	}
}

// assertOpInputError fails unless err is an *InputError for field and the stub
// received no request.
func assertOpInputError(t *testing.T, err error, field string, s *opStub) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v (%T), want *InputError for %q", err, err, field)
	}
	if ie.Field != field {
		t.Errorf("InputError.Field = %q, want %q (%v)", ie.Field, field, ie)
	}
	if ie.Problem == "" {
		t.Errorf("InputError.Problem is empty")
	}
	if n := s.count(); n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

// q builds url.Values from key, value pairs.
func opQuery(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return v
}

const adminJSON = `{"type":"admin","id":"991267","name":"Ada","email":"ada@example.com","away_mode_enabled":true,"away_mode_reassign":true,"has_inbox_seat":true,"job_title":"","team_ids":[]}`

func TestAdminsIdentify(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{"type":"admin","id":"991267","name":"Ada","email":"ada@example.com","app":{"id_code":"abc123","name":"Acme"}}`)
	got, resp, err := c.Admins.Identify(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/me", nil, "")
	if got.Id != "991267" || resp.StatusCode != 200 {
		t.Errorf("got id %q status %d", got.Id, resp.StatusCode)
	}
}

func TestAdminsAway(t *testing.T) {
	for _, tc := range []struct {
		mode AwayMode
		body string
	}{
		{AwayModeOff, `{"away_mode_enabled":false,"away_mode_reassign":false}`},
		{AwayModeOn, `{"away_mode_enabled":true,"away_mode_reassign":false}`},
		{AwayModeOnReassign, `{"away_mode_enabled":true,"away_mode_reassign":true}`},
	} {
		c, s := newOpStubClient(t, 200, adminJSON)
		got, _, err := c.Admins.Away(context.Background(), "991267", tc.mode)
		if err != nil {
			t.Fatal(err)
		}
		s.expect(t, "PUT", "/admins/991267/away", nil, tc.body)
		if !got.AwayModeEnabled || got.Name != "Ada" {
			t.Errorf("decoded %+v", got)
		}
	}
}

func TestAdminsAwayInvalid(t *testing.T) {
	c, s := newOpStubClient(t, 200, adminJSON)
	_, _, err := c.Admins.Away(context.Background(), "", AwayModeOn)
	assertOpInputError(t, err, "admin_id", s)
	_, _, err = c.Admins.Away(context.Background(), "1", AwayMode(0))
	assertOpInputError(t, err, "away_mode_enabled", s)
	_, _, err = c.Admins.Away(context.Background(), "1", AwayMode(42))
	assertOpInputError(t, err, "away_mode_enabled", s)
}

func TestAdminsListAllActivityLogs(t *testing.T) {
	const reply = `{"type":"activity_log.list","pages":{"type":"pages","page":1,"per_page":20,"total_pages":1},"activity_logs":[{"id":"log1","performed_by":{"type":"admin","id":"991267"},"activity_type":"app_name_change","created_at":1719492702}]}`
	after := time.Unix(1677253093, 0)
	before := time.Unix(1677861493, 0)

	c, s := newOpStubClient(t, 200, reply)
	got, _, err := c.Admins.ListAllActivityLogs(context.Background(), after, &ListActivityLogsOptions{CreatedAtBefore: before})
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/admins/activity_logs", opQuery("created_at_after", "1677253093", "created_at_before", "1677861493"), "")
	if len(got.ActivityLogs) != 1 || got.ActivityLogs[0].Id != "log1" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, reply)
	if _, _, err := c.Admins.ListAllActivityLogs(context.Background(), after, nil); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/admins/activity_logs", opQuery("created_at_after", "1677253093"), "")
}

func TestAdminsListAllActivityLogsInvalid(t *testing.T) {
	c, s := newOpStubClient(t, 200, `{}`)
	ctx := context.Background()
	_, _, err := c.Admins.ListAllActivityLogs(ctx, time.Time{}, nil)
	assertOpInputError(t, err, "created_at_after", s)
	_, _, err = c.Admins.ListAllActivityLogs(ctx, time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	assertOpInputError(t, err, "created_at_after", s)
	_, _, err = c.Admins.ListAllActivityLogs(ctx, time.Unix(200, 0), &ListActivityLogsOptions{CreatedAtBefore: time.Unix(100, 0)})
	assertOpInputError(t, err, "created_at_before", s)
}

func TestAdminsList(t *testing.T) {
	const reply = `{"type":"admin.list","admins":[` + adminJSON + `]}`
	c, s := newOpStubClient(t, 200, reply)
	got, _, err := c.Admins.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/admins", nil, "")
	if len(got.Admins) != 1 || got.Admins[0].Email != "ada@example.com" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, reply)
	if _, _, err := c.Admins.List(context.Background(), &ListAdminsOptions{DisplayAvatar: true}); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/admins", opQuery("display_avatar", "true"), "")
}

func TestAdminsFind(t *testing.T) {
	c, s := newOpStubClient(t, 200, adminJSON)
	got, _, err := c.Admins.Find(context.Background(), "991267")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/admins/991267", nil, "")
	if got.Id != "991267" {
		t.Errorf("decoded %+v", got)
	}
	c, s = newOpStubClient(t, 200, adminJSON)
	_, _, err = c.Admins.Find(context.Background(), "")
	assertOpInputError(t, err, "admin_id", s)
}

func TestAdminsFindAPIError(t *testing.T) {
	c, _ := newOpStubClient(t, 404, `{"type":"error.list","errors":[{"code":"admin_not_found","message":"Admin not found"}]}`)
	_, resp, err := c.Admins.Find(context.Background(), "1")
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if apiErr.StatusCode != 404 || resp == nil || resp.StatusCode != 404 {
		t.Errorf("status = %d, response %+v", apiErr.StatusCode, resp)
	}
}
