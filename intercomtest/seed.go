package intercomtest

import (
	"strings"
)

// Admin is a teammate of the fake workspace; Team.AdminIDs says which teams
// it is in.
type Admin struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	JobTitle string `json:"job_title,omitempty"`
	Away     bool   `json:"away,omitempty"`
}

// Team is a team of the fake workspace.
type Team struct {
	ID       string   `json:"id,omitempty"`
	Name     string   `json:"name"`
	AdminIDs []string `json:"admin_ids,omitempty"`
}

// Contact is a contact (user or lead) of the fake workspace. Role is "user"
// (the default) or "lead".
type Contact struct {
	ID         string `json:"id,omitempty"`
	ExternalID string `json:"external_id,omitempty"`
	Email      string `json:"email,omitempty"`
	Name       string `json:"name,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Role       string `json:"role,omitempty"`
	// CustomAttributes are the contact's custom data attributes.
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	Archived         bool           `json:"archived,omitempty"`
	// TagIDs and CompanyIDs name tags and companies of the workspace.
	TagIDs     []string `json:"tag_ids,omitempty"`
	CompanyIDs []string `json:"company_ids,omitempty"`
	// Subscriptions maps subscription type ids to opt_in or opt_out.
	Subscriptions map[string]string `json:"subscriptions,omitempty"`
	CreatedAt     int64             `json:"created_at,omitempty"`
	UpdatedAt     int64             `json:"updated_at,omitempty"`
}

// Company is a company of the fake workspace. CompanyID is the id the
// workspace's own systems give it; ID is Intercom's.
type Company struct {
	ID               string         `json:"id,omitempty"`
	CompanyID        string         `json:"company_id,omitempty"`
	Name             string         `json:"name"`
	Website          string         `json:"website,omitempty"`
	Industry         string         `json:"industry,omitempty"`
	Plan             string         `json:"plan,omitempty"`
	Size             int64          `json:"size,omitempty"`
	MonthlySpend     int64          `json:"monthly_spend,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	TagIDs           []string       `json:"tag_ids,omitempty"`
	CreatedAt        int64          `json:"created_at,omitempty"`
	UpdatedAt        int64          `json:"updated_at,omitempty"`
}

// Tag is a tag of the fake workspace.
type Tag struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// TicketType is a ticket type; every one also has Intercom's default title
// and description attributes.
type TicketType struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	// Category is Customer (the default), Back-office or Tracker.
	Category   string                `json:"category,omitempty"`
	Archived   bool                  `json:"archived,omitempty"`
	Attributes []TicketTypeAttribute `json:"attributes,omitempty"`
}

// TicketTypeAttribute is an attribute of a ticket type. DataType is string,
// list, integer, decimal, boolean or datetime; ListItems are the comma
// separated choices of a list.
type TicketTypeAttribute struct {
	ID               string `json:"id,omitempty"`
	Name             string `json:"name"`
	Description      string `json:"description,omitempty"`
	DataType         string `json:"data_type"`
	ListItems        string `json:"list_items,omitempty"`
	RequiredToCreate bool   `json:"required_to_create,omitempty"`
}

// Ticket is a ticket. State is submitted (the default), in_progress,
// waiting_on_customer or resolved.
type Ticket struct {
	ID              string         `json:"id,omitempty"`
	TicketID        string         `json:"ticket_id,omitempty"`
	TicketTypeID    string         `json:"ticket_type_id"`
	ContactIDs      []string       `json:"contact_ids"`
	State           string         `json:"state,omitempty"`
	Attributes      map[string]any `json:"attributes,omitempty"`
	AdminAssigneeID string         `json:"admin_assignee_id,omitempty"`
	TeamAssigneeID  string         `json:"team_assignee_id,omitempty"`
	TagIDs          []string       `json:"tag_ids,omitempty"`
	ConversationID  string         `json:"conversation_id,omitempty"`
	Parts           []Part         `json:"parts,omitempty"`
	CreatedAt       int64          `json:"created_at,omitempty"`
	UpdatedAt       int64          `json:"updated_at,omitempty"`
}

// Conversation is a conversation started by its first contact (or, with
// AdminID, by an admin's message). State is open (the default), closed or
// snoozed.
type Conversation struct {
	ID               string         `json:"id,omitempty"`
	ContactIDs       []string       `json:"contact_ids"`
	AdminID          string         `json:"admin_id,omitempty"`
	Subject          string         `json:"subject,omitempty"`
	Body             string         `json:"body"`
	State            string         `json:"state,omitempty"`
	Read             bool           `json:"read,omitempty"`
	AdminAssigneeID  string         `json:"admin_assignee_id,omitempty"`
	TeamAssigneeID   string         `json:"team_assignee_id,omitempty"`
	TagIDs           []string       `json:"tag_ids,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	TicketID         string         `json:"ticket_id,omitempty"`
	Parts            []Part         `json:"parts,omitempty"`
	CreatedAt        int64          `json:"created_at,omitempty"`
	UpdatedAt        int64          `json:"updated_at,omitempty"`
}

// Part is a part of a conversation or ticket: a reply, note, assignment or
// state change. AuthorType is admin, team, bot, user or lead.
type Part struct {
	ID         string `json:"id,omitempty"`
	Type       string `json:"type"`
	Body       string `json:"body,omitempty"`
	AuthorType string `json:"author_type"`
	AuthorID   string `json:"author_id"`
	Redacted   bool   `json:"redacted,omitempty"`
	CreatedAt  int64  `json:"created_at,omitempty"`
}

// Article is a Help Center article. State is draft (the default) or
// published; CollectionID places it in a collection.
type Article struct {
	ID           string `json:"id,omitempty"`
	Title        string `json:"title"`
	Description  string `json:"description,omitempty"`
	Body         string `json:"body,omitempty"`
	AuthorID     string `json:"author_id,omitempty"`
	State        string `json:"state,omitempty"`
	CollectionID string `json:"collection_id,omitempty"`
	CreatedAt    int64  `json:"created_at,omitempty"`
	UpdatedAt    int64  `json:"updated_at,omitempty"`
}

// Collection is a Help Center collection.
type Collection struct {
	ID           string `json:"id,omitempty"`
	Name         string `json:"name"`
	Description  string `json:"description,omitempty"`
	HelpCenterID string `json:"help_center_id,omitempty"`
	ParentID     string `json:"parent_id,omitempty"`
}

// HelpCenter is a Help Center; a new workspace has one.
type HelpCenter struct {
	ID          string `json:"id,omitempty"`
	Identifier  string `json:"identifier"`
	DisplayName string `json:"display_name"`
}

// NewsItem is a news item. State is draft (the default) or live; it shows
// in the newsfeeds NewsfeedIDs names.
type NewsItem struct {
	ID          string   `json:"id,omitempty"`
	Title       string   `json:"title"`
	Body        string   `json:"body,omitempty"`
	SenderID    string   `json:"sender_id,omitempty"`
	State       string   `json:"state,omitempty"`
	NewsfeedIDs []string `json:"newsfeed_ids,omitempty"`
}

// Newsfeed is a newsfeed; a new workspace has one.
type Newsfeed struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name"`
}

// Note is a note on a contact.
type Note struct {
	ID        string `json:"id,omitempty"`
	ContactID string `json:"contact_id"`
	AdminID   string `json:"admin_id,omitempty"`
	Body      string `json:"body"`
	CreatedAt int64  `json:"created_at,omitempty"`
}

// Segment is a segment: every contact of Role (the built-in "All users"
// and "All leads"), or the contacts and companies listed.
type Segment struct {
	ID         string   `json:"id,omitempty"`
	Name       string   `json:"name"`
	PersonType string   `json:"person_type,omitempty"`
	Role       string   `json:"role,omitempty"`
	ContactIDs []string `json:"contact_ids,omitempty"`
	CompanyIDs []string `json:"company_ids,omitempty"`
}

// SubscriptionType is a kind of message contacts opt in to or out of.
// ConsentType is opt_in or opt_out; ContentTypes are email and/or
// sms_message.
type SubscriptionType struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name"`
	Description  string   `json:"description,omitempty"`
	ConsentType  string   `json:"consent_type"`
	ContentTypes []string `json:"content_types,omitempty"`
}

// DataAttribute is a data attribute of contacts or companies (Model).
// Seeded ones are custom; Intercom's built-in ones are always there.
type DataAttribute struct {
	ID          int64    `json:"id,omitempty"`
	Model       string   `json:"model"`
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	DataType    string   `json:"data_type"`
	Options     []string `json:"options,omitempty"`
	Archived    bool     `json:"archived,omitempty"`
	Custom      bool     `json:"custom,omitempty"`
}

// Event is how often a contact did something, and when first and last.
type Event struct {
	ContactID string         `json:"contact_id"`
	Name      string         `json:"name"`
	Count     int64          `json:"count,omitempty"`
	First     int64          `json:"first,omitempty"`
	Last      int64          `json:"last,omitempty"`
	Metadata  map[string]any `json:"metadata,omitempty"`
}

// Visitor is an anonymous visitor of the workspace's website.
type Visitor struct {
	ID               string         `json:"id,omitempty"`
	UserID           string         `json:"user_id,omitempty"`
	Name             string         `json:"name,omitempty"`
	Email            string         `json:"email,omitempty"`
	Phone            string         `json:"phone,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// Message is an outbound message an admin sent (read back only).
type Message struct {
	ID             string `json:"id"`
	MessageType    string `json:"message_type"`
	Subject        string `json:"subject,omitempty"`
	Body           string `json:"body"`
	AdminID        string `json:"admin_id"`
	ContactID      string `json:"contact_id"`
	ConversationID string `json:"conversation_id"`
}

// PhoneCallRedirect is a phone call redirected to the Messenger (read back
// only).
type PhoneCallRedirect struct {
	Phone            string         `json:"phone"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
	CreatedAt        int64          `json:"created_at"`
}

// DataExport is a content data export job (read back only).
type DataExport struct {
	JobIdentifier   string `json:"job_identifier"`
	Status          string `json:"status"`
	CreatedAtAfter  int64  `json:"created_at_after"`
	CreatedAtBefore int64  `json:"created_at_before"`
}

// Workspace is the content of a fake workspace: what Server.Seed adds and
// Server.Snapshot reads back. Its JSON form is the seed file of the
// intercom-mock command. Items refer to each other by id: leave an id empty
// to have the server give one in Intercom's form, or set it to refer to the
// item from others of the same seed.
type Workspace struct {
	Admins             []Admin             `json:"admins,omitempty"`
	Teams              []Team              `json:"teams,omitempty"`
	Tags               []Tag               `json:"tags,omitempty"`
	Companies          []Company           `json:"companies,omitempty"`
	Contacts           []Contact           `json:"contacts,omitempty"`
	Segments           []Segment           `json:"segments,omitempty"`
	SubscriptionTypes  []SubscriptionType  `json:"subscription_types,omitempty"`
	DataAttributes     []DataAttribute     `json:"data_attributes,omitempty"`
	TicketTypes        []TicketType        `json:"ticket_types,omitempty"`
	Tickets            []Ticket            `json:"tickets,omitempty"`
	Conversations      []Conversation      `json:"conversations,omitempty"`
	HelpCenters        []HelpCenter        `json:"help_centers,omitempty"`
	Collections        []Collection        `json:"collections,omitempty"`
	Articles           []Article           `json:"articles,omitempty"`
	Newsfeeds          []Newsfeed          `json:"newsfeeds,omitempty"`
	NewsItems          []NewsItem          `json:"news_items,omitempty"`
	Notes              []Note              `json:"notes,omitempty"`
	Events             []Event             `json:"events,omitempty"`
	Visitors           []Visitor           `json:"visitors,omitempty"`
	Messages           []Message           `json:"messages,omitempty"`
	PhoneCallRedirects []PhoneCallRedirect `json:"phone_call_redirects,omitempty"`
	DataExports        []DataExport        `json:"data_exports,omitempty"`
}

// Me returns the admin the token belongs to: the one GET /me identifies.
func (s *Server) Me() Admin {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ws.me.export()
}

// Admins returns the workspace's admins, the token's own first.
func (s *Server) Admins() []Admin {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Admin
	for _, a := range s.ws.admins {
		out = append(out, a.export())
	}
	return out
}

// AddAdmin adds a teammate, optionally to teams (by id), and returns it with
// its id.
func (s *Server) AddAdmin(name, email string, teamIDs ...string) Admin {
	s.mu.Lock()
	defer s.mu.Unlock()
	var teams []*team
	for _, id := range teamIDs {
		if t := s.ws.team(id); t != nil {
			teams = append(teams, t)
		}
	}
	return s.ws.addAdmin(name, email, teams...).export()
}

// AddTeam adds a team and returns it with its id.
func (s *Server) AddTeam(name string) Team {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ws.addTeam(name).export()
}

// AddContact adds a contact as if created through the API and returns it
// with its id. Use Seed to add contacts with tags, companies and the rest.
func (s *Server) AddContact(c Contact) Contact {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.Role == "" {
		c.Role = "user"
	}
	now := s.ws.unix()
	ct := &contact{id: s.ws.nextID("contact"), externalID: c.ExternalID, email: c.Email,
		name: c.Name, phone: c.Phone, role: strings.ToLower(c.Role), createdAt: now, updatedAt: now}
	if len(c.CustomAttributes) > 0 {
		ct.custom = map[string]any{}
		for k, v := range c.CustomAttributes {
			ct.custom[k] = normalize(v)
		}
	}
	s.ws.contacts = append(s.ws.contacts, ct)
	c.ID = ct.id
	return c
}

// AddTag adds a tag and returns its id.
func (s *Server) AddTag(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := &tag{id: s.ws.nextID("tag"), name: name}
	s.ws.tags = append(s.ws.tags, t)
	return t.id
}
