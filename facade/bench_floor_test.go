package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
	"testing"

	"github.com/go-intercom/intercom/gen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The floors of issue 11: what a plain Go program does with the same
// responses. Each floor type is written by hand and mirrors the JSON of the
// fixtures: a pointer for every field the API may send as null or leave out
// (as its description says), a plain value for fields it always sends,
// nested objects as pointer structs. None of them is a gen type, so the
// comparisons measure the generated representation too, not only the
// facade's plumbing around it.

// plainContactPage is one page of GET /contacts.
type plainContactPage struct {
	Type       string         `json:"type"`
	Data       []plainContact `json:"data"`
	TotalCount int            `json:"total_count"`
	Pages      *struct {
		Type       string `json:"type"`
		Page       *int   `json:"page"`
		PerPage    *int   `json:"per_page"`
		TotalPages *int   `json:"total_pages"`
		Next       *struct {
			PerPage       int     `json:"per_page"`
			StartingAfter *string `json:"starting_after"`
		} `json:"next"`
	} `json:"pages"`
}

// plainContact is a contact.
type plainContact struct {
	Type                      *string              `json:"type"`
	ID                        string               `json:"id"`
	WorkspaceID               string               `json:"workspace_id"`
	ExternalID                *string              `json:"external_id"`
	Role                      string               `json:"role"`
	Email                     *string              `json:"email"`
	Phone                     *string              `json:"phone"`
	Name                      *string              `json:"name"`
	Avatar                    *plainAvatar         `json:"avatar"`
	OwnerID                   *int64               `json:"owner_id"`
	SocialProfiles            *plainSocialProfiles `json:"social_profiles"`
	HasHardBounced            bool                 `json:"has_hard_bounced"`
	MarkedEmailAsSpam         bool                 `json:"marked_email_as_spam"`
	UnsubscribedFromEmails    bool                 `json:"unsubscribed_from_emails"`
	CreatedAt                 int64                `json:"created_at"`
	UpdatedAt                 int64                `json:"updated_at"`
	SignedUpAt                *int64               `json:"signed_up_at"`
	LastSeenAt                *int64               `json:"last_seen_at"`
	LastRepliedAt             *int64               `json:"last_replied_at"`
	LastContactedAt           *int64               `json:"last_contacted_at"`
	LastEmailOpenedAt         *int64               `json:"last_email_opened_at"`
	LastEmailClickedAt        *int64               `json:"last_email_clicked_at"`
	LanguageOverride          *string              `json:"language_override"`
	Browser                   *string              `json:"browser"`
	BrowserVersion            *string              `json:"browser_version"`
	BrowserLanguage           *string              `json:"browser_language"`
	OS                        *string              `json:"os"`
	Location                  *plainLocation       `json:"location"`
	AndroidAppName            *string              `json:"android_app_name"`
	AndroidAppVersion         *string              `json:"android_app_version"`
	AndroidDevice             *string              `json:"android_device"`
	AndroidOSVersion          *string              `json:"android_os_version"`
	AndroidSDKVersion         *string              `json:"android_sdk_version"`
	AndroidLastSeenAt         *int64               `json:"android_last_seen_at"`
	IOSAppName                *string              `json:"ios_app_name"`
	IOSAppVersion             *string              `json:"ios_app_version"`
	IOSDevice                 *string              `json:"ios_device"`
	IOSOSVersion              *string              `json:"ios_os_version"`
	IOSSDKVersion             *string              `json:"ios_sdk_version"`
	IOSLastSeenAt             *int64               `json:"ios_last_seen_at"`
	CustomAttributes          map[string]any       `json:"custom_attributes"`
	Tags                      *plainContactRefList `json:"tags"`
	Notes                     *plainContactRefList `json:"notes"`
	Companies                 *plainContactRefList `json:"companies"`
	OptedOutSubscriptionTypes *plainContactRefList `json:"opted_out_subscription_types"`
	OptedInSubscriptionTypes  *plainContactRefList `json:"opted_in_subscription_types"`
	UTMCampaign               *string              `json:"utm_campaign"`
	UTMContent                *string              `json:"utm_content"`
	UTMMedium                 *string              `json:"utm_medium"`
	UTMSource                 *string              `json:"utm_source"`
	UTMTerm                   *string              `json:"utm_term"`
	Referrer                  *string              `json:"referrer"`
}

type plainAvatar struct {
	Type     *string `json:"type"`
	ImageURL *string `json:"image_url"`
}

type plainSocialProfiles struct {
	Type *string `json:"type"`
	Data []struct {
		Type *string `json:"type"`
		Name *string `json:"name"`
		URL  *string `json:"url"`
	} `json:"data"`
}

type plainLocation struct {
	Type          string  `json:"type"`
	Country       *string `json:"country"`
	Region        *string `json:"region"`
	City          *string `json:"city"`
	CountryCode   *string `json:"country_code"`
	ContinentCode *string `json:"continent_code"`
}

type plainContactRefList struct {
	Type *string `json:"type"`
	Data []struct {
		Type *string `json:"type"`
		ID   *string `json:"id"`
		URL  *string `json:"url"`
	} `json:"data"`
	URL        string `json:"url"`
	TotalCount int    `json:"total_count"`
	HasMore    bool   `json:"has_more"`
}

// plainAdmin is the admin GET /me returns.
type plainAdmin struct {
	Type             string `json:"type"`
	ID               string `json:"id"`
	Name             string `json:"name"`
	Email            string `json:"email"`
	JobTitle         string `json:"job_title"`
	AwayModeEnabled  bool   `json:"away_mode_enabled"`
	AwayModeReassign bool   `json:"away_mode_reassign"`
	HasInboxSeat     bool   `json:"has_inbox_seat"`
	TeamIDs          []int  `json:"team_ids"`
	EmailVerified    *bool  `json:"email_verified"`
	Avatar           *struct {
		Type     *string `json:"type"`
		ImageURL *string `json:"image_url"`
	} `json:"avatar"`
	App *struct {
		Type                 string `json:"type"`
		IDCode               string `json:"id_code"`
		Name                 string `json:"name"`
		Region               string `json:"region"`
		Timezone             string `json:"timezone"`
		CreatedAt            int64  `json:"created_at"`
		Secure               *bool  `json:"secure"`
		IdentityVerification bool   `json:"identity_verification"`
	} `json:"app"`
}

// realContactServer serves GET /contacts: total contacts of contactShape,
// perPage to a page, rendered on the fly from the compiled shape into one
// reused buffer (so the server holds no list and allocates little), with a
// Content-Length as Intercom sends. The cursor is the index of the next
// contact.
func realContactServer(tb testing.TB, total, perPage int) *httptest.Server {
	tmpl := compileShape(contactShape())
	var mu sync.Mutex
	var buf []byte
	hdr := benchHeader()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/contacts" {
			http.NotFound(w, r)
			return
		}
		start := 0
		if s := r.URL.Query().Get("starting_after"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 || n > total {
				http.Error(w, "bad cursor", http.StatusBadRequest)
				return
			}
			start = n
		}
		end := min(start+perPage, total)
		mu.Lock()
		defer mu.Unlock()
		buf = append(buf[:0], `{"type":"list","data":[`...)
		for i := start; i < end; i++ {
			if i > start {
				buf = append(buf, ',')
			}
			buf = tmpl.appendTo(buf, i)
		}
		buf = fmt.Appendf(buf, `],"total_count":%d,"pages":{"type":"pages","page":%d,"per_page":%d,"total_pages":%d`,
			total, start/perPage+1, perPage, (total+perPage-1)/perPage)
		if end < total {
			buf = fmt.Appendf(buf, `,"next":{"per_page":%d,"starting_after":"%d"}`, perPage, end)
		}
		buf = append(buf, `}}`...)
		h := w.Header()
		for k, v := range hdr {
			h[k] = v
		}
		h.Set("Content-Length", strconv.Itoa(len(buf)))
		w.Write(buf)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// plainGet is the floor's request: the headers the facade sends, then the
// whole body read into buf, which the caller reuses from call to call. That
// is the cheapest way plain net/http reads a body (io.ReadAll would make the
// floor allocate a fresh, growing slice per response and flatter the
// facade), so the comparison is left with the cost of decoding and of the
// facade's own plumbing.
func plainGet(ctx context.Context, hc *http.Client, u string, buf *bytes.Buffer) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Intercom-Version", APIVersion)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	buf.Reset()
	_, err = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return buf.Bytes(), nil
}

// plainWalkContacts is the floor of the contacts walk: every page with plain
// net/http and json.Unmarshal into plainContactPage, following the cursor.
// It returns the number of contacts seen.
func plainWalkContacts(tb testing.TB, hc *http.Client, base string, perPage int) int {
	ctx := context.Background()
	var buf bytes.Buffer
	n, cursor := 0, ""
	for {
		u := base + "/contacts?per_page=" + strconv.Itoa(perPage)
		if cursor != "" {
			u += "&starting_after=" + url.QueryEscape(cursor)
		}
		body, err := plainGet(ctx, hc, u, &buf)
		if err != nil {
			tb.Fatal(err)
		}
		var page plainContactPage
		if err := json.Unmarshal(body, &page); err != nil {
			tb.Fatal(err)
		}
		for i := range page.Data {
			if page.Data[i].ID == "" {
				tb.Fatal("contact without id")
			}
			n++
		}
		if page.Pages == nil || page.Pages.Next == nil || page.Pages.Next.StartingAfter == nil {
			return n
		}
		cursor = *page.Pages.Next.StartingAfter
	}
}

// facadeWalkContacts walks the same list with Contacts.ListIter.
func facadeWalkContacts(tb testing.TB, c *Client, perPage int) int {
	n := 0
	for ct, err := range c.Contacts.ListIter(context.Background(), &ListContactsOptions{PerPage: perPage}) {
		if err != nil {
			tb.Fatal(err)
		}
		if ct.Id == "" {
			tb.Fatal("contact without id")
		}
		n++
	}
	return n
}

const (
	walkContacts = 10_000
	walkPerPage  = 150
)

// BenchmarkContactsListIter walks 10,000 contacts shaped like Intercom's
// published example (mostly nulls), 150 to a page, from a loopback server:
// Contacts.ListIter against the floor, plain net/http and json.Unmarshal
// into plainContact. allocs/contact is per contact walked, server included
// (the same server work is on both sides).
// Targets (issue 11): facade ≤ 1.3× the floor's allocations per contact and
// ≤ 1.15× its time, read from the paired sub-benchmark.
func BenchmarkContactsListIter(b *testing.B) {
	srv := realContactServer(b, walkContacts, walkPerPage)
	newClient := func(b *testing.B) *Client {
		c, err := NewClient(testToken, WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		return c
	}
	check := func(b *testing.B, n int) {
		if n != walkContacts {
			b.Fatalf("walked %d contacts, want %d", n, walkContacts)
		}
	}
	perContact := func(b *testing.B, loops int, m0, m1 uint64) {
		b.ReportMetric(float64(m1-m0)/float64(loops)/walkContacts, "allocs/contact")
	}
	b.Run("facade", func(b *testing.B) {
		c := newClient(b)
		b.ReportAllocs()
		m0 := mallocs()
		loops := 0
		for b.Loop() {
			check(b, facadeWalkContacts(b, c, walkPerPage))
			loops++
		}
		perContact(b, loops, m0, mallocs())
	})
	b.Run("floor", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		m0 := mallocs()
		loops := 0
		for b.Loop() {
			check(b, plainWalkContacts(b, hc, srv.URL, walkPerPage))
			loops++
		}
		perContact(b, loops, m0, mallocs())
	})
	b.Run("paired", func(b *testing.B) {
		c := newClient(b)
		hc := &http.Client{}
		var p pairedMeter
		for b.Loop() {
			p.run(func() { check(b, facadeWalkContacts(b, c, walkPerPage)) },
				func() { check(b, plainWalkContacts(b, hc, srv.URL, walkPerPage)) })
		}
		p.report(b, walkContacts)
	})
}

// meServer serves GET /me with adminShape and the headers Intercom sends.
func meServer(tb testing.TB) *httptest.Server {
	body := renderShape(adminShape(), 0)
	hdr := benchHeader()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range hdr {
			h[k] = v
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// BenchmarkIdentifyAdmin is a small GET: Admins.Identify (GET /me) against
// plain net/http and json.Unmarshal into plainAdmin, on a loopback server.
// Target (issue 11): facade ≤ 1.05× the floor's time (paired time_ratio).
func BenchmarkIdentifyAdmin(b *testing.B) {
	srv := meServer(b)
	ctx := context.Background()
	identify := func(b *testing.B, c *Client) {
		me, _, err := c.Admins.Identify(ctx)
		if err != nil || me.Id == "" {
			b.Fatal(me, err)
		}
	}
	var buf bytes.Buffer
	floor := func(b *testing.B, hc *http.Client) {
		body, err := plainGet(ctx, hc, srv.URL+"/me", &buf)
		if err != nil {
			b.Fatal(err)
		}
		var me plainAdmin
		if err := json.Unmarshal(body, &me); err != nil || me.ID == "" {
			b.Fatal(me, err)
		}
	}
	newClient := func(b *testing.B) *Client {
		c, err := NewClient(testToken, WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		return c
	}
	b.Run("facade", func(b *testing.B) {
		c := newClient(b)
		b.ReportAllocs()
		for b.Loop() {
			identify(b, c)
		}
	})
	b.Run("floor", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			floor(b, hc)
		}
	})
	b.Run("paired", func(b *testing.B) {
		c := newClient(b)
		hc := &http.Client{}
		var p pairedMeter
		for b.Loop() {
			p.run(func() { identify(b, c) }, func() { floor(b, hc) })
		}
		p.report(b, 1)
	})
}

// TestBenchFloorsMatchFixtures decodes the real-shaped fixtures strictly
// (DisallowUnknownFields) into both the floor types and the types the facade
// returns, so that neither side of a comparison skips part of the body, and
// checks that both read the same values and the same nulls.
func TestBenchFloorsMatchFixtures(t *testing.T) {
	srv := realContactServer(t, 3, 2)
	body, err := plainGet(context.Background(), srv.Client(), srv.URL+"/contacts?per_page=2", new(bytes.Buffer))
	require.NoError(t, err)
	var floor plainContactPage
	var page gen.ContactList
	decodeStrict(t, body, &floor)
	decodeStrict(t, body, &page)
	require.Len(t, floor.Data, 2)
	require.Len(t, page.Data, 2)
	next := floor.Pages.Next.StartingAfter
	assert.NotNil(t, next)
	assert.Equal(t, "2", *next)
	assert.Equal(t, "2", nextCursor(page.Pages))
	p, g := floor.Data[1], page.Data[1]
	assert.Equal(t, benchContactID(1), p.ID)
	assert.Equal(t, p.ID, g.Id)
	assert.Equal(t, "user1@example.com", *p.Email)
	assert.Equal(t, *p.Email, g.GetEmail())
	assert.Nil(t, p.Phone)
	assert.Nil(t, g.Phone)
	assert.Nil(t, p.Location.Country)
	assert.Nil(t, g.Location.Country)
	assert.Nil(t, p.Avatar)
	assert.Nil(t, g.Avatar)
	assert.NotNil(t, p.SignedUpAt)
	assert.NotNil(t, g.SignedUpAt)
	assert.Equal(t, int64(*g.SignedUpAt), *p.SignedUpAt)
	n := plainWalkContacts(t, srv.Client(), srv.URL, 2)
	assert.Equal(t, 3, n)

	me := renderShape(adminShape(), 0)
	var pa plainAdmin
	var ga gen.AdminWithApp
	decodeStrict(t, me, &pa)
	decodeStrict(t, me, &ga)
	assert.Equal(t, "9100001", pa.ID)
	assert.Equal(t, pa.ID, ga.Id)
	assert.NotNil(t, pa.App)
	assert.NotNil(t, ga.App)
	assert.Equal(t, ga.App.Region, pa.App.Region)
}

// contactPageJSON is one page of perPage real-shaped contacts, as
// realContactServer sends it.
func contactPageJSON(tb testing.TB, perPage int) []byte {
	srv := realContactServer(tb, 2*perPage, perPage)
	body, err := plainGet(context.Background(), srv.Client(), srv.URL+"/contacts?per_page="+strconv.Itoa(perPage), new(bytes.Buffer))
	if err != nil {
		tb.Fatal(err)
	}
	return bytes.Clone(body)
}

// BenchmarkDecodeContactPage isolates the representation from the network:
// one page of 150 real-shaped contacts through decode[gen.ContactList] (what
// Contacts.List returns through) against json.Unmarshal of the same bytes
// into plainContactPage, and (representation) json.Unmarshal into
// gen.ContactList against the same floor. Informative: it is the CPU-bound
// part of BenchmarkContactsListIter, with far less noise from a busy machine.
func BenchmarkDecodeContactPage(b *testing.B) {
	data := contactPageJSON(b, walkPerPage)
	newResp := func() (*http.Response, *resettableBody) {
		body := &resettableBody{}
		req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/contacts", nil)
		return &http.Response{StatusCode: 200, Header: benchHeader(), Body: body, ContentLength: int64(len(data)), Request: req}, body
	}
	facade := func(b *testing.B, resp *http.Response, body *resettableBody) {
		body.Reset(data)
		l, _, err := decode[gen.ContactList](resp, nil)
		if err != nil || len(l.Data) != walkPerPage {
			b.Fatal(err)
		}
	}
	floor := func(b *testing.B) {
		var page plainContactPage
		if err := json.Unmarshal(data, &page); err != nil || len(page.Data) != walkPerPage {
			b.Fatal(err)
		}
	}
	b.Run("facade", func(b *testing.B) {
		resp, body := newResp()
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			facade(b, resp, body)
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			floor(b)
		}
	})
	b.Run("paired", func(b *testing.B) {
		resp, body := newResp()
		var p pairedMeter
		for b.Loop() {
			p.run(func() { facade(b, resp, body) }, func() { floor(b) })
		}
		p.report(b, walkPerPage)
	})
	// representation leaves the facade out: json.Unmarshal of the same bytes
	// into gen.ContactList against plainContactPage.
	b.Run("representation", func(b *testing.B) {
		var p pairedMeter
		for b.Loop() {
			p.run(func() {
				var l gen.ContactList
				if err := json.Unmarshal(data, &l); err != nil || len(l.Data) != walkPerPage {
					b.Fatal(err)
				}
			}, func() { floor(b) })
		}
		p.report(b, walkPerPage)
	})
}
