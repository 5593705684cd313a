package intercomtest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Seed adds the items of w to the workspace, each kind after the kinds its
// items can refer to, and returns them with their ids and timestamps. An
// item may refer to items of the same seed or already in the workspace (a
// ticket only to a conversation already there: link one of the same seed
// with the conversation's TicketID). A reference to nothing, a duplicate id or a missing or unknown value is an error naming
// the item; the items before it stay in the workspace. Messages, phone call
// redirects and data exports are read back only: Seed refuses them. A
// creation time left 0 is now, an update time left 0 the creation time.
func (s *Server) Seed(w Workspace) (Workspace, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(w.Messages)+len(w.PhoneCallRedirects)+len(w.DataExports) > 0 {
		return w, errors.New("intercomtest: seed: messages, phone_call_redirects and data_exports are read back only: the API creates them")
	}
	sd := seeder{ws: s.ws}
	steps := []func(*Workspace) error{
		sd.teams, sd.admins, sd.tags, sd.companies, sd.subscriptions, sd.contacts, sd.segmentsStep,
		sd.attributes, sd.ticketTypes, sd.tickets, sd.conversations, sd.helpCenters, sd.collections,
		sd.articles, sd.newsfeeds, sd.newsItems, sd.notes, sd.events, sd.visitors,
	}
	for _, step := range steps {
		if err := step(&w); err != nil {
			return w, fmt.Errorf("intercomtest: seed: %w", err)
		}
	}
	return w, nil
}

// Snapshot reads the whole workspace back, so a test can assert on what a
// client did.
func (s *Server) Snapshot() Workspace {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws := s.ws
	var w Workspace
	for _, a := range ws.admins {
		w.Admins = append(w.Admins, a.export())
	}
	for _, t := range ws.teams {
		w.Teams = append(w.Teams, t.export())
	}
	for _, t := range ws.tags {
		w.Tags = append(w.Tags, Tag{ID: t.id, Name: t.name})
	}
	for _, c := range ws.companies {
		w.Companies = append(w.Companies, c.export())
	}
	for _, c := range ws.contacts {
		w.Contacts = append(w.Contacts, c.export())
	}
	for _, sg := range ws.segments {
		w.Segments = append(w.Segments, Segment{ID: sg.id, Name: sg.name, PersonType: sg.personType, Role: sg.role,
			ContactIDs: slices.Clone(sg.contactIDs), CompanyIDs: slices.Clone(sg.companyIDs)})
	}
	for _, st := range ws.subscriptionTypes {
		w.SubscriptionTypes = append(w.SubscriptionTypes, SubscriptionType{ID: st.id, Name: st.name,
			Description: st.description, ConsentType: st.consentType, ContentTypes: slices.Clone(st.contentTypes)})
	}
	for _, a := range ws.dataAttributes {
		w.DataAttributes = append(w.DataAttributes, DataAttribute{ID: a.id, Model: a.model, Name: a.name,
			Description: a.description, DataType: a.dataType, Options: slices.Clone(a.options),
			Archived: a.archived, Custom: a.custom})
	}
	for _, t := range ws.ticketTypes {
		w.TicketTypes = append(w.TicketTypes, t.export())
	}
	for _, t := range ws.tickets {
		w.Tickets = append(w.Tickets, t.export())
	}
	for _, cv := range ws.conversations {
		w.Conversations = append(w.Conversations, cv.export())
	}
	for _, h := range ws.helpCenters {
		w.HelpCenters = append(w.HelpCenters, HelpCenter{ID: h.id, Identifier: h.identifier, DisplayName: h.displayName})
	}
	for _, x := range ws.collections {
		w.Collections = append(w.Collections, Collection{ID: x.id, Name: x.name, Description: x.description,
			HelpCenterID: strconv.FormatInt(x.helpCenterID, 10), ParentID: x.parentID})
	}
	for _, a := range ws.articles {
		w.Articles = append(w.Articles, a.export())
	}
	for _, f := range ws.newsfeeds {
		w.Newsfeeds = append(w.Newsfeeds, Newsfeed{ID: f.id, Name: f.name})
	}
	for _, n := range ws.newsItems {
		item := NewsItem{ID: n.id, Title: n.title, Body: n.body, SenderID: strconv.FormatInt(n.senderID, 10), State: n.state}
		for _, f := range n.feeds {
			item.NewsfeedIDs = append(item.NewsfeedIDs, strconv.FormatInt(f.newsfeedID, 10))
		}
		w.NewsItems = append(w.NewsItems, item)
	}
	for _, n := range ws.notes {
		w.Notes = append(w.Notes, Note{ID: n.id, ContactID: n.contactID, AdminID: n.adminID, Body: n.body, CreatedAt: n.createdAt})
	}
	for _, e := range ws.events {
		w.Events = append(w.Events, Event{ContactID: e.contactID, Name: e.name, Count: e.count, First: e.first,
			Last: e.last, Metadata: maps.Clone(e.metadata)})
	}
	for _, v := range ws.visitors {
		w.Visitors = append(w.Visitors, Visitor{ID: v.id, UserID: v.userID, Name: v.name, Email: v.email,
			Phone: v.phone, CustomAttributes: maps.Clone(v.custom)})
	}
	for _, m := range ws.messages {
		w.Messages = append(w.Messages, Message{ID: m.id, MessageType: m.kind, Subject: m.subject, Body: m.body,
			AdminID: m.adminID, ContactID: m.contactID, ConversationID: m.conversationID})
	}
	for _, p := range ws.phoneRedirects {
		w.PhoneCallRedirects = append(w.PhoneCallRedirects, PhoneCallRedirect{Phone: p.phone,
			CustomAttributes: maps.Clone(p.custom), CreatedAt: p.at})
	}
	for _, e := range ws.dataExports {
		w.DataExports = append(w.DataExports, DataExport{JobIdentifier: e.id, Status: e.status,
			CreatedAtAfter: e.after, CreatedAtBefore: e.before})
	}
	return w
}

func (a *admin) export() Admin {
	return Admin{ID: a.id, Name: a.name, Email: a.email, JobTitle: a.jobTitle, Away: a.away}
}

func (t *team) export() Team { return Team{ID: t.id, Name: t.name, AdminIDs: slices.Clone(t.adminIDs)} }

func (c *contact) export() Contact {
	return Contact{ID: c.id, ExternalID: c.externalID, Email: c.email, Name: c.name, Phone: c.phone, Role: c.role,
		CustomAttributes: maps.Clone(c.custom), Archived: c.archived, TagIDs: slices.Clone(c.tagIDs),
		CompanyIDs: slices.Clone(c.companyIDs), Subscriptions: maps.Clone(c.subscriptions),
		CreatedAt: c.createdAt, UpdatedAt: c.updatedAt}
}

func (c *company) export() Company {
	return Company{ID: c.id, CompanyID: c.companyID, Name: c.name, Website: c.website, Industry: c.industry,
		Plan: c.plan, Size: c.size, MonthlySpend: c.monthlySpend, CustomAttributes: maps.Clone(c.custom),
		TagIDs: slices.Clone(c.tagIDs), CreatedAt: c.createdAt, UpdatedAt: c.updatedAt}
}

func (t *ticketType) export() TicketType {
	out := TicketType{ID: t.id, Name: t.name, Description: t.description, Category: t.category, Archived: t.archived}
	for _, a := range t.attributes {
		out.Attributes = append(out.Attributes, TicketTypeAttribute{ID: a.id, Name: a.name, Description: a.description,
			DataType: a.dataType, ListItems: a.listItems, RequiredToCreate: a.requiredToCreate})
	}
	return out
}

func exportParts(parts []*part) []Part {
	var out []Part
	for _, p := range parts {
		out = append(out, Part{ID: p.id, Type: p.partType, Body: p.body, AuthorType: p.author.kind,
			AuthorID: p.author.id, Redacted: p.redacted, CreatedAt: p.createdAt})
	}
	return out
}

func (t *ticket) export() Ticket {
	return Ticket{ID: t.id, TicketID: t.ticketID, TicketTypeID: t.typeID, ContactIDs: slices.Clone(t.contactIDs),
		State: t.state, Attributes: maps.Clone(t.attributes), AdminAssigneeID: t.adminAssignee,
		TeamAssigneeID: t.teamAssignee, TagIDs: tagIDs(t.tags), ConversationID: t.conversationID,
		Parts: exportParts(t.parts), CreatedAt: t.createdAt, UpdatedAt: t.updatedAt}
}

func (cv *conversation) export() Conversation {
	out := Conversation{ID: cv.id, ContactIDs: slices.Clone(cv.contactIDs), Subject: cv.subject, Body: cv.body,
		State: cv.state, Read: cv.read, AdminAssigneeID: cv.adminAssignee, TeamAssigneeID: cv.teamAssignee,
		TagIDs: tagIDs(cv.tags), CustomAttributes: maps.Clone(cv.custom), TicketID: cv.ticketID,
		Parts: exportParts(cv.parts), CreatedAt: cv.createdAt, UpdatedAt: cv.updatedAt}
	if cv.author.kind == "admin" {
		out.AdminID = cv.author.id
	}
	return out
}

func (a *article) export() Article {
	out := Article{ID: a.id, Title: a.title, Description: a.description, Body: a.body,
		AuthorID: strconv.FormatInt(a.authorID, 10), State: a.state, CreatedAt: a.createdAt, UpdatedAt: a.updatedAt}
	if a.parentID != 0 {
		out.CollectionID = strconv.FormatInt(a.parentID, 10)
	}
	return out
}

// seeder applies a Workspace to the workspace.
type seeder struct{ ws *workspace }

// id returns the given id, unless already taken, or the next of kind.
func (sd seeder) id(kind, given string, taken bool) (string, error) {
	if given == "" {
		return sd.ws.nextID(kind), nil
	}
	if taken {
		return "", fmt.Errorf("%s id %q is already in the workspace", strings.ReplaceAll(kind, "_", " "), given)
	}
	return given, nil
}

// stamps are a seeded item's creation and update times: those given, else
// now and the creation time.
func (ws *workspace) stamps(created, updated int64) (int64, int64) {
	if created == 0 {
		created = ws.unix()
	}
	if updated == 0 {
		updated = created
	}
	return created, updated
}

func missing(kind string, i int, what string) error {
	return fmt.Errorf("%s %d: %s is required", kind, i, what)
}

// oneOf checks that a seeded item's value is one of those allowed.
func oneOf(kind string, i int, field, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return fmt.Errorf("%s %d: %s must be one of %s, got %q", kind, i, field, strings.Join(allowed, ", "), value)
}

func unknown(kind string, i int, what, id string) error {
	return fmt.Errorf("%s %d: no %s with id %q", kind, i, what, id)
}

func (sd seeder) teams(w *Workspace) error {
	for i := range w.Teams {
		t := &w.Teams[i]
		if t.Name == "" {
			return missing("team", i, "name")
		}
		id, err := sd.id("team", t.ID, sd.ws.team(t.ID) != nil)
		if err != nil {
			return err
		}
		sd.ws.teams = append(sd.ws.teams, &team{id: id, name: t.Name})
		t.ID = id
	}
	return nil
}

func (sd seeder) admins(w *Workspace) error {
	for i := range w.Admins {
		a := &w.Admins[i]
		if a.Name == "" || a.Email == "" {
			return missing("admin", i, "name and email")
		}
		id, err := sd.id("admin", a.ID, sd.ws.admin(a.ID) != nil)
		if err != nil {
			return err
		}
		ad := &admin{id: id, name: a.Name, email: a.Email, jobTitle: a.JobTitle, away: a.Away}
		sd.ws.admins = append(sd.ws.admins, ad)
		*a = ad.export()
	}
	for i := range w.Teams {
		for _, aid := range w.Teams[i].AdminIDs {
			a, t := sd.ws.admin(aid), sd.ws.team(w.Teams[i].ID)
			if a == nil {
				return unknown("team", i, "admin", aid)
			}
			if !slices.Contains(t.adminIDs, aid) {
				t.adminIDs = append(t.adminIDs, aid)
				a.teamIDs = append(a.teamIDs, t.id)
			}
		}
		w.Teams[i] = sd.ws.team(w.Teams[i].ID).export()
	}
	return nil
}

func (sd seeder) tags(w *Workspace) error {
	for i := range w.Tags {
		t := &w.Tags[i]
		if t.Name == "" {
			return missing("tag", i, "name")
		}
		id, err := sd.id("tag", t.ID, sd.ws.tag(t.ID) != nil)
		if err != nil {
			return err
		}
		sd.ws.tags = append(sd.ws.tags, &tag{id: id, name: t.Name})
		t.ID = id
	}
	return nil
}

func (sd seeder) checkTags(kind string, i int, ids []string) error {
	for _, id := range ids {
		if sd.ws.tag(id) == nil {
			return unknown(kind, i, "tag", id)
		}
	}
	return nil
}

func (sd seeder) companies(w *Workspace) error {
	for i := range w.Companies {
		c := &w.Companies[i]
		if c.Name == "" && c.CompanyID == "" {
			return missing("company", i, "name or company_id")
		}
		if err := sd.checkTags("company", i, c.TagIDs); err != nil {
			return err
		}
		id, err := sd.id("company", c.ID, sd.ws.company(c.ID) != nil)
		if err != nil {
			return err
		}
		created, updated := sd.ws.stamps(c.CreatedAt, c.UpdatedAt)
		co := &company{id: id, companyID: c.CompanyID, name: c.Name, website: c.Website, industry: c.Industry,
			plan: c.Plan, size: c.Size, monthlySpend: c.MonthlySpend, custom: normalizeMap(c.CustomAttributes),
			tagIDs: slices.Clone(c.TagIDs), createdAt: created, updatedAt: updated}
		sd.ws.companies = append(sd.ws.companies, co)
		*c = co.export()
	}
	return nil
}

func normalizeMap(m map[string]any) map[string]any {
	if len(m) == 0 {
		return nil
	}
	out, _ := normalize(m).(map[string]any)
	return out
}

func (sd seeder) contacts(w *Workspace) error {
	for i := range w.Contacts {
		c := &w.Contacts[i]
		role := strings.ToLower(c.Role)
		if role == "" {
			role = "user"
		}
		if role != "user" && role != "lead" {
			return fmt.Errorf("contact %d: role must be user or lead, got %q", i, c.Role)
		}
		if c.Email != "" && !validEmail(c.Email) {
			return fmt.Errorf("contact %d: %q is not an email address", i, c.Email)
		}
		if err := sd.checkTags("contact", i, c.TagIDs); err != nil {
			return err
		}
		for _, id := range c.CompanyIDs {
			if sd.ws.company(id) == nil {
				return unknown("contact", i, "company", id)
			}
		}
		for id, consent := range c.Subscriptions {
			if consent != "opt_in" && consent != "opt_out" {
				return fmt.Errorf("contact %d: subscription %s: consent must be opt_in or opt_out", i, id)
			}
			if sd.ws.subscriptionType(id) == nil {
				return unknown("contact", i, "subscription type", id)
			}
		}
		id, err := sd.id("contact", c.ID, sd.ws.contact(c.ID) != nil)
		if err != nil {
			return err
		}
		created, updated := sd.ws.stamps(c.CreatedAt, c.UpdatedAt)
		ct := &contact{id: id, externalID: c.ExternalID, email: c.Email, name: c.Name, phone: c.Phone, role: role,
			custom: normalizeMap(c.CustomAttributes), archived: c.Archived, tagIDs: slices.Clone(c.TagIDs),
			companyIDs: slices.Clone(c.CompanyIDs), subscriptions: maps.Clone(c.Subscriptions),
			createdAt: created, updatedAt: updated}
		sd.ws.contacts = append(sd.ws.contacts, ct)
		*c = ct.export()
	}
	return nil
}

func (sd seeder) segmentsStep(w *Workspace) error {
	for i := range w.Segments {
		sg := &w.Segments[i]
		if sg.Name == "" {
			return missing("segment", i, "name")
		}
		for _, id := range sg.ContactIDs {
			if sd.ws.contact(id) == nil {
				return unknown("segment", i, "contact", id)
			}
		}
		for _, id := range sg.CompanyIDs {
			if sd.ws.company(id) == nil {
				return unknown("segment", i, "company", id)
			}
		}
		id, err := sd.id("segment", sg.ID, sd.ws.segment(sg.ID) != nil)
		if err != nil {
			return err
		}
		if sg.PersonType == "" {
			sg.PersonType = "user"
		}
		if err := oneOf("segment", i, "person_type", sg.PersonType, "user", "contact"); err != nil {
			return err
		}
		now := sd.ws.unix()
		sd.ws.segments = append(sd.ws.segments, &segment{id: id, name: sg.Name, personType: sg.PersonType,
			role: sg.Role, contactIDs: slices.Clone(sg.ContactIDs), companyIDs: slices.Clone(sg.CompanyIDs),
			createdAt: now, updatedAt: now})
		sg.ID = id
	}
	return nil
}

func (sd seeder) subscriptions(w *Workspace) error {
	for i := range w.SubscriptionTypes {
		st := &w.SubscriptionTypes[i]
		if st.Name == "" {
			return missing("subscription type", i, "name")
		}
		if st.ConsentType != "opt_in" && st.ConsentType != "opt_out" {
			return fmt.Errorf("subscription type %d: consent_type must be opt_in or opt_out", i)
		}
		id, err := sd.id("subscription_type", st.ID, sd.ws.subscriptionType(st.ID) != nil)
		if err != nil {
			return err
		}
		if len(st.ContentTypes) == 0 {
			st.ContentTypes = []string{"email"}
		}
		for _, ct := range st.ContentTypes {
			if err := oneOf("subscription type", i, "a content type", ct, "email", "sms_message"); err != nil {
				return err
			}
		}
		sd.ws.subscriptionTypes = append(sd.ws.subscriptionTypes, &subscriptionType{id: id, name: st.Name,
			description: st.Description, consentType: st.ConsentType, state: "live", contentTypes: slices.Clone(st.ContentTypes)})
		st.ID = id
	}
	return nil
}

func (sd seeder) attributes(w *Workspace) error {
	for i := range w.DataAttributes {
		a := &w.DataAttributes[i]
		if a.Name == "" || (a.Model != "contact" && a.Model != "company") || !slices.Contains(attributeTypes, a.DataType) {
			return fmt.Errorf("data attribute %d: name, model (contact or company) and data_type (%s) are required",
				i, strings.Join(attributeTypes, ", "))
		}
		if sd.ws.dataAttributeNamed(a.Model, a.Name) != nil {
			return fmt.Errorf("data attribute %d: the %s model already has an attribute named %q", i, a.Model, a.Name)
		}
		a.DataType = attributeType(a.DataType)
		if a.ID == 0 {
			a.ID, _ = strconv.ParseInt(sd.ws.nextID("data_attribute"), 10, 64)
		} else if sd.ws.dataAttribute(strconv.FormatInt(a.ID, 10)) != nil {
			return fmt.Errorf("data attribute id %d is already in the workspace", a.ID)
		}
		now := sd.ws.unix()
		sd.ws.dataAttributes = append(sd.ws.dataAttributes, &dataAttribute{id: a.ID, model: a.Model, name: a.Name,
			label: a.Name, description: a.Description, dataType: a.DataType, options: slices.Clone(a.Options),
			custom: true, archived: a.Archived, apiWritable: true, uiWritable: true, adminID: sd.ws.me.id,
			createdAt: now, updatedAt: now})
		a.Custom = true
	}
	return nil
}

func (sd seeder) ticketTypes(w *Workspace) error {
	for i := range w.TicketTypes {
		tt := &w.TicketTypes[i]
		if tt.Name == "" {
			return missing("ticket type", i, "name")
		}
		if tt.ID != "" && sd.ws.ticketType(tt.ID) != nil {
			return fmt.Errorf("ticket type id %q is already in the workspace", tt.ID)
		}
		if tt.Category != "" {
			if err := oneOf("ticket type", i, "category", tt.Category, ticketCategories...); err != nil {
				return err
			}
		}
		for _, a := range tt.Attributes {
			if a.Name == "" || !slices.Contains(ticketAttributeTypes, a.DataType) {
				return fmt.Errorf("ticket type %d: an attribute needs a name and a data_type (%s)", i, strings.Join(ticketAttributeTypes, ", "))
			}
		}
		t := sd.ws.newTicketType(tt.Name, tt.Description, tt.Category, "")
		if tt.ID != "" {
			t.id = tt.ID
		}
		t.archived = tt.Archived
		for _, a := range tt.Attributes {
			t.attributes = append(t.attributes, &ticketTypeAttribute{id: sd.ws.nextID("attribute"), name: a.Name,
				description: a.Description, dataType: a.DataType, listItems: a.ListItems,
				requiredToCreate: a.RequiredToCreate, visibleOnCreate: true, visibleToContacts: true,
				order: len(t.attributes), createdAt: t.createdAt, updatedAt: t.createdAt})
		}
		*tt = t.export()
	}
	return nil
}

// ticketCategories and ticketAttributeTypes are what a seeded ticket type
// may name.
var (
	ticketCategories     = []string{"Customer", "Back-office", "Tracker"}
	ticketAttributeTypes = []string{"string", "list", "integer", "decimal", "boolean", "datetime", "files"}
)

func (sd seeder) checkContacts(kind string, i int, ids []string) error {
	if len(ids) == 0 {
		return missing(kind, i, "a contact")
	}
	for _, id := range ids {
		if sd.ws.contact(id) == nil {
			return unknown(kind, i, "contact", id)
		}
	}
	return nil
}

func (sd seeder) checkAssignees(kind string, i int, adminID, teamID string) error {
	if adminID != "" && sd.ws.admin(adminID) == nil {
		return unknown(kind, i, "admin", adminID)
	}
	if teamID != "" && sd.ws.team(teamID) == nil {
		return unknown(kind, i, "team", teamID)
	}
	return nil
}

// seedParts turns seeded parts into parts, checking their authors.
func (sd seeder) seedParts(kind string, i int, in []Part) ([]*part, error) {
	var out []*part
	for _, p := range in {
		var who author
		switch p.AuthorType {
		case "admin":
			a := sd.ws.admin(p.AuthorID)
			if a == nil {
				return nil, unknown(kind, i, "admin", p.AuthorID)
			}
			who = sd.ws.adminAuthor(a)
		case "user", "lead":
			c := sd.ws.contact(p.AuthorID)
			if c == nil {
				return nil, unknown(kind, i, "contact", p.AuthorID)
			}
			who = sd.ws.userAuthor(c)
		default:
			return nil, fmt.Errorf("%s %d: a part's author_type must be admin, user or lead", kind, i)
		}
		if p.Type == "" {
			p.Type = "comment"
		}
		at := p.CreatedAt
		if at == 0 {
			at = sd.ws.unix()
		}
		out = append(out, &part{id: sd.ws.nextID("part"), partType: p.Type, body: p.Body, author: who, createdAt: at,
			redacted: p.Redacted})
	}
	return out, nil
}

func (sd seeder) tickets(w *Workspace) error {
	for i := range w.Tickets {
		t := &w.Tickets[i]
		tt := sd.ws.ticketType(t.TicketTypeID)
		if tt == nil {
			return unknown("ticket", i, "ticket type", t.TicketTypeID)
		}
		if err := sd.checkContacts("ticket", i, t.ContactIDs); err != nil {
			return err
		}
		if err := sd.checkAssignees("ticket", i, t.AdminAssigneeID, t.TeamAssigneeID); err != nil {
			return err
		}
		if err := sd.checkTags("ticket", i, t.TagIDs); err != nil {
			return err
		}
		state := t.State
		if state == "" {
			state = "submitted"
		}
		if _, known := stateLabels[state]; !known {
			return fmt.Errorf("ticket %d: unknown state %q", i, t.State)
		}
		parts, err := sd.seedParts("ticket", i, t.Parts)
		if err != nil {
			return err
		}
		if t.ID != "" && sd.ws.ticket(t.ID) != nil {
			return fmt.Errorf("ticket id %q is already in the workspace", t.ID)
		}
		var cv *conversation
		if t.ConversationID != "" {
			if cv = sd.ws.conversation(t.ConversationID); cv == nil {
				return fmt.Errorf("ticket %d: no conversation with id %q (to link one of the same seed, set its ticket_id)", i, t.ConversationID)
			}
			if cv.ticketID != "" {
				return fmt.Errorf("ticket %d: conversation %s is already ticket %s", i, cv.id, cv.ticketID)
			}
		}
		created, updated := sd.ws.stamps(t.CreatedAt, t.UpdatedAt)
		tk := sd.ws.newTicket(tt, slices.Clone(t.ContactIDs), normalizeMap(t.Attributes), created)
		if t.ID != "" {
			tk.id = t.ID
		}
		tk.updatedAt = updated
		tk.state, tk.open = state, state != "resolved"
		tk.adminAssignee, tk.teamAssignee = t.AdminAssigneeID, t.TeamAssigneeID
		for _, p := range parts {
			p.state = state
		}
		tk.parts = parts
		for _, id := range t.TagIDs {
			tk.tags = addTag(tk.tags, tagging{tagID: id, adminID: sd.ws.me.id, at: tk.createdAt})
		}
		if cv != nil {
			tk.conversationID, cv.ticketID = cv.id, tk.id
		}
		*t = tk.export()
	}
	return nil
}

func (sd seeder) conversations(w *Workspace) error {
	for i := range w.Conversations {
		c := &w.Conversations[i]
		if err := sd.checkContacts("conversation", i, c.ContactIDs); err != nil {
			return err
		}
		if err := sd.checkAssignees("conversation", i, c.AdminAssigneeID, c.TeamAssigneeID); err != nil {
			return err
		}
		if err := sd.checkTags("conversation", i, c.TagIDs); err != nil {
			return err
		}
		state := c.State
		if state == "" {
			state = "open"
		}
		if state != "open" && state != "closed" && state != "snoozed" {
			return fmt.Errorf("conversation %d: state must be open, closed or snoozed", i)
		}
		var tk *ticket
		if c.TicketID != "" {
			if tk = sd.ws.ticket(c.TicketID); tk == nil {
				return unknown("conversation", i, "ticket", c.TicketID)
			}
			if tk.conversationID != "" {
				return fmt.Errorf("conversation %d: ticket %s is already conversation %s's", i, tk.id, tk.conversationID)
			}
		}
		parts, err := sd.seedParts("conversation", i, c.Parts)
		if err != nil {
			return err
		}
		id, err := sd.id("conversation", c.ID, sd.ws.conversation(c.ID) != nil)
		if err != nil {
			return err
		}
		created, updated := sd.ws.stamps(c.CreatedAt, c.UpdatedAt)
		cv := &conversation{id: id, subject: c.Subject, body: c.Body, deliveredAs: "customer_initiated",
			author: sd.ws.userAuthor(sd.ws.contact(c.ContactIDs[0])), contactIDs: slices.Clone(c.ContactIDs),
			adminAssignee: c.AdminAssigneeID, teamAssignee: c.TeamAssigneeID, state: state, read: c.Read,
			priority: "not_priority", createdAt: created, updatedAt: updated, parts: parts, custom: normalizeMap(c.CustomAttributes)}
		if c.AdminID != "" {
			a := sd.ws.admin(c.AdminID)
			if a == nil {
				return unknown("conversation", i, "admin", c.AdminID)
			}
			cv.author, cv.deliveredAs = sd.ws.adminAuthor(a), "admin_initiated"
		} else if state == "open" {
			cv.waitingSince = created
		}
		for _, tid := range c.TagIDs {
			cv.tags = addTag(cv.tags, tagging{tagID: tid, adminID: sd.ws.me.id, at: created})
		}
		if tk != nil {
			tk.conversationID, cv.ticketID = cv.id, tk.id
		}
		sd.ws.conversations = append(sd.ws.conversations, cv)
		*c = cv.export()
	}
	return nil
}

func (sd seeder) helpCenters(w *Workspace) error {
	for i := range w.HelpCenters {
		h := &w.HelpCenters[i]
		if h.Identifier == "" {
			return missing("help center", i, "identifier")
		}
		id, err := sd.id("help_center", h.ID, sd.ws.helpCenter(h.ID) != nil)
		if err != nil {
			return err
		}
		if h.DisplayName == "" {
			h.DisplayName = h.Identifier
		}
		now := sd.ws.unix()
		sd.ws.helpCenters = append(sd.ws.helpCenters, &helpCenter{id: id, identifier: h.Identifier,
			displayName: h.DisplayName, createdAt: now, updatedAt: now})
		h.ID = id
	}
	return nil
}

func (sd seeder) collections(w *Workspace) error {
	for i := range w.Collections {
		x := &w.Collections[i]
		if x.Name == "" {
			return missing("collection", i, "name")
		}
		if x.HelpCenterID == "" {
			x.HelpCenterID = sd.ws.helpCenters[0].id
		}
		if sd.ws.helpCenter(x.HelpCenterID) == nil {
			return unknown("collection", i, "help center", x.HelpCenterID)
		}
		if x.ParentID != "" && sd.ws.collection(x.ParentID) == nil {
			return unknown("collection", i, "collection", x.ParentID)
		}
		id, err := sd.id("collection", x.ID, sd.ws.collection(x.ID) != nil)
		if err != nil {
			return err
		}
		now := sd.ws.unix()
		hc, _ := strconv.ParseInt(x.HelpCenterID, 10, 64)
		sd.ws.collections = append(sd.ws.collections, &collection{id: id, name: x.Name, description: x.Description,
			parentID: x.ParentID, helpCenterID: hc, order: len(sd.ws.collections) + 1, createdAt: now, updatedAt: now})
		x.ID = id
	}
	return nil
}

func (sd seeder) articles(w *Workspace) error {
	for i := range w.Articles {
		a := &w.Articles[i]
		if a.Title == "" {
			return missing("article", i, "title")
		}
		if a.AuthorID == "" {
			a.AuthorID = sd.ws.me.id
		}
		if sd.ws.admin(a.AuthorID) == nil {
			return unknown("article", i, "admin", a.AuthorID)
		}
		if a.CollectionID != "" && sd.ws.collection(a.CollectionID) == nil {
			return unknown("article", i, "collection", a.CollectionID)
		}
		if a.State == "" {
			a.State = "draft"
		}
		if err := oneOf("article", i, "state", a.State, "draft", "published"); err != nil {
			return err
		}
		id, err := sd.id("article", a.ID, sd.ws.article(a.ID) != nil)
		if err != nil {
			return err
		}
		created, updated := sd.ws.stamps(a.CreatedAt, a.UpdatedAt)
		ar := &article{id: id, title: a.Title, description: a.Description, body: a.Body, state: a.State,
			createdAt: created, updatedAt: updated}
		ar.authorID, _ = strconv.ParseInt(a.AuthorID, 10, 64)
		if a.CollectionID != "" {
			ar.parentID, _ = strconv.ParseInt(a.CollectionID, 10, 64)
			ar.parentType = "collection"
		}
		sd.ws.articles = append(sd.ws.articles, ar)
		*a = ar.export()
	}
	return nil
}

func (sd seeder) newsfeeds(w *Workspace) error {
	for i := range w.Newsfeeds {
		f := &w.Newsfeeds[i]
		if f.Name == "" {
			return missing("newsfeed", i, "name")
		}
		id, err := sd.id("newsfeed", f.ID, sd.ws.newsfeed(f.ID) != nil)
		if err != nil {
			return err
		}
		now := sd.ws.unix()
		sd.ws.newsfeeds = append(sd.ws.newsfeeds, &newsfeed{id: id, name: f.Name, createdAt: now, updatedAt: now})
		f.ID = id
	}
	return nil
}

func (sd seeder) newsItems(w *Workspace) error {
	for i := range w.NewsItems {
		n := &w.NewsItems[i]
		if n.Title == "" {
			return missing("news item", i, "title")
		}
		if n.SenderID == "" {
			n.SenderID = sd.ws.me.id
		}
		if sd.ws.admin(n.SenderID) == nil {
			return unknown("news item", i, "admin", n.SenderID)
		}
		if n.State == "" {
			n.State = "draft"
		}
		if err := oneOf("news item", i, "state", n.State, "draft", "live"); err != nil {
			return err
		}
		now := sd.ws.unix()
		item := &newsItem{title: n.Title, body: n.Body, state: n.State, labels: []any{}, reactions: []any{},
			createdAt: now, updatedAt: now}
		item.senderID, _ = strconv.ParseInt(n.SenderID, 10, 64)
		for _, fid := range n.NewsfeedIDs {
			if sd.ws.newsfeed(fid) == nil {
				return unknown("news item", i, "newsfeed", fid)
			}
			id, _ := strconv.ParseInt(fid, 10, 64)
			item.feeds = append(item.feeds, feedAssignment{newsfeedID: id, publishedAt: now})
		}
		id, err := sd.id("news_item", n.ID, sd.ws.newsItem(n.ID) != nil)
		if err != nil {
			return err
		}
		item.id = id
		sd.ws.newsItems = append(sd.ws.newsItems, item)
		n.ID = id
	}
	return nil
}

func (sd seeder) notes(w *Workspace) error {
	for i := range w.Notes {
		n := &w.Notes[i]
		if sd.ws.contact(n.ContactID) == nil {
			return unknown("note", i, "contact", n.ContactID)
		}
		if n.Body == "" {
			return missing("note", i, "body")
		}
		if n.AdminID == "" {
			n.AdminID = sd.ws.me.id
		}
		if sd.ws.admin(n.AdminID) == nil {
			return unknown("note", i, "admin", n.AdminID)
		}
		id, err := sd.id("note", n.ID, sd.ws.note(n.ID) != nil)
		if err != nil {
			return err
		}
		if n.CreatedAt == 0 {
			n.CreatedAt = sd.ws.unix()
		}
		sd.ws.notes = append(sd.ws.notes, &note{id: id, contactID: n.ContactID, adminID: n.AdminID, body: n.Body, createdAt: n.CreatedAt})
		n.ID = id
	}
	return nil
}

func (sd seeder) events(w *Workspace) error {
	for i := range w.Events {
		e := &w.Events[i]
		if sd.ws.contact(e.ContactID) == nil {
			return unknown("event", i, "contact", e.ContactID)
		}
		if e.Name == "" {
			return missing("event", i, "name")
		}
		e.Count, e.First, e.Last = sd.ws.eventSummary(e.Count, e.First, e.Last)
		sd.ws.recordEvent(e.ContactID, e.Name, e.Count, e.First, e.Last, normalizeMap(e.Metadata))
	}
	return nil
}

func (sd seeder) visitors(w *Workspace) error {
	for i := range w.Visitors {
		v := &w.Visitors[i]
		if v.Email != "" && !validEmail(v.Email) {
			return fmt.Errorf("visitor %d: %q is not an email address", i, v.Email)
		}
		if (v.ID != "" || v.UserID != "") && sd.ws.findVisitor(v.ID, v.UserID, "") != nil {
			return fmt.Errorf("visitor %d: id or user_id is already in the workspace", i)
		}
		vis := sd.ws.newVisitor()
		if v.ID != "" {
			vis.id = v.ID
		}
		if v.UserID != "" {
			vis.userID = v.UserID
		}
		vis.name, vis.email, vis.phone, vis.custom = v.Name, v.Email, v.Phone, normalizeMap(v.CustomAttributes)
		v.ID, v.UserID = vis.id, vis.userID
	}
	return nil
}
