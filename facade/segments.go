package facade

import (
	"context"

	"github.com/go-intercom/intercom/gen"
)

// SegmentsService groups the operations on segments of contacts.
type SegmentsService service

// Segment is a group of contacts defined by filters.
type Segment = gen.Segment

// SegmentList is the list of a workspace's segments.
type SegmentList = gen.SegmentList

// ListSegmentsOptions tunes SegmentsService.List.
type ListSegmentsOptions struct {
	// IncludeCount asks for the number of contacts in each segment.
	IncludeCount bool
}

// List returns the workspace's segments.
//
// Calls listSegments: GET /segments.
func (s *SegmentsService) List(ctx context.Context, opts *ListSegmentsOptions) (*SegmentList, *Response, error) {
	var params *gen.ListSegmentsParams
	if opts != nil && opts.IncludeCount {
		t := true
		params = &gen.ListSegmentsParams{IncludeCount: &t}
	}
	return decode[SegmentList](s.client.raw.ListSegments(ctx, params))
}

// Find returns one segment.
//
// Calls retrieveSegment: GET /segments/{segment_id}.
func (s *SegmentsService) Find(ctx context.Context, segmentID string) (*Segment, *Response, error) {
	if err := required("segment_id", segmentID); err != nil {
		return nil, nil, err
	}
	return decode[Segment](s.client.raw.RetrieveSegment(ctx, segmentID, nil))
}
