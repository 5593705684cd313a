package facade

import (
	"context"
	"iter"
	"net/http"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// EventsService groups the operations on data events recorded for contacts.
type EventsService service

// DataEventSummary is a contact's events, or their summary, as listed by
// EventsService.List.
type DataEventSummary = gen.DataEventSummary

// DataEventSummaryItem is one entry of DataEventSummary.Events, as
// EventsService.ListIter yields them.
type DataEventSummaryItem = gen.DataEventSummaryItem

// maxEventMetadata is how many metadata keys Intercom keeps on one event.
const maxEventMetadata = 10

// CreateEventOptions holds the optional fields of a data event.
type CreateEventOptions struct {
	// Metadata is extra detail about the event, at most 10 keys.
	Metadata map[string]string
}

// Create records that the contact who did eventName at createdAt. The
// contact is named with ByIntercomUserID (sent as id), ByUserID or ByEmail.
// The API accepts the event for later processing and returns no body.
//
// Calls createDataEvent: POST /events.
func (s *EventsService) Create(ctx context.Context, who ContactIdentifier, eventName string, createdAt time.Time, opts *CreateEventOptions) (*Response, error) {
	if err := eventContact(who, "id"); err != nil {
		return nil, err
	}
	if err := required("event_name", eventName); err != nil {
		return nil, err
	}
	at, err := unixTimestamp("created_at", createdAt)
	if err != nil {
		return nil, err
	}
	name, ts := eventName, int(at)
	body := gen.CreateDataEventJSONRequestBody{EventName: &name, CreatedAt: &ts}
	v := who.Value()
	switch who.Field() {
	case "intercom_user_id":
		body.Id = &v
	case "user_id":
		body.UserId = &v
	case "email":
		body.Email = &v
	}
	if opts != nil && len(opts.Metadata) > 0 {
		if len(opts.Metadata) > maxEventMetadata {
			return nil, invalid("metadata", "has %d keys, at most %d are allowed", len(opts.Metadata), maxEventMetadata)
		}
		md := make(map[string]string, len(opts.Metadata))
		for k, val := range opts.Metadata {
			if k == "" {
				return nil, invalid("metadata", "keys must not be empty")
			}
			md[k] = val
		}
		body.Metadata = &md
	}
	return finish(s.client.raw.CreateDataEvent(ctx, nil, body))
}

// ListEventsOptions tunes EventsService.List.
type ListEventsOptions struct {
	// Summary asks for a count per event name instead of the events.
	Summary bool
	// PerPage is how many events a page holds (0: the API's default).
	PerPage int
}

// List returns the first page of the events recorded for one user, or of
// their summary. The user is named with ByIntercomUserID, ByUserID or
// ByEmail. Use ListIter to walk every page.
//
// Calls lisDataEvents: GET /events.
func (s *EventsService) List(ctx context.Context, who ContactIdentifier, opts *ListEventsOptions) (*DataEventSummary, *Response, error) {
	params, err := eventsParams(who, opts)
	if err != nil {
		return nil, nil, err
	}
	return decode[DataEventSummary](s.client.raw.LisDataEvents(ctx, params))
}

// ListIter returns an iterator over the events recorded for one user (or
// their summaries), page after page. The API names the next page with a
// URL in pages.next; the iterator requests that URL's path and query, on
// the client's base URL, until a page names none.
//
// Each page is one GET /events (lisDataEvents).
func (s *EventsService) ListIter(ctx context.Context, who ContactIdentifier, opts *ListEventsOptions) iter.Seq2[DataEventSummaryItem, error] {
	params, err := eventsParams(who, opts)
	var first *http.Request
	if err == nil {
		first, err = gen.NewLisDataEventsRequest(s.client.raw.Server, params)
	}
	return linkPages(ctx, s.client, first, err, func(l *DataEventSummary) ([]DataEventSummaryItem, nextPage) {
		return l.Events, nextOfPagesMap(l.Pages)
	})
}

// eventsParams checks the options of lisDataEvents and builds its
// parameters.
func eventsParams(who ContactIdentifier, opts *ListEventsOptions) (*gen.LisDataEventsParams, error) {
	if err := eventContact(who, "intercom_user_id"); err != nil {
		return nil, err
	}
	params := gen.LisDataEventsParams{Type: "user"}
	value := who.Value()
	switch who.Field() {
	case "intercom_user_id":
		params.Filter.IntercomUserId = &value
	case "user_id":
		params.Filter.UserId = &value
	case "email":
		params.Filter.Email = &value
	}
	if opts != nil {
		if opts.PerPage < 0 {
			return nil, invalid("per_page", "must not be negative, got %d", opts.PerPage)
		}
		if opts.Summary {
			t := true
			params.Summary = &t
		}
		if opts.PerPage > 0 {
			n := opts.PerPage
			params.PerPage = &n
		}
	}
	return &params, nil
}

// EventSummary is the count of one event for a user, sent with
// EventsService.Summaries.
type EventSummary struct {
	// EventName is the event counted. Required.
	EventName string
	// Count is how many times the event happened; at least 1.
	Count int
	// First is when the event first happened (optional).
	First time.Time
	// Last is when the event last happened (optional; not before First).
	Last time.Time
}

// Summaries records the count of an event for a user, instead of each event.
// The API returns no body.
//
// Calls dataEventSummaries: POST /events/summaries.
func (s *EventsService) Summaries(ctx context.Context, userID string, summary EventSummary) (*Response, error) {
	if err := required("user_id", userID); err != nil {
		return nil, err
	}
	if err := required("event_summaries.event_name", summary.EventName); err != nil {
		return nil, err
	}
	if summary.Count < 1 {
		return nil, invalid("event_summaries.count", "must be at least 1, got %d", summary.Count)
	}
	es := gen.EventSummaries{Count: &summary.Count, EventName: &summary.EventName}
	var first, last int64
	if !summary.First.IsZero() {
		f, err := unixTimestamp("event_summaries.first", summary.First)
		if err != nil {
			return nil, err
		}
		first = f
		fi := int(f)
		es.First = &fi
	}
	if !summary.Last.IsZero() {
		l, err := unixTimestamp("event_summaries.last", summary.Last)
		if err != nil {
			return nil, err
		}
		if first != 0 && l < first {
			return nil, invalid("event_summaries.last", "must not be before event_summaries.first")
		}
		last = l
		li := int(last)
		es.Last = &li
	}
	body := gen.DataEventSummariesJSONRequestBody{UserId: &userID, EventSummaries: &es}
	return finish(s.client.raw.DataEventSummaries(ctx, nil, body))
}

// eventContact checks that who names a contact; idField is how the API
// names Intercom's own id in this request ("id" or "intercom_user_id").
func eventContact(who ContactIdentifier, idField string) error {
	field := who.Field()
	if field == "" {
		return invalid(idField+"|user_id|email", "name the contact with ByIntercomUserID, ByUserID or ByEmail")
	}
	if field == "intercom_user_id" {
		field = idField
	}
	if err := required(field, who.Value()); err != nil {
		return err
	}
	if who.Field() == "email" {
		return checkEmail("email", who.Value())
	}
	return nil
}
