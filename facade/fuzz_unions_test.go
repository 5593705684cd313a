package facade

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/require"
)

// unionSeeds are request and part shapes as the API documents them: every
// variant of each union, and near misses.
var unionSeeds = []string{
	`{"type":"admin","admin_id":"9100001","message_type":"comment","body":"Looking into it"}`,
	`{"type":"admin","admin_id":"9100001","message_type":"note","body":"internal","attachment_urls":["https://files.example.com/a.png"]}`,
	`{"type":"admin","admin_id":"9100001","message_type":"quick_reply","reply_options":[{"text":"Yes","uuid":"0b9d8a4e-8c6a-4b1f-9a57-2d3b7c1e5f60"}]}`,
	`{"type":"user","intercom_user_id":"6650c0de0000000000000001","message_type":"comment","body":"Thanks"}`,
	`{"type":"user","user_id":"u-1","message_type":"comment","body":"Thanks","created_at":1717000000}`,
	`{"type":"user","email":"lin@example.com","message_type":"comment","body":"Thanks"}`,
	`{"type":"user","email":"lin@example.com","user_id":"u-1","message_type":"comment","body":"two identities"}`,
	`{"type":"user","message_type":"comment","body":"no identity"}`,
	`{"type":"robot","body":"?"}`,
	`{"type":"admin","admin_id":42}`,
	`{"message_type":"close","type":"admin","admin_id":"9100001","body":"Done"}`,
	`{"message_type":"snoozed","admin_id":"9100001","snoozed_until":1717003600}`,
	`{"message_type":"open","admin_id":"9100001"}`,
	`{"message_type":"assignment","type":"team","admin_id":"9100001","assignee_id":"8100001","body":"over to you"}`,
	`{"type":"conversation_part","conversation_id":"310000001","conversation_part_id":"210000001"}`,
	`{"type":"source","conversation_id":"310000001","source_id":"400000001"}`,
	`{"intercom_user_id":"6650c0de0000000000000001"}`,
	`{"id":"6650c0de0000000000000001"}`,
	`{"external_id":"u-1"}`,
	`{"email":null,"id":"x"}`,
	`{"type":"admin","id":"9100001","name":"Ada Operator","email":"ada@example.com"}`,
	`{"type":"bot","id":"9100099","name":null,"email":"operator+abc123@intercom.io"}`,
	`null`, `[]`, `"admin"`, `{}`,
}

// FuzzUnionDecoders feeds arbitrary JSON to every Decode… function of
// unions.go and to the part author readers. A decoder either tells exactly
// one variant or returns a *UnionError naming its union; it never panics.
func FuzzUnionDecoders(f *testing.F) {
	for _, s := range unionSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkUnion(t, "reply_ticket_request", data, func(v *gen.ReplyTicketRequest) (any, error) {
			return decodeTicketReplyRequest(*v)
		})
		checkUnion(t, "reply_conversation_request", data, func(v *gen.ReplyConversationRequest) (any, error) {
			return decodeConversationReplyRequest(*v)
		})
		checkUnion(t, "manage_conversation_request", data, func(v *gen.ManageConversationRequest) (any, error) {
			return decodeManageConversationRequest(*v)
		})
		checkUnion(t, "redact_conversation_request", data, func(v *gen.RedactConversationRequest) (any, error) {
			return decodeRedactConversationRequest(*v)
		})
		checkUnion(t, "attach_contact_to_conversation_request.customer", data, func(v *gen.AttachContactToConversationRequest_Customer) (any, error) {
			c, err := decodeConversationCustomer(*v)
			if err == nil {
				require.Contains(t, []string{"intercom_user_id", "user_id", "email"}, c.Field(), "customer %+v", c)
			}
			return nil, err
		})
		checkUnion(t, "create_ticket_request.contacts", data, func(v *gen.CreateTicketRequest_Contacts_Item) (any, error) {
			c, err := decodeTicketContact(*v)
			if err == nil {
				require.Contains(t, []string{"id", "external_id", "email"}, c.Field(), "ticket contact %+v", c)
			}
			return nil, err
		})

		// Part authors: the type read is the type sent, and Valid agrees with
		// ParsePartAuthorType.
		var ta gen.TicketPartAuthor
		if json.Unmarshal(data, &ta) == nil {
			at := AuthorTypeOf(ta)
			require.Equal(t, string(ta.Type), string(at))
			_, err := ParsePartAuthorType(string(at))
			require.Equal(t, at.Valid(), err == nil, "author type %q: Valid against parse error %v", at, err)
			if at.IsContact() {
				require.True(t, at.Valid(), "author type %q", at)
			}
		}
		var ca gen.ConversationPartAuthor
		if json.Unmarshal(data, &ca) == nil {
			require.Equal(t, ca.Type, string(AuthorTypeOf(ca)))
		}
		var reply gen.TicketReply
		if json.Unmarshal(data, &reply) == nil {
			mt := ReplyMessageTypeOf(&reply)
			_, err := ParseReplyMessageType(string(mt))
			require.Equal(t, mt.Valid(), (err == nil))
		}
	})
}

// checkUnion unmarshals data into a new U and decodes it: on success exactly
// one field of the variant struct is set; on failure the error is a
// *UnionError for union.
func checkUnion[U any](t *testing.T, union string, data []byte, decode func(*U) (any, error)) {
	t.Helper()
	v := new(U)
	if err := json.Unmarshal(data, v); err != nil {
		return
	}
	out, err := decode(v)
	if err != nil {
		var ue *UnionError
		require.ErrorAs(t, err, &ue)
		require.Equal(t, union, ue.Union)
		_ = ue.Error()
		return
	}
	if out == nil {
		return
	}
	rv := reflect.ValueOf(out).Elem()
	set := 0
	for i := range rv.NumField() {
		if !rv.Field(i).IsNil() {
			set++
		}
	}
	require.Equal(t, 1, set)
}
