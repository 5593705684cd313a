package facade_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
)

// A search query is a filter or an AND/OR group of queries; SearchIter sends
// it and walks every page of results.
func ExampleContactsService_SearchIter() {
	srv, err := intercomtest.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()
	srv.AddContact(intercomtest.Contact{Name: "Ada", Email: "ada@example.com"})
	srv.AddContact(intercomtest.Contact{Name: "Grace", Email: "grace@navy.example"})
	srv.AddContact(intercomtest.Contact{Name: "Lin", Email: "lin@example.com", Role: "lead"})
	client, err := facade.NewClient(srv.Token, facade.WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}

	q := facade.And(
		facade.Filter("role", facade.OpEquals, "user"),
		facade.Or(
			facade.Filter("email", facade.OpEndsWith, "@example.com"),
			facade.Filter("name", facade.OpStartsWith, "Gr"),
		),
	)
	for contact, err := range client.Contacts.SearchIter(context.Background(), q, nil) {
		if err != nil {
			panic(err)
		}
		fmt.Println(contact.GetName())
	}

	// A shape the API refuses is an *InputError, and no request is sent.
	_, _, err = client.Contacts.Search(context.Background(), facade.Filter("tag_id", facade.OpIn, "42"), nil)
	var inputErr *facade.InputError
	fmt.Println(errors.As(err, &inputErr), inputErr.Field)
	// Output:
	// Ada
	// Grace
	// true query.value
}
