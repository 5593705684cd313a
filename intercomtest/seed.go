package intercomtest

import "strings"

// Admin is a teammate of the fake workspace.
type Admin struct {
	ID, Name, Email string
}

// Contact is a contact (user or lead) of the fake workspace. Role is "user"
// (the default) or "lead".
type Contact struct {
	ID, ExternalID, Email, Name, Phone, Role string
	// CustomAttributes are the contact's custom data attributes.
	CustomAttributes map[string]any
}

// Team is a team of the fake workspace.
type Team struct {
	ID, Name string
}

// Me returns the admin the token belongs to: the one GET /me identifies.
func (s *Server) Me() Admin {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Admin{ID: s.ws.me.id, Name: s.ws.me.name, Email: s.ws.me.email}
}

// Admins returns the workspace's admins, the token's own first.
func (s *Server) Admins() []Admin {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Admin
	for _, a := range s.ws.admins {
		out = append(out, Admin{ID: a.id, Name: a.name, Email: a.email})
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
	a := s.ws.addAdmin(name, email, teams...)
	return Admin{ID: a.id, Name: a.name, Email: a.email}
}

// AddTeam adds a team and returns it with its id.
func (s *Server) AddTeam(name string) Team {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.ws.addTeam(name)
	return Team{ID: t.id, Name: t.name}
}

// AddContact adds a contact as if created through the API and returns it
// with its id.
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
