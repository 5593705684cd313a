package facade

import "github.com/go-intercom/intercom/gen"

// GroupTranslatedContent holds a collection's name and description per locale.
type GroupTranslatedContent = gen.GroupTranslatedContent

// CreateCollectionOptions are the optional fields of
// HelpCenters.Collections.Create; fields left zero are not sent.
type CreateCollectionOptions struct {
	Description string
	// HelpCenterID puts the collection in a help center other than the
	// workspace's default one.
	HelpCenterID int
	// ParentID nests the collection under another one.
	ParentID          string
	TranslatedContent *GroupTranslatedContent
}

// request builds the body of createCollection.
func (o CreateCollectionOptions) request(name string) (gen.CreateCollectionRequest, error) {
	if err := required("name", name); err != nil {
		return gen.CreateCollectionRequest{}, err
	}
	if o.HelpCenterID < 0 {
		return gen.CreateCollectionRequest{}, invalid("help_center_id", "must not be negative, got %d", o.HelpCenterID)
	}
	return gen.CreateCollectionRequest{
		Name:              name,
		Description:       stringOrNil(o.Description),
		HelpCenterId:      intOrNil(o.HelpCenterID),
		ParentId:          stringOrNil(o.ParentID),
		TranslatedContent: o.TranslatedContent,
	}, nil
}

// UpdateCollectionOptions are the fields HelpCenters.Collections.Update
// changes; fields left zero are not sent. ParentID: facade.Null[string]()
// moves the collection to the top level.
type UpdateCollectionOptions struct {
	Name              string
	Description       string
	ParentID          Nullable[string]
	TranslatedContent *GroupTranslatedContent
}

// request builds the body of updateCollection.
func (o UpdateCollectionOptions) request() (gen.UpdateCollectionRequest, error) {
	if id, ok := o.ParentID.Get(); ok && id == "" {
		return gen.UpdateCollectionRequest{}, invalid("parent_id", "must not be empty when set; use facade.Null[string]() to move the collection to the top level")
	}
	return gen.UpdateCollectionRequest{
		Name:              stringOrNil(o.Name),
		Description:       stringOrNil(o.Description),
		ParentId:          o.ParentID,
		TranslatedContent: o.TranslatedContent,
	}, nil
}
