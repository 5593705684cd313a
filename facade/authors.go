package facade

import "slices"

// PartAuthorType is the type of the author of a ticket or conversation
// part: admin, bot, team, or a contact (user, lead, contact). Read it with
// AuthorTypeOf. A value this version does not know is kept as it came; Valid
// reports false for it.
type PartAuthorType string

// The author types of Intercom 2.11.
const (
	AuthorAdmin   PartAuthorType = "admin"
	AuthorBot     PartAuthorType = "bot"
	AuthorTeam    PartAuthorType = "team"
	AuthorUser    PartAuthorType = "user"
	AuthorLead    PartAuthorType = "lead"
	AuthorContact PartAuthorType = "contact"
)

var partAuthorTypes = []PartAuthorType{AuthorAdmin, AuthorBot, AuthorTeam, AuthorUser, AuthorLead, AuthorContact}

// ParsePartAuthorType returns the PartAuthorType named s, or an *InputError
// naming the field author.type and the allowed values.
func ParsePartAuthorType(s string) (PartAuthorType, error) {
	return parseEnum("author.type", s, partAuthorTypes)
}

// AuthorTypeOf reads the type of a ticket or conversation part author.
func AuthorTypeOf[A TicketPartAuthor | ConversationPartAuthor](a A) PartAuthorType {
	switch v := any(a).(type) {
	case TicketPartAuthor:
		return PartAuthorType(v.GetType())
	case ConversationPartAuthor:
		return PartAuthorType(v.GetType())
	}
	return ""
}

// Valid reports whether a is one of the author types of this version.
func (a PartAuthorType) Valid() bool { return slices.Contains(partAuthorTypes, a) }

// IsAdmin reports whether the author is a teammate.
func (a PartAuthorType) IsAdmin() bool { return a == AuthorAdmin }

// IsBot reports whether the author is a bot (Fin, workflows).
func (a PartAuthorType) IsBot() bool { return a == AuthorBot }

// IsTeam reports whether the author is a team.
func (a PartAuthorType) IsTeam() bool { return a == AuthorTeam }

// IsContact reports whether the author is a customer: a user, a lead or a
// contact.
func (a PartAuthorType) IsContact() bool {
	return a == AuthorUser || a == AuthorLead || a == AuthorContact
}

// String returns the type as the API spells it.
func (a PartAuthorType) String() string { return string(a) }

// ReplyMessageTypeOf reads the part_type of the part a ticket reply created:
// comment, note or quick_reply (Valid is false for anything else).
func ReplyMessageTypeOf(r *TicketReply) ReplyMessageType { return ReplyMessageType(r.GetPartType()) }
