package facade

import (
	"time"

	"github.com/go-intercom/intercom/gen"
)

// ConversationAction is a change an admin makes to a conversation through
// Conversations.Manage: close, snooze, open or assign. Build one with
// CloseConversation, SnoozeConversation, OpenConversation or
// AssignConversation; the zero value is rejected before sending.
type ConversationAction struct {
	kind     string // close, snoozed, open, assignment
	adminID  string
	body     string
	until    time.Time
	assignee ConversationAssignee
}

// CloseConversation closes a conversation as the admin adminID, with an
// optional closing message body ("" for none).
func CloseConversation(adminID, body string) ConversationAction {
	return ConversationAction{kind: "close", adminID: adminID, body: body}
}

// SnoozeConversation snoozes a conversation as the admin adminID until the
// time until.
func SnoozeConversation(adminID string, until time.Time) ConversationAction {
	return ConversationAction{kind: "snoozed", adminID: adminID, until: until}
}

// OpenConversation reopens a closed or snoozed conversation as the admin
// adminID.
func OpenConversation(adminID string) ConversationAction {
	return ConversationAction{kind: "open", adminID: adminID}
}

// AssignConversation assigns a conversation to an admin or a team (see
// AssignToAdmin, AssignToTeam); adminID is the admin making the change, body
// an optional message ("" for none).
func AssignConversation(adminID string, to ConversationAssignee, body string) ConversationAction {
	return ConversationAction{kind: "assignment", adminID: adminID, assignee: to, body: body}
}

// ConversationAssignee is the admin or team a conversation is assigned to.
type ConversationAssignee struct {
	kind string // admin or team
	id   string
}

// AssignToAdmin names the admin id as assignee ("0" to unassign).
func AssignToAdmin(id string) ConversationAssignee {
	return ConversationAssignee{kind: "admin", id: id}
}

// AssignToTeam names the team id as assignee.
func AssignToTeam(id string) ConversationAssignee { return ConversationAssignee{kind: "team", id: id} }

// MessageType returns the action's message_type: close, snoozed, open or
// assignment ("" for the zero value).
func (a ConversationAction) MessageType() string { return a.kind }

// Validate checks the action as it would be sent.
func (a ConversationAction) Validate() error {
	if a.kind == "" {
		return invalid("message_type", "no action: use CloseConversation, SnoozeConversation, OpenConversation or AssignConversation")
	}
	if err := required("admin_id", a.adminID); err != nil {
		return err
	}
	switch a.kind {
	case "snoozed":
		if _, err := unixTimestamp("snoozed_until", a.until); err != nil {
			return err
		}
	case "assignment":
		if a.assignee.kind == "" {
			return invalid("type", "no assignee: use AssignToAdmin or AssignToTeam")
		}
		if err := required("assignee_id", a.assignee.id); err != nil {
			return err
		}
	}
	return nil
}

// ManageRequest validates a and builds exactly one variant of gen's
// manage_conversation_request.
func (a ConversationAction) ManageRequest() (ManageConversationRequest, error) {
	var out gen.ManageConversationRequest
	if err := a.Validate(); err != nil {
		return out, err
	}
	var err error
	switch a.kind {
	case "close":
		err = out.FromCloseConversationRequest(gen.CloseConversationRequest{
			Type: gen.CloseConversationRequestTypeAdmin, MessageType: gen.CloseConversationRequestMessageType("close"), AdminId: a.adminID, Body: stringOrNil(a.body),
		})
	case "snoozed":
		until, _ := unixTimestamp("snoozed_until", a.until) // checked by Validate
		err = out.FromSnoozeConversationRequest(gen.SnoozeConversationRequest{
			MessageType: gen.SnoozeConversationRequestMessageTypeSnoozed, AdminId: a.adminID, SnoozedUntil: int(until),
		})
	case "open":
		err = out.FromOpenConversationRequest(gen.OpenConversationRequest{
			MessageType: gen.OpenConversationRequestMessageTypeOpen, AdminId: a.adminID,
		})
	case "assignment":
		err = out.FromAssignConversationRequest(gen.AssignConversationRequest{
			Type: gen.AssignConversationRequestType(a.assignee.kind), MessageType: gen.AssignConversationRequestMessageType("assignment"),
			AdminId: a.adminID, AssigneeId: a.assignee.id, Body: stringOrNil(a.body),
		})
	}
	return out, err
}
