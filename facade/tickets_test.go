package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// tkRequest is what the tickets test server received.
type tkRequest struct {
	Method, Path, Query string
	Body                []byte
}

// tkServer records requests and answers each with one canned response.
type tkServer struct {
	mu     sync.Mutex
	reqs   []tkRequest
	status int
	reply  string
}

func (s *tkServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.reqs = append(s.reqs, tkRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: body})
	status, reply := s.status, s.reply
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, reply)
}

// requests returns what the server has received so far.
func (s *tkServer) requests() []tkRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]tkRequest(nil), s.reqs...)
}

// only returns the one request the server received, failing otherwise.
func (s *tkServer) only(t *testing.T) tkRequest {
	t.Helper()
	reqs := s.requests()
	if len(reqs) != 1 {
		t.Fatalf("server received %d requests, want 1", len(reqs))
	}
	return reqs[0]
}

// newTicketsTestServer returns a client whose server answers every request
// with status and reply, and records what it receives.
func newTicketsTestServer(t *testing.T, status int, reply string) (*Client, *tkServer) {
	t.Helper()
	srv := &tkServer{status: status, reply: reply}
	return newTestClient(t, srv, WithRetryPolicy(NoRetries())), srv
}

// tkJSONEq fails unless got and want are the same JSON value.
func tkJSONEq(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want is not JSON: %v", err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("JSON differs\n got: %s\nwant: %s", got, want)
	}
}

// tkInputError fails unless err is an *InputError for field.
func tkInputError(t *testing.T, err error, field string) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error = %v (%T), want *InputError for %s", err, err, field)
	}
	if ie.Field != field {
		t.Errorf("InputError.Field = %q, want %q (%v)", ie.Field, field, ie)
	}
}

const tkTicketJSON = `{"type":"ticket","id":"77","ticket_id":"3","category":"Back-office",
 "ticket_state":"waiting_on_customer","contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"c1"}]},
 "ticket_attributes":{"_default_title_":"Broken","count":12345678901,"urgent":true,"files":[],"gone":null},
 "ticket_type":{"type":"ticket_type","id":"9","name":"Bug","description":"","icon":"🐞","category":"Back-office",
  "workspace_id":"w","archived":false,"created_at":1,"ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[]}}}`

func TestTicketsGet(t *testing.T) {
	c, srv := newTicketsTestServer(t, 200, tkTicketJSON)
	tk, resp, err := c.Tickets.Get(context.Background(), "77")
	if err != nil {
		t.Fatal(err)
	}
	r := srv.only(t)
	if r.Method != "GET" || r.Path != "/tickets/77" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	if resp.StatusCode != 200 || tk.Id != "77" || TicketStateOf(tk) != TicketStateWaitingOnCustomer || TicketCategory(tk.Category) != TicketCategoryBackOffice {
		t.Errorf("got %+v", tk)
	}
}

func TestTicketsGetUnknownEnumsDecode(t *testing.T) {
	body := bytes.Replace([]byte(tkTicketJSON), []byte(`"ticket_state":"waiting_on_customer"`), []byte(`"ticket_state":"escalated"`), 1)
	body = bytes.Replace(body, []byte(`"category":"Back-office",
 "ticket_state"`), []byte(`"category":"Partner",
 "ticket_state"`), 1)
	c, _ := newTicketsTestServer(t, 200, string(body))
	tk, _, err := c.Tickets.Get(context.Background(), "77")
	if err != nil {
		t.Fatalf("unknown enum values must not fail decoding: %v", err)
	}
	if st := TicketStateOf(tk); st != "escalated" || st.Valid() {
		t.Errorf("state = %q valid=%v, want kept as escalated and invalid", st, st.Valid())
	}
	if cat := TicketCategory(tk.Category); cat != "Partner" || cat.Valid() {
		t.Errorf("category = %q valid=%v", cat, cat.Valid())
	}
}

func TestTicketsCreate(t *testing.T) {
	c, srv := newTicketsTestServer(t, 200, tkTicketJSON)
	_, _, err := c.Tickets.Create(context.Background(), "9",
		[]TicketContact{TicketContactByID("c1"), TicketContactByExternalID("u-2"), TicketContactByEmail("a@example.com")},
		&CreateTicketOptions{CompanyID: "co1", CreatedAt: time.Unix(1700000000, 0),
			Attributes: map[string]any{"_default_title_": "Broken", "count": 12345678901, "urgent": true, "files": []string{"https://x.test/a.png"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.only(t)
	if r.Method != "POST" || r.Path != "/tickets" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	tkJSONEq(t, r.Body, `{"ticket_type_id":"9","contacts":[{"id":"c1"},{"external_id":"u-2"},{"email":"a@example.com"}],
		"company_id":"co1","created_at":1700000000,
		"ticket_attributes":{"_default_title_":"Broken","count":12345678901,"urgent":true,"files":["https://x.test/a.png"]}}`)
}

// TestTicketsUpdateFields checks what an update sends besides the state
// (which TestUpdateStateInTheFormTheVersionTakes covers), with the
// assignment in the form the description in use takes.
func TestTicketsUpdateFields(t *testing.T) {
	c, srv := newTicketsTestServer(t, 200, tkTicketJSON)
	open := true
	_, _, err := c.Tickets.Update(context.Background(), "77", &UpdateTicketOptions{
		Open: &open, SnoozedUntil: time.Unix(1800000000, 0),
		Assignment: &TicketAssignment{AdminID: "5", AssigneeID: "t2"}, Attributes: map[string]any{"x": "y"},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.only(t)
	if r.Method != "PUT" || r.Path != "/tickets/77" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	assignment := `"assignment":{"admin_id":"5","assignee_id":"t2"}`
	if _, nested := reflect.TypeFor[gen.UpdateTicketRequest]().FieldByName("Assignment"); !nested {
		assignment = `"admin_id":` + idJSON[gen.UpdateTicketRequest]("AdminId", "5") + `,"assignee_id":"t2"`
	}
	tkJSONEq(t, r.Body, `{"open":true,"snoozed_until":1800000000,`+assignment+`,"ticket_attributes":{"x":"y"}}`)
}

func TestTicketsInvalidInputsSendNothing(t *testing.T) {
	c, srv := newTicketsTestServer(t, 200, tkTicketJSON)
	ctx := context.Background()
	cases := []struct {
		name  string
		call  func() error
		field string
	}{
		{"get empty id", func() error { _, _, err := c.Tickets.Get(ctx, ""); return err }, "ticket_id"},
		{"create no type", func() error {
			_, _, err := c.Tickets.Create(ctx, "", []TicketContact{TicketContactByID("1")}, nil)
			return err
		}, "ticket_type_id"},
		{"create no contacts", func() error { _, _, err := c.Tickets.Create(ctx, "9", nil, nil); return err }, "contacts"},
		{"create zero contact", func() error {
			_, _, err := c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByID("1"), {}}, nil)
			return err
		}, "contacts[1]"},
		{"create empty email", func() error {
			_, _, err := c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByEmail("")}, nil)
			return err
		}, "contacts[0].email"},
		{"create malformed email", func() error {
			_, _, err := c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByEmail("Lin <lin@example.com>")}, nil)
			return err
		}, "contacts[0].email"},
		{"create bad attribute", func() error {
			_, _, err := c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByID("1")}, &CreateTicketOptions{Attributes: map[string]any{"m": map[string]int{}}})
			return err
		}, "ticket_attributes.m"},
		{"update to submitted", func() error {
			_, _, err := c.Tickets.Update(ctx, "77", &UpdateTicketOptions{State: TicketStateSubmitted})
			return err
		}, "state"},
		{"update unknown state", func() error {
			_, _, err := c.Tickets.Update(ctx, "77", &UpdateTicketOptions{State: "closed"})
			return err
		}, "state"},
		{"update assignment without assignee", func() error {
			_, _, err := c.Tickets.Update(ctx, "77", &UpdateTicketOptions{Assignment: &TicketAssignment{AdminID: "1"}})
			return err
		}, "assignment.assignee_id"},
		{"reply nil", func() error { _, _, err := c.Tickets.Reply(ctx, "77", nil); return err }, "message_type"},
		{"reply empty id", func() error { _, _, err := c.Tickets.Reply(ctx, "", AdminNote("1", "x")); return err }, "ticket_id"},
		{"search invalid query", func() error { _, _, err := c.Tickets.Search(ctx, And(), nil); return err }, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if tc.field == "" {
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error = %v, want *InputError", err)
				}
				return
			}
			tkInputError(t, err, tc.field)
		})
	}
	if n := len(srv.requests()); n != 0 {
		t.Errorf("server received %d requests, want none", n)
	}
}

func TestTicketsReplyDecodesPart(t *testing.T) {
	c, srv := newTicketsTestServer(t, 200, `{"type":"ticket_part","id":"p1","part_type":"note","body":"<p>hi</p>","created_at":5,
		"author":{"type":"admin","id":"991","name":"Ann","email":"ann@example.com"}}`)
	part, _, err := c.Tickets.Reply(context.Background(), "77", AdminNote("991", "<p>hi</p>"))
	if err != nil {
		t.Fatal(err)
	}
	r := srv.only(t)
	if r.Method != "POST" || r.Path != "/tickets/77/reply" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	if ReplyMessageTypeOf(part) != ReplyNote || !AuthorTypeOf(*part.Author).IsAdmin() {
		t.Errorf("got %+v", part)
	}
}

func TestTicketsReplyAPIError(t *testing.T) {
	c, _ := newTicketsTestServer(t, 404, `{"type":"error.list","errors":[{"code":"not_found","message":"Ticket not found"}]}`)
	_, resp, err := c.Tickets.Reply(context.Background(), "nope", AdminComment("1", "hi"))
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Fatalf("err = %v, want *Error 404", err)
	}
	if resp == nil || resp.StatusCode != 404 {
		t.Errorf("resp = %+v", resp)
	}
}

func TestTicketsSearch(t *testing.T) {
	page := `{"type":"ticket.list","total_count":1,"tickets":[` + tkTicketJSON + `],"pages":{"type":"pages","next":{"starting_after":"abc"}}}`
	c, srv := newTicketsTestServer(t, 200, page)
	list, _, err := c.Tickets.Search(context.Background(), Filter("ticket_state", OpEquals, "in_progress"), &SearchOptions{PerPage: 5})
	if err != nil {
		t.Fatal(err)
	}
	r := srv.only(t)
	if r.Method != "POST" || r.Path != "/tickets/search" {
		t.Errorf("sent %s %s", r.Method, r.Path)
	}
	tkJSONEq(t, r.Body, `{"query":{"field":"ticket_state","operator":"=","value":"in_progress"},"pagination":{"per_page":5}}`)
	if len(list.Tickets) != 1 || nextCursor(list.Pages) != "abc" {
		t.Errorf("got %+v", list)
	}
}

func TestTicketsSearchIter(t *testing.T) {
	pages := []string{
		`{"type":"ticket.list","total_count":2,"tickets":[` + tkTicketJSON + `],"pages":{"type":"pages","next":{"starting_after":"c2"}}}`,
		`{"type":"ticket.list","total_count":2,"tickets":[` + tkTicketJSON + `],"pages":{"type":"pages"}}`,
	}
	var mu sync.Mutex
	var bodies []string
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		i := len(bodies)
		bodies = append(bodies, string(b))
		mu.Unlock()
		_, _ = io.WriteString(w, pages[i])
	}))
	n := 0
	for tk, err := range c.Tickets.SearchIter(context.Background(), Filter("open", OpEquals, true), nil) {
		if err != nil {
			t.Fatal(err)
		}
		if tk.Id != "77" {
			t.Errorf("id = %s", tk.Id)
		}
		n++
	}
	if n != 2 || len(bodies) != 2 {
		t.Fatalf("items = %d, requests = %d; want 2 and 2", n, len(bodies))
	}
	tkJSONEq(t, []byte(bodies[1]), `{"query":{"field":"open","operator":"=","value":true},"pagination":{"per_page":50,"starting_after":"c2"}}`)
}
