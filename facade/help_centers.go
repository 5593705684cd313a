package facade

import (
	"context"
	"iter"

	"github.com/go-intercom/intercom/gen"
)

// HelpCentersService groups the operations on help centers and their collections.
type HelpCentersService struct {
	service
	// Collections calls the operations on help center collections.
	Collections *HelpCenterCollectionsService
}

// HelpCenter is a help center of the workspace.
type HelpCenter = gen.HelpCenter

// HelpCenterList is one page of help centers.
type HelpCenterList = gen.HelpCenterList

// List returns one page of the workspace's help centers. Use ListIter to walk
// every page.
//
// Calls listHelpCenters: GET /help_center/help_centers.
func (s *HelpCentersService) List(ctx context.Context, opts *PageOptions) (*HelpCenterList, *Response, error) {
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.HelpCenterList](s.client.raw.ListHelpCenters(ctx, &gen.ListHelpCentersParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListIter returns an iterator over the workspace's help centers. The 2.11
// answer carries no paging information, so the iterator reads one page.
//
// Each page is one List call.
func (s *HelpCentersService) ListIter(ctx context.Context, opts *PageOptions) iter.Seq2[HelpCenter, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*HelpCenterList, *Response, error) {
		o.Page = page
		return s.List(ctx, &o)
	}, func(l *HelpCenterList) ([]HelpCenter, pageInfo) { return l.Data, pageInfo{} })
}

// Find returns a help center by its id.
//
// Calls retrieveHelpCenter: GET /help_center/help_centers/{help_center_id}.
func (s *HelpCentersService) Find(ctx context.Context, helpCenterID string) (*HelpCenter, *Response, error) {
	if err := required("help_center_id", helpCenterID); err != nil {
		return nil, nil, err
	}
	return decode[gen.HelpCenter](s.client.raw.RetrieveHelpCenter(ctx, helpCenterID, nil))
}
