package facade

import (
	"context"
	"iter"

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

// List returns the first page of the workspace's segments. Use ListIter to
// walk every page.
//
// Calls listSegments: GET /segments.
func (s *SegmentsService) List(ctx context.Context, opts *ListSegmentsOptions) (*SegmentList, *Response, error) {
	return decode[SegmentList](s.client.raw.ListSegments(ctx, segmentParams(opts)))
}

// ListIter returns an iterator over every segment, page after page. The
// request takes no paging parameter: each next page is the one the
// response's pages names (see linkPages).
//
// Each page is one GET /segments (listSegments).
func (s *SegmentsService) ListIter(ctx context.Context, opts *ListSegmentsOptions) iter.Seq2[Segment, error] {
	first, err := gen.NewListSegmentsRequest(s.client.raw.Server, segmentParams(opts))
	return linkPages(ctx, s.client, first, err, func(l *SegmentList) ([]Segment, nextPage) {
		return l.GetSegments(), nextOfPagesMap(l.Pages)
	})
}

// segmentParams builds the parameters of listSegments.
func segmentParams(opts *ListSegmentsOptions) *gen.ListSegmentsParams {
	if opts == nil || !opts.IncludeCount {
		return nil
	}
	t := true
	return &gen.ListSegmentsParams{IncludeCount: &t}
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
