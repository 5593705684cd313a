package facade

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/go-intercom/intercom/gen"
)

// CompaniesService groups the operations on companies and the contacts attached to them.
type CompaniesService service

// Company is a company contacts belong to.
type Company = gen.Company

// CompanyList is one page of companies.
type CompanyList = gen.CompanyList

// CompanyScroll is one page of a scroll over all companies.
type CompanyScroll = gen.CompanyScroll

// CompanyAttachedContacts is one page of the contacts of a company.
type CompanyAttachedContacts = gen.CompanyAttachedContacts

// CompanyAttachedSegments lists the segments a company is in.
type CompanyAttachedSegments = gen.CompanyAttachedSegments

// DeletedCompany is the answer to Companies.Delete.
type DeletedCompany = gen.DeletedCompanyObject

// RetrieveCompaniesOptions selects the companies Companies.Retrieve returns:
// by name, by company_id, or the companies with a tag or in a segment.
type RetrieveCompaniesOptions struct {
	Name      string
	CompanyID string
	TagID     string
	SegmentID string
	// Page and PerPage select a page of the tag and segment lists.
	Page    int
	PerPage int
}

// ListCompaniesOptions selects a page of Companies.List.
type ListCompaniesOptions struct {
	// Page is the 1-based number of the page to fetch (0 for the first).
	Page int
	// PerPage is how many companies a page holds (0 for the API's default).
	PerPage int
	// Order sorts by creation time: "asc" or "desc" ("" for the default).
	Order string
}

// Retrieve returns the companies that match opts: the company with a name or
// company_id (as a list of one: the API answers a single company there), or a
// page of the companies with a tag or in a segment. FindByCompanyID and
// FindByName return the one company directly.
//
// Calls retrieveCompany: GET /companies.
func (s *CompaniesService) Retrieve(ctx context.Context, opts *RetrieveCompaniesOptions) (*CompanyList, *Response, error) {
	var o RetrieveCompaniesOptions
	if opts != nil {
		o = *opts
	}
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	answer, resp, err := decode[gen.CompanyOrList](s.client.raw.RetrieveCompany(ctx, &gen.RetrieveCompanyParams{
		Name:      stringOrNil(o.Name),
		CompanyId: stringOrNil(o.CompanyID),
		TagId:     stringOrNil(o.TagID),
		SegmentId: stringOrNil(o.SegmentID),
		Page:      intOrNil(o.Page),
		PerPage:   intOrNil(o.PerPage),
	}))
	if err != nil {
		return nil, resp, err
	}
	list, err := companiesOf(answer)
	return list, resp, err
}

// FindByCompanyID returns the company with your own id companyID, through
// Retrieve.
func (s *CompaniesService) FindByCompanyID(ctx context.Context, companyID string) (*Company, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return s.findOne(ctx, RetrieveCompaniesOptions{CompanyID: companyID})
}

// FindByName returns the company named name, through Retrieve.
func (s *CompaniesService) FindByName(ctx context.Context, name string) (*Company, *Response, error) {
	if err := required("name", name); err != nil {
		return nil, nil, err
	}
	return s.findOne(ctx, RetrieveCompaniesOptions{Name: name})
}

// findOne is Retrieve for a lookup that names one company.
func (s *CompaniesService) findOne(ctx context.Context, o RetrieveCompaniesOptions) (*Company, *Response, error) {
	list, resp, err := s.Retrieve(ctx, &o)
	if err != nil {
		return nil, resp, err
	}
	found := list.GetData()
	if len(found) != 1 {
		return nil, resp, fmt.Errorf("intercom: GET /companies: %w: the lookup matched %d companies, want 1", ErrNotFound, len(found))
	}
	return &found[0], resp, nil
}

// companiesOf reads retrieveCompany's answer, a company or a list, as a list.
func companiesOf(answer *gen.CompanyOrList) (*CompanyList, error) {
	raw, err := answer.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var head struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("intercom: decode GET /companies: %w", err)
	}
	if head.Type == "list" {
		l, err := answer.AsCompanyList()
		return &l, err
	}
	c, err := answer.AsCompany()
	if err != nil {
		return nil, fmt.Errorf("intercom: decode GET /companies: %w", err)
	}
	return &CompanyList{Type: gen.CompanyListTypeList, Data: []Company{c}, TotalCount: 1}, nil
}

// RetrieveIter returns an iterator over every company that matches opts,
// page after page, starting at page opts.Page.
//
// Each page is one Retrieve call.
func (s *CompaniesService) RetrieveIter(ctx context.Context, opts *RetrieveCompaniesOptions) iter.Seq2[Company, error] {
	var o RetrieveCompaniesOptions
	if opts != nil {
		o = *opts
	}
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*CompanyList, *Response, error) {
		o.Page = page
		return s.Retrieve(ctx, &o)
	}, func(l *CompanyList) ([]Company, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// CreateOrUpdate creates a company, or updates the one with the same
// company_id. The request needs a company_id or a name.
//
// Calls createOrUpdateCompany: POST /companies.
func (s *CompaniesService) CreateOrUpdate(ctx context.Context, opts CompanyOptions) (*Company, *Response, error) {
	req, err := opts.request()
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Company](s.client.raw.CreateOrUpdateCompany(ctx, nil, req))
}

// Find returns a company by its Intercom id.
//
// Calls RetrieveACompanyById: GET /companies/{company_id}.
func (s *CompaniesService) Find(ctx context.Context, companyID string) (*Company, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Company](s.client.raw.RetrieveACompanyById(ctx, companyID, nil))
}

// Update asks the API to update a company by its Intercom id. The 2.11
// description gives this operation no request body; use CreateOrUpdate to
// change a company's fields.
//
// Calls UpdateCompany: PUT /companies/{company_id}.
func (s *CompaniesService) Update(ctx context.Context, companyID string) (*Company, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Company](gen.UpdateCompanyCall(ctx, s.client.raw, companyID))
}

// Delete deletes a company.
//
// Calls deleteCompany: DELETE /companies/{company_id}.
func (s *CompaniesService) Delete(ctx context.Context, companyID string) (*DeletedCompany, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.DeletedCompanyObject](s.client.raw.DeleteCompany(ctx, companyID, nil))
}

// ListAttachedContacts returns one page of the contacts of a company. Use
// ListAttachedContactsIter to walk every page.
//
// Calls ListAttachedContacts: GET /companies/{company_id}/contacts.
func (s *CompaniesService) ListAttachedContacts(ctx context.Context, companyID string, opts *PageOptions) (*CompanyAttachedContacts, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.CompanyAttachedContacts](s.client.raw.ListAttachedContacts(ctx, companyID, &gen.ListAttachedContactsParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListAttachedContactsIter returns an iterator over every contact of a
// company, starting at page opts.Page.
//
// Each page is one ListAttachedContacts call.
func (s *CompaniesService) ListAttachedContactsIter(ctx context.Context, companyID string, opts *PageOptions) iter.Seq2[Contact, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*CompanyAttachedContacts, *Response, error) {
		o.Page = page
		return s.ListAttachedContacts(ctx, companyID, &o)
	}, func(l *CompanyAttachedContacts) ([]Contact, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// ListAttachedSegments returns the segments a company is in.
//
// Calls ListAttachedSegmentsForCompanies: GET /companies/{company_id}/segments.
func (s *CompaniesService) ListAttachedSegments(ctx context.Context, companyID string) (*CompanyAttachedSegments, *Response, error) {
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.CompanyAttachedSegments](s.client.raw.ListAttachedSegmentsForCompanies(ctx, companyID, nil))
}

// List returns one page of all companies. Use ListIter to walk every page,
// or ScrollIter for large workspaces.
//
// Calls listAllCompanies: POST /companies/list.
func (s *CompaniesService) List(ctx context.Context, opts *ListCompaniesOptions) (*CompanyList, *Response, error) {
	var o ListCompaniesOptions
	if opts != nil {
		o = *opts
	}
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	if o.Order != "" && o.Order != "asc" && o.Order != "desc" {
		return nil, nil, invalid("order", "%q is not asc or desc", o.Order)
	}
	return decode[gen.CompanyList](s.client.raw.ListAllCompanies(ctx, &gen.ListAllCompaniesParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
		Order:   stringOrNil(o.Order),
	}))
}

// ListIter returns an iterator over all companies, page after page, starting
// at page opts.Page.
//
// Each page is one List call.
func (s *CompaniesService) ListIter(ctx context.Context, opts *ListCompaniesOptions) iter.Seq2[Company, error] {
	var o ListCompaniesOptions
	if opts != nil {
		o = *opts
	}
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*CompanyList, *Response, error) {
		o.Page = page
		return s.List(ctx, &o)
	}, func(l *CompanyList) ([]Company, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// Scroll returns one page of a scroll over all companies: scrollParam is ""
// to open the scroll, then the scroll_param of the page before. A workspace
// can have one scroll open at a time. Use ScrollIter to walk the whole scroll.
//
// Calls scrollOverAllCompanies: GET /companies/scroll.
func (s *CompaniesService) Scroll(ctx context.Context, scrollParam string) (*CompanyScroll, *Response, error) {
	return decode[gen.CompanyScroll](s.client.raw.ScrollOverAllCompanies(ctx, &gen.ScrollOverAllCompaniesParams{
		ScrollParam: stringOrNil(scrollParam),
	}))
}

// ScrollIter returns an iterator over all companies through the scroll API.
// It ends on the empty page that closes the scroll, or earlier once the
// response's total_count companies have been seen.
//
// Each page is one Scroll call.
func (s *CompaniesService) ScrollIter(ctx context.Context) iter.Seq2[Company, error] {
	return scrollPages(ctx, func(ctx context.Context, param string) ([]Company, string, int, error) {
		l, _, err := s.Scroll(ctx, param)
		if err != nil {
			return nil, "", 0, err
		}
		total := -1
		if l.TotalCount != nil {
			total = *l.TotalCount
		}
		next := ""
		if l.ScrollParam != nil {
			next = *l.ScrollParam
		}
		return l.GetData(), next, total, nil
	}, func(c Company) string { return c.GetId() })
}

// AttachContact adds a contact to a company.
//
// Calls attachContactToACompany: POST /contacts/{contact_id}/companies.
func (s *CompaniesService) AttachContact(ctx context.Context, contactID, companyID string) (*Company, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Company](s.client.raw.AttachContactToACompany(ctx, contactID, nil, gen.AttachContactToCompanyRequest{Id: companyID}))
}

// DetachContact removes a contact from a company.
//
// Calls detachContactFromACompany: DELETE /contacts/{contact_id}/companies/{company_id}.
func (s *CompaniesService) DetachContact(ctx context.Context, contactID, companyID string) (*Company, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("company_id", companyID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Company](s.client.raw.DetachContactFromACompany(ctx, contactID, companyID, nil))
}
