package facade_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// exampleTicketsAPI is a tiny stand-in for Intercom's ticket endpoints: it
// prints the JSON each request carries and answers with what the API would.
func exampleTicketsAPI() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		var sent strings.Builder
		enc := json.NewEncoder(&sent)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(body)
		fmt.Printf("%s %s %s", r.Method, r.URL.Path, sent.String())
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasSuffix(r.URL.Path, "/reply"):
			author := map[string]any{"type": "admin", "id": body["admin_id"], "email": "ann@example.com"}
			if body["type"] == "user" {
				author = map[string]any{"type": "user", "id": "6657a", "email": body["email"]}
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"type": "ticket_part", "id": "901", "part_type": body["message_type"],
				"body": body["body"], "created_at": 1717000000, "author": author})
		case r.URL.Path == "/ticket_types":
			_ = json.NewEncoder(w).Encode(map[string]any{"type": "ticket_type", "id": "12", "name": body["name"], "category": body["category"]})
		default:
			_ = json.NewEncoder(w).Encode(map[string]any{"type": "ticket", "id": "77", "ticket_state": body["state"], "category": "Customer"})
		}
	}))
}

// Reply to a ticket as an admin: a comment the customer sees.
func ExampleTicketsService_Reply() {
	api := exampleTicketsAPI()
	defer api.Close()
	client, err := facade.NewClient("my-token", facade.WithBaseURL(api.URL))
	if err != nil {
		log.Fatal(err)
	}

	part, _, err := client.Tickets.Reply(context.Background(), "77",
		facade.AdminComment("991", "We are on it.", facade.WithAttachmentURLs("https://example.com/steps.png")))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(facade.ReplyMessageTypeOf(part), "by", facade.AuthorTypeOf(*part.Author), part.Author.Id)
	// Output:
	// POST /tickets/77/reply {"admin_id":"991","attachment_urls":["https://example.com/steps.png"],"body":"We are on it.","message_type":"comment","type":"admin"}
	// comment by admin 991
}

// Leave an internal note on a ticket, seen only by teammates.
func ExampleTicketsService_Reply_note() {
	api := exampleTicketsAPI()
	defer api.Close()
	client, _ := facade.NewClient("my-token", facade.WithBaseURL(api.URL))

	part, _, err := client.Tickets.Reply(context.Background(), "77", facade.AdminNote("991", "<p>Customer is on the Pro plan.</p>"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(part.PartType)
	// Output:
	// POST /tickets/77/reply {"admin_id":"991","body":"<p>Customer is on the Pro plan.</p>","message_type":"note","type":"admin"}
	// note
}

// Reply on behalf of a contact, identified by email.
func ExampleTicketsService_Reply_contactByEmail() {
	api := exampleTicketsAPI()
	defer api.Close()
	client, _ := facade.NewClient("my-token", facade.WithBaseURL(api.URL))

	part, _, err := client.Tickets.Reply(context.Background(), "77",
		facade.ContactReply(facade.ByEmail("jo@example.com"), "It works again, thanks!"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(part.PartType, "by", part.Author.Type, facade.AuthorTypeOf(*part.Author).IsContact())

	// An invalid reply never reaches the API.
	_, _, err = client.Tickets.Reply(context.Background(), "77", facade.ContactReply(facade.ByEmail(""), "hi"))
	fmt.Println(err)
	// Output:
	// POST /tickets/77/reply {"body":"It works again, thanks!","email":"jo@example.com","message_type":"comment","type":"user"}
	// comment by user true
	// intercom: invalid email: must not be empty
}

// Move a ticket to waiting_on_customer. The client sends the state in the
// form the API version takes: its category on 2.11, the id of a ticket state
// of that category from 2.12. Moving it back to submitted is refused before
// sending.
func ExampleTicketsService_Update() {
	srv, err := intercomtest.Start()
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	seeded, err := srv.Seed(intercomtest.Workspace{
		Contacts:    []intercomtest.Contact{{Email: "jo@example.com"}},
		TicketTypes: []intercomtest.TicketType{{Name: "Bug"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	seeded, err = srv.Seed(intercomtest.Workspace{Tickets: []intercomtest.Ticket{
		{TicketTypeID: seeded.TicketTypes[0].ID, ContactIDs: []string{seeded.Contacts[0].ID}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	client, _ := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	id := seeded.Tickets[0].ID

	ticket, _, err := client.Tickets.Update(context.Background(), id,
		&facade.UpdateTicketOptions{State: facade.TicketStateWaitingOnCustomer})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(facade.TicketStateOf(ticket))

	_, _, err = client.Tickets.Update(context.Background(), id, &facade.UpdateTicketOptions{State: facade.TicketStateSubmitted})
	fmt.Println(err)
	// Output:
	// waiting_on_customer
	// intercom: invalid state: a ticket cannot be moved back to submitted; allowed: in_progress, waiting_on_customer, resolved
}

// Create a ticket type in the Back-office category.
func ExampleTicketTypesService_Create() {
	api := exampleTicketsAPI()
	defer api.Close()
	client, _ := facade.NewClient("my-token", facade.WithBaseURL(api.URL))

	tt, _, err := client.TicketTypes.Create(context.Background(), "Refund request",
		&facade.CreateTicketTypeOptions{Category: facade.TicketCategoryBackOffice, Icon: "💸"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tt.Name, facade.TicketCategory(tt.Category), facade.TicketCategory(tt.Category).Valid())
	// Output:
	// POST /ticket_types {"category":"Back-office","icon":"💸","name":"Refund request"}
	// Refund request Back-office true
}

// Reply to a conversation as an admin with a file attached inline, then
// snooze it.
func ExampleConversationsService_Reply() {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		fmt.Println(r.Method, r.URL.Path, body["message_type"])
		_, _ = fmt.Fprint(w, `{"type":"conversation","id":"123","state":"snoozed"}`)
	}))
	defer api.Close()
	client, _ := facade.NewClient("my-token", facade.WithBaseURL(api.URL))
	ctx := context.Background()

	reply := facade.AdminComment("991", "Here is the invoice.").WithAttachmentFiles(facade.AttachmentFile{
		Name: "invoice.txt", ContentType: "text/plain", Data: "SW52b2ljZSAjMQ==",
	})
	if _, _, err := client.Conversations.Reply(ctx, "123", reply); err != nil {
		log.Fatal(err)
	}
	conv, _, err := client.Conversations.Snooze(ctx, "123", "991", time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(conv.State)
	// Output:
	// POST /conversations/123/reply comment
	// POST /conversations/123/parts snoozed
	// snoozed
}
