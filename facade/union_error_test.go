package facade

import (
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
)

func TestUnionErrorDoesNotPrintValues(t *testing.T) {
	var v gen.ReplyTicketRequest
	_ = v.UnmarshalJSON([]byte(`{"type":"robot","body":"secret text","email":"a@b.c","user_id":"u"}`))
	_, err := decodeTicketReplyRequest(v)
	assert.Error(t, err)
	assert.NotContains(t, err.Error(), "secret")
	assert.NotContains(t, err.Error(), "a@b.c")
	assert.Contains(t, err.Error(), "body, email, type=\"robot\", user_id")
}
