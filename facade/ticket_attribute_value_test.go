package facade

import (
	"encoding/json"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeTicketAttributes(t *testing.T) {
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(ticketJSON), &tk))
	attrs, err := TicketAttributesOf(&tk)
	require.NoError(t, err)
	a := attrs["_default_title_"]
	assert.Equal(t, TicketAttributeKindString, a.Kind)
	assert.Equal(t, "Broken", a.String)
	a = attrs["count"]
	assert.Equal(t, TicketAttributeKindNumber, a.Kind)
	assert.Equal(t, "12345678901", a.Number.String())
	a = attrs["urgent"]
	assert.Equal(t, TicketAttributeKindBool, a.Kind)
	assert.True(t, a.Bool)
	a = attrs["files"]
	assert.Equal(t, TicketAttributeKindList, a.Kind)
	assert.NotNil(t, a.List)
	a = attrs["gone"]
	assert.Equal(t, TicketAttributeKindNull, a.Kind)
	// An object matches no variant; decoding the ticket still works.
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1,"lng":2}}}`), &tk), "ticket with an object attribute must decode")
	_, err = TicketAttributesOf(&tk)
	requireUnionError(t, err, "ticket_attributes.geo", `{"lat":1,"lng":2}`, "lat", "lng")
}

// TestTicketAttributesWithAFile: a ticket whose file attribute holds an
// upload (2.11's file_attribute) decodes whole: the file with every field,
// a list of files, and the other attributes beside them.
func TestTicketAttributesWithAFile(t *testing.T) {
	const file = `{"type":"upload","name":"Screenshot.png","url":"https://files.example.com/s.png","content_type":"image/png","filesize":11308309,"width":3024,"height":1964}`
	const pdf = `{"type":"upload","name":"a.pdf","url":"https://files.example.com/a.pdf","content_type":"application/pdf","filesize":20,"width":null,"height":null}`
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"_default_title_":"Broken","screenshot":`+file+`,"more":[`+pdf+`],"count":3}}`), &tk))
	attrs, err := TicketAttributesOf(&tk)
	require.NoError(t, err, "TicketAttributesOf")
	assert.Len(t, attrs, 4)
	assert.Equal(t, "Broken", attrs["_default_title_"].String)
	assert.EqualValues(t, "3", attrs["count"].Number)
	a := attrs["screenshot"]
	want := FileAttribute{Type: "upload", Name: "Screenshot.png", Url: "https://files.example.com/s.png", ContentType: "image/png", Filesize: 11308309, Width: 3024, Height: 1964}
	assert.Equal(t, TicketAttributeKindFile, a.Kind)
	assert.NotNil(t, a.File)
	assert.Equal(t, want, *a.File)
	assert.Equal(t, file, string(a.Raw))
	l := attrs["more"]
	assert.Equal(t, TicketAttributeKindList, l.Kind)
	assert.Len(t, l.List, 1)
	assert.Equal(t, "a.pdf", l.List[0].(map[string]any)["name"])
	// A file without width and height (not an image) is a file too.
	var v gen.TicketCustomAttributes_AdditionalProperties
	require.NoError(t, v.UnmarshalJSON([]byte(pdf)))
	got, err := DecodeTicketAttribute(v)
	assert.NoError(t, err)
	assert.Equal(t, TicketAttributeKindFile, got.Kind)
	assert.Equal(t, "a.pdf", got.File.Name)
	assert.Equal(t, 0, got.File.Width)
	// A file field of the wrong type is a *UnionError that keeps the value.
	bad := `{"type":"upload","url":"https://files.example.com/x","filesize":"big"}`
	require.NoError(t, v.UnmarshalJSON([]byte(bad)))
	_, err = DecodeTicketAttribute(v)
	requireUnionError(t, err, "ticket_custom_attributes", bad, `type="upload"`, "filesize")
}

// TestTicketAttributesOfKeepsTheOthers: a value that matches no variant is
// reported, and every other value is still returned.
func TestTicketAttributesOfKeepsTheOthers(t *testing.T) {
	var tk Ticket
	require.NoError(t, json.Unmarshal([]byte(`{"id":"1","ticket_attributes":{"geo":{"lat":1},"box":{"w":2},"title":"x","n":1}}`), &tk))
	attrs, err := TicketAttributesOf(&tk)
	assert.Len(t, attrs, 2)
	assert.Equal(t, "x", attrs["title"].String)
	assert.EqualValues(t, "1", attrs["n"].Number)
	requireUnionError(t, err, "ticket_attributes.box", `{"w":2}`, "w")
	assert.Contains(t, err.Error(), "ticket_attributes.geo")
}
