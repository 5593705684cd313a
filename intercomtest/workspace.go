package intercomtest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// workspace is the in-memory state of the fake Intercom workspace. The
// server's mutex guards it.
type workspace struct {
	now func() time.Time
	// baseURL is the server's address, for the links answers carry.
	baseURL string
	// shape is how the server's description writes what versions write
	// differently.
	shape
	// describedIDs are the ids created through operations without a
	// hand-written handler, by the path template that lists them.
	describedIDs map[string]map[string]bool
	appID        string
	seq          map[string]int
	me           *admin

	admins        []*admin
	teams         []*team
	contacts      []*contact
	companies     []*company
	tags          []*tag
	ticketTypes   []*ticketType
	tickets       []*ticket
	conversations []*conversation

	articles          []*article
	collections       []*collection
	helpCenters       []*helpCenter
	newsItems         []*newsItem
	newsfeeds         []*newsfeed
	notes             []*note
	segments          []*segment
	subscriptionTypes []*subscriptionType
	dataAttributes    []*dataAttribute
	events            []*eventCount
	dataExports       []*dataExport
	messages          []*message
	visitors          []*visitor
	phoneRedirects    []*phoneRedirect
	activities        []*activity
	scrolls           map[string]int    // company scroll_param → offset
	plans             map[string]string // company plan name → id
}

type admin struct {
	id, name, email, jobTitle string
	away, reassign            bool
	teamIDs                   []string
}

type team struct {
	id, name string
	adminIDs []string
}

type contact struct {
	id, externalID, email, name, phone, role string
	// avatar is the image URL; Intercom sends it as a string.
	avatar               string
	createdAt, updatedAt int64
	archived             bool
	custom               map[string]any
	tagIDs               []string
	companyIDs           []string
	subscriptions        map[string]string // subscription type id → opt_in or opt_out
}

type company struct {
	id, companyID, name, website, industry, plan string
	size, monthlySpend                           int64
	createdAt, updatedAt, remoteCreatedAt        int64
	custom                                       map[string]any
	tagIDs                                       []string
}

type tag struct {
	id, name string
}

// tagging is a tag applied to a ticket or conversation.
type tagging struct {
	tagID, adminID string
	at             int64
}

type ticketType struct {
	id, name, description, icon, category string
	archived, internal                    bool
	createdAt, updatedAt                  int64
	attributes                            []*ticketTypeAttribute
}

type ticketTypeAttribute struct {
	id, name, description, dataType                         string
	requiredToCreate, requiredForContacts                   bool
	visibleOnCreate, visibleToContacts, isDefault, archived bool
	multiline, allowMultiple                                bool
	listItems                                               string
	order                                                   int
	createdAt, updatedAt                                    int64
}

type ticket struct {
	id, ticketID, typeID, category string
	state                          string
	open, shared                   bool
	contactIDs                     []string
	adminAssignee, teamAssignee    string
	companyID                      string
	attributes                     map[string]any
	createdAt, updatedAt           int64
	snoozedUntil                   int64
	parts                          []*part
	tags                           []tagging
	conversationID                 string // the conversation it was converted from
}

type conversation struct {
	id, title, subject, body, deliveredAs string
	author                                author
	contactIDs                            []string
	adminAssignee, teamAssignee           string
	state                                 string // open, closed, snoozed
	read                                  bool
	priority                              string
	createdAt, updatedAt                  int64
	waitingSince, snoozedUntil            int64
	parts                                 []*part
	tags                                  []tagging
	custom                                map[string]any
	sourceRedacted                        bool
	ticketID                              string // the ticket it was converted to
}

// part is a ticket part or a conversation part.
type part struct {
	id, partType, body   string
	author               author
	createdAt            int64
	state, previousState string // tickets only
	assignedTo           *author
	redacted             bool
}

// author is who wrote a part: an admin, a team, a bot or a user (contact).
type author struct {
	kind, id, name, email string
}

func newWorkspace(now func() time.Time) *workspace {
	ws := &workspace{now: now, appID: "intercomtest", seq: map[string]int{}, scrolls: map[string]int{}, plans: map[string]string{},
		describedIDs: map[string]map[string]bool{}, shape: shape{noPriority: "not_priority"}}
	team := ws.addTeam("Support")
	ws.me = ws.addAdmin("Ada Operator", "ada@example.com", team)
	ws.addAdmin("Grace Teammate", "grace@example.com", team)
	at := ws.unix()
	ws.helpCenters = append(ws.helpCenters, &helpCenter{id: ws.nextID("help_center"), identifier: "intercomtest",
		displayName: "intercomtest Help Center", createdAt: at, updatedAt: at})
	ws.newsfeeds = append(ws.newsfeeds, &newsfeed{id: ws.nextID("newsfeed"), name: "Messenger", createdAt: at, updatedAt: at})
	ws.segments = append(ws.segments,
		&segment{id: ws.nextID("segment"), name: "All users", personType: "user", role: "user", createdAt: at, updatedAt: at},
		&segment{id: ws.nextID("segment"), name: "All leads", personType: "contact", role: "lead", createdAt: at, updatedAt: at})
	ws.subscriptionTypes = append(ws.subscriptionTypes,
		&subscriptionType{id: ws.nextID("subscription_type"), name: "Newsletter", description: "News about the product",
			consentType: "opt_out", state: "live", contentTypes: []string{"email"}},
		&subscriptionType{id: ws.nextID("subscription_type"), name: "Product tips", description: "Tips by SMS",
			consentType: "opt_in", state: "live", contentTypes: []string{"sms_message"}})
	ws.addBuiltinAttributes()
	ws.logActivity(ws.me, "admin_login_success", obj{"sign_in_method": "email_password"})
	return ws
}

// nextID returns the next id of a kind: numeric strings from a base per
// kind, or 24 hexadecimal digits for contacts and companies (as Intercom).
func (ws *workspace) nextID(kind string) string {
	ws.seq[kind]++
	n := ws.seq[kind]
	switch kind {
	case "contact":
		return fmt.Sprintf("6650c0de%016x", n)
	case "company":
		return fmt.Sprintf("6650c0ab%016x", n)
	case "visitor":
		return fmt.Sprintf("6650c0ee%016x", n)
	}
	base := map[string]int{
		"admin": 9100000, "team": 8100000, "tag": 7100000, "ticket_type": 610,
		"attribute": 5100000, "ticket": 410000, "ticket_number": 0, "conversation": 310000000,
		"part": 210000000, "article": 4800000, "collection": 1700000, "help_center": 120, "news_item": 33000,
		"newsfeed": 3100, "note": 1900000, "segment": 2200000, "subscription_type": 37000,
		"data_attribute": 16000000, "message": 540000000, "activity": 6900000, "export_job": 0, "plan": 2600,
		"described": 99000000,
	}[kind]
	return strconv.Itoa(base + n)
}

func (ws *workspace) unix() int64 { return ws.now().Unix() }

func (ws *workspace) addAdmin(name, email string, teams ...*team) *admin {
	a := &admin{id: ws.nextID("admin"), name: name, email: email, jobTitle: "Support"}
	for _, t := range teams {
		a.teamIDs = append(a.teamIDs, t.id)
		t.adminIDs = append(t.adminIDs, a.id)
	}
	ws.admins = append(ws.admins, a)
	return a
}

func (ws *workspace) addTeam(name string) *team {
	t := &team{id: ws.nextID("team"), name: name}
	ws.teams = append(ws.teams, t)
	return t
}

func (ws *workspace) admin(id string) *admin {
	for _, a := range ws.admins {
		if a.id == id {
			return a
		}
	}
	return nil
}

func (ws *workspace) team(id string) *team {
	for _, t := range ws.teams {
		if t.id == id {
			return t
		}
	}
	return nil
}

func (ws *workspace) contact(id string) *contact {
	for _, c := range ws.contacts {
		if c.id == id {
			return c
		}
	}
	return nil
}

// findContact finds a contact by id, external id or email, as replies and
// ticket creation identify them.
func (ws *workspace) findContact(id, externalID, email string) *contact {
	for _, c := range ws.contacts {
		switch {
		case id != "" && c.id == id,
			externalID != "" && c.externalID == externalID,
			email != "" && strings.EqualFold(c.email, email):
			return c
		}
	}
	return nil
}

func (ws *workspace) company(id string) *company {
	for _, c := range ws.companies {
		if c.id == id {
			return c
		}
	}
	return nil
}

// companyByCompanyID finds a company by the id the workspace's own
// systems gave it (company_id).
func (ws *workspace) companyByCompanyID(cid string) *company {
	for _, c := range ws.companies {
		if cid != "" && c.companyID == cid {
			return c
		}
	}
	return nil
}

func (ws *workspace) tag(id string) *tag {
	for _, t := range ws.tags {
		if t.id == id {
			return t
		}
	}
	return nil
}

func (ws *workspace) ticketType(id string) *ticketType {
	for _, t := range ws.ticketTypes {
		if t.id == id {
			return t
		}
	}
	return nil
}

func (ws *workspace) ticket(id string) *ticket {
	for _, t := range ws.tickets {
		if t.id == id {
			return t
		}
	}
	return nil
}

func (ws *workspace) conversation(id string) *conversation {
	for _, c := range ws.conversations {
		if c.id == id {
			return c
		}
	}
	return nil
}

func (ws *workspace) adminAuthor(a *admin) author {
	return author{kind: "admin", id: a.id, name: a.name, email: a.email}
}

func (ws *workspace) userAuthor(c *contact) author {
	kind := "user"
	if c.role == "lead" {
		kind = "lead"
	}
	return author{kind: kind, id: c.id, name: c.name, email: c.email}
}

// addTag applies a tag to a list of taggings once.
func addTag(list []tagging, t tagging) []tagging {
	for _, x := range list {
		if x.tagID == t.tagID {
			return list
		}
	}
	return append(list, t)
}

func removeTag(list []tagging, tagID string) ([]tagging, bool) {
	i := slices.IndexFunc(list, func(t tagging) bool { return t.tagID == tagID })
	if i < 0 {
		return list, false
	}
	return slices.Delete(list, i, i+1), true
}

func tagIDs(list []tagging) []string {
	out := make([]string, len(list))
	for i, t := range list {
		out[i] = t.tagID
	}
	return out
}

// stateIDs are the ids of the four ticket states, for the descriptions
// (2.12 and later) where a ticket's state is an object and an update names
// one by id.
var stateIDs = map[string]string{"submitted": "1", "in_progress": "2", "waiting_on_customer": "3", "resolved": "4"}

// ticketStateJSON is a ticket's state in the form the loaded description
// declares: 2.11's category, or the state object of 2.12 and later.
func (ws *workspace) ticketStateJSON(category string) any {
	if !ws.ticketStateObject {
		return category
	}
	return obj{"type": "ticket_state", "id": stateIDs[category], "category": category,
		"internal_label": stateLabels[category], "external_label": stateLabels[category]}
}

// stateOfID is the category of the ticket state with id id, "" for none.
func stateOfID(id string) string {
	for category, sid := range stateIDs {
		if sid == id {
			return category
		}
	}
	return ""
}

// stateLabels are the labels Intercom shows for the ticket states.
var stateLabels = map[string]string{
	"submitted":           "Submitted",
	"in_progress":         "In progress",
	"waiting_on_customer": "Waiting on customer",
	"resolved":            "Resolved",
}
