package facade

import "testing"

func TestTicketStateTable(t *testing.T) {
	cases := []struct {
		in        string
		valid     bool
		updatable bool
	}{
		{"submitted", true, false},
		{"in_progress", true, true},
		{"waiting_on_customer", true, true},
		{"resolved", true, true},
		{"", false, false},
		{"Resolved", false, false},
		{"closed", false, false},
		{"waiting on customer", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			st, err := ParseTicketState(tc.in)
			if tc.valid != (err == nil) {
				t.Fatalf("ParseTicketState(%q) err = %v", tc.in, err)
			}
			if err != nil {
				tkInputError(t, err, "ticket_state")
			} else if st.String() != tc.in {
				t.Errorf("String = %q", st)
			}
			if TicketState(tc.in).Valid() != tc.valid {
				t.Errorf("Valid = %v", !tc.valid)
			}
			err = validUpdateState(TicketState(tc.in))
			if tc.updatable != (err == nil) {
				t.Errorf("validUpdateState(%q) = %v", tc.in, err)
			}
			if err != nil {
				tkInputError(t, err, "state")
			}
		})
	}
	if len(TicketStates()) != 4 {
		t.Errorf("TicketStates = %v", TicketStates())
	}
}

func TestTicketCategoryTable(t *testing.T) {
	cases := []struct {
		in    string
		valid bool
	}{
		{"Customer", true}, {"Back-office", true}, {"Tracker", true},
		{"customer", false}, {"Back-Office", false}, {"back_office", false}, {"", false}, {"Partner", false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			c, err := ParseTicketCategory(tc.in)
			if tc.valid != (err == nil) || TicketCategory(tc.in).Valid() != tc.valid {
				t.Fatalf("ParseTicketCategory(%q) = %q, %v", tc.in, c, err)
			}
			if err != nil {
				tkInputError(t, err, "category")
			} else if c.String() != tc.in {
				t.Errorf("String = %q", c)
			}
		})
	}
	if len(TicketCategories()) != 3 {
		t.Errorf("TicketCategories = %v", TicketCategories())
	}
}

func TestTicketTypeAttributeDataTypeTable(t *testing.T) {
	for _, s := range []string{"string", "list", "integer", "decimal", "boolean", "datetime", "files"} {
		d, err := ParseTicketTypeAttributeDataType(s)
		if err != nil || !d.Valid() || d.String() != s {
			t.Errorf("%q: %q, %v", s, d, err)
		}
	}
	for _, s := range []string{"", "String", "number", "date", "file", "bool"} {
		_, err := ParseTicketTypeAttributeDataType(s)
		tkInputError(t, err, "data_type")
		if TicketTypeAttributeDataType(s).Valid() {
			t.Errorf("%q valid", s)
		}
	}
	if len(TicketTypeAttributeDataTypes()) != 7 {
		t.Errorf("data types = %v", TicketTypeAttributeDataTypes())
	}
}

func TestReplyMessageTypeTable(t *testing.T) {
	for _, s := range []string{"comment", "note", "quick_reply"} {
		m, err := ParseReplyMessageType(s)
		if err != nil || !m.Valid() || m.String() != s {
			t.Errorf("%q: %q, %v", s, m, err)
		}
	}
	for _, s := range []string{"", "Comment", "quick-reply", "assignment", "close"} {
		_, err := ParseReplyMessageType(s)
		tkInputError(t, err, "message_type")
	}
}

func TestPartAuthorTypeTable(t *testing.T) {
	cases := []struct {
		in                            string
		admin, bot, team, contact, ok bool
	}{
		{"admin", true, false, false, false, true},
		{"bot", false, true, false, false, true},
		{"team", false, false, true, false, true},
		{"user", false, false, false, true, true},
		{"lead", false, false, false, true, true},
		{"contact", false, false, false, true, true},
		{"robot", false, false, false, false, false},
		{"", false, false, false, false, false},
	}
	for _, tc := range cases {
		a := PartAuthorType(tc.in)
		if a.IsAdmin() != tc.admin || a.IsBot() != tc.bot || a.IsTeam() != tc.team || a.IsContact() != tc.contact || a.Valid() != tc.ok {
			t.Errorf("%q: admin=%v bot=%v team=%v contact=%v valid=%v", tc.in, a.IsAdmin(), a.IsBot(), a.IsTeam(), a.IsContact(), a.Valid())
		}
		if _, err := ParsePartAuthorType(tc.in); (err == nil) != tc.ok {
			t.Errorf("Parse %q: %v", tc.in, err)
		}
	}
	if AuthorTypeOf(TicketPartAuthor{Type: "team"}) != AuthorTeam || AuthorTypeOf(ConversationPartAuthor{Type: "user"}).String() != "user" {
		t.Error("AuthorTypeOf")
	}
}
