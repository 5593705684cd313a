package facade

import (
	"context"
	"encoding/json"

	"github.com/go-intercom/intercom/gen"
)

// TagsService groups the operations on tags and tagging of contacts, conversations and tickets.
type TagsService service

// Tag is a tag as attached to a contact, conversation or ticket.
type Tag = gen.Tag

// TagBasic is a tag's id and name, as created or found.
type TagBasic = gen.TagBasic

// TagList is the list of a workspace's tags.
type TagList = gen.TagList

// TagContact attaches the tag tagID to a contact.
//
// Calls attachTagToContact: POST /contacts/{contact_id}/tags.
func (s *TagsService) TagContact(ctx context.Context, contactID, tagID string) (*Tag, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("id", tagID); err != nil {
		return nil, nil, err
	}
	body := gen.AttachTagToContactJSONRequestBody{Id: tagID}
	return decode[Tag](s.client.raw.AttachTagToContact(ctx, contactID, nil, body))
}

// UntagContact removes the tag tagID from a contact.
//
// Calls detachTagFromContact: DELETE /contacts/{contact_id}/tags/{tag_id}.
func (s *TagsService) UntagContact(ctx context.Context, contactID, tagID string) (*Tag, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("tag_id", tagID); err != nil {
		return nil, nil, err
	}
	return decode[Tag](s.client.raw.DetachTagFromContact(ctx, contactID, tagID, nil))
}

// TagConversation attaches the tag tagID to a conversation, on behalf of the
// admin adminID.
//
// Calls attachTagToConversation: POST /conversations/{conversation_id}/tags.
func (s *TagsService) TagConversation(ctx context.Context, conversationID, tagID, adminID string) (*Tag, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if err := tagAndAdmin("id", tagID, adminID); err != nil {
		return nil, nil, err
	}
	body := gen.AttachTagToConversationJSONRequestBody{Id: tagID, AdminId: adminID}
	return decode[Tag](s.client.raw.AttachTagToConversation(ctx, conversationID, nil, body))
}

// UntagConversation removes the tag tagID from a conversation, on behalf of
// the admin adminID.
//
// Calls detachTagFromConversation: DELETE /conversations/{conversation_id}/tags/{tag_id}.
func (s *TagsService) UntagConversation(ctx context.Context, conversationID, tagID, adminID string) (*Tag, *Response, error) {
	if err := required("conversation_id", conversationID); err != nil {
		return nil, nil, err
	}
	if err := tagAndAdmin("tag_id", tagID, adminID); err != nil {
		return nil, nil, err
	}
	body := gen.DetachTagFromConversationJSONRequestBody{AdminId: adminID}
	return decode[Tag](s.client.raw.DetachTagFromConversation(ctx, conversationID, tagID, nil, body))
}

// TagTicket attaches the tag tagID to a ticket, on behalf of the admin
// adminID.
//
// Calls attachTagToTicket: POST /tickets/{ticket_id}/tags.
func (s *TagsService) TagTicket(ctx context.Context, ticketID, tagID, adminID string) (*Tag, *Response, error) {
	if err := required("ticket_id", ticketID); err != nil {
		return nil, nil, err
	}
	if err := tagAndAdmin("id", tagID, adminID); err != nil {
		return nil, nil, err
	}
	body := gen.AttachTagToTicketJSONRequestBody{Id: tagID, AdminId: adminID}
	return decode[Tag](s.client.raw.AttachTagToTicket(ctx, ticketID, nil, body))
}

// UntagTicket removes the tag tagID from a ticket, on behalf of the admin
// adminID.
//
// Calls detachTagFromTicket: DELETE /tickets/{ticket_id}/tags/{tag_id}.
func (s *TagsService) UntagTicket(ctx context.Context, ticketID, tagID, adminID string) (*Tag, *Response, error) {
	if err := required("ticket_id", ticketID); err != nil {
		return nil, nil, err
	}
	if err := tagAndAdmin("tag_id", tagID, adminID); err != nil {
		return nil, nil, err
	}
	body := gen.DetachTagFromTicketJSONRequestBody{AdminId: adminID}
	return decode[Tag](s.client.raw.DetachTagFromTicket(ctx, ticketID, tagID, nil, body))
}

// tagAndAdmin checks the tag id (named tagField) and the admin id of a
// tagging request.
func tagAndAdmin(tagField, tagID, adminID string) error {
	if err := required(tagField, tagID); err != nil {
		return err
	}
	return required("admin_id", adminID)
}

// List returns the workspace's tags.
//
// Calls listTags: GET /tags.
func (s *TagsService) List(ctx context.Context) (*TagList, *Response, error) {
	return decode[TagList](s.client.raw.ListTags(ctx, nil))
}

// TagRequest is what TagsService.Create does: create or rename a tag, tag or
// untag companies, or tag contacts. Build one with NewTag, RenameTag,
// TagCompanies, UntagCompanies or TagContacts; the zero value is rejected.
type TagRequest struct {
	kind      tagRequestKind
	id        string
	name      string
	companies []TagCompany
	contacts  []string
}

type tagRequestKind int

const (
	tagRequestCreate tagRequestKind = iota + 1
	tagRequestRename
	tagRequestTagCompanies
	tagRequestUntagCompanies
	tagRequestTagContacts
)

// TagCompany names a company to tag or untag, by Intercom's id or by your
// own company_id. Build one with TagCompanyByID or TagCompanyByCompanyID.
type TagCompany struct {
	field string
	value string
}

// TagCompanyByID names a company by the id Intercom gave it.
func TagCompanyByID(id string) TagCompany { return TagCompany{field: "id", value: id} }

// TagCompanyByCompanyID names a company by the company_id you gave it.
func TagCompanyByCompanyID(companyID string) TagCompany {
	return TagCompany{field: "company_id", value: companyID}
}

// NewTag creates a tag called name, or returns it if it exists.
func NewTag(name string) TagRequest { return TagRequest{kind: tagRequestCreate, name: name} }

// RenameTag gives the tag tagID a new name.
func RenameTag(tagID, name string) TagRequest {
	return TagRequest{kind: tagRequestRename, id: tagID, name: name}
}

// TagCompanies attaches the tag called name to companies, creating the tag
// if needed.
func TagCompanies(name string, companies ...TagCompany) TagRequest {
	return TagRequest{kind: tagRequestTagCompanies, name: name, companies: append([]TagCompany(nil), companies...)}
}

// UntagCompanies removes the tag called name from companies.
func UntagCompanies(name string, companies ...TagCompany) TagRequest {
	return TagRequest{kind: tagRequestUntagCompanies, name: name, companies: append([]TagCompany(nil), companies...)}
}

// TagContacts attaches the tag called name to contacts, given by the ids
// Intercom gave them, creating the tag if needed.
func TagContacts(name string, contactIDs ...string) TagRequest {
	return TagRequest{kind: tagRequestTagContacts, name: name, contacts: append([]string(nil), contactIDs...)}
}

// body checks r and builds the API's request, one variant of its oneOf.
func (r TagRequest) body() (gen.CreateTagRequest, error) {
	var out gen.CreateTagRequest
	if r.kind == 0 {
		return out, invalid("name", "build the request with NewTag, RenameTag, TagCompanies, UntagCompanies or TagContacts")
	}
	if err := required("name", r.name); err != nil {
		return out, err
	}
	switch r.kind {
	case tagRequestCreate:
		return out, out.FromCreateOrUpdateTagRequest(gen.CreateOrUpdateTagRequest{Name: r.name})
	case tagRequestRename:
		if err := required("id", r.id); err != nil {
			return out, err
		}
		id := r.id
		return out, out.FromCreateOrUpdateTagRequest(gen.CreateOrUpdateTagRequest{Id: &id, Name: r.name})
	case tagRequestTagContacts:
		if len(r.contacts) == 0 {
			return out, invalid("users", "name at least one contact")
		}
		req := gen.TagMultipleUsersRequest{Name: r.name}
		req.Users = make([]gen.TagUserItem, len(r.contacts))
		for i, id := range r.contacts {
			if err := required(itemField("users", i)+".id", id); err != nil {
				return out, err
			}
			req.Users[i].Id = &id
		}
		return out, out.FromTagMultipleUsersRequest(req)
	}
	// Tagging or untagging companies.
	if len(r.companies) == 0 {
		return out, invalid("companies", "name at least one company")
	}
	list := make([]map[string]any, len(r.companies))
	for i, c := range r.companies {
		field := itemField("companies", i)
		if c.field == "" {
			return out, invalid(field, "name the company with TagCompanyByID or TagCompanyByCompanyID")
		}
		if err := required(field+"."+c.field, c.value); err != nil {
			return out, err
		}
		list[i] = map[string]any{c.field: c.value}
		if r.kind == tagRequestUntagCompanies {
			list[i]["untag"] = true
		}
	}
	// Built as JSON rather than with the generated company structs: the
	// untag variant's struct would send both id and company_id, one of them
	// empty, where the API takes either.
	raw, err := json.Marshal(map[string]any{"name": r.name, "companies": list})
	if err != nil {
		return out, err
	}
	return out, out.UnmarshalJSON(raw)
}

// Create creates or renames a tag, or tags or untags companies or contacts
// in bulk, as the TagRequest says. It returns the tag.
//
// Calls createTag: POST /tags.
func (s *TagsService) Create(ctx context.Context, r TagRequest) (*TagBasic, *Response, error) {
	body, err := r.body()
	if err != nil {
		return nil, nil, err
	}
	return decode[TagBasic](s.client.raw.CreateTag(ctx, nil, body))
}

// Find returns one tag.
//
// Calls findTag: GET /tags/{tag_id}.
func (s *TagsService) Find(ctx context.Context, tagID string) (*TagBasic, *Response, error) {
	if err := required("tag_id", tagID); err != nil {
		return nil, nil, err
	}
	return decode[TagBasic](s.client.raw.FindTag(ctx, tagID, nil))
}

// Delete removes a tag. The API refuses while segments still use it.
//
// Calls deleteTag: DELETE /tags/{tag_id}.
func (s *TagsService) Delete(ctx context.Context, tagID string) (*Response, error) {
	if err := required("tag_id", tagID); err != nil {
		return nil, err
	}
	return finish(s.client.raw.DeleteTag(ctx, tagID, nil))
}
