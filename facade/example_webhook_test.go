package facade_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/go-intercom/intercom/facade"
)

// A webhook endpoint that admits only notifications signed with the app's
// client secret and acts on ticket notifications.
func ExampleNewWebhookHandler() {
	const clientSecret = "my-app-client-secret" // from the Developer Hub, never hard-coded

	onNotification := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := facade.WebhookNotification(r)
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
	handler, err := facade.NewWebhookHandler(clientSecret, onNotification)
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
	send := func(signature string) {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/webhooks/intercom", strings.NewReader(body))
		req.Header.Set(facade.WebhookSignatureHeader, signature)
		resp, err := srv.Client().Do(req)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(resp.Status)
	}
	send(facade.WebhookSignature(clientSecret, []byte(body)))
	send(facade.WebhookSignature("someone-else", []byte(body)))

	// Output:
	// ticket.state.updated: ticket 17 is in_progress
	// 204 No Content
	// 401 Unauthorized
}

// Verifying a notification by hand, for frameworks that are not net/http.
func ExampleVerifyWebhook() {
	body := []byte(`{"type":"notification_event","topic":"ping"}`)
	header := facade.WebhookSignature("client-secret", body) // what X-Hub-Signature holds

	if err := facade.VerifyWebhook("client-secret", body, header); err != nil {
		fmt.Println("rejected:", err)
		return
	}
	n, err := facade.ParseNotification(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("verified", n.Topic)

	err = facade.VerifyWebhook("client-secret", append(body, ' '), header)
	fmt.Println(err)
	// Output:
	// verified ping
	// intercom: webhook signature does not match
}

// The user_hash the Messenger needs when identity verification is on.
func ExampleUserHash() {
	fmt.Println(facade.UserHash("identity-verification-secret", "user-42"))
	// Output:
	// 9864bda5057c1a8a3494bc6740d11d59868bf769ac515a0bc019257d566e547b
}
