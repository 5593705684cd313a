package facade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const messageJSON = `{"type":"user_message","id":"403918330","created_at":1667560812,"subject":"Hi","body":"Hello there","message_type":"email","conversation_id":"512"}`

func TestMessagesCreate(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  OutboundMessage
		opts *CreateMessageOptions
		body string
	}{
		{"in-app", InAppMessage("394051", MessageToUser("536e564f"), "Hello there"), nil,
			`{"message_type":"inapp","body":"Hello there","from":{"type":"admin","id":394051},"to":{"type":"user","id":"536e564f"}}`},
		{"email", EmailMessage("394051", MessageToLead("536e564f"), "Hi", "Hello there", EmailTemplatePersonal),
			&CreateMessageOptions{CreatedAt: time.Unix(1590000000, 0), CreateConversationWithoutContactReply: true},
			`{"message_type":"email","subject":"Hi","body":"Hello there","template":"personal","from":{"type":"admin","id":394051},"to":{"type":"lead","id":"536e564f"},"created_at":1590000000,"create_conversation_without_contact_reply":true}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, c := newFake(t)
			f.reply("/", 200, messageJSON)
			got, _, err := c.Messages.Create(context.Background(), tc.msg, tc.opts)
			require.NoError(t, err)
			f.expect(t, "POST", "/messages", nil, tc.body)
			assert.Equal(t, "403918330", got.Id)
			assert.Equal(t, "512", got.ConversationId)
		})
	}
}

func TestMessagesCreateInvalid(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, messageJSON)
	ctx := context.Background()
	to := MessageToUser("536e564f")
	for _, tc := range []struct {
		msg   OutboundMessage
		opts  *CreateMessageOptions
		field string
	}{
		{OutboundMessage{}, nil, "message_type"},
		{InAppMessage("", to, "b"), nil, "from.id"},
		{InAppMessage("ada", to, "b"), nil, "from.id"},
		{InAppMessage("-4", to, "b"), nil, "from.id"},
		{InAppMessage("1", MessageRecipient{}, "b"), nil, "to"},
		{InAppMessage("1", MessageToLead(""), "b"), nil, "to.id"},
		{InAppMessage("1", to, ""), nil, "body"},
		{EmailMessage("1", to, "", "b", EmailTemplatePlain), nil, "subject"},
		{EmailMessage("1", to, "s", "b", ""), nil, "template"},
		{EmailMessage("1", to, "s", "b", "fancy"), nil, "template"},
		{InAppMessage("1", to, "b"), &CreateMessageOptions{CreatedAt: time.Unix(-5, 0)}, "created_at"},
	} {
		_, _, err := c.Messages.Create(ctx, tc.msg, tc.opts)
		f.expectInputError(t, err, tc.field)
	}
}

// An admin sends an email to a user. The server here stands in for Intercom.
func ExampleMessagesService_Create() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"type":"user_message","id":"403918330","message_type":"email","subject":"Welcome","body":"Hello","conversation_id":"512","created_at":1667560812}`)
	}))
	defer srv.Close()
	client, err := NewClient("token", WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	msg := EmailMessage("394051", MessageToUser("536e564f316c83104c000020"), "Welcome", "Hello", EmailTemplatePlain)
	sent, _, err := client.Messages.Create(context.Background(), msg, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(sent.Id, sent.MessageType)

	// A message with no subject is refused before anything is sent.
	_, _, err = client.Messages.Create(context.Background(), EmailMessage("394051", MessageToUser("536e564f316c83104c000020"), "", "Hello", EmailTemplatePlain), nil)
	var inputErr *InputError
	fmt.Println(errors.As(err, &inputErr), inputErr.Field)
	// Output:
	// 403918330 email
	// true subject
}
