package intercomtest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// A facade client pointed at the server works unchanged; the server says
// whether the client sent anything the API description does not allow.
func ExampleStart() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	contact := srv.AddContact(intercomtest.Contact{Email: "lin@example.com", Name: "Lin"})

	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	me, _, err := client.Admins.Identify(ctx)
	if err != nil {
		panic(err)
	}
	tt, _, err := client.TicketTypes.Create(ctx, "Question", nil)
	if err != nil {
		panic(err)
	}
	ticket, _, err := client.Tickets.Create(ctx, tt.Id,
		[]facade.TicketContact{facade.TicketContactByID(contact.ID)},
		&facade.CreateTicketOptions{Attributes: map[string]any{"_default_title_": "Invoices"}})
	if err != nil {
		panic(err)
	}
	part, _, err := client.Tickets.Reply(ctx, ticket.Id, facade.AdminComment(me.Id, "On it"))
	if err != nil {
		panic(err)
	}
	fmt.Println(me.Name, "replied:", part.PartType, "by", part.Author.Type)
	fmt.Println("invalid requests:", len(srv.InvalidRequests()))
	fmt.Println("tickets created:", srv.Count("createTicket"))
	// Output:
	// Ada Operator replied: comment by admin
	// invalid requests: 0
	// tickets created: 1
}

// Inject makes the next request fail; here the client's retry policy
// recovers from a 503.
func ExampleServer_Inject() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	srv.Inject(intercomtest.Fault{OperationID: "identifyAdmin", Status: 503})

	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL),
		facade.WithRetryPolicy(facade.RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	if err != nil {
		panic(err)
	}
	if _, _, err := client.Admins.Identify(context.Background()); err != nil {
		panic(err)
	}
	for _, r := range srv.Requests() {
		fmt.Println(r.Method, r.Path, r.Status, r.Fault)
	}
	// Output:
	// GET /me 503 503
	// GET /me 200
}

// Seed puts a workspace in from Go values; Snapshot reads it back after the
// code under test ran, here a client that closes a seeded conversation.
func ExampleServer_Seed() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	seeded, err := srv.Seed(intercomtest.Workspace{
		Companies: []intercomtest.Company{{ID: "6650c0ab0000000000000acc", CompanyID: "acme", Name: "Acme"}},
		Contacts: []intercomtest.Contact{{Email: "lin@acme.example", Name: "Lin",
			CompanyIDs: []string{"6650c0ab0000000000000acc"}}},
	})
	if err != nil {
		panic(err)
	}
	lin := seeded.Contacts[0]
	seeded, err = srv.Seed(intercomtest.Workspace{
		Conversations: []intercomtest.Conversation{{ContactIDs: []string{lin.ID}, Body: "Where is my invoice?"}},
	})
	if err != nil {
		panic(err)
	}

	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	me := srv.Me()
	if _, _, err := client.Conversations.Close(context.Background(), seeded.Conversations[0].ID, me.ID, "Sent again."); err != nil {
		panic(err)
	}

	for _, cv := range srv.Snapshot().Conversations {
		fmt.Println(cv.State, len(cv.Parts), cv.Parts[0].Type, cv.Parts[0].AuthorType, cv.Parts[0].Body)
	}
	// Output:
	// closed 1 close admin Sent again.
}
