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

// ListIter returns an iterator over every help center of the workspace,
// starting at page opts.Page. The 2.11 answer says nothing about paging, so
// the iterator asks for the next page number until a page comes back empty
// (or, with opts.PerPage set, holds fewer items), as Intercom's own SDKs
// do; a server that ignores the page number is reported with
// ErrPaginationStalled.
//
// Each page is one List call.
func (s *HelpCentersService) ListIter(ctx context.Context, opts *PageOptions) iter.Seq2[HelpCenter, error] {
	o := opts.value()
	return pagesUntilEmpty(ctx, o.Page, o.PerPage, func(ctx context.Context, page int) ([]HelpCenter, error) {
		p := o
		p.Page = page
		l, _, err := s.List(ctx, &p)
		if err != nil {
			return nil, err
		}
		return l.GetData(), nil
	}, func(h HelpCenter) string { return h.GetId() })
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
