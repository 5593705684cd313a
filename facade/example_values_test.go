package facade_test

import (
	"context"
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
