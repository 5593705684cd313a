package facade

import (
	"context"
	"iter"

	"github.com/go-intercom/intercom/gen"
)

// HelpCenterCollectionsService groups the operations on help center collections.
type HelpCenterCollectionsService service

// Collection is a collection of articles in a help center.
type Collection = gen.Collection

// CollectionList is one page of collections.
type CollectionList = gen.CollectionList

// DeletedCollection is the answer to HelpCenters.Collections.Delete.
type DeletedCollection = gen.DeletedCollectionObject

// List returns one page of collections. Use ListIter to walk every page.
//
// Calls listAllCollections: GET /help_center/collections.
func (s *HelpCenterCollectionsService) List(ctx context.Context, opts *PageOptions) (*CollectionList, *Response, error) {
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.CollectionList](s.client.raw.ListAllCollections(ctx, &gen.ListAllCollectionsParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListIter returns an iterator over every collection, starting at page
// opts.Page.
//
// Each page is one List call.
func (s *HelpCenterCollectionsService) ListIter(ctx context.Context, opts *PageOptions) iter.Seq2[Collection, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*CollectionList, *Response, error) {
		o.Page = page
		return s.List(ctx, &o)
	}, func(l *CollectionList) ([]Collection, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// Create creates a collection with a name; opts, which may be nil, sets the
// rest.
//
// Calls createCollection: POST /help_center/collections.
func (s *HelpCenterCollectionsService) Create(ctx context.Context, name string, opts *CreateCollectionOptions) (*Collection, *Response, error) {
	var o CreateCollectionOptions
	if opts != nil {
		o = *opts
	}
	req, err := o.request(name)
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Collection](s.client.raw.CreateCollection(ctx, nil, req))
}

// Find returns a collection by its id.
//
// Calls retrieveCollection: GET /help_center/collections/{collection_id}.
func (s *HelpCenterCollectionsService) Find(ctx context.Context, collectionID string) (*Collection, *Response, error) {
	if err := required("collection_id", collectionID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Collection](s.client.raw.RetrieveCollection(ctx, collectionID, nil))
}

// Update changes the fields of a collection that opts sets.
//
// Calls updateCollection: PUT /help_center/collections/{collection_id}.
func (s *HelpCenterCollectionsService) Update(ctx context.Context, collectionID string, opts UpdateCollectionOptions) (*Collection, *Response, error) {
	if err := required("collection_id", collectionID); err != nil {
		return nil, nil, err
	}
	req, err := opts.request()
	if err != nil {
		return nil, nil, err
	}
	return decode[gen.Collection](s.client.raw.UpdateCollection(ctx, collectionID, nil, req))
}

// Delete deletes a collection.
//
// Calls deleteCollection: DELETE /help_center/collections/{collection_id}.
func (s *HelpCenterCollectionsService) Delete(ctx context.Context, collectionID string) (*DeletedCollection, *Response, error) {
	if err := required("collection_id", collectionID); err != nil {
		return nil, nil, err
	}
	return decode[gen.DeletedCollectionObject](s.client.raw.DeleteCollection(ctx, collectionID, nil))
}
