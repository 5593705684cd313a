package facade

import (
	"context"
	"iter"

	"github.com/go-intercom/intercom/gen"
)

// NotesService groups the operations on notes on contacts.
type NotesService service

// Note is a note an admin left on a contact.
type Note = gen.Note

// NoteList is one page of the notes on a contact.
type NoteList = gen.NoteList

// CreateNoteOptions holds the optional fields of Notes.Create.
type CreateNoteOptions struct {
	// AdminID is the admin the note is written as.
	AdminID string
}

// List returns one page of the notes on a contact, newest first. Use ListIter
// to walk every page.
//
// Calls listNotes: GET /contacts/{contact_id}/notes.
func (s *NotesService) List(ctx context.Context, contactID string, opts *PageOptions) (*NoteList, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	o := opts.value()
	if err := validPage(o.Page, o.PerPage); err != nil {
		return nil, nil, err
	}
	return decode[gen.NoteList](s.client.raw.ListNotes(ctx, contactID, &gen.ListNotesParams{
		Page:    intOrNil(o.Page),
		PerPage: intOrNil(o.PerPage),
	}))
}

// ListIter returns an iterator over every note on a contact, starting at page
// opts.Page.
//
// Each page is one List call.
func (s *NotesService) ListIter(ctx context.Context, contactID string, opts *PageOptions) iter.Seq2[Note, error] {
	o := opts.value()
	return listPages(ctx, o.Page, func(ctx context.Context, page int) (*NoteList, *Response, error) {
		o.Page = page
		return s.List(ctx, contactID, &o)
	}, func(l *NoteList) ([]Note, pageInfo) { return l.GetData(), pageInfoOf(l.Pages) })
}

// Create adds a note with the given body (HTML allowed) to a contact.
//
// Calls createNote: POST /contacts/{contact_id}/notes.
func (s *NotesService) Create(ctx context.Context, contactID, body string, opts *CreateNoteOptions) (*Note, *Response, error) {
	if err := required("contact_id", contactID); err != nil {
		return nil, nil, err
	}
	if err := required("body", body); err != nil {
		return nil, nil, err
	}
	req := gen.CreateNoteRequest{Body: body}
	if opts != nil {
		req.AdminId = stringOrNil(opts.AdminID)
	}
	return decode[gen.Note](s.client.raw.CreateNote(ctx, contactID, nil, req))
}

// Find returns a note by its id.
//
// Calls retrieveNote: GET /notes/{note_id}.
func (s *NotesService) Find(ctx context.Context, noteID string) (*Note, *Response, error) {
	if err := required("note_id", noteID); err != nil {
		return nil, nil, err
	}
	return decode[gen.Note](s.client.raw.RetrieveNote(ctx, noteID, nil))
}
