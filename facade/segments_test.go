package facade

import (
	"context"
	"testing"
)

const segmentJSON = `{"type":"segment","id":"56203d253cba154d39010062","name":"Active","created_at":1394621988,"updated_at":1394622004,"person_type":"user","count":3}`

func TestSegmentsList(t *testing.T) {
	const reply = `{"type":"segment.list","segments":[` + segmentJSON + `]}`
	c, s := newOpStubClient(t, 200, reply)
	got, _, err := c.Segments.List(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/segments", nil, "")
	if len(got.Segments) != 1 || got.Segments[0].Name != "Active" {
		t.Errorf("decoded %+v", got)
	}

	c, s = newOpStubClient(t, 200, reply)
	if _, _, err := c.Segments.List(context.Background(), &ListSegmentsOptions{IncludeCount: true}); err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/segments", opQuery("include_count", "true"), "")
}

func TestSegmentsFind(t *testing.T) {
	c, s := newOpStubClient(t, 200, segmentJSON)
	got, _, err := c.Segments.Find(context.Background(), "56203d253cba154d39010062")
	if err != nil {
		t.Fatal(err)
	}
	s.expect(t, "GET", "/segments/56203d253cba154d39010062", nil, "")
	if got.Count == nil || got.GetCount() != 3 {
		t.Errorf("count = %v, want 3", got.Count)
	}

	c, s = newOpStubClient(t, 200, segmentJSON)
	_, _, err = c.Segments.Find(context.Background(), "")
	assertOpInputError(t, err, "segment_id", s)
}
