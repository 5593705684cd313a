package facade

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const segmentJSON = `{"type":"segment","id":"56203d253cba154d39010062","name":"Active","created_at":1394621988,"updated_at":1394622004,"person_type":"user","count":3}`

func TestSegmentsList(t *testing.T) {
	const reply = `{"type":"segment.list","segments":[` + segmentJSON + `]}`
	f, c := newFake(t)
	f.reply("/", 200, reply)
	got, _, err := c.Segments.List(context.Background(), nil)
	require.NoError(t, err)
	f.expect(t, "GET", "/segments", nil, "")
	assert.Len(t, got.Segments, 1)
	assert.Equal(t, "Active", got.Segments[0].Name)

	f, c = newFake(t)
	f.reply("/", 200, reply)
	require.NoError(t, err3(c.Segments.List(context.Background(), &ListSegmentsOptions{IncludeCount: true})))
	f.expect(t, "GET", "/segments", query("include_count", "true"), "")
}

func TestSegmentsFind(t *testing.T) {
	f, c := newFake(t)
	f.reply("/", 200, segmentJSON)
	got, _, err := c.Segments.Find(context.Background(), "56203d253cba154d39010062")
	require.NoError(t, err)
	f.expect(t, "GET", "/segments/56203d253cba154d39010062", nil, "")
	assert.NotNil(t, got.Count)
	assert.Equal(t, 3, got.GetCount())

	f, c = newFake(t)
	f.reply("/", 200, segmentJSON)
	_, _, err = c.Segments.Find(context.Background(), "")
	f.expectInputError(t, err, "segment_id")
}
