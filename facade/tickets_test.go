package facade

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ticketJSON = `{"type":"ticket","id":"77","ticket_id":"3","category":"Back-office",
 "ticket_state":"waiting_on_customer","contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"c1"}]},
 "ticket_attributes":{"_default_title_":"Broken","count":12345678901,"urgent":true,"files":[],"gone":null},
 "ticket_type":{"type":"ticket_type","id":"9","name":"Bug","description":"","icon":"🐞","category":"Back-office",
  "workspace_id":"w","archived":false,"created_at":1,"ticket_type_attributes":{"type":"ticket_type_attributes.list","ticket_type_attributes":[]}}}`

func TestTicketsGet(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, ticketJSON)
	tk, resp, err := c.Tickets.Get(context.Background(), "77")
	require.NoError(t, err)
	f.expect(t, "GET", "/tickets/77", nil, "")
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "77", tk.Id)
	assert.Equal(t, TicketStateWaitingOnCustomer, TicketStateOf(tk))
	assert.Equal(t, TicketCategoryBackOffice, TicketCategory(tk.Category))
}

func TestTicketsGetUnknownEnumsDecode(t *testing.T) {
	body := bytes.Replace([]byte(ticketJSON), []byte(`"ticket_state":"waiting_on_customer"`), []byte(`"ticket_state":"escalated"`), 1)
	body = bytes.Replace(body, []byte(`"category":"Back-office",
 "ticket_state"`), []byte(`"category":"Partner",
 "ticket_state"`), 1)
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, string(body))
	tk, _, err := c.Tickets.Get(context.Background(), "77")
	require.NoError(t, err, "unknown enum values must not fail decoding")
	st := TicketStateOf(tk)
	assert.Equal(t, TicketState("escalated"), st, "kept as sent")
	assert.False(t, st.Valid())
	cat := TicketCategory(tk.Category)
	assert.Equal(t, TicketCategory("Partner"), cat, "kept as sent")
	assert.False(t, cat.Valid())
}

func TestTicketsCreate(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, ticketJSON)
	_, _, err := c.Tickets.Create(context.Background(), "9",
		[]TicketContact{TicketContactByID("c1"), TicketContactByExternalID("u-2"), TicketContactByEmail("a@example.com")},
		&CreateTicketOptions{CompanyID: "co1", CreatedAt: time.Unix(1700000000, 0),
			Attributes: map[string]any{"_default_title_": "Broken", "count": 12345678901, "urgent": true, "files": []string{"https://x.test/a.png"}}})
	require.NoError(t, err)
	f.expect(t, "POST", "/tickets", nil, `{"ticket_type_id":"9","contacts":[{"id":"c1"},{"external_id":"u-2"},{"email":"a@example.com"}],
		"company_id":"co1","created_at":1700000000,
		"ticket_attributes":{"_default_title_":"Broken","count":12345678901,"urgent":true,"files":["https://x.test/a.png"]}}`)
}

// TestTicketsUpdateFields checks what an update sends besides the state
// (which TestUpdateStateInTheFormTheVersionTakes covers), with the
// assignment in the form the description in use takes.
func TestTicketsUpdateFields(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, ticketJSON)
	open := true
	_, _, err := c.Tickets.Update(context.Background(), "77", &UpdateTicketOptions{
		Open: &open, SnoozedUntil: time.Unix(1800000000, 0),
		Assignment: &TicketAssignment{AdminID: "5", AssigneeID: "t2"}, Attributes: map[string]any{"x": "y"},
	})
	require.NoError(t, err)
	assignment := `"assignment":{"admin_id":"5","assignee_id":"t2"}`
	if _, nested := reflect.TypeFor[gen.UpdateTicketRequest]().FieldByName("Assignment"); !nested {
		assignment = `"admin_id":` + idJSON[gen.UpdateTicketRequest]("AdminId", "5") + `,"assignee_id":"t2"`
	}
	f.expect(t, "PUT", "/tickets/77", nil, `{"open":true,"snoozed_until":1800000000,`+assignment+`,"ticket_attributes":{"x":"y"}}`)
}

// ticketBadInputs are calls of the tickets service that must be refused,
// naming the field, before anything is sent. What a reply may hold is
// checked in ticket_reply_test.go.
var ticketBadInputs = []inputCase{
	{"ticket get: empty id", "ticket_id", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Get(ctx, "")) }},
	{"ticket update: empty id", "ticket_id", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Update(ctx, "", nil)) }},
	{"ticket update: back to submitted", "state", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateSubmitted}))
	}},
	{"ticket update: unknown state", "state", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: "closed"}))
	}},
	// A valid state beside a bad field: from 2.12 finding the state's id
	// takes a request, which the bad field must prevent.
	{"ticket update: state with a snooze before 1970", "snoozed_until", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateResolved, SnoozedUntil: time.Unix(-5, 0)}))
	}},
	{"ticket update: assignment without assignee", "assignment.assignee_id", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{Assignment: &TicketAssignment{AdminID: "9"}}))
	}},
	{"ticket update: attribute of unsupported type", "ticket_attributes.when", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{Attributes: map[string]any{"when": time.Now()}}))
	}},
	{"ticket create: empty type", "ticket_type_id", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "", []TicketContact{TicketContactByID("1")}, nil))
	}},
	{"ticket create: no contacts", "contacts", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "610", nil, nil))
	}},
	{"ticket create: zero contact", "contacts[0]", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "610", []TicketContact{{}}, nil))
	}},
	{"ticket create: empty email", "contacts[1].email", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "610", []TicketContact{TicketContactByID("1"), TicketContactByEmail("")}, nil))
	}},
	{"ticket create: empty attribute name", "ticket_attributes", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "610", []TicketContact{TicketContactByID("1")}, &CreateTicketOptions{Attributes: map[string]any{"": "x"}}))
	}},
	{"ticket reply: empty id", "ticket_id", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Reply(ctx, "", AdminComment("9", "hi")))
	}},
	{"ticket reply: nil reply", "message_type", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Reply(ctx, "1", nil)) }},
	{"ticket create: malformed email", "contacts[0].email", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByEmail("Lin <lin@example.com>")}, nil))
	}},
	{"ticket create: attribute of unsupported type", "ticket_attributes.m", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Create(ctx, "9", []TicketContact{TicketContactByID("1")}, &CreateTicketOptions{Attributes: map[string]any{"m": map[string]int{}}}))
	}},
	{"ticket search: empty group", "query.value", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Search(ctx, And(), nil)) }},
}

func TestTicketsBadInputsSendNothing(t *testing.T) {
	runInputCases(t, ticketBadInputs)
}

func TestTicketsReplyDecodesPart(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"ticket_part","id":"p1","part_type":"note","body":"<p>hi</p>","created_at":5,
		"author":{"type":"admin","id":"991","name":"Ann","email":"ann@example.com"}}`)
	part, _, err := c.Tickets.Reply(context.Background(), "77", AdminNote("991", "<p>hi</p>"))
	require.NoError(t, err)
	r := f.only(t)
	assert.Equal(t, "POST /tickets/77/reply", r.Method+" "+r.Path)
	assert.Equal(t, ReplyNote, ReplyMessageTypeOf(part))
	require.NotNil(t, part.Author)
	assert.True(t, AuthorTypeOf(*part.Author).IsAdmin())
}

func TestTicketsReplyAPIError(t *testing.T) {
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 404, `{"type":"error.list","errors":[{"code":"not_found","message":"Ticket not found"}]}`)
	_, resp, err := c.Tickets.Reply(context.Background(), "nope", AdminComment("1", "hi"))
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.StatusCode)
	require.NotNil(t, resp)
	assert.Equal(t, 404, resp.StatusCode)
}

func TestTicketsSearch(t *testing.T) {
	page := `{"type":"ticket.list","total_count":1,"tickets":[` + ticketJSON + `],"pages":{"type":"pages","next":{"starting_after":"abc"}}}`
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.reply("/", 200, page)
	list, _, err := c.Tickets.Search(context.Background(), Filter("ticket_state", OpEquals, "in_progress"), &SearchOptions{PerPage: 5})
	require.NoError(t, err)
	f.expect(t, "POST", "/tickets/search", nil, `{"query":{"field":"ticket_state","operator":"=","value":"in_progress"},"pagination":{"per_page":5}}`)
	assert.Len(t, list.Tickets, 1)
	assert.Equal(t, "abc", nextCursor(list.Pages))
}

func TestTicketsSearchIter(t *testing.T) {
	pages := []string{
		`{"type":"ticket.list","total_count":2,"tickets":[` + ticketJSON + `],"pages":{"type":"pages","next":{"starting_after":"c2"}}}`,
		`{"type":"ticket.list","total_count":2,"tickets":[` + ticketJSON + `],"pages":{"type":"pages"}}`,
	}
	f, c := newFake(t)
	f.replies("POST /tickets/search", answer(200, pages[0]), answer(200, pages[1]))
	n := 0
	for tk, err := range c.Tickets.SearchIter(context.Background(), Filter("open", OpEquals, true), nil) {
		require.NoError(t, err)
		assert.Equal(t, "77", tk.Id)
		n++
	}
	assert.Equal(t, 2, n, "items")
	reqs := f.requests()
	require.Len(t, reqs, 2)
	assert.JSONEq(t, `{"query":{"field":"open","operator":"=","value":true},"pagination":{"per_page":50,"starting_after":"c2"}}`, reqs[1].Body)
}

func TestUpdateStateInTheFormTheVersionTakes(t *testing.T) {
	var bodies []string
	f, c := newFake(t, WithRetryPolicy(NoRetries()))
	f.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/ticket_states" {
			fmt.Fprint(w, `{"type":"list","data":[{"id":"7","category":"resolved"}]}`)
			return
		}
		buf, _ := io.ReadAll(r.Body)
		bodies = append(bodies, string(buf))
		fmt.Fprint(w, `{"type":"ticket","id":"1","ticket_id":"1","ticket_state":"resolved"}`)
	})
	ctx := context.Background()

	_, _, err := c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateResolved, StateID: "7"})
	var inputErr *InputError
	require.ErrorAs(t, err, &inputErr, "State and StateID together")

	_, _, err = c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateResolved})
	require.NoError(t, err)
	_, _, err = c.Tickets.Update(ctx, "1", &UpdateTicketOptions{StateID: "7"})
	if gen.UpdateTicketStateByID {
		require.NoError(t, err)
		assert.Equal(t, []string{`{"ticket_state_id":"7"}`, `{"ticket_state_id":"7"}`}, bodies)
		return
	}
	require.ErrorAs(t, err, &inputErr, "a state id on a version that takes a category")
	assert.Equal(t, "ticket_state_id", inputErr.Field)
	assert.Equal(t, []string{`{"state":"resolved"}`}, bodies)
}
