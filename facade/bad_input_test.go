package facade

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// badInput is one call with a bad argument and the field its *InputError
// must name.
type badInput struct {
	name  string
	field string
	call  func(ctx context.Context, c *Client) error
}

// err0 adapts the (T, *Response, error) results of a facade method.
func err0[T any](_ T, _ *Response, err error) error { return err }

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

var badInputs = []badInput{
	// Tickets
	{"ticket get: empty id", "ticket_id", func(ctx context.Context, c *Client) error { return err0(c.Tickets.Get(ctx, "")) }},
	{"ticket update: empty id", "ticket_id", func(ctx context.Context, c *Client) error { return err0(c.Tickets.Update(ctx, "", nil)) }},
	{"ticket update: back to submitted", "state", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: TicketStateSubmitted}))
	}},
	{"ticket update: unknown state", "state", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{State: "closed"}))
	}},
	{"ticket update: assignment without assignee", "assignment.assignee_id", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{Assignment: &TicketAssignment{AdminID: "9"}}))
	}},
	{"ticket update: attribute of unsupported type", "ticket_attributes.when", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Update(ctx, "1", &UpdateTicketOptions{Attributes: map[string]any{"when": time.Now()}}))
	}},
	{"ticket create: empty type", "ticket_type_id", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Create(ctx, "", []TicketContact{TicketContactByID("1")}, nil))
	}},
	{"ticket create: no contacts", "contacts", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Create(ctx, "610", nil, nil))
	}},
	{"ticket create: zero contact", "contacts[0]", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Create(ctx, "610", []TicketContact{{}}, nil))
	}},
	{"ticket create: empty email", "contacts[1].email", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Create(ctx, "610", []TicketContact{TicketContactByID("1"), TicketContactByEmail("")}, nil))
	}},
	{"ticket create: empty attribute name", "ticket_attributes", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Create(ctx, "610", []TicketContact{TicketContactByID("1")}, &CreateTicketOptions{Attributes: map[string]any{"": "x"}}))
	}},
	{"ticket reply: empty id", "ticket_id", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "", AdminComment("9", "hi")))
	}},
	{"ticket reply: nil reply", "message_type", func(ctx context.Context, c *Client) error { return err0(c.Tickets.Reply(ctx, "1", nil)) }},
	{"ticket reply: zero reply", "message_type", func(ctx context.Context, c *Client) error { return err0(c.Tickets.Reply(ctx, "1", Reply{})) }},
	{"ticket reply: admin without id", "admin_id", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminNote("", "hi")))
	}},
	{"ticket reply: empty body", "body", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminComment("9", "")))
	}},
	{"ticket reply: too many attachments", "attachment_urls", func(ctx context.Context, c *Client) error {
		urls := make([]string, 11)
		for i := range urls {
			urls[i] = "https://files.example.com/a.png"
		}
		return err0(c.Tickets.Reply(ctx, "1", AdminComment("9", "hi", WithAttachmentURLs(urls...))))
	}},
	{"ticket reply: malformed attachment URL", "attachment_urls[1]", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminComment("9", "hi", WithAttachmentURLs("https://files.example.com/a.png", "files.example.com/b.png"))))
	}},
	{"ticket reply: ftp attachment URL", "attachment_urls[0]", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminComment("9", "hi", WithAttachmentURLs("ftp://files.example.com/a.png"))))
	}},
	{"ticket reply: zero created_at", "created_at", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminComment("9", "hi", WithCreatedAt(time.Time{}))))
	}},
	{"ticket reply: contact without identifier", "intercom_user_id|user_id|email", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", ContactReply(ContactIdentifier{}, "hi")))
	}},
	{"ticket reply: contact with empty email", "email", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", ContactReply(ByEmail(""), "hi")))
	}},
	{"ticket reply: attachment files", "attachment_files", func(ctx context.Context, c *Client) error {
		r := AdminComment("9", "hi").WithAttachmentFiles(AttachmentFile{Name: "a.txt", ContentType: "text/plain", Data: "aGk="})
		return err0(c.Tickets.Reply(ctx, "1", r.Reply))
	}},
	{"quick reply: no options", "reply_options", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminQuickReply("9")))
	}},
	{"quick reply: option without text", "reply_options[0].text", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminQuickReply("9", QuickReplyOption{})))
	}},
	{"quick reply: bad uuid", "reply_options[0].uuid", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Reply(ctx, "1", AdminQuickReply("9", QuickReplyOption{Text: "Yes", UUID: "not-a-uuid"})))
	}},

	// Search shapes
	{"search: nil query", "query", func(ctx context.Context, c *Client) error { return err0(c.Tickets.Search(ctx, nil, nil)) }},
	{"search: empty field", "query.field", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Search(ctx, Filter("", OpEquals, "x"), nil))
	}},
	{"search: unknown operator", "query.operator", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Search(ctx, Filter("email", "LIKE", "x"), nil))
	}},
	{"search: IN with one value", "query.value", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Search(ctx, Filter("state", OpIn, "open"), nil))
	}},
	{"search: contains a number", "query.value[1].value", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Search(ctx, And(Filter("open", OpEquals, true), Filter("title", OpContains, 3)), nil))
	}},
	{"search: empty group", "query.value", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Search(ctx, Or(), nil))
	}},
	{"search: too deep", "query.value[0].value[0]", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Search(ctx, And(And(And(Filter("a", OpEquals, 1)))), nil))
	}},
	{"search: group too large", "query.value", func(ctx context.Context, c *Client) error {
		qs := make([]SearchQuery, MaxSearchGroupSize+1)
		for i := range qs {
			qs[i] = Filter("a", OpEquals, i)
		}
		return err0(c.Contacts.Search(ctx, And(qs...), nil))
	}},
	{"search: negative page size", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Search(ctx, Filter("role", OpEquals, "user"), &SearchOptions{PerPage: -1}))
	}},
	{"search: page too large", "pagination.per_page", func(ctx context.Context, c *Client) error {
		return err0(c.Tickets.Search(ctx, Filter("open", OpEquals, true), &SearchOptions{PerPage: MaxSearchPerPage + 1}))
	}},
	{"search: unsupported value type", "query.value", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Search(ctx, Filter("score", OpGreaterThan, 1.5), nil))
	}},

	// Contacts
	{"contacts list: negative page size", "per_page", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.List(ctx, &ListContactsOptions{PerPage: -1}))
	}},
	{"contact find: empty id", "contact_id", func(ctx context.Context, c *Client) error { return err0(c.Contacts.Find(ctx, "")) }},
	{"contact create: nothing identifying", "email", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Create(ctx, CreateContactOptions{}))
	}},
	{"contact create: malformed email", "email", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Create(ctx, CreateContactOptions{Email: "lin at example.com"}))
	}},
	{"contact create: email with display name", "email", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Create(ctx, CreateContactOptions{Email: "Lin <lin@example.com>"}))
	}},
	{"contact update: bad role", "role", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.Update(ctx, "1", UpdateContactOptions{Role: "admin"}))
	}},
	{"contact merge: same contact", "into", func(ctx context.Context, c *Client) error {
		return err0(c.Contacts.MergeLeadInUser(ctx, "1", "1"))
	}},

	// Conversations
	{"conversations list: negative page size", "per_page", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.List(ctx, &ListConversationsOptions{PerPage: -5}))
	}},
	{"conversation find: empty id", "conversation_id", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Find(ctx, "", nil))
	}},
	{"conversation create: no initiator", "from", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Create(ctx, ConversationInitiator{}, "hi", nil))
	}},
	{"conversation create: malformed attachment URL", "attachment_urls[0]", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Create(ctx, ConversationFromUser("1"), "hi", &CreateConversationOptions{AttachmentURLs: []string{"not a url"}}))
	}},
	{"conversation reply: nil reply", "message_type", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Reply(ctx, "1", nil))
	}},
	{"conversation reply: file without name", "attachment_files[0].name", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Reply(ctx, "1", AdminComment("9", "hi").WithAttachmentFiles(AttachmentFile{ContentType: "text/plain", Data: "aGk="})))
	}},
	{"conversation reply: 11 files by user_id", "attachment_files", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Reply(ctx, "1", ContactReply(ByUserID("u-1"), "hi").WithAttachmentFiles(elevenFiles()...)))
	}},
	{"conversation reply: 11 files by an admin", "attachment_files", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Reply(ctx, "1", AdminNote("9", "hi").WithAttachmentFiles(elevenFiles()...)))
	}},
	{"conversation manage: no action", "message_type", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Manage(ctx, "1", ConversationAction{}))
	}},
	{"conversation assign: no assignee", "type", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Assign(ctx, "1", "9", ConversationAssignee{}, ""))
	}},
	{"conversation snooze: zero time", "snoozed_until", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.Snooze(ctx, "1", "9", time.Time{}))
	}},
	{"conversation redact: nothing", "type", func(ctx context.Context, c *Client) error {
		return err0(c.Conversations.RedactConversationPart(ctx, ConversationRedaction{}))
	}},

	// Admins, tags, companies, others
	{"admin find: empty id", "admin_id", func(ctx context.Context, c *Client) error { return err0(c.Admins.Find(ctx, "")) }},
	{"admin away: unknown mode", "away_mode_enabled", func(ctx context.Context, c *Client) error {
		return err0(c.Admins.Away(ctx, "9", AwayMode(42)))
	}},
	{"tag ticket: empty tag", "id", func(ctx context.Context, c *Client) error {
		return err0(c.Tags.TagTicket(ctx, "1", "", "9"))
	}},
	{"tag find: empty id", "tag_id", func(ctx context.Context, c *Client) error { return err0(c.Tags.Find(ctx, "")) }},
	{"companies list: bad order", "order", func(ctx context.Context, c *Client) error {
		return err0(c.Companies.List(ctx, &ListCompaniesOptions{Order: "sideways"}))
	}},
	{"company create: no id nor name", "company_id", func(ctx context.Context, c *Client) error {
		return err0(c.Companies.CreateOrUpdate(ctx, CompanyOptions{}))
	}},
	{"notes create: empty body", "body", func(ctx context.Context, c *Client) error {
		return err0(c.Notes.Create(ctx, "1", "", nil))
	}},
	{"event create: empty name", "event_name", func(ctx context.Context, c *Client) error {
		return err1(c.Events.Create(ctx, ByUserID("u-1"), "", time.Now(), nil))
	}},
	{"data attribute: bad data type", "data_type", func(ctx context.Context, c *Client) error {
		return err0(c.DataAttributes.Create(ctx, "plan", "contact", "money", nil))
	}},
	{"message: no recipient", "to", func(ctx context.Context, c *Client) error {
		return err0(c.Messages.Create(ctx, InAppMessage("9", MessageRecipient{}, "hi"), nil))
	}},
	{"ticket type: empty name", "name", func(ctx context.Context, c *Client) error {
		return err0(c.TicketTypes.Create(ctx, "", nil))
	}},

	// Issue 15: visitors' custom attributes and the new iterators
	{"visitor update: empty custom attribute name", "custom_attributes", func(ctx context.Context, c *Client) error {
		return err0(c.Visitors.Update(ctx, ByUserID("v-1"), UpdateVisitorOptions{CustomAttributes: map[string]string{"": "x"}}))
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

// TestBadInputsSendNothing runs every bad input of the table against a
// server that fails the test on any request: each must return an
// *InputError naming the field, before anything is sent.
func TestBadInputsSendNothing(t *testing.T) {
	var reached atomic.Int64
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		t.Errorf("request reached the server: %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusTeapot)
	}))
	if len(badInputs) < 40 {
		t.Fatalf("the table has %d cases, issue 7 asks for at least 40", len(badInputs))
	}
	ctx := context.Background()
	for _, tc := range badInputs {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(ctx, c)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %T %v, want *InputError", err, err)
			}
			if ie.Field != tc.field {
				t.Errorf("field %q, want %q (%v)", ie.Field, tc.field, err)
			}
			if ie.Problem == "" || !strings.Contains(err.Error(), tc.field) {
				t.Errorf("error %q does not say what is wrong with %s", err, tc.field)
			}
		})
	}
	if n := reached.Load(); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
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
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field != tc.field || c != nil {
				t.Fatalf("NewClient: %v (%T), want an *InputError for %s", err, err, tc.field)
			}
			if strings.TrimSpace(tc.token) != "" && tc.token != testToken && strings.Contains(err.Error(), tc.token) {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}
