package facade

import (
	"context"
	"iter"

	"github.com/go-intercom/intercom/gen"
	"github.com/go-intercom/intercom/internal/wire"
)

// ContactsService groups the operations on contacts: users and leads.
type ContactsService service

// Contact is a user or a lead.
type Contact = gen.Contact

// ContactList is one page of contacts, from a list or a search.
type ContactList = gen.ContactList

// ContactDeleted is the answer to Contacts.Delete.
type ContactDeleted = gen.ContactDeleted

// ContactArchived is the answer to Contacts.Archive.
type ContactArchived = gen.ContactArchived

// ContactUnarchived is the answer to Contacts.Unarchive.
type ContactUnarchived = gen.ContactUnarchived

// ContactAttachedCompanies is one page of the companies a contact belongs to.
type ContactAttachedCompanies = gen.ContactAttachedCompanies

// ContactSegments lists the segments a contact is in.
type ContactSegments = gen.ContactSegments

// The roles a contact can have.
const (
	ContactRoleUser = "user"
	ContactRoleLead = "lead"
)

// ConsentType says how a contact agreed to a subscription type.
type ConsentType string

// The consent types of Contacts.AttachSubscription.
const (
	ConsentOptIn  ConsentType = "opt_in"
	ConsentOptOut ConsentType = "opt_out"
)

// ListContactsOptions selects a page of Contacts.List.
type ListContactsOptions struct {
	// PerPage is how many contacts a page holds (0 for the API's default).
	PerPage int
	// StartingAfter is the cursor of the page to fetch: the
	// pages.next.starting_after of the page before. Empty for the first page.
	StartingAfter string
}

// List returns one page of contacts. Use ListIter to walk every page.
//
// Calls ListContacts: GET /contacts.
func (s *ContactsService) List(ctx context.Context, opts *ListContactsOptions) (*ContactList, *Response, error) {
	var o ListContactsOptions
	if opts != nil {
		o = *opts
	}
	if o.PerPage < 0 {
		return nil, nil, invalid("per_page", "must not be negative, got %d", o.PerPage)
	}
	return decode[gen.ContactList](s.client.raw.ListContacts(ctx, &gen.ListContactsParams{
		PerPage:       intOrNil(o.PerPage),
		StartingAfter: stringOrNil(o.StartingAfter),
	}))
}

// ListIter returns an iterator over every contact, page after page, starting
// at opts.StartingAfter.
//
// Each page is one List call.
func (s *ContactsService) ListIter(ctx context.Context, opts *ListContactsOptions) iter.Seq2[Contact, error] {
	var o ListContactsOptions
	if opts != nil {
		o = *opts
	}
	return cursorPages(ctx, o.StartingAfter, func(ctx context.Context, cursor string) ([]Contact, string, error) {
		page := o
		page.StartingAfter = cursor
		l, _, err := s.List(ctx, &page)
		if err != nil {
			return nil, "", err
		}
		return l.GetData(), nextCursor(l.Pages), nil
	})
}

// Create creates a contact. The request needs an email, an external_id or a
// role (user or lead).
//
// Calls CreateContact: POST /contacts.
func (s *ContactsService) Create(ctx context.Context, opts CreateContactOptions) (*Contact, *Response, error) {
	req, err := opts.request()
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Contact](s.client.raw.CreateContact(ctx, nil, req))
}

// Find returns a contact by its Intercom id.
//
// Calls ShowContact: GET /contacts/{contact_id}.
func (s *ContactsService) Find(ctx context.Context, contactID string) (*Contact, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Contact](s.client.raw.ShowContact(ctx, contactID, nil))
}

// Update changes the fields of a contact that req sets.
//
// Calls UpdateContact: PUT /contacts/{contact_id}.
func (s *ContactsService) Update(ctx context.Context, contactID string, opts UpdateContactOptions) (*Contact, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	req, err := opts.request()
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Contact](s.client.raw.UpdateContact(ctx, contactID, nil, req))
}

// Delete deletes a contact.
//
// Calls DeleteContact: DELETE /contacts/{contact_id}.
func (s *ContactsService) Delete(ctx context.Context, contactID string) (*ContactDeleted, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactDeleted](s.client.raw.DeleteContact(ctx, contactID, nil))
}

// MergeLeadInUser merges the lead leadID into the user userID and returns the
// user.
//
// Calls MergeContact: POST /contacts/merge.
func (s *ContactsService) MergeLeadInUser(ctx context.Context, leadID, userID string) (*Contact, *Response, error) {
	if err := required("from", leadID); err != nil {
		return nil, nil, err
	}
	if err := required("into", userID); err != nil {
		return nil, nil, err
	}
	if leadID == userID {
		return nil, nil, invalid("into", "must differ from from (%q)", leadID)
	}
	return decode[gen.Contact](s.client.raw.MergeContact(ctx, nil, gen.MergeContactsRequest{From: leadID, Into: userID}))
}

// Search returns one page of the contacts that match q. Use SearchIter to walk
// every page.
//
// Calls SearchContacts: POST /contacts/search.
func (s *ContactsService) Search(ctx context.Context, q SearchQuery, opts *SearchOptions) (*ContactList, *Response, error) {
	body, err := BuildSearchRequest(q, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactList](s.client.raw.SearchContacts(ctx, nil, body))
}

// SearchIter returns an iterator over every contact that matches q, page after
// page, starting at opts.StartingAfter.
//
// Each page is one Search call.
func (s *ContactsService) SearchIter(ctx context.Context, q SearchQuery, opts *SearchOptions) iter.Seq2[Contact, error] {
	return searchPages(ctx, q, opts, func(ctx context.Context, body SearchRequest) ([]Contact, string, error) {
		l, _, err := decode[gen.ContactList](s.client.raw.SearchContacts(ctx, nil, body))
		if err != nil {
			return nil, "", err
		}
		return l.GetData(), nextCursor(l.Pages), nil
	})
}

// ListAttachedCompanies returns one page of the companies a contact belongs
// to. Use ListAttachedCompaniesIter to walk every page.
//
// Calls listCompaniesForAContact: GET /contacts/{contact_id}/companies.
func (s *ContactsService) ListAttachedCompanies(ctx context.Context, contactID string, opts *PageOptions) (*ContactAttachedCompanies, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactAttachedCompanies](s.client.raw.ListCompaniesForAContact(ctx, contactID, &gen.ListCompaniesForAContactParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListAttachedCompaniesIter returns an iterator over every company a contact
// belongs to, starting at page opts.Page.
//
// Each page is one ListAttachedCompanies call.
func (s *ContactsService) ListAttachedCompaniesIter(ctx context.Context, contactID string, opts *PageOptions) iter.Seq2[Company, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*ContactAttachedCompanies, *Response, error) {
		o.Page = page
		return s.ListAttachedCompanies(ctx, contactID, &o)
	}, func(l *ContactAttachedCompanies) ([]Company, pageInfo) {
		var info pageInfo
		if l.Pages != nil {
			info = pageInfo{Page: l.Pages.GetPage(), TotalPages: l.Pages.GetTotalPages(), Next: pageOfURL(l.Pages.Next)}
		}
		return AttachedCompaniesOf(l), info
	})
}

// AttachedCompaniesOf returns the companies of one page of
// Contacts.ListAttachedCompanies. The API lists them under data; the
// description declares companies; either is read.
func AttachedCompaniesOf(l *ContactAttachedCompanies) []Company {
	if l == nil {
		return nil
	}
	if l.Data != nil {
		return *l.Data
	}
	if l.Companies != nil {
		return *l.Companies
	}
	return nil
}

// ListAttachedSegments returns the segments a contact is in.
//
// Calls listSegmentsForAContact: GET /contacts/{contact_id}/segments.
func (s *ContactsService) ListAttachedSegments(ctx context.Context, contactID string) (*ContactSegments, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactSegments](s.client.raw.ListSegmentsForAContact(ctx, contactID, nil))
}

// ListAttachedSubscriptions returns the subscription types a contact has
// opted in to or out of.
//
// Calls listSubscriptionsForAContact: GET /contacts/{contact_id}/subscriptions.
func (s *ContactsService) ListAttachedSubscriptions(ctx context.Context, contactID string) (*SubscriptionTypeList, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.SubscriptionTypeList](s.client.raw.ListSubscriptionsForAContact(ctx, contactID, nil))
}

// AttachSubscription records a contact's consent (opt in or opt out) to a
// subscription type.
//
// Calls attachSubscriptionTypeToContact: POST /contacts/{contact_id}/subscriptions.
func (s *ContactsService) AttachSubscription(ctx context.Context, contactID, subscriptionTypeID string, consent ConsentType) (*SubscriptionType, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("id", subscriptionTypeID); err != nil {
		return nil, nil, err
	}
	if consent != ConsentOptIn && consent != ConsentOptOut {
		return nil, nil, invalid("consent_type", "%q is not opt_in or opt_out", string(consent))
	}
	return decode[gen.SubscriptionType](s.client.raw.AttachSubscriptionTypeToContact(ctx, contactID, nil,
		gen.AttachSubscriptionTypeToContactRequest{Id: subscriptionTypeID, ConsentType: string(consent)}))
}

// DetachSubscription removes a subscription type from a contact.
//
// Calls detachSubscriptionTypeToContact: DELETE /contacts/{contact_id}/subscriptions/{subscription_id}.
func (s *ContactsService) DetachSubscription(ctx context.Context, contactID, subscriptionTypeID string) (*SubscriptionType, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("subscription_id", subscriptionTypeID); err != nil {
		return nil, nil, err
	}
	return decode[gen.SubscriptionType](s.client.raw.DetachSubscriptionTypeToContact(ctx, contactID, subscriptionTypeID, nil))
}

// ListAttachedTags returns the tags on a contact.
//
// Calls listTagsForAContact: GET /contacts/{contact_id}/tags.
func (s *ContactsService) ListAttachedTags(ctx context.Context, contactID string) (*TagList, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.TagList](s.client.raw.ListTagsForAContact(ctx, contactID, nil))
}

// Archive archives a contact.
//
// Calls ArchiveContact: POST /contacts/{contact_id}/archive.
func (s *ContactsService) Archive(ctx context.Context, contactID string) (*ContactArchived, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactArchived](s.client.raw.ArchiveContact(ctx, contactID, nil))
}

// Unarchive restores an archived contact.
//
// Calls UnarchiveContact: POST /contacts/{contact_id}/unarchive.
func (s *ContactsService) Unarchive(ctx context.Context, contactID string) (*ContactUnarchived, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	return decode[gen.ContactUnarchived](s.client.raw.UnarchiveContact(ctx, contactID, nil))
}

// Avatar is a contact's avatar: Avatar.URL() is the image's address, read
// from the URL string the API sends or from the object the description
// declares.
type Avatar = wire.Avatar
