package facade

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// err1 adapts the (*Response, error) results of a facade method.
func err1(_ *Response, err error) error { return err }

// firstErr returns the first error an iterator yields (nil if none).
func firstErr[T any](seq func(func(T, error) bool)) error {
	for _, err := range seq {
		if err != nil {
			return err
		}
	}
	return nil
}

// elevenFiles returns 11 valid attachment files, one more than a reply
// variant with a declared limit takes.
func elevenFiles() []AttachmentFile {
	files := make([]AttachmentFile, 11)
	for i := range files {
		files[i] = AttachmentFile{Name: "a.txt", ContentType: "text/plain", Data: "aGk="}
	}
	return files
}

// badInputs are calls across the services that must be refused, naming the
// field, before anything is sent. The tickets and conversations services
// have their own tables (tickets_test.go, ticket_reply_test.go,
// conversations_test.go, conversation_reply_test.go).
var badInputs = []inputCase{
	// Search shapes
	{"search: nil query", "query", func(ctx context.Context, c *Client) error { return err3(c.Tickets.Search(ctx, nil, nil)) }},
	{"search: empty field", "query.field", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("", OpEquals, "x"), nil))
	}},
	{"search: unknown operator", "query.operator", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("email", "LIKE", "x"), nil))
	}},
	{"search: IN with one value", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Conversations.Search(ctx, Filter("state", OpIn, "open"), nil))
	}},
	{"search: contains a number", "query.value[1].value", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, And(Filter("open", OpEquals, true), Filter("title", OpContains, 3)), nil))
	}},
	{"search: empty group", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, Or(), nil))
	}},
	{"search: too deep", "query.value[0].value[0]", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, And(And(And(Filter("a", OpEquals, 1)))), nil))
	}},
	{"search: group too large", "query.value", func(ctx context.Context, c *Client) error {
		qs := make([]SearchQuery, MaxSearchGroupSize+1)
		for i := range qs {
			qs[i] = Filter("a", OpEquals, i)
		}
		return err3(c.Contacts.Search(ctx, And(qs...), nil))
	}},
	{"search: negative page size", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("role", OpEquals, "user"), &SearchOptions{PerPage: -1}))
	}},
	{"search: page too large", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err3(c.Tickets.Search(ctx, Filter("open", OpEquals, true), &SearchOptions{PerPage: MaxSearchPerPage + 1}))
	}},
	{"search: unsupported value type", "query.value", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Search(ctx, Filter("score", OpGreaterThan, 1.5), nil))
	}},

	// Contacts
	{"contacts list: negative page size", "per_page", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.List(ctx, &ListContactsOptions{PerPage: -1}))
	}},
	{"contact find: empty id", "contact_id", func(ctx context.Context, c *Client) error { return err3(c.Contacts.Find(ctx, "")) }},
	{"contact create: nothing identifying", "email", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Create(ctx, CreateContactOptions{}))
	}},
	{"contact create: malformed email", "email", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "lin at example.com"}))
	}},
	{"contact create: email with display name", "email", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Create(ctx, CreateContactOptions{Email: "Lin <lin@example.com>"}))
	}},
	{"contact update: bad role", "role", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.Update(ctx, "1", UpdateContactOptions{Role: "admin"}))
	}},
	{"contact merge: same contact", "into", func(ctx context.Context, c *Client) error {
		return err3(c.Contacts.MergeLeadInUser(ctx, "1", "1"))
	}},

	// Admins, tags, companies, others
	{"admin find: empty id", "admin_id", func(ctx context.Context, c *Client) error { return err3(c.Admins.Find(ctx, "")) }},
	{"admin away: unknown mode", "away_mode_enabled", func(ctx context.Context, c *Client) error {
		return err3(c.Admins.Away(ctx, "9", AwayMode(42)))
	}},
	{"tag ticket: empty tag", "id", func(ctx context.Context, c *Client) error {
		return err3(c.Tags.TagTicket(ctx, "1", "", "9"))
	}},
	{"tag find: empty id", "tag_id", func(ctx context.Context, c *Client) error { return err3(c.Tags.Find(ctx, "")) }},
	{"companies list: bad order", "order", func(ctx context.Context, c *Client) error {
		return err3(c.Companies.List(ctx, &ListCompaniesOptions{Order: "sideways"}))
	}},
	{"company create: no id nor name", "company_id", func(ctx context.Context, c *Client) error {
		return err3(c.Companies.CreateOrUpdate(ctx, CompanyOptions{}))
	}},
	{"notes create: empty body", "body", func(ctx context.Context, c *Client) error {
		return err3(c.Notes.Create(ctx, "1", "", nil))
	}},
	{"event create: empty name", "event_name", func(ctx context.Context, c *Client) error {
		return err1(c.Events.Create(ctx, ByUserID("u-1"), "", time.Now(), nil))
	}},
	{"data attribute: bad data type", "data_type", func(ctx context.Context, c *Client) error {
		return err3(c.DataAttributes.Create(ctx, "plan", "contact", "money", nil))
	}},
	{"message: no recipient", "to", func(ctx context.Context, c *Client) error {
		return err3(c.Messages.Create(ctx, InAppMessage("9", MessageRecipient{}, "hi"), nil))
	}},
	{"ticket type: empty name", "name", func(ctx context.Context, c *Client) error {
		return err3(c.TicketTypes.Create(ctx, "", nil))
	}},

	// Visitors and iterators
	{"visitor update: empty custom attribute name", "custom_attributes", func(ctx context.Context, c *Client) error {
		return err3(c.Visitors.Update(ctx, ByUserID("v-1"), UpdateVisitorOptions{CustomAttributes: map[string]string{"": "x"}}))
	}},
	{"events iterator: no contact", "intercom_user_id|user_id|email", func(ctx context.Context, c *Client) error {
		return firstErr(c.Events.ListIter(ctx, ContactIdentifier{}, nil))
	}},
	{"events iterator: negative page size", "per_page", func(ctx context.Context, c *Client) error {
		return firstErr(c.Events.ListIter(ctx, ByUserID("u-1"), &ListEventsOptions{PerPage: -1}))
	}},
	{"activity logs iterator: zero time", "created_at_after", func(ctx context.Context, c *Client) error {
		return firstErr(c.Admins.ListAllActivityLogsIter(ctx, time.Time{}, nil))
	}},
	{"article search iterator: unknown state", "state", func(ctx context.Context, c *Client) error {
		return firstErr(c.Articles.SearchIter(ctx, &SearchArticlesOptions{State: "archived"}))
	}},
	{"newsfeed items iterator: empty id", "newsfeed_id", func(ctx context.Context, c *Client) error {
		return firstErr(c.News.Feeds.ListItemsIter(ctx, ""))
	}},
	{"help centers iterator: negative page size", "per_page", func(ctx context.Context, c *Client) error {
		return firstErr(c.HelpCenters.ListIter(ctx, &PageOptions{PerPage: -1}))
	}},
}

// TestBadInputsSendNothing runs every bad input of the table against the
// fake: each must return an *InputError naming the field, before anything is
// sent.
func TestBadInputsSendNothing(t *testing.T) {
	runInputCases(t, badInputs)
}

// TestBadClientOptions covers the options of NewClient: a bad value fails
// NewClient with an *InputError naming the option.
func TestBadClientOptions(t *testing.T) {
	for _, tc := range []struct {
		field string
		token string
		opt   Option
	}{
		{"token", "", nil},
		{"token", " ", WithUserAgent("x")},
		{"token", "abc\r\nX-Evil: 1", WithUserAgent("x")},
		{"token", "tok\u0085en", WithUserAgent("x")},
		{"token", "tok\x00en", WithUserAgent("x")},
		{"token", "tok en", WithUserAgent("x")},
		{"token", "tokén", WithUserAgent("x")},
		{"option", testToken, nil},
		{"base_url", testToken, WithBaseURL("http://api.example.com")},
		{"base_url", testToken, WithBaseURL("/relative")},
		{"retry.max_attempts", testToken, WithRetryPolicy(RetryPolicy{})},
		{"retry.max_delay", testToken, WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Second, MaxDelay: time.Millisecond})},
		{"attempt_timeout", testToken, WithAttemptTimeout(-time.Second)},
		{"user_agent", testToken, WithUserAgent("x\r\nAuthorization: Bearer y")},
		{"http_client", testToken, WithHTTPClient(nil)},
		{"logger", testToken, WithLogger(nil)},
		{"pacer", testToken, WithPacer(nil)},
		{"middleware", testToken, WithMiddleware(nil)},
	} {
		t.Run(tc.field, func(t *testing.T) {
			var opts []Option
			if tc.token != "" {
				opts = []Option{tc.opt}
			}
			c, err := NewClient(tc.token, opts...)
			requireInputError(t, err, tc.field)
			assert.Nil(t, c)
			if strings.TrimSpace(tc.token) != "" && tc.token != testToken {
				assert.NotContains(t, err.Error(), tc.token, "the error shows the token")
			}
		})
	}
}
