package facade

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEventsCreate(t *testing.T) {
	at := time.Unix(1671028894, 0)
	for _, tc := range []struct {
		who  ContactIdentifier
		body string
	}{
		{ByIntercomUserID("8a88a590"), `{"event_name":"invited-friend","created_at":1671028894,"id":"8a88a590","metadata":{"invite_code":"ADDAFRIEND"}}`},
		{ByUserID("314159"), `{"event_name":"invited-friend","created_at":1671028894,"user_id":"314159","metadata":{"invite_code":"ADDAFRIEND"}}`},
		{ByEmail("frodo@example.com"), `{"event_name":"invited-friend","created_at":1671028894,"email":"frodo@example.com","metadata":{"invite_code":"ADDAFRIEND"}}`},
	} {
		f, c := newFake(t)
		f.reply("/", 202, "")
		resp, err := c.Events.Create(context.Background(), tc.who, "invited-friend", at, &CreateEventOptions{Metadata: map[string]string{"invite_code": "ADDAFRIEND"}})
		require.NoError(t, err)
		f.expect(t, "POST", "/events", nil, tc.body)
		assert.Equal(t, 202, resp.StatusCode)
	}
}

func TestEventsCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 202, "")
	ctx := context.Background()
	at := time.Unix(1671028894, 0)
	big := map[string]string{}
	for i := range 11 {
		big["k"+strconv.Itoa(i)] = "v"
	}
	for _, tc := range []struct {
		who   ContactIdentifier
		name  string
		at    time.Time
		opts  *CreateEventOptions
		field string
	}{
		{ContactIdentifier{}, "e", at, nil, "id|user_id|email"},
		{ByIntercomUserID(""), "e", at, nil, "id"},
		{ByUserID(""), "e", at, nil, "user_id"},
		{ByEmail("not an email"), "e", at, nil, "email"},
		{ByEmail("Frodo <frodo@example.com>"), "e", at, nil, "email"},
		{ByUserID("1"), "", at, nil, "event_name"},
		{ByUserID("1"), "e", time.Time{}, nil, "created_at"},
		{ByUserID("1"), "e", at, &CreateEventOptions{Metadata: big}, "metadata"},
		{ByUserID("1"), "e", at, &CreateEventOptions{Metadata: map[string]string{"": "v"}}, "metadata"},
	} {
		_, err := c.Events.Create(ctx, tc.who, tc.name, tc.at, tc.opts)
		f.expectInputError(t, err, tc.field)
	}
}

func TestEventsList(t *testing.T) {
	const reply = `{"type":"event.summary","email":"u@example.com","intercom_user_id":"667d","user_id":"3ecf","events":[{"name":"invited-friend","first":"2024-06-27T10:00:00Z","last":"2024-06-27T11:00:00Z","count":2}]}`
	for _, tc := range []struct {
		who   ContactIdentifier
		opts  *ListEventsOptions
		query []string
	}{
		{ByUserID("3ecf"), nil, []string{"type", "user", "user_id", "3ecf"}},
		{ByIntercomUserID("667d"), &ListEventsOptions{Summary: true}, []string{"type", "user", "intercom_user_id", "667d", "summary", "true"}},
		{ByEmail("u@example.com"), &ListEventsOptions{PerPage: 5}, []string{"type", "user", "email", "u@example.com", "per_page", "5"}},
	} {
		f, c := newFake(t)
		f.reply("/", 200, reply)
		got, _, err := c.Events.List(context.Background(), tc.who, tc.opts)
		require.NoError(t, err)
		f.expect(t, "GET", "/events", query(tc.query...), "")
		assert.Equal(t, "667d", got.IntercomUserId)
		assert.Len(t, got.Events, 1)
	}

	f, c := newFake(t)
	f.reply("/", 200, reply)
	_, _, err := c.Events.List(context.Background(), ContactIdentifier{}, nil)
	f.expectInputError(t, err, "intercom_user_id|user_id|email")
	_, _, err = c.Events.List(context.Background(), ByIntercomUserID(""), nil)
	f.expectInputError(t, err, "intercom_user_id")
	_, _, err = c.Events.List(context.Background(), ByUserID("1"), &ListEventsOptions{PerPage: -1})
	f.expectInputError(t, err, "per_page")
}

func TestEventsSummaries(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, "")
	_, err := c.Events.Summaries(context.Background(), "314159", EventSummary{
		EventName: "invited-friend", Count: 3, First: time.Unix(1671028000, 0), Last: time.Unix(1671028894, 0),
	})
	require.NoError(t, err)
	f.expect(t, "POST", "/events/summaries", nil,
		`{"user_id":"314159","event_summaries":{"event_name":"invited-friend","count":3,"first":1671028000,"last":1671028894}}`)

	f, c = newFake(t)
	f.reply("/", 200, "")
	require.NoError(t, err2(c.Events.Summaries(context.Background(), "1", EventSummary{EventName: "e", Count: 1})))
	f.expect(t, "POST", "/events/summaries", nil, `{"user_id":"1","event_summaries":{"event_name":"e","count":1}}`)
}

func TestEventsSummariesInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, "")
	ctx := context.Background()
	for _, tc := range []struct {
		user  string
		sum   EventSummary
		field string
	}{
		{"", EventSummary{EventName: "e", Count: 1}, "user_id"},
		{"1", EventSummary{Count: 1}, "event_summaries.event_name"},
		{"1", EventSummary{EventName: "e"}, "event_summaries.count"},
		{"1", EventSummary{EventName: "e", Count: 1, First: time.Unix(200, 0), Last: time.Unix(100, 0)}, "event_summaries.last"},
		{"1", EventSummary{EventName: "e", Count: 1, First: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)}, "event_summaries.first"},
	} {
		_, err := c.Events.Summaries(ctx, tc.user, tc.sum)
		f.expectInputError(t, err, tc.field)
	}
}

func TestEventsListIterInputErrors(t *testing.T) {
	runInputCases(t, []inputCase{
		{"no contact", "intercom_user_id|user_id|email", func(ctx context.Context, c *Client) error {
			return firstErr(c.Events.ListIter(ctx, ContactIdentifier{}, nil))
		}},
		{"negative per_page", "per_page", func(ctx context.Context, c *Client) error {
			return firstErr(c.Events.ListIter(ctx, ByUserID("u-1"), &ListEventsOptions{PerPage: -1}))
		}},
	})
}
