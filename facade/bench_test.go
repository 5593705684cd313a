package facade

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/go-intercom/intercom/gen"
)

// Benchmarks of issue 7, summarised in BENCHMARKS.md. Each comparison is a
// pair of sub-benchmarks, "facade" and its baseline, so that the ratio can be
// read from one run of `make bench`.

// benchTicketJSON returns a ticket in the shape Intercom sends, with parts
// ticket parts: every field of gen.TicketPart filled, an attachment on every
// fifth part, authors cycling through admin, user, bot and team.
func benchTicketJSON(parts int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"ticket","id":"410001","ticket_id":"1","category":"Customer",` +
		`"ticket_attributes":{"_default_title_":"Export fails","_default_description_":"The CSV export stops at 10k rows","severity":"high","affected_users":42,"customer_visible":true,"screenshots":[]},` +
		`"ticket_state":"in_progress","ticket_state_internal_label":"In progress","ticket_state_external_label":"Working on it",` +
		`"ticket_type":{"type":"ticket_type","id":"610","name":"Bug","description":"Something is broken","icon":"🐞","workspace_id":"abc123","archived":false,"is_internal":false,"category":"Customer","created_at":1717000000,"updated_at":1717000000,` +
		`"ticket_type_attributes":{"type":"list","data":[]}},` +
		`"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"6650c0de0000000000000001","external_id":"u-1"}]},` +
		`"admin_assignee_id":` + idJSON[gen.Ticket]("AdminAssigneeId", "9100001") + `,"team_assignee_id":` + idJSON[gen.Ticket]("TeamAssigneeId", "8100001") + `,"created_at":1717000000,"updated_at":1717003600,"open":true,"snoozed_until":null,` +
		`"linked_objects":{"type":"list","total_count":0,"has_more":false,"data":[]},"is_shared":true,"is_internal":false,` +
		`"ticket_parts":{"type":"ticket_part.list","total_count":`)
	fmt.Fprintf(&b, "%d", parts)
	b.WriteString(`,"ticket_parts":[`)
	for i := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		author := benchAuthor(i)
		fmt.Fprintf(&b, `{"type":"ticket_part","id":"%d","part_type":"comment","body":"<p>Reply number %d: we are looking into the export and will get back to you shortly.</p>",`+
			`"previous_ticket_state":"submitted","ticket_state":"in_progress","created_at":%d,"updated_at":%d,`+
			`"assigned_to":{"type":"admin","id":"9100001"},"author":%s,"attachments":%s,"redacted":false,"external_id":null}`,
			210000000+i, i, 1717000000+i, 1717000000+i, author, benchAttachments(i))
	}
	b.WriteString(`]}}`)
	return b.Bytes()
}

// benchConversationJSON returns a conversation with parts conversation parts,
// in the shape Intercom sends.
func benchConversationJSON(parts int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"type":"conversation","id":"310000001","title":"Export fails","created_at":1717000000,"updated_at":1717003600,` +
		`"waiting_since":1717003000,"snoozed_until":null,"open":true,"state":"open","read":true,"priority":"not_priority",` +
		`"admin_assignee_id":9100001,"team_assignee_id":8100001,` +
		`"tags":{"type":"tag.list","tags":[{"type":"tag","id":"7100001","name":"urgent","applied_at":1717000100,"applied_by":{"type":"admin","id":"9100001"}}]},` +
		`"conversation_rating":null,` +
		`"source":{"type":"conversation","id":"400000001","delivered_as":"customer_initiated","subject":"","body":"<p>Hello, the export fails</p>",` +
		`"author":{"type":"user","id":"6650c0de0000000000000001","name":"Lin","email":"lin@example.com"},"attachments":[],"url":null,"redacted":false},` +
		`"contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"6650c0de0000000000000001","external_id":"u-1"}]},` +
		`"teammates":{"type":"admin.list","teammates":[{"type":"admin","id":"9100001"}]},` +
		`"custom_attributes":{"issue_type":"Billing","priority_score":3},` +
		`"first_contact_reply":{"created_at":1717000000,"type":"conversation","url":null},` +
		`"sla_applied":{"type":"conversation_sla_summary","sla_name":"Standard","sla_status":"active"},` +
		`"statistics":{"type":"conversation_statistics","time_to_assignment":0,"time_to_admin_reply":120,"time_to_first_close":0,"time_to_last_close":0,"median_time_to_reply":60,` +
		`"first_contact_reply_at":1717000000,"first_assignment_at":1717000010,"first_admin_reply_at":1717000120,"first_close_at":0,"last_assignment_at":1717000010,` +
		`"last_assignment_admin_reply_at":1717000120,"last_contact_reply_at":1717003000,"last_admin_reply_at":1717002000,"last_close_at":0,"last_closed_by_id":"",` +
		`"count_reopens":0,"count_assignments":1,"count_conversation_parts":`)
	fmt.Fprintf(&b, "%d", parts)
	b.WriteString(`},"linked_objects":{"type":"list","total_count":0,"has_more":false,"data":[]},"ai_agent_participated":false,"topics":{},` +
		`"conversation_parts":{"type":"conversation_part.list","total_count":`)
	fmt.Fprintf(&b, "%d", parts)
	b.WriteString(`,"conversation_parts":[`)
	for i := range parts {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"conversation_part","id":"%d","part_type":"comment","body":"<p>Reply number %d: we are looking into the export and will get back to you shortly.</p>",`+
			`"created_at":%d,"updated_at":%d,"notified_at":%d,"assigned_to":null,"author":%s,"attachments":%s,"external_id":null,"redacted":false}`,
			210000000+i, i, 1717000000+i, 1717000000+i, 1717000000+i, benchAuthor(i), benchAttachments(i))
	}
	b.WriteString(`]}}`)
	return b.Bytes()
}

func benchAuthor(i int) string {
	switch i % 4 {
	case 0:
		return `{"type":"admin","id":"9100001","name":"Ada Operator","email":"ada@example.com"}`
	case 1:
		return `{"type":"user","id":"6650c0de0000000000000001","name":"Lin","email":"lin@example.com"}`
	case 2:
		return `{"type":"bot","id":"9100099","name":"Fin","email":"operator+abc123@intercom.io"}`
	default:
		return `{"type":"team","id":"8100001","name":"Support","email":""}`
	}
}

func benchAttachments(i int) string {
	if i%5 != 0 {
		return `[]`
	}
	return fmt.Sprintf(`[{"type":"upfront","name":"screenshot-%d.png","url":"https://files.example.com/%d.png","content_type":"image/png","filesize":48213,"width":1280,"height":720}]`, i, i)
}

// resettableBody is a response body that a benchmark rewinds between
// iterations, so that the loop measures decoding and not the test's setup.
type resettableBody struct {
	bytes.Reader
}

func (*resettableBody) Close() error { return nil }

// benchDecode compares decode[T] (what every facade method returns through)
// with json.Unmarshal into the same gen type, the floor.
func benchDecode[T any](b *testing.B, data []byte) {
	b.Run("facade", func(b *testing.B) {
		body := &resettableBody{}
		req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/tickets/1", nil)
		resp := &http.Response{StatusCode: 200, Header: benchHeader(), Body: body, ContentLength: int64(len(data)), Request: req}
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			body.Reset(data)
			if _, _, err := decode[T](resp, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			out := new(T)
			if err := json.Unmarshal(data, out); err != nil {
				b.Fatal(err)
			}
		}
	})
	// paired alternates the two in one loop and reports facade/floor time,
	// which a shared, busy machine skews far less than two separate runs.
	b.Run("paired", func(b *testing.B) {
		body := &resettableBody{}
		req := httptest.NewRequest(http.MethodGet, "https://api.intercom.io/tickets/1", nil)
		resp := &http.Response{StatusCode: 200, Header: benchHeader(), Body: body, ContentLength: int64(len(data)), Request: req}
		var p pairedMeter
		for b.Loop() {
			p.run(func() {
				body.Reset(data)
				if _, _, err := decode[T](resp, nil); err != nil {
					b.Fatal(err)
				}
			}, func() {
				if err := json.Unmarshal(data, new(T)); err != nil {
					b.Fatal(err)
				}
			})
		}
		p.report(b, 1)
	})
}

// pairedMeter accumulates the time, allocations and bytes of a facade call
// and of its baseline, made one after the other in the same loop.
type pairedMeter struct {
	n                   int
	f, base             time.Duration
	fAllocs, baseAllocs uint64
	fBytes, baseBytes   uint64
	ratios              []float64 // facade/baseline time of each pair
}

// run measures facade and baseline once each, alternating which goes first
// so that neither always inherits the other's garbage or warm caches. The
// heap counters are read outside the timed part.
func (p *pairedMeter) run(facade, baseline func()) {
	var ms runtime.MemStats
	measured := func(fn func(), into *time.Duration, allocs, bytes *uint64) time.Duration {
		runtime.ReadMemStats(&ms)
		m0, b0 := ms.Mallocs, ms.TotalAlloc
		start := time.Now()
		fn()
		d := time.Since(start)
		runtime.ReadMemStats(&ms)
		*into += d
		*allocs += ms.Mallocs - m0
		*bytes += ms.TotalAlloc - b0
		return d
	}
	var f, base time.Duration
	if p.n%2 == 0 {
		f = measured(facade, &p.f, &p.fAllocs, &p.fBytes)
		base = measured(baseline, &p.base, &p.baseAllocs, &p.baseBytes)
	} else {
		base = measured(baseline, &p.base, &p.baseAllocs, &p.baseBytes)
		f = measured(facade, &p.f, &p.fAllocs, &p.fBytes)
	}
	if base > 0 {
		p.ratios = append(p.ratios, float64(f)/float64(base))
	}
	p.n++
}

// report publishes time_ratio (total facade time / total baseline time),
// median_time_ratio (the median of the pairs' ratios, which a pair slowed
// down by another job on the machine moves least), alloc_ratio and
// bytes_ratio, and the mean of each side per call. With items > 1 (a walk
// of a list), the allocations are also given per item.
func (p *pairedMeter) report(b *testing.B, items int) {
	if p.n == 0 || p.base == 0 {
		return
	}
	n := float64(p.n)
	b.ReportMetric(float64(p.f)/float64(p.base), "time_ratio")
	if len(p.ratios) > 0 {
		r := slices.Clone(p.ratios)
		slices.Sort(r)
		med := r[len(r)/2]
		if len(r)%2 == 0 {
			med = (r[len(r)/2-1] + med) / 2
		}
		b.ReportMetric(med, "median_time_ratio")
	}
	b.ReportMetric(float64(p.fAllocs)/float64(max(p.baseAllocs, 1)), "alloc_ratio")
	b.ReportMetric(float64(p.fBytes)/float64(max(p.baseBytes, 1)), "bytes_ratio")
	b.ReportMetric(float64(p.f.Nanoseconds())/n, "facade_ns")
	b.ReportMetric(float64(p.base.Nanoseconds())/n, "baseline_ns")
	if items > 1 {
		b.ReportMetric(float64(p.fAllocs)/n/float64(items), "facade_allocs/item")
		b.ReportMetric(float64(p.baseAllocs)/n/float64(items), "baseline_allocs/item")
	} else {
		b.ReportMetric(float64(p.fAllocs)/n, "facade_allocs")
		b.ReportMetric(float64(p.baseAllocs)/n, "baseline_allocs")
	}
	b.ReportMetric(0, "ns/op")
}

// mallocs is the number of heap allocations made so far by the process.
func mallocs() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.Mallocs
}

func benchHeader() http.Header {
	h := http.Header{}
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-Request-Id", "0000000a-0000-4000-8000-00000000000a")
	h.Set("X-RateLimit-Limit", "10000")
	h.Set("X-RateLimit-Remaining", "9999")
	h.Set("X-RateLimit-Reset", "1735790000")
	return h
}

// BenchmarkDecodeTicket500 decodes a ticket with 500 parts.
// Target: facade ≤ 1.05× json.Unmarshal in time and allocations, ≤ 1.2× in bytes.
func BenchmarkDecodeTicket500(b *testing.B) {
	benchDecode[gen.Ticket](b, benchTicketJSON(500))
}

// BenchmarkDecodeConversation500 decodes a conversation with 500 parts.
// Target: as BenchmarkDecodeTicket500.
func BenchmarkDecodeConversation500(b *testing.B) {
	benchDecode[gen.Conversation](b, benchConversationJSON(500))
}

// BenchmarkGetTicket500 is the same comparison end to end: Tickets.Get of a
// 500-part ticket from a loopback server, against net/http reading the body
// and json.Unmarshal (informative; the target applies to the decode above).
func BenchmarkGetTicket500(b *testing.B) {
	benchGetTicket(b, benchTicketJSON(500))
}

// BenchmarkGetTicketSmall is one GET of a small ticket from a loopback
// server: Tickets.Get against plain net/http and encoding/json.
// Target: facade ≤ 1.10× time, ≤ 1.15× allocations.
func BenchmarkGetTicketSmall(b *testing.B) {
	benchGetTicket(b, benchTicketJSON(1))
}

func benchGetTicket(b *testing.B, body []byte) {
	hdr := benchHeader()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range hdr {
			h[k] = v
		}
		w.Write(body)
	}))
	b.Cleanup(srv.Close)
	ctx := context.Background()

	b.Run("facade", func(b *testing.B) {
		c, err := NewClient(testToken, WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := c.Tickets.Get(ctx, "410001"); err != nil {
				b.Fatal(err)
			}
		}
	})
	plain := func(b *testing.B, hc *http.Client) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/tickets/410001", nil)
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Intercom-Version", APIVersion)
		req.Header.Set("Accept", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out gen.Ticket
		err = json.NewDecoder(resp.Body).Decode(&out)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("net/http", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			plain(b, hc)
		}
	})
	b.Run("paired", func(b *testing.B) {
		c, err := NewClient(testToken, WithBaseURL(srv.URL))
		if err != nil {
			b.Fatal(err)
		}
		hc := &http.Client{}
		var p pairedMeter
		for b.Loop() {
			p.run(func() {
				if _, _, err := c.Tickets.Get(ctx, "410001"); err != nil {
					b.Fatal(err)
				}
			}, func() { plain(b, hc) })
		}
		p.report(b, 1)
	})
}
