package intercomtest_test

import (
	"context"
	"errors"
	"io"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFacadeWorkflowOverEveryResource runs what a support integration does
// with every resource, through the facade, against the server: every step
// must succeed, the server must see no invalid request, and the workspace
// must hold the result.
func TestFacadeWorkflowOverEveryResource(t *testing.T) {
	ctx := context.Background()
	srv := intercomtest.NewServer(t)
	c, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	must(t, err)
	step := 0
	check := func(what string, err error) {
		t.Helper()
		step++
		require.NoError(t, err, "step %d, %s: %v", step, what, err)
	}
	seeded, err := srv.Seed(intercomtest.Workspace{Visitors: []intercomtest.Visitor{{Name: "Anon"}}})
	must(t, err)

	me, _, err := c.Admins.Identify(ctx)
	check("identify", err)
	_, _, err = c.Admins.List(ctx, nil)
	check("list admins", err)
	_, _, err = c.Admins.Find(ctx, me.Id)
	check("find admin", err)
	_, _, err = c.Admins.Away(ctx, me.Id, facade.AwayModeOn)
	check("away", err)
	logs, _, err := c.Admins.ListAllActivityLogs(ctx, time.Now().Add(-time.Hour), nil)
	check("activity logs", err)
	assert.NotEqual(t, 0, len(logs.ActivityLogs), "no activity logged")
	teams, _, err := c.Teams.List(ctx)
	check("list teams", err)
	_, _, err = c.Teams.Find(ctx, teams.Teams[0].Id)
	check("find team", err)

	email := "lin@example.com"
	lin, _, err := c.Contacts.Create(ctx, facade.CreateContactOptions{Email: email, Role: facade.ContactRoleUser})
	check("create contact", err)
	_, _, err = c.Contacts.Find(ctx, lin.Id)
	check("find contact", err)
	_, _, err = c.Contacts.Update(ctx, lin.Id, facade.UpdateContactOptions{ExternalID: "lin-1"})
	check("update contact", err)
	n := 0
	for _, err := range c.Contacts.ListIter(ctx, nil) {
		check("list contacts", err)
		n++
	}
	for _, err := range c.Contacts.SearchIter(ctx, facade.Filter("email", facade.OpEquals, email), nil) {
		check("search contacts", err)
	}
	_, _, err = c.Contacts.Archive(ctx, lin.Id)
	check("archive", err)
	_, _, err = c.Contacts.Unarchive(ctx, lin.Id)
	check("unarchive", err)
	lead, _, err := c.Contacts.Create(ctx, facade.CreateContactOptions{Role: facade.ContactRoleLead})
	check("create lead", err)
	_, _, err = c.Contacts.MergeLeadInUser(ctx, lead.Id, lin.Id)
	check("merge", err)
	gone, _, err := c.Contacts.Create(ctx, facade.CreateContactOptions{Email: "gone@example.com"})
	check("create another", err)
	_, _, err = c.Contacts.Delete(ctx, gone.Id)
	check("delete contact", err)
	_, _, err = c.Contacts.Find(ctx, gone.Id)
	assert.True(t, errors.Is(err, facade.ErrNotFound), "find deleted contact: %v, want ErrNotFound", err)

	co, _, err := c.Companies.CreateOrUpdate(ctx, facade.CompanyOptions{CompanyID: "acme", Name: "Acme"})
	check("create company", err)
	_, _, err = c.Companies.Find(ctx, co.Id)
	check("find company", err)
	_, _, err = c.Companies.Update(ctx, co.Id)
	check("update company", err)
	_, _, err = c.Companies.AttachContact(ctx, lin.Id, co.Id)
	check("attach contact to company", err)
	var fromCompany, fromContact []string
	for ct, err := range c.Companies.ListAttachedContactsIter(ctx, co.Id, nil) {
		check("company contacts", err)
		fromCompany = append(fromCompany, ct.Id)
	}
	for cp, err := range c.Contacts.ListAttachedCompaniesIter(ctx, lin.Id, nil) {
		check("contact companies", err)
		fromContact = append(fromContact, cp.Id)
	}
	assert.True(t, slices.Equal(fromCompany, []string{lin.Id}), "relationship reads %v from the company and %v from the contact", fromCompany, fromContact)
	assert.True(t, slices.Equal(fromContact, []string{co.Id}), "relationship reads %v from the company and %v from the contact", fromCompany, fromContact)
	_, _, err = c.Companies.ListAttachedSegments(ctx, co.Id)
	check("company segments", err)
	for _, err := range c.Companies.ListIter(ctx, nil) {
		check("list companies", err)
	}
	for _, err := range c.Companies.ScrollIter(ctx) {
		check("scroll companies", err)
	}
	_, _, err = c.Companies.Retrieve(ctx, &facade.RetrieveCompaniesOptions{Name: "Acme"})
	check("retrieve company", err)
	_, _, err = c.Companies.DetachContact(ctx, lin.Id, co.Id)
	check("detach contact", err)

	tag, _, err := c.Tags.Create(ctx, facade.NewTag("vip"))
	check("create tag", err)
	_, _, err = c.Tags.TagContact(ctx, lin.Id, *tag.Id)
	check("tag contact", err)
	_, _, err = c.Contacts.ListAttachedTags(ctx, lin.Id)
	check("contact tags", err)
	_, _, err = c.Tags.UntagContact(ctx, lin.Id, *tag.Id)
	check("untag contact", err)
	_, _, err = c.Tags.Create(ctx, facade.TagCompanies("vip", facade.TagCompanyByCompanyID("acme")))
	check("tag company", err)

	note, _, err := c.Notes.Create(ctx, lin.Id, "Called back", &facade.CreateNoteOptions{AdminID: me.Id})
	check("create note", err)
	_, _, err = c.Notes.Find(ctx, note.Id)
	check("find note", err)
	for _, err := range c.Notes.ListIter(ctx, lin.Id, nil) {
		check("list notes", err)
	}

	segs, _, err := c.Segments.List(ctx, nil)
	check("list segments", err)
	_, _, err = c.Segments.Find(ctx, segs.Segments[0].Id)
	check("find segment", err)
	_, _, err = c.Contacts.ListAttachedSegments(ctx, lin.Id)
	check("contact segments", err)

	subs, _, err := c.SubscriptionTypes.List(ctx)
	check("list subscription types", err)
	_, _, err = c.Contacts.AttachSubscription(ctx, lin.Id, subs.Data[0].Id, facade.ConsentOptIn)
	check("attach subscription", err)
	_, _, err = c.Contacts.ListAttachedSubscriptions(ctx, lin.Id)
	check("contact subscriptions", err)
	_, _, err = c.Contacts.DetachSubscription(ctx, lin.Id, subs.Data[0].Id)
	check("detach subscription", err)

	tt, _, err := c.TicketTypes.Create(ctx, "Bug", nil)
	check("create ticket type", err)
	_, _, err = c.TicketTypes.Get(ctx, tt.Id)
	check("get ticket type", err)
	_, _, err = c.TicketTypes.List(ctx)
	check("list ticket types", err)
	ticket, _, err := c.Tickets.Create(ctx, tt.Id, []facade.TicketContact{facade.TicketContactByID(lin.Id)},
		&facade.CreateTicketOptions{Attributes: map[string]any{"_default_title_": "Crash"}})
	check("create ticket", err)
	_, _, err = c.Tickets.Update(ctx, ticket.Id, &facade.UpdateTicketOptions{State: facade.TicketStateInProgress})
	check("update ticket", err)
	_, _, err = c.Tickets.Reply(ctx, ticket.Id, facade.AdminComment(me.Id, "On it"))
	check("reply ticket", err)
	_, _, err = c.Tags.TagTicket(ctx, ticket.Id, *tag.Id, me.Id)
	check("tag ticket", err)
	_, _, err = c.Tags.UntagTicket(ctx, ticket.Id, *tag.Id, me.Id)
	check("untag ticket", err)

	msg, _, err := c.Conversations.Create(ctx, facade.ConversationFromUser(lin.Id), "Hello", nil)
	check("create conversation", err)
	cvID := msg.ConversationId
	cv, _, err := c.Conversations.Reply(ctx, cvID, facade.AdminComment(me.Id, "Hi!"))
	check("reply conversation", err)
	_, _, err = c.Conversations.Close(ctx, cvID, me.Id, "Bye")
	check("close", err)
	_, _, err = c.Conversations.Open(ctx, cvID, me.Id)
	check("open", err)
	read := true
	_, _, err = c.Conversations.Update(ctx, cvID, &facade.UpdateConversationOptions{Read: &read, CustomAttributes: map[string]any{"issue": "billing"}})
	check("update conversation", err)
	_, _, err = c.Tags.TagConversation(ctx, cvID, *tag.Id, me.Id)
	check("tag conversation", err)
	_, _, err = c.Tags.UntagConversation(ctx, cvID, *tag.Id, me.Id)
	check("untag conversation", err)
	sam, _, err := c.Contacts.Create(ctx, facade.CreateContactOptions{Email: "sam@example.com"})
	check("create participant", err)
	_, _, err = c.Conversations.AttachContactAsAdmin(ctx, cvID, me.Id, facade.ByIntercomUserID(sam.Id))
	check("attach participant", err)
	_, _, err = c.Conversations.DetachContactAsAdmin(ctx, cvID, sam.Id, me.Id)
	check("detach participant", err)
	_, _, err = c.Conversations.RunAssignmentRules(ctx, cvID)
	check("assignment rules", err)
	_, _, err = c.Conversations.RedactConversationPart(ctx, facade.RedactPart(cvID, cv.ConversationParts.ConversationParts[0].Id))
	check("redact", err)
	for _, err := range c.Conversations.ListIter(ctx, nil) {
		check("list conversations", err)
	}
	_, _, err = c.Conversations.Search(ctx, facade.Filter("open", facade.OpEquals, true), nil)
	check("search conversations", err)
	converted, _, err := c.Conversations.ConvertToTicket(ctx, cvID, tt.Id, nil)
	check("convert to ticket", err)
	_, _, err = c.Tickets.Get(ctx, converted.Id)
	check("get converted ticket", err)
	for _, err := range c.Tickets.SearchIter(ctx, facade.Filter("state", facade.OpEquals, "submitted"), nil) {
		check("search tickets", err)
	}

	sent, _, err := c.Messages.Create(ctx, facade.InAppMessage(me.Id, facade.MessageToUser(lin.Id), "Welcome"), nil)
	check("message", err)
	_, _, err = c.Conversations.Find(ctx, sent.ConversationId, nil)
	check("message's conversation", err)

	hcs, _, err := c.HelpCenters.List(ctx, nil)
	check("list help centers", err)
	_, _, err = c.HelpCenters.Find(ctx, hcs.Data[0].Id)
	check("find help center", err)
	col, _, err := c.HelpCenters.Collections.Create(ctx, "Billing", nil)
	check("create collection", err)
	_, _, err = c.HelpCenters.Collections.Find(ctx, col.Id)
	check("find collection", err)
	_, _, err = c.HelpCenters.Collections.Update(ctx, col.Id, facade.UpdateCollectionOptions{Name: "Invoices"})
	check("update collection", err)
	for _, err := range c.HelpCenters.Collections.ListIter(ctx, nil) {
		check("list collections", err)
	}
	art, _, err := c.Articles.Create(ctx, "Refunds", mustAtoi(t, me.Id), &facade.ArticleOptions{Body: "How refunds work"})
	check("create article", err)
	_, _, err = c.Articles.Find(ctx, art.Id)
	check("find article", err)
	_, _, err = c.Articles.Update(ctx, art.Id, facade.ArticleOptions{Title: "Refunds and credits"})
	check("update article", err)
	for _, err := range c.Articles.ListIter(ctx, nil) {
		check("list articles", err)
	}
	_, _, err = c.Articles.Search(ctx, &facade.SearchArticlesOptions{Phrase: "refunds", State: "all"})
	check("search articles", err)
	_, _, err = c.Articles.Delete(ctx, art.Id)
	check("delete article", err)
	_, _, err = c.HelpCenters.Collections.Delete(ctx, col.Id)
	check("delete collection", err)

	feeds, _, err := c.News.Feeds.List(ctx)
	check("list newsfeeds", err)
	_, _, err = c.News.Feeds.Find(ctx, feeds.Data[0].Id)
	check("find newsfeed", err)
	item, _, err := c.News.Items.Create(ctx, "v2 is out", me.Id, &facade.NewsItemOptions{State: facade.NewsItemStateLive})
	check("create news item", err)
	_, _, err = c.News.Items.Find(ctx, item.Id)
	check("find news item", err)
	_, _, err = c.News.Items.Update(ctx, item.Id, "v2.1 is out", me.Id, nil)
	check("update news item", err)
	_, _, err = c.News.Items.List(ctx)
	check("list news items", err)
	_, _, err = c.News.Feeds.ListItems(ctx, feeds.Data[0].Id)
	check("list feed items", err)
	_, _, err = c.News.Items.Delete(ctx, item.Id)
	check("delete news item", err)

	attrs, _, err := c.DataAttributes.List(ctx, nil)
	check("list data attributes", err)
	assert.NotEqual(t, 0, len(attrs.Data), "no built-in data attributes")
	da, _, err := c.DataAttributes.Create(ctx, "plan_tier", facade.DataAttributeModelContact, facade.DataAttributeTypeString, nil)
	check("create data attribute", err)
	archived := true
	_, _, err = c.DataAttributes.Update(ctx, strconv.Itoa(*da.Id), facade.UpdateDataAttributeOptions{Archived: &archived})
	check("update data attribute", err)

	_, err = c.Events.Create(ctx, facade.ByIntercomUserID(lin.Id), "ordered", time.Now(), nil)
	check("create event", err)
	_, err = c.Events.Summaries(ctx, "lin-1", facade.EventSummary{EventName: "ordered", Count: 2, First: time.Now().Add(-time.Hour), Last: time.Now()})
	check("event summaries", err)
	events, _, err := c.Events.List(ctx, facade.ByUserID("lin-1"), &facade.ListEventsOptions{Summary: true})
	check("list events", err)
	require.Len(t, events.Events, 1, "events %+v", events.Events)
	assert.Equal(t, 3, events.Events[0].Count, "events %+v", events.Events)

	job, _, err := c.DataExport.Create(ctx, time.Now().Add(-time.Hour), time.Now().Add(time.Hour))
	check("create export", err)
	for job.Status != "completed" {
		job, _, err = c.DataExport.Find(ctx, job.JobIdentifier)
		check("poll export", err)
	}
	file, _, err := c.DataExport.Download(ctx, job.JobIdentifier)
	check("download export", err)
	data, err := io.ReadAll(file)
	file.Close()
	check("read export", err)
	assert.NotEqual(t, 0, len(data), "empty export")
	job2, _, err := c.DataExport.Create(ctx, time.Now().Add(-2*time.Hour), time.Now())
	check("second export", err)
	_, _, err = c.DataExport.Cancel(ctx, job2.JobIdentifier)
	check("cancel export", err)

	vis := seeded.Visitors[0]
	_, _, err = c.Visitors.Find(ctx, vis.UserID)
	check("find visitor", err)
	ann := "Ann"
	_, _, err = c.Visitors.Update(ctx, facade.ByUserID(vis.UserID), facade.UpdateVisitorOptions{Name: &ann})
	check("update visitor", err)
	_, _, err = c.Visitors.MergeToContact(ctx, facade.ByUserID(vis.UserID), facade.MergeAsLead, facade.ByUserID("ann-1"), nil)
	check("convert visitor", err)

	_, _, err = c.PhoneCallRedirects.Create(ctx, "+14155550100", nil)
	check("phone redirect", err)

	_, err = c.Tags.Delete(ctx, *tag.Id)
	check("delete tag", err)

	bad := srv.InvalidRequests()
	assert.False(t, len(bad) > 0, "invalid requests: %v", bad)
	w := srv.Snapshot()
	require.Len(t, w.Messages, 1, "workspace after the workflow: %d messages, %d redirects, %d tickets, %d notes, %d visitors", len(w.Messages), len(w.PhoneCallRedirects), len(w.Tickets), len(w.Notes), len(w.Visitors))
	require.Len(t, w.PhoneCallRedirects, 1, "workspace after the workflow: %d messages, %d redirects, %d tickets, %d notes, %d visitors", len(w.Messages), len(w.PhoneCallRedirects), len(w.Tickets), len(w.Notes), len(w.Visitors))
	require.Len(t, w.Tickets, 2, "workspace after the workflow: %d messages, %d redirects, %d tickets, %d notes, %d visitors", len(w.Messages), len(w.PhoneCallRedirects), len(w.Tickets), len(w.Notes), len(w.Visitors))
	require.Len(t, w.Notes, 1, "workspace after the workflow: %d messages, %d redirects, %d tickets, %d notes, %d visitors", len(w.Messages), len(w.PhoneCallRedirects), len(w.Tickets), len(w.Notes), len(w.Visitors))
	assert.Len(t, w.Visitors, 0, "workspace after the workflow: %d messages, %d redirects, %d tickets, %d notes, %d visitors", len(w.Messages), len(w.PhoneCallRedirects), len(w.Tickets), len(w.Notes), len(w.Visitors))
	t.Logf("%d steps, %d requests, none invalid", step, len(srv.Requests()))
}

func must(t *testing.T, err error) {
	t.Helper()
	require.NoError(t, err)
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	must(t, err)
	return n
}
