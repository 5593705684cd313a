package facade

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const adminJSON = `{"type":"admin","id":"991267","name":"Ada","email":"ada@example.com","away_mode_enabled":true,"away_mode_reassign":true,"has_inbox_seat":true,"job_title":"","team_ids":[]}`

func TestAdminsIdentify(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{"type":"admin","id":"991267","name":"Ada","email":"ada@example.com","app":{"id_code":"abc123","name":"Acme"}}`)
	got, resp, err := c.Admins.Identify(context.Background())
	require.NoError(t, err)
	f.expect(t, "GET", "/me", nil, "")
	assert.Equal(t, "991267", got.Id)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestAdminsAway(t *testing.T) {
	for _, tc := range []struct {
		mode AwayMode
		body string
	}{
		{AwayModeOff, `{"away_mode_enabled":false,"away_mode_reassign":false}`},
		{AwayModeOn, `{"away_mode_enabled":true,"away_mode_reassign":false}`},
		{AwayModeOnReassign, `{"away_mode_enabled":true,"away_mode_reassign":true}`},
	} {
		f, c := newFake(t)
		f.reply("/", 200, adminJSON)
		got, _, err := c.Admins.Away(context.Background(), "991267", tc.mode)
		require.NoError(t, err)
		f.expect(t, "PUT", "/admins/991267/away", nil, tc.body)
		assert.True(t, got.AwayModeEnabled)
		assert.Equal(t, "Ada", got.Name)
	}
}

func TestAdminsAwayInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, adminJSON)
	_, _, err := c.Admins.Away(context.Background(), "", AwayModeOn)
	f.expectInputError(t, err, "admin_id")
	_, _, err = c.Admins.Away(context.Background(), "1", AwayMode(0))
	f.expectInputError(t, err, "away_mode_enabled")
	_, _, err = c.Admins.Away(context.Background(), "1", AwayMode(42))
	f.expectInputError(t, err, "away_mode_enabled")
}

func TestAdminsListAllActivityLogs(t *testing.T) {
	const reply = `{"type":"activity_log.list","pages":{"type":"pages","page":1,"per_page":20,"total_pages":1},"activity_logs":[{"id":"log1","performed_by":{"type":"admin","id":"991267"},"activity_type":"app_name_change","created_at":1719492702}]}`
	after := time.Unix(1677253093, 0)
	before := time.Unix(1677861493, 0)

	f, c := newFake(t)
	f.reply("/", 200, reply)
	got, _, err := c.Admins.ListAllActivityLogs(context.Background(), after, &ListActivityLogsOptions{CreatedAtBefore: before})
	require.NoError(t, err)
	f.expect(t, "GET", "/admins/activity_logs", query("created_at_after", "1677253093", "created_at_before", "1677861493"), "")
	assert.Len(t, got.ActivityLogs, 1)
	assert.Equal(t, "log1", got.ActivityLogs[0].Id)

	f, c = newFake(t)
	f.reply("/", 200, reply)
	require.NoError(t, err3(c.Admins.ListAllActivityLogs(context.Background(), after, nil)))
	f.expect(t, "GET", "/admins/activity_logs", query("created_at_after", "1677253093"), "")
}

func TestAdminsListAllActivityLogsInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, `{}`)
	ctx := context.Background()
	_, _, err := c.Admins.ListAllActivityLogs(ctx, time.Time{}, nil)
	f.expectInputError(t, err, "created_at_after")
	_, _, err = c.Admins.ListAllActivityLogs(ctx, time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	f.expectInputError(t, err, "created_at_after")
	_, _, err = c.Admins.ListAllActivityLogs(ctx, time.Unix(200, 0), &ListActivityLogsOptions{CreatedAtBefore: time.Unix(100, 0)})
	f.expectInputError(t, err, "created_at_before")
	err = firstErr(c.Admins.ListAllActivityLogsIter(ctx, time.Time{}, nil))
	f.expectInputError(t, err, "created_at_after")
}

func TestAdminsList(t *testing.T) {
	const reply = `{"type":"admin.list","admins":[` + adminJSON + `]}`
	f, c := newFake(t)
	f.reply("/", 200, reply)
	got, _, err := c.Admins.List(context.Background(), nil)
	require.NoError(t, err)
	f.expect(t, "GET", "/admins", nil, "")
	assert.Len(t, got.Admins, 1)
	assert.Equal(t, "ada@example.com", got.Admins[0].Email)

	f, c = newFake(t)
	f.reply("/", 200, reply)
	require.NoError(t, err3(c.Admins.List(context.Background(), &ListAdminsOptions{DisplayAvatar: true})))
	f.expect(t, "GET", "/admins", query("display_avatar", "true"), "")
}

func TestAdminsFind(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, adminJSON)
	got, _, err := c.Admins.Find(context.Background(), "991267")
	require.NoError(t, err)
	f.expect(t, "GET", "/admins/991267", nil, "")
	assert.Equal(t, "991267", got.Id)
	f, c = newFake(t)
	f.reply("/", 200, adminJSON)
	_, _, err = c.Admins.Find(context.Background(), "")
	f.expectInputError(t, err, "admin_id")
}

func TestAdminsFindAPIError(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 404, `{"type":"error.list","errors":[{"code":"admin_not_found","message":"Admin not found"}]}`)
	_, resp, err := c.Admins.Find(context.Background(), "1")
	var apiErr *Error
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 404, apiErr.StatusCode)
	assert.NotNil(t, resp)
	assert.Equal(t, 404, resp.StatusCode)
}
