package intercomtest

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io"
	"maps"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryOperationIsStateful walks all operations of the description
// against a fresh server. Each answer is checked against what came before:
// what was created comes back from a get and in the list, a change shows in
// the next read, a delete makes the get a 404, and relationships read the
// same from both sides.
func TestEveryOperationIsStateful(t *testing.T) {
	clock := time.Unix(1_750_000_000, 0)
	w := newHarness(t, WithClock(func() time.Time { return clock }))
	tick := func() { clock = clock.Add(time.Minute) }
	s := w

	// Admins, teams and the activity log.
	me := w.call("identifyAdmin", 200, "GET", "/me", nil)
	meID := atStr(me, "id")
	w.idLike("admin", meID, numeric)
	w.has("listAdmins", ids(w.call("listAdmins", 200, "GET", "/admins", nil), "admins"), meID)
	w.eq("retrieveAdmin name", atStr(w.call("retrieveAdmin", 200, "GET", "/admins/"+meID, nil), "name"), atStr(me, "name"))
	tick()
	w.call("setAwayAdmin", 200, "PUT", "/admins/"+meID+"/away", map[string]any{"away_mode_enabled": true, "away_mode_reassign": true})
	w.eq("away after setAwayAdmin", at(w.call("retrieveAdmin", 200, "GET", "/admins/"+meID, nil), "away_mode_enabled"), true)
	logs := w.call("listActivityLogs", 200, "GET", "/admins/activity_logs"+q("created_at_after="+strconv.FormatInt(clock.Unix()-1, 10)), nil)
	w.eq("activity logged", atStr(logs, "activity_logs", 0, "activity_type"), "admin_away_mode_change")
	w.eq("activity by", atStr(logs, "activity_logs", 0, "performed_by", "id"), meID)
	teams := w.call("listTeams", 200, "GET", "/teams", nil)
	teamID := atStr(teams, "teams", 0, "id")
	w.has("team admins", ids(map[string]any{"l": toObjs(at(w.call("retrieveTeam", 200, "GET", "/teams/"+teamID, nil), "admin_ids"))}, "l"), meID)

	// Contacts.
	user := w.call("CreateContact", 200, "POST", "/contacts", map[string]any{"email": "lin@example.com", "name": "Lin", "role": "user"})
	userID := atStr(user, "id")
	w.idLike("contact", userID, hex24)
	w.eq("created_at set", at(user, "created_at"), float64(clock.Unix()))
	w.eq("ShowContact email", atStr(w.call("ShowContact", 200, "GET", "/contacts/"+userID, nil), "email"), "lin@example.com")
	w.has("ListContacts", ids(w.call("ListContacts", 200, "GET", "/contacts", nil), "data"), userID)
	tick()
	upd := w.call("UpdateContact", 200, "PUT", "/contacts/"+userID, map[string]any{"name": "Lin Y"})
	w.eq("updated_at moves", at(upd, "updated_at"), float64(clock.Unix()))
	w.eq("UpdateContact shows", atStr(w.call("ShowContact", 200, "GET", "/contacts/"+userID, nil), "name"), "Lin Y")
	found := w.call("SearchContacts", 200, "POST", "/contacts/search", map[string]any{
		"query": map[string]any{"field": "email", "operator": "=", "value": "lin@example.com"}})
	w.eq("SearchContacts", ids(found, "data"), []string{userID})
	w.eq("ArchiveContact", at(w.call("ArchiveContact", 200, "POST", "/contacts/"+userID+"/archive", nil), "archived"), true)
	w.eq("UnarchiveContact", at(w.call("UnarchiveContact", 200, "POST", "/contacts/"+userID+"/unarchive", nil), "archived"), false)
	lead := w.call("CreateContact", 200, "POST", "/contacts", map[string]any{"role": "lead", "phone": "+15550001111", "name": "Lead"})
	leadID := atStr(lead, "id")
	w.call("createNote", 200, "POST", "/contacts/"+leadID+"/notes", map[string]any{"body": "Met at the fair", "admin_id": meID})
	merged := w.call("MergeContact", 200, "POST", "/contacts/merge", map[string]any{"from": leadID, "into": userID})
	w.eq("merged id", atStr(merged, "id"), userID)
	w.eq("merged phone", atStr(merged, "phone"), "+15550001111")
	w.eq("merged notes", at(merged, "notes", "total_count"), 1.0)
	w.call("ShowContact", 404, "GET", "/contacts/"+leadID, nil)
	gone := w.call("CreateContact", 200, "POST", "/contacts", map[string]any{"email": "gone@example.com"})
	w.eq("DeleteContact", at(w.call("DeleteContact", 200, "DELETE", "/contacts/"+atStr(gone, "id"), nil), "deleted"), true)
	w.call("ShowContact", 404, "GET", "/contacts/"+atStr(gone, "id"), nil)

	// Companies, from both sides.
	co := w.call("createOrUpdateCompany", 200, "POST", "/companies", map[string]any{"company_id": "acme-1", "name": "Acme", "plan": "Pro"})
	coID := atStr(co, "id")
	w.idLike("company", coID, hex24)
	w.eq("RetrieveACompanyById", atStr(w.call("RetrieveACompanyById", 200, "GET", "/companies/"+coID, nil), "name"), "Acme")
	w.eq("retrieveCompany by name answers the company", atStr(w.call("retrieveCompany", 200, "GET", "/companies"+q("name=Acme"), nil), "id"), coID)
	w.has("listAllCompanies", ids(w.call("listAllCompanies", 200, "POST", "/companies/list", nil), "data"), coID)
	tick()
	w.eq("UpdateCompany", at(w.call("UpdateCompany", 200, "PUT", "/companies/"+coID, nil), "updated_at"), float64(clock.Unix()))
	w.call("attachContactToACompany", 200, "POST", "/contacts/"+userID+"/companies", map[string]any{"id": coID})
	w.has("listCompaniesForAContact", ids(w.call("listCompaniesForAContact", 200, "GET", "/contacts/"+userID+"/companies", nil), "data"), coID)
	w.has("ListAttachedContacts", ids(w.call("ListAttachedContacts", 200, "GET", "/companies/"+coID+"/contacts", nil), "data"), userID)
	w.eq("user_count", at(w.call("RetrieveACompanyById", 200, "GET", "/companies/"+coID, nil), "user_count"), 1.0)
	w.eq("ListAttachedSegmentsForCompanies", ids(w.call("ListAttachedSegmentsForCompanies", 200, "GET", "/companies/"+coID+"/segments", nil), "data"), []string{})
	scroll := w.call("scrollOverAllCompanies", 200, "GET", "/companies/scroll", nil)
	w.has("scroll", ids(scroll, "data"), coID)
	end := w.call("scrollOverAllCompanies", 200, "GET", "/companies/scroll"+q("scroll_param="+atStr(scroll, "scroll_param")), nil)
	w.eq("scroll end", ids(end, "data"), []string{})
	w.call("detachContactFromACompany", 200, "DELETE", "/contacts/"+userID+"/companies/"+coID, nil)
	w.eq("detached, company side", ids(w.call("ListAttachedContacts", 200, "GET", "/companies/"+coID+"/contacts", nil), "data"), []string{})
	w.eq("detached, contact side", ids(w.call("listCompaniesForAContact", 200, "GET", "/contacts/"+userID+"/companies", nil), "data"), []string{})
	other := w.call("createOrUpdateCompany", 200, "POST", "/companies", map[string]any{"company_id": "gone-co", "name": "Gone"})
	w.call("deleteCompany", 200, "DELETE", "/companies/"+atStr(other, "id"), nil)
	w.call("RetrieveACompanyById", 404, "GET", "/companies/"+atStr(other, "id"), nil)

	// Tags.
	tag := w.call("createTag", 200, "POST", "/tags", map[string]any{"name": "vip"})
	tagID := atStr(tag, "id")
	w.idLike("tag", tagID, numeric)
	w.eq("findTag", atStr(w.call("findTag", 200, "GET", "/tags/"+tagID, nil), "name"), "vip")
	w.has("listTags", ids(w.call("listTags", 200, "GET", "/tags", nil), "data"), tagID)
	w.call("attachTagToContact", 200, "POST", "/contacts/"+userID+"/tags", map[string]any{"id": tagID})
	w.has("listTagsForAContact", ids(w.call("listTagsForAContact", 200, "GET", "/contacts/"+userID+"/tags", nil), "data"), tagID)
	w.call("detachTagFromContact", 200, "DELETE", "/contacts/"+userID+"/tags/"+tagID, nil)
	w.hasNot("detached tag", ids(w.call("listTagsForAContact", 200, "GET", "/contacts/"+userID+"/tags", nil), "data"), tagID)

	// Notes.
	note := w.call("createNote", 200, "POST", "/contacts/"+userID+"/notes", map[string]any{"body": "Called back"})
	noteID := atStr(note, "id")
	w.idLike("note", noteID, numeric)
	w.eq("retrieveNote", atStr(w.call("retrieveNote", 200, "GET", "/notes/"+noteID, nil), "body"), "<p>Called back</p>")
	w.eq("listNotes", ids(w.call("listNotes", 200, "GET", "/contacts/"+userID+"/notes", nil), "data")[0], noteID)

	// Segments.
	segs := w.call("listSegments", 200, "GET", "/segments"+q("include_count=true"), nil)
	allUsers := atStr(segs, "segments", 0, "id")
	w.eq("segment count", at(w.call("retrieveSegment", 200, "GET", "/segments/"+allUsers, nil), "count"), 1.0)
	w.has("listSegmentsForAContact", ids(w.call("listSegmentsForAContact", 200, "GET", "/contacts/"+userID+"/segments", nil), "data"), allUsers)

	// Subscription types.
	subs := w.call("listSubscriptionTypes", 200, "GET", "/subscription_types", nil)
	subID := atStr(subs, "data", 0, "id")
	w.call("attachSubscriptionTypeToContact", 200, "POST", "/contacts/"+userID+"/subscriptions", map[string]any{"id": subID, "consent_type": "opt_in"})
	w.has("listSubscriptionsForAContact", ids(w.call("listSubscriptionsForAContact", 200, "GET", "/contacts/"+userID+"/subscriptions", nil), "data"), subID)
	w.call("detachSubscriptionTypeToContact", 200, "DELETE", "/contacts/"+userID+"/subscriptions/"+subID, nil)
	w.hasNot("detached subscription", ids(w.call("listSubscriptionsForAContact", 200, "GET", "/contacts/"+userID+"/subscriptions", nil), "data"), subID)

	// Ticket types and tickets.
	tt := w.call("createTicketType", 200, "POST", "/ticket_types", map[string]any{"name": "Bug", "category": "Customer"})
	ttID := atStr(tt, "id")
	w.eq("getTicketType", atStr(w.call("getTicketType", 200, "GET", "/ticket_types/"+ttID, nil), "name"), "Bug")
	w.has("listTicketTypes", ids(w.call("listTicketTypes", 200, "GET", "/ticket_types", nil), "data"), ttID)
	w.eq("updateTicketType", atStr(w.call("updateTicketType", 200, "PUT", "/ticket_types/"+ttID, map[string]any{"description": "Defects"}), "description"), "Defects")
	attr := w.call("createTicketTypeAttribute", 200, "POST", "/ticket_types/"+ttID+"/attributes", map[string]any{"name": "severity", "description": "How bad", "data_type": "string"})
	w.call("updateTicketTypeAttribute", 200, "PUT", "/ticket_types/"+ttID+"/attributes/"+atStr(attr, "id"), map[string]any{"description": "How bad is it"})
	w.has("attribute listed", ids(w.call("getTicketType", 200, "GET", "/ticket_types/"+ttID, nil), "ticket_type_attributes", "ticket_type_attributes"), atStr(attr, "id"))
	tk := w.call("createTicket", 200, "POST", "/tickets", map[string]any{"ticket_type_id": ttID, "contacts": []any{map[string]any{"id": userID}},
		"ticket_attributes": map[string]any{"_default_title_": "Crash", "severity": "high"}})
	tkID := atStr(tk, "id")
	w.idLike("ticket", tkID, numeric)
	w.eq("getTicket", atStr(w.call("getTicket", 200, "GET", "/tickets/"+tkID, nil), "ticket_attributes", "severity"), "high")
	w.eq("updateTicket", stateOf(w.call("updateTicket", 200, "PUT", "/tickets/"+tkID, setState(t, "in_progress"))), "in_progress")
	if slices.Contains(slices.Collect(maps.Values(s.spec.names)), "listTicketStates") {
		// 2.12 and later: the ticket's state is one of the listed states.
		stateID := atStr(w.call("getTicket", 200, "GET", "/tickets/"+tkID, nil), "ticket_state", "id")
		w.has("listTicketStates", ids(w.call("listTicketStates", 200, "GET", "/ticket_states", nil), "data"), stateID)
	}
	w.call("replyTicket", 200, "POST", "/tickets/"+tkID+"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": meID, "body": "On it"})
	w.eq("searchTickets", ids(w.call("searchTickets", 200, "POST", "/tickets/search", map[string]any{
		"query": map[string]any{"field": "state", "operator": "=", "value": "in_progress"}}), "tickets"), []string{tkID})
	w.call("attachTagToTicket", 200, "POST", "/tickets/"+tkID+"/tags", map[string]any{"id": tagID, "admin_id": meID})
	w.eq("ticket tagged (a ticket's JSON has no tags: read the workspace)", ticketTags(w, tkID), []string{tagID})
	w.call("detachTagFromTicket", 200, "DELETE", "/tickets/"+tkID+"/tags/"+tagID, map[string]any{"admin_id": meID})
	w.eq("ticket untagged", ticketTags(w, tkID), []string{})
	w.call("detachTagFromTicket", 404, "DELETE", "/tickets/"+tkID+"/tags/"+tagID, map[string]any{"admin_id": meID})

	// Conversations.
	started := w.call("createConversation", 200, "POST", "/conversations", map[string]any{"from": map[string]any{"type": "user", "id": userID}, "body": "Hello"})
	cvID := atStr(started, "conversation_id")
	w.idLike("conversation", cvID, numeric)
	w.eq("retrieveConversation", atStr(w.call("retrieveConversation", 200, "GET", "/conversations/"+cvID, nil), "source", "body"), "Hello")
	w.has("listConversations", ids(w.call("listConversations", 200, "GET", "/conversations", nil), "conversations"), cvID)
	w.has("searchConversations", ids(w.call("searchConversations", 200, "POST", "/conversations/search", map[string]any{
		"query": map[string]any{"field": "contact_ids", "operator": "=", "value": userID}}), "conversations"), cvID)
	replied := w.call("replyConversation", 200, "POST", "/conversations/"+cvID+"/reply", map[string]any{"message_type": "comment", "type": "admin", "admin_id": meID, "body": "Hi!"})
	partID := atStr(replied, "conversation_parts", "conversation_parts", 0, "id")
	w.eq("manageConversation", atStr(w.call("manageConversation", 200, "POST", "/conversations/"+cvID+"/parts", map[string]any{"message_type": "close", "type": "admin", "admin_id": meID, "body": "Bye"}), "state"), "closed")
	w.call("manageConversation", 200, "POST", "/conversations/"+cvID+"/parts", map[string]any{"message_type": "open", "type": "admin", "admin_id": meID})
	w.eq("updateConversation", at(w.call("updateConversation", 200, "PUT", "/conversations/"+cvID, map[string]any{"read": true, "custom_attributes": map[string]any{"issue": "billing"}}), "custom_attributes", "issue"), "billing")
	w.call("attachTagToConversation", 200, "POST", "/conversations/"+cvID+"/tags", map[string]any{"id": tagID, "admin_id": meID})
	w.has("conversation tagged", ids(w.call("retrieveConversation", 200, "GET", "/conversations/"+cvID, nil), "tags", "tags"), tagID)
	w.call("detachTagFromConversation", 200, "DELETE", "/conversations/"+cvID+"/tags/"+tagID, map[string]any{"admin_id": meID})
	second := w.call("CreateContact", 200, "POST", "/contacts", map[string]any{"email": "sam@example.com"})
	withTwo := w.call("attachContactToConversation", 200, "POST", "/conversations/"+cvID+"/customers", map[string]any{"admin_id": meID, "customer": map[string]any{"intercom_user_id": atStr(second, "id")}})
	w.has("attached contact", ids(withTwo, "contacts", "contacts"), atStr(second, "id"))
	withOne := w.call("detachContactFromConversation", 200, "DELETE", "/conversations/"+cvID+"/customers/"+atStr(second, "id"), map[string]any{"admin_id": meID})
	w.hasNot("detached contact", ids(withOne, "contacts", "contacts"), atStr(second, "id"))
	w.eq("autoAssignConversation", atStr(w.call("autoAssignConversation", 200, "POST", "/conversations/"+cvID+"/run_assignment_rules", nil), "team_assignee_id"), teamID)
	redacted := w.call("redactConversation", 200, "POST", "/conversations/redact", map[string]any{"type": "conversation_part", "conversation_id": cvID, "conversation_part_id": partID})
	w.eq("redacted", at(redacted, "conversation_parts", "conversation_parts", 0, "redacted"), true)
	conv := w.call("convertConversationToTicket", 200, "POST", "/conversations/"+cvID+"/convert", map[string]any{"ticket_type_id": ttID})
	convID := atStr(conv, "id")
	w.idLike("converted ticket", convID, numeric)
	w.eq("converted ticket's conversation", atStr(w.call("getTicket", 200, "GET", "/tickets/"+convID, nil), "linked_objects", "data", 0, "id"), cvID)
	w.eq("conversation's ticket", atStr(w.call("retrieveConversation", 200, "GET", "/conversations/"+cvID, nil), "linked_objects", "data", 0, "id"), convID)

	// Messages: in-app messages are inapp, as Intercom's SDK sends them (the
	// overlay corrects the published enum's in_app).
	for _, kind := range []string{"inapp"} {
		msg := w.call("createMessage", 200, "POST", "/messages", map[string]any{"message_type": kind, "body": "Welcome",
			"from": map[string]any{"type": "admin", "id": mustInt(t, meID)}, "to": map[string]any{"type": "user", "id": userID}})
		w.eq("message_type", atStr(msg, "message_type"), "inapp")
		w.eq("message's conversation", atStr(w.call("retrieveConversation", 200, "GET", "/conversations/"+atStr(msg, "conversation_id"), nil), "source", "author", "id"), meID)
	}

	// Articles, collections and help centers.
	hcs := w.call("listHelpCenters", 200, "GET", "/help_center/help_centers", nil)
	hcID := atStr(hcs, "data", 0, "id")
	w.eq("retrieveHelpCenter", atStr(w.call("retrieveHelpCenter", 200, "GET", "/help_center/help_centers/"+hcID, nil), "id"), hcID)
	col := w.call("createCollection", 200, "POST", "/help_center/collections", map[string]any{"name": "Billing"})
	colID := atStr(col, "id")
	w.idLike("collection", colID, numeric)
	w.eq("retrieveCollection", atStr(w.call("retrieveCollection", 200, "GET", "/help_center/collections/"+colID, nil), "name"), "Billing")
	w.has("listAllCollections", ids(w.call("listAllCollections", 200, "GET", "/help_center/collections", nil), "data"), colID)
	w.eq("updateCollection", atStr(w.call("updateCollection", 200, "PUT", "/help_center/collections/"+colID, map[string]any{"name": "Invoices"}), "name"), "Invoices")
	art := w.call("createArticle", 200, "POST", "/articles", map[string]any{"title": "Refunds", "author_id": mustInt(t, meID), "body": "How refunds work", "state": "published", "parent_id": mustInt(t, colID), "parent_type": "collection"})
	artID := atStr(art, "id")
	w.idLike("article", artID, numeric)
	w.eq("retrieveArticle", atStr(w.call("retrieveArticle", 200, "GET", "/articles/"+artID, nil), "parent_id"), colID)
	w.has("listArticles", ids(w.call("listArticles", 200, "GET", "/articles", nil), "data"), artID)
	w.eq("updateArticle", atStr(w.call("updateArticle", 200, "PUT", "/articles/"+artID, map[string]any{"title": "Refunds and credits"}), "title"), "Refunds and credits")
	w.has("searchArticles", ids(w.call("searchArticles", 200, "GET", "/articles/search"+q("phrase=refunds"), nil), "data", "articles"), artID)
	w.call("deleteArticle", 200, "DELETE", "/articles/"+artID, nil)
	w.call("retrieveArticle", 404, "GET", "/articles/"+artID, nil)
	w.call("deleteCollection", 200, "DELETE", "/help_center/collections/"+colID, nil)
	w.call("retrieveCollection", 404, "GET", "/help_center/collections/"+colID, nil)

	// News.
	feeds := w.call("listNewsfeeds", 200, "GET", "/news/newsfeeds", nil)
	feedID := atStr(feeds, "data", 0, "id")
	w.eq("retrieveNewsfeed", atStr(w.call("retrieveNewsfeed", 200, "GET", "/news/newsfeeds/"+feedID, nil), "id"), feedID)
	news := w.call("createNewsItem", 200, "POST", "/news/news_items", map[string]any{"title": "v2 is out", "sender_id": mustInt(t, meID), "state": "live",
		"newsfeed_assignments": []any{map[string]any{"newsfeed_id": mustInt(t, feedID), "published_at": clock.Unix()}}})
	newsID := atStr(news, "id")
	w.idLike("news item", newsID, numeric)
	w.eq("retrieveNewsItem", atStr(w.call("retrieveNewsItem", 200, "GET", "/news/news_items/"+newsID, nil), "title"), "v2 is out")
	w.has("listNewsItems", ids(w.call("listNewsItems", 200, "GET", "/news/news_items", nil), "data"), newsID)
	w.has("listLiveNewsfeedItems", ids(w.call("listLiveNewsfeedItems", 200, "GET", "/news/newsfeeds/"+feedID+"/items", nil), "data"), newsID)
	w.call("updateNewsItem", 200, "PUT", "/news/news_items/"+newsID, map[string]any{"title": "v2 is out", "sender_id": mustInt(t, meID), "state": "draft"})
	w.hasNot("draft not live", ids(w.call("listLiveNewsfeedItems", 200, "GET", "/news/newsfeeds/"+feedID+"/items", nil), "data"), newsID)
	w.call("deleteNewsItem", 200, "DELETE", "/news/news_items/"+newsID, nil)
	w.call("retrieveNewsItem", 404, "GET", "/news/news_items/"+newsID, nil)

	// Data attributes: Intercom's own are listed, created ones join them.
	attrs := w.call("listDataAttributes", 200, "GET", "/data_attributes"+q("model=contact"), nil)
	w.eq("built-in email listed", slices.ContainsFunc(at(attrs, "data").([]any), func(a any) bool { return atStr(a, "name") == "email" }), true)
	da := w.call("createDataAttribute", 200, "POST", "/data_attributes", map[string]any{"name": "plan_tier", "model": "contact", "data_type": "string"})
	daID := atStr(da, "id")
	w.idLike("data attribute", daID, numeric)
	w.has("created attribute listed", ids(w.call("listDataAttributes", 200, "GET", "/data_attributes", nil), "data"), daID)
	w.eq("updateDataAttribute", at(w.call("updateDataAttribute", 200, "PUT", "/data_attributes/"+daID, map[string]any{"archived": true}), "archived"), true)
	w.hasNot("archived attribute", ids(w.call("listDataAttributes", 200, "GET", "/data_attributes", nil), "data"), daID)

	// Data events.
	w.call("createDataEvent", 202, "POST", "/events", map[string]any{"event_name": "ordered", "id": userID, "created_at": clock.Unix()})
	events := w.call("lisDataEvents", 200, "GET", "/events"+q("type=user", "intercom_user_id="+userID, "summary=true"), nil)
	w.eq("event listed", atStr(events, "events", 0, "name"), "ordered")
	w.call("UpdateContact", 200, "PUT", "/contacts/"+userID, map[string]any{"external_id": "u-1"})
	w.call("dataEventSummaries", 200, "POST", "/events/summaries", map[string]any{"user_id": "u-1", "event_summaries": map[string]any{"event_name": "ordered", "count": 2}})
	events = w.call("lisDataEvents", 200, "GET", "/events"+q("type=user", "user_id=u-1", "summary=true"), nil)
	w.eq("summary counted", at(events, "events", 0, "count"), 3.0)

	// Data exports: the status moves on as the client polls, then the file
	// holds the conversations of the period.
	job := w.call("createDataExport", 200, "POST", "/export/content/data", map[string]any{"created_at_after": clock.Unix() - 3600, "created_at_before": clock.Unix() + 60})
	jobID := atStr(job, "job_identifier")
	w.eq("created", atStr(job, "status"), "pending")
	w.eq("first poll", atStr(w.call("getDataExport", 200, "GET", "/export/content/data/"+jobID, nil), "status"), "in_progress")
	done := w.call("getDataExport", 200, "GET", "/export/content/data/"+jobID, nil)
	w.eq("second poll", atStr(done, "status"), "completed")
	file, ctype := w.raw("downloadDataExport", 200, "GET", "/download/content/data/"+jobID)
	w.eq("download type", ctype, "application/octet-stream")
	rows := gunzipCSV(t, file)
	require.False(t, len(rows) < 3, "export rows %v", rows)
	assert.Equal(t, cvID, rows[1][0], "export rows %v", rows)
	next := w.call("createDataExport", 200, "POST", "/export/content/data", map[string]any{"created_at_after": 1, "created_at_before": 2})
	w.eq("cancelDataExport", atStr(w.call("cancelDataExport", 200, "POST", "/export/cancel/"+atStr(next, "job_identifier"), nil), "status"), "canceled")

	// Visitors: seeded, found, updated, converted.
	seeded, err := s.Seed(Workspace{Visitors: []Visitor{{Name: "Anon"}}})
	require.NoError(t, err)
	vis := seeded.Visitors[0]
	w.idLike("visitor", vis.ID, hex24)
	w.eq("retrieveVisitorWithUserId", atStr(w.call("retrieveVisitorWithUserId", 200, "GET", "/visitors"+q("user_id="+vis.UserID), nil), "id"), vis.ID)
	w.eq("updateVisitor", atStr(w.call("updateVisitor", 200, "PUT", "/visitors", map[string]any{"user_id": vis.UserID, "name": "Ann"}), "name"), "Ann")
	converted := w.call("convertVisitor", 200, "POST", "/visitors/convert", map[string]any{"type": "lead",
		"visitor": map[string]any{"user_id": vis.UserID}, "user": map[string]any{"user_id": "ann-1", "email": "ann@example.com"}})
	w.eq("converted name", atStr(converted, "name"), "Ann")
	w.eq("converted role", atStr(converted, "role"), "lead")
	w.call("retrieveVisitorWithUserId", 404, "GET", "/visitors"+q("user_id="+vis.UserID), nil)

	// Phone call redirects.
	w.call("createPhoneSwitch", 200, "POST", "/phone_call_redirects", map[string]any{"phone": "+353871234567"})
	got := s.Snapshot().PhoneCallRedirects
	require.Len(t, got, 1, "phone redirects %v", got)
	assert.Equal(t, "+353871234567", got[0].Phone, "phone redirects %v", got)

	// Deletes last: the tag goes from everything it was on.
	w.call("deleteTag", 200, "DELETE", "/tags/"+tagID, nil)
	w.call("findTag", 404, "GET", "/tags/"+tagID, nil)

	var missed []string
	for _, name := range s.spec.names {
		_, ok := handlers[name]
		_, newer := newerHandlers[name]
		if (ok || newer) && !w.seen[name] { // the rest: TestDescribedOperationsAnswerFromTheDescription
			missed = append(missed, name)
		}
	}
	slices.Sort(missed)
	assert.False(t, len(missed) > 0, "%d of %d operations not walked: %v", len(missed), len(s.spec.names), missed)
	t.Logf("%d operations walked", len(w.seen))
	s.clean()
}

func ticketTags(s *harness, id string) []string {
	for _, t := range s.Snapshot().Tickets {
		if t.ID == id {
			return append([]string{}, t.TagIDs...)
		}
	}
	return nil
}

// toObjs turns a list of ids into objects with those ids.
func toObjs(v any) []any {
	l, _ := v.([]any)
	out := []any{}
	for _, x := range l {
		out = append(out, map[string]any{"id": x})
	}
	return out
}

func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	require.NoError(t, err, "%q is not a number: %v", s, err)
	return n
}

// gunzipCSV reads a data export's file.
func gunzipCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	rows, err := csv.NewReader(zr).ReadAll()
	require.NoError(t, err)
	io.Copy(io.Discard, zr)
	return rows
}
