package facade

import (
	"context"
	"maps"

	"github.com/go-intercom/intercom/gen"
)

// VisitorsService groups the operations on visitors of the Messenger.
type VisitorsService service

// Visitor is an anonymous person using the Messenger.
type Visitor = gen.Visitor

// UpdateVisitorOptions holds the changes to a visitor; at least one must be
// set.
type UpdateVisitorOptions struct {
	// Name, when set, replaces the visitor's name.
	Name *string
	// CustomAttributes are set on the visitor. 2.11 declares string values
	// for them in this request (numbers and booleans are refused by the
	// published description).
	CustomAttributes map[string]string
}

// Update changes a visitor, named with ByIntercomUserID (sent as id) or
// ByUserID.
//
// Calls updateVisitor: PUT /visitors.
func (s *VisitorsService) Update(ctx context.Context, visitor ContactIdentifier, changes UpdateVisitorOptions) (*Visitor, *Response, error) {
	var body gen.UpdateVisitorJSONRequestBody
	var err error
	body.Id, body.UserId, err = visitorIDs(visitor, "", false)
	if err != nil {
		return nil, nil, err
	}
	if changes.Name == nil && len(changes.CustomAttributes) == 0 {
		return nil, nil, invalid("name", "nothing to update: set name or custom_attributes")
	}
	body.Name = ptrCopy(changes.Name)
	if len(changes.CustomAttributes) > 0 {
		if _, empty := changes.CustomAttributes[""]; empty {
			return nil, nil, invalid("custom_attributes", "attribute names must not be empty")
		}
		ca := maps.Clone(changes.CustomAttributes)
		body.CustomAttributes = &ca
	}
	return decode[Visitor](s.client.raw.UpdateVisitor(ctx, nil, body))
}

// Find returns the visitor with the user_id the Messenger gave it.
//
// Calls retrieveVisitorWithUserId: GET /visitors.
func (s *VisitorsService) Find(ctx context.Context, userID string) (*Visitor, *Response, error) {
	if err := required("user_id", userID); err != nil {
		return nil, nil, err
	}
	return decode[Visitor](s.client.raw.RetrieveVisitorWithUserId(ctx, &gen.RetrieveVisitorWithUserIdParams{UserId: userID}))
}

// MergeRole is the role of the contact a visitor becomes.
type MergeRole string

// The roles a visitor can be merged into.
const (
	MergeAsUser MergeRole = "user"
	MergeAsLead MergeRole = "lead"
)

// MergeToContactOptions holds the optional fields of a visitor merge.
type MergeToContactOptions struct {
	// Email is kept on the contact.
	Email string
}

// MergeToContact turns a visitor into a contact of the given role, or merges
// it into an existing one. The visitor is named with ByIntercomUserID (sent
// as id), ByUserID or ByEmail; the contact with ByIntercomUserID or ByUserID.
//
// Calls convertVisitor: POST /visitors/convert.
func (s *VisitorsService) MergeToContact(ctx context.Context, visitor ContactIdentifier, role MergeRole, contact ContactIdentifier, opts *MergeToContactOptions) (*Contact, *Response, error) {
	var body gen.ConvertVisitorJSONRequestBody
	var err error
	if body.Visitor.Id, body.Visitor.UserId, err = visitorIDs(visitor, "visitor.", true); err != nil {
		return nil, nil, err
	}
	if visitor.Field() == "email" {
		e := visitor.Value()
		body.Visitor.Email = &e
	}
	switch role {
	case MergeAsUser, MergeAsLead:
	default:
		return nil, nil, invalid("type", "%q is not one of user, lead", role)
	}
	body.Type = string(role)
	if body.User.Id, body.User.UserId, err = visitorIDs(contact, "user.", false); err != nil {
		return nil, nil, err
	}
	if opts != nil && opts.Email != "" {
		if err := checkEmail("user.email", opts.Email); err != nil {
			return nil, nil, err
		}
		e := opts.Email
		body.User.Email = &e
	}
	return decode[gen.Contact](s.client.raw.ConvertVisitor(ctx, nil, body))
}

// visitorIDs checks who and returns it as the API's id or user_id field;
// prefix names the enclosing object in errors ("visitor."). An email is
// allowed only when allowEmail is set, and is returned as neither.
func visitorIDs(who ContactIdentifier, prefix string, allowEmail bool) (id, userID *string, err error) {
	v := who.Value()
	switch who.Field() {
	case "intercom_user_id":
		if err := required(prefix+"id", v); err != nil {
			return nil, nil, err
		}
		return &v, nil, nil
	case "user_id":
		if err := required(prefix+"user_id", v); err != nil {
			return nil, nil, err
		}
		return nil, &v, nil
	case "email":
		if allowEmail {
			return nil, nil, checkEmail(prefix+"email", v)
		}
	}
	if allowEmail {
		return nil, nil, invalid(prefix+"id|user_id|email", "name it with ByIntercomUserID, ByUserID or ByEmail")
	}
	return nil, nil, invalid(prefix+"id|user_id", "name it with ByIntercomUserID or ByUserID")
}
