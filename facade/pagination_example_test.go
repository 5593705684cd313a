package facade_test

import (
	"context"
	"fmt"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// ListIter walks every contact, page after page: each page is fetched when
// the loop reaches it, and breaking out of the loop stops the requests.
func ExampleContactsService_ListIter() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	for _, name := range []string{"Ada", "Grace", "Katherine", "Margaret", "Radia"} {
		srv.AddContact(intercomtest.Contact{Name: name, Email: name + "@example.com"})
	}
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	for contact, err := range client.Contacts.ListIter(context.Background(), &facade.ListContactsOptions{PerPage: 2}) {
		if err != nil {
			panic(err)
		}
		fmt.Println(contact.GetName())
	}
	fmt.Println("pages fetched:", srv.Count("ListContacts"))
	// Output:
	// Ada
	// Grace
	// Katherine
	// Margaret
	// Radia
	// pages fetched: 3
}
