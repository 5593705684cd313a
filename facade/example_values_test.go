package facade_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// Requests are facade options with plain fields. A Nullable field is left
// out when unset, sent as a value with NewNullable, or cleared with Null;
// responses are read through nil-safe getters and time readers.
func ExampleContactsService_Update() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	ctx := context.Background()

	contact, _, err := client.Contacts.Create(ctx, facade.CreateContactOptions{
		Email: "lin@example.com",
		Name:  "Lin",
		Phone: "+353 1 555 0100",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(contact.GetName(), "|", contact.GetPhone(), "| created in the last hour:", time.Since(contact.CreatedAtTime()) < time.Hour)

	contact, _, err = client.Contacts.Update(ctx, contact.Id, facade.UpdateContactOptions{
		Name:  facade.NewNullable("Lin Wei"),
		Phone: facade.Null[string](),
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s | %q | phone is nil: %v\n", contact.GetName(), contact.GetPhone(), contact.Phone == nil)

	// An invalid value never reaches the API.
	_, _, err = client.Contacts.Update(ctx, contact.Id, facade.UpdateContactOptions{Role: "admin"})
	fmt.Println(err)
	// Output:
	// Lin | +353 1 555 0100 | created in the last hour: true
	// Lin Wei | "" | phone is nil: true
	// intercom: invalid role: "admin" is not user or lead
}

// A lookup by your own company_id (or by name) answers one company.
func ExampleCompaniesService_FindByCompanyID() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	if _, err := srv.Seed(intercomtest.Workspace{Companies: []intercomtest.Company{{CompanyID: "acme-1", Name: "Acme"}}}); err != nil {
		panic(err)
	}
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	company, _, err := client.Companies.FindByCompanyID(context.Background(), "acme-1")
	if err != nil {
		panic(err)
	}
	fmt.Println(company.Name)
	_, _, err = client.Companies.FindByName(context.Background(), "Globex")
	fmt.Println(errors.Is(err, facade.ErrNotFound))
	// Output:
	// Acme
	// true
}

// A ticket's state reads the same on every API version: 2.11 sends its
// category, 2.12 and later an object that adds an id and labels.
func ExampleTicketStateDetailsOf() {
	var ticket facade.Ticket
	if err := json.Unmarshal([]byte(`{"id":"7","ticket_state":"in_progress"}`), &ticket); err != nil {
		panic(err)
	}
	state := facade.TicketStateDetailsOf(&ticket)
	fmt.Println(state.Category, state.Category.Valid())
	// Output:
	// in_progress true
}
