package webhook_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/webhook"
)

// A webhook endpoint that admits only notifications signed with the app's
// client secret and acts on ticket notifications.
func ExampleNewHandler() {
	const clientSecret = "my-app-client-secret" // from the Developer Hub, never hard-coded

	onNotification := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := webhook.NotificationOf(r)
		if err != nil {
			// Signed by Intercom but not understood: log it and still
			// answer 2xx, or Intercom keeps retrying.
			log.Print(err)
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if ticket, ok := n.Ticket(); ok {
			fmt.Printf("%s: ticket %s is %s\n", n.Topic, ticket.TicketId, facade.TicketStateOf(ticket))
		}
		w.WriteHeader(http.StatusNoContent)
	})
	handler, err := webhook.NewHandler(clientSecret, onNotification)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	// No method in the pattern: the handler also answers the HEAD request
	// Intercom sends to check the URL.
	mux.Handle("/webhooks/intercom", handler)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// What Intercom sends: the notification and its signature.
	body := `{"type":"notification_event","id":"notif_1","app_id":"abc123",
		"topic":"ticket.state.updated","created_at":1718000000,"delivery_attempts":1,
		"data":{"type":"notification_event_data","item":{"type":"ticket","id":"294",
		"ticket_id":"17","ticket_state":"in_progress"}}}`
	send := func(method, signature string) {
		req, _ := http.NewRequest(method, srv.URL+"/webhooks/intercom", strings.NewReader(body))
		req.Header.Set(webhook.SignatureHeader, signature)
		resp, err := srv.Client().Do(req)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(method, resp.Status)
	}
	send(http.MethodHead, "")
	send(http.MethodPost, webhook.Sign(clientSecret, []byte(body)))
	send(http.MethodPost, webhook.Sign("someone-else", []byte(body)))

	// Output:
	// HEAD 200 OK
	// ticket.state.updated: ticket 17 is in_progress
	// POST 204 No Content
	// POST 401 Unauthorized
}

// Verifying a notification by hand, for frameworks that are not net/http.
func ExampleVerify() {
	body := []byte(`{"type":"notification_event","topic":"ping"}`)
	header := webhook.Sign("client-secret", body) // what X-Hub-Signature holds

	if err := webhook.Verify("client-secret", body, header); err != nil {
		fmt.Println("rejected:", err)
		return
	}
	n, err := webhook.ParseNotification(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("verified", n.Topic)

	err = webhook.Verify("client-secret", append(body, ' '), header)
	fmt.Println(err)
	// Output:
	// verified ping
	// intercom: webhook signature does not match
}

// Telling the items of notifications apart with a type switch on Item, or
// with the accessors (n.Ticket(), n.Conversation(), …).
func ExampleParseNotification() {
	bodies := []string{
		`{"type":"notification_event","topic":"conversation.admin.closed",
			"data":{"item":{"type":"conversation","id":"1911149811","state":"closed"}}}`,
		`{"type":"notification_event","topic":"contact.user.tag.created",
			"data":{"item":{"type":"contact_tag","tag":{"type":"tag","id":"12","name":"VIP"}}}}`,
		`{"type":"notification_event","topic":"ticket.created",
			"data":{"item":{"type":"ticket","id":294}}}`,
	}
	for _, body := range bodies {
		n, err := webhook.ParseNotification([]byte(body))
		if itemErr, ok := errors.AsType[*webhook.ItemError](err); ok {
			// The envelope is still there: log its topic and id.
			fmt.Printf("%s: %s item not understood\n", itemErr.Notification.Topic, itemErr.Notification.ItemType)
			continue
		} else if err != nil {
			log.Fatal(err)
		}
		switch item := n.Item.(type) {
		case *facade.Conversation:
			fmt.Printf("%s: conversation %s is %s\n", n.Topic, item.Id, item.State)
		case json.RawMessage:
			fmt.Printf("%s: %s kept as JSON: %s\n", n.Topic, n.ItemType, item)
		}
	}
	// Output:
	// conversation.admin.closed: conversation 1911149811 is closed
	// contact.user.tag.created: contact_tag kept as JSON: {"type":"contact_tag","tag":{"type":"tag","id":"12","name":"VIP"}}
	// ticket.created: ticket item not understood
}
