package facade_test

import (
	"testing"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/require"
)

// An in-app message goes out as message_type inapp, which intercomtest
// (validating against the corrected description) accepts; a visitor's
// custom attributes go out as strings, which the published request schema
// requires.
func TestInAppMessageAndVisitorAgainstIntercomtest(t *testing.T) {
	srv := intercomtest.NewServer(t)
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	require.NoError(t, err)
	ctx := t.Context()

	seeded, err := srv.Seed(intercomtest.Workspace{
		Contacts: []intercomtest.Contact{{Email: "u@example.com"}},
		Visitors: []intercomtest.Visitor{{UserID: "v-1"}},
	})
	require.NoError(t, err)
	_, _, err = client.Messages.Create(ctx, facade.InAppMessage(srv.Me().ID, facade.MessageToUser(seeded.Contacts[0].ID), "Hello"), nil)
	require.NoError(t, err)
	require.Equal(t, 1, srv.Count("CreateMessage"))

	_, _, err = client.Visitors.Update(ctx, facade.ByUserID("v-1"), facade.UpdateVisitorOptions{CustomAttributes: map[string]string{"seats": "3"}})
	require.NoError(t, err)
	require.Empty(t, srv.InvalidRequests())
}
