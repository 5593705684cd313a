package facade

import (
	"context"
	"iter"
	"net/http"
	"strconv"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// AdminsService groups the operations on admins: the teammates of the workspace and their away status.
type AdminsService service

// Admin is a teammate of the workspace.
type Admin = gen.Admin

// AdminWithApp is the admin the access token belongs to, with its workspace.
type AdminWithApp = gen.AdminWithApp

// AdminList is the list of the workspace's admins.
type AdminList = gen.AdminList

// ActivityLog is one entry of the workspace's audit trail.
type ActivityLog = gen.ActivityLog

// ActivityLogList is a page of activity log entries.
type ActivityLogList = gen.ActivityLogList

// AwayMode is an admin's away status, as set by AdminsService.Away. It
// combines the API's away_mode_enabled and away_mode_reassign flags so that
// only meaningful pairs can be sent: reassigning replies needs the admin away.
type AwayMode int

// The away modes an admin can be set to.
const (
	// AwayModeOff marks the admin as available.
	AwayModeOff AwayMode = iota + 1
	// AwayModeOn marks the admin as away; new replies stay assigned to them.
	AwayModeOn
	// AwayModeOnReassign marks the admin as away and reassigns new
	// conversation replies to the default inbox.
	AwayModeOnReassign
)

// flags returns the API's away_mode_enabled and away_mode_reassign for m.
func (m AwayMode) flags() (enabled, reassign bool, err error) {
	switch m {
	case AwayModeOff:
		return false, false, nil
	case AwayModeOn:
		return true, false, nil
	case AwayModeOnReassign:
		return true, true, nil
	}
	return false, false, invalid("away_mode_enabled", "unknown away mode %d: use AwayModeOff, AwayModeOn or AwayModeOnReassign", int(m))
}

// Identify returns the admin the access token belongs to, and its workspace.
//
// Calls identifyAdmin: GET /me.
func (s *AdminsService) Identify(ctx context.Context) (*AdminWithApp, *Response, error) {
	return decode[AdminWithApp](s.client.raw.IdentifyAdmin(ctx, nil))
}

// Away sets an admin's away status.
//
// Calls setAwayAdmin: PUT /admins/{admin_id}/away.
func (s *AdminsService) Away(ctx context.Context, adminID string, mode AwayMode) (*Admin, *Response, error) {
	if err := required("admin_id", adminID); err != nil {
		return nil, nil, err
	}
	enabled, reassign, err := mode.flags()
	if err != nil {
		return nil, nil, err
	}
	body := gen.SetAwayAdminJSONRequestBody{AwayModeEnabled: enabled, AwayModeReassign: reassign}
	return decode[Admin](s.client.raw.SetAwayAdmin(ctx, adminID, nil, body))
}

// ListActivityLogsOptions narrows AdminsService.ListAllActivityLogs.
type ListActivityLogsOptions struct {
	// CreatedAtBefore, when set, keeps only entries created before it.
	CreatedAtBefore time.Time
}

// ListAllActivityLogs returns the first page of the workspace's activity
// log entries created after createdAtAfter. Use ListAllActivityLogsIter to
// walk every page.
//
// Calls listActivityLogs: GET /admins/activity_logs.
func (s *AdminsService) ListAllActivityLogs(ctx context.Context, createdAtAfter time.Time, opts *ListActivityLogsOptions) (*ActivityLogList, *Response, error) {
	params, err := activityLogParams(createdAtAfter, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[ActivityLogList](s.client.raw.ListActivityLogs(ctx, params))
}

// ListAllActivityLogsIter returns an iterator over the workspace's activity
// log entries created after createdAtAfter, page after page. The request
// takes no paging parameter: each next page is the one the response's
// pages names (see linkPages).
//
// Each page is one GET /admins/activity_logs (listActivityLogs).
func (s *AdminsService) ListAllActivityLogsIter(ctx context.Context, createdAtAfter time.Time, opts *ListActivityLogsOptions) iter.Seq2[ActivityLog, error] {
	params, err := activityLogParams(createdAtAfter, opts)
	var first *http.Request
	if err == nil {
		first, err = gen.NewListActivityLogsRequest(s.client.raw.Server, params)
	}
	return linkPages(ctx, s.client, first, err, func(l *ActivityLogList) ([]ActivityLog, nextPage) {
		return l.ActivityLogs, nextOfCursorPages(l.Pages)
	})
}

// activityLogParams checks the options of listActivityLogs and builds its
// parameters.
func activityLogParams(createdAtAfter time.Time, opts *ListActivityLogsOptions) (*gen.ListActivityLogsParams, error) {
	after, err := unixTimestamp("created_at_after", createdAtAfter)
	if err != nil {
		return nil, err
	}
	params := &gen.ListActivityLogsParams{CreatedAtAfter: strconv.FormatInt(after, 10)}
	if opts != nil && !opts.CreatedAtBefore.IsZero() {
		before, err := unixTimestamp("created_at_before", opts.CreatedAtBefore)
		if err != nil {
			return nil, err
		}
		if before <= after {
			return nil, invalid("created_at_before", "must be later than created_at_after")
		}
		b := strconv.FormatInt(before, 10)
		params.CreatedAtBefore = &b
	}
	return params, nil
}

// ListAdminsOptions tunes AdminsService.List.
type ListAdminsOptions struct {
	// DisplayAvatar asks for each admin's avatar.
	DisplayAvatar bool
}

// List returns the workspace's admins.
//
// Calls listAdmins: GET /admins.
func (s *AdminsService) List(ctx context.Context, opts *ListAdminsOptions) (*AdminList, *Response, error) {
	var params *gen.ListAdminsParams
	if opts != nil && opts.DisplayAvatar {
		params = &gen.ListAdminsParams{DisplayAvatar: &opts.DisplayAvatar}
	}
	return decode[AdminList](s.client.raw.ListAdmins(ctx, params))
}

// Find returns one admin.
//
// Calls retrieveAdmin: GET /admins/{admin_id}.
func (s *AdminsService) Find(ctx context.Context, adminID string) (*Admin, *Response, error) {
	if err := required("admin_id", adminID); err != nil {
		return nil, nil, err
	}
	return decode[Admin](s.client.raw.RetrieveAdmin(ctx, adminID, nil))
}
