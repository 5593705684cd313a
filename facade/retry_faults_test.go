package facade

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Retries under injected faults: a workload of 1,000 mixed operations (reads,
// ticket updates, replies) against intercomtest while a fixed share of them
// meet a 429, a 5xx, a delay or a dropped connection, before or after the
// server applied the request. Retries wait on a fake clock, so the run never
// sleeps (delays are a few real milliseconds on the server).

const (
	workloadSeed    = 7
	workloadWorkers = 4
	workloadOps     = 1000
	// workloadFaultShare is the share of operations whose first attempt meets
	// a fault.
	workloadFaultShare = 0.35
)

// workloadFault is one kind of fault the workload injects.
type workloadFault struct {
	name string
	// writesOnly faults are injected on replies and updates only: a fault
	// after the server applied the request is meaningless for a read.
	writesOnly bool
	fault      intercomtest.Fault
}

var workloadFaults = []workloadFault{
	{name: "429", fault: intercomtest.Fault{Status: http.StatusTooManyRequests}},
	{name: "429+retry-after", fault: intercomtest.Fault{Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"2"}}}},
	{name: "500", fault: intercomtest.Fault{Status: http.StatusInternalServerError}},
	{name: "502", fault: intercomtest.Fault{Status: http.StatusBadGateway}},
	{name: "503", fault: intercomtest.Fault{Status: http.StatusServiceUnavailable}},
	{name: "delay", fault: intercomtest.Fault{Delay: 2 * time.Millisecond}},
	{name: "drop", fault: intercomtest.Fault{Drop: true}},
	{name: "500+after-apply", writesOnly: true, fault: intercomtest.Fault{Status: http.StatusInternalServerError, AfterApply: true}},
	{name: "drop+after-apply", writesOnly: true, fault: intercomtest.Fault{Drop: true, AfterApply: true}},
}

// bodyCounter counts the response bodies the transport opens and closes.
type bodyCounter struct {
	opened, closed atomic.Int64
}

func (bc *bodyCounter) middleware(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := next.RoundTrip(r)
		if err == nil && resp.Body != nil {
			bc.opened.Add(1)
			resp.Body = &countedBody{ReadCloser: resp.Body, bc: bc}
		}
		return resp, err
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type countedBody struct {
	io.ReadCloser
	once sync.Once
	bc   *bodyCounter
}

func (b *countedBody) Close() error {
	b.once.Do(func() { b.bc.closed.Add(1) })
	return b.ReadCloser.Close()
}

// workloadOutcome is what one reply of the workload did.
type workloadOutcome struct {
	marker string // unique text in the reply body
	ok     bool
	fault  string
}

func TestFaultInjectionWorkload(t *testing.T) {
	srv := intercomtest.NewServer(t)
	tr := &http.Transport{}
	bodies := &bodyCounter{}
	clk := &fakeClock{now: time.Now()} // 429 resets are in real time
	c, err := NewClient(srv.Token, WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: tr}),
		WithMiddleware(bodies.middleware), withClock(clk))
	require.NoError(t, err)
	ctx := context.Background()

	// Each worker gets its own contact, ticket and conversation, so that a
	// fault injected for one worker's request (matched by method and path)
	// cannot be taken by another's.
	tt, _, err := c.TicketTypes.Create(ctx, "Workload", nil)
	require.NoError(t, err)
	me := srv.Me()
	type target struct{ contactID, email, ticketID, conversationID string }
	targets := make([]target, workloadWorkers)
	for w := range targets {
		email := fmt.Sprintf("worker%d@example.com", w)
		ct := srv.AddContact(intercomtest.Contact{Email: email, Name: fmt.Sprintf("Worker %d", w)})
		tk, _, err := c.Tickets.Create(ctx, tt.Id, []TicketContact{TicketContactByID(ct.ID)},
			&CreateTicketOptions{Attributes: map[string]any{"_default_title_": fmt.Sprintf("Ticket of worker %d", w)}})
		require.NoError(t, err)
		msg, _, err := c.Conversations.Create(ctx, ConversationFromUser(ct.ID), "Hello from the workload", nil)
		require.NoError(t, err)
		targets[w] = target{ct.ID, email, tk.Id, msg.ConversationId}
	}
	setupRequests := len(srv.Requests())
	tr.CloseIdleConnections()
	baseline := runtime.NumGoroutine()

	var (
		mu       sync.Mutex
		replies  []workloadOutcome
		faults   = map[string]int{}
		kinds    = map[string]int{}
		failures = map[string]int{}
	)
	var wg sync.WaitGroup
	for w := range workloadWorkers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(workloadSeed, uint64(w)))
			tg := targets[w]
			for i := range workloadOps / workloadWorkers {
				marker := fmt.Sprintf("w%d-op%d", w, i)
				roll := rng.Float64()
				var (
					kind, method, path string
					write, isReply     bool
					call               func() error
				)
				switch {
				case roll < 0.20:
					kind, method, path = "get ticket", "GET", "/tickets/"+tg.ticketID
					call = func() error { _, _, err := c.Tickets.Get(ctx, tg.ticketID); return err }
				case roll < 0.35:
					kind, method, path = "find conversation", "GET", "/conversations/"+tg.conversationID
					call = func() error { _, _, err := c.Conversations.Find(ctx, tg.conversationID, nil); return err }
				case roll < 0.50:
					kind, method, path = "find contact", "GET", "/contacts/"+tg.contactID
					call = func() error { _, _, err := c.Contacts.Find(ctx, tg.contactID); return err }
				case roll < 0.70:
					kind, method, path, write = "update ticket", "PUT", "/tickets/"+tg.ticketID, true
					opts := &UpdateTicketOptions{}
					if rng.IntN(2) == 0 {
						opts.State = settableTicketStates[rng.IntN(len(settableTicketStates))]
					} else {
						shared := rng.IntN(2) == 0
						opts.IsShared = &shared
					}
					call = func() error { _, _, err := c.Tickets.Update(ctx, tg.ticketID, opts); return err }
				case roll < 0.85:
					kind, method, path, write, isReply = "reply ticket", "POST", "/tickets/"+tg.ticketID+"/reply", true, true
					var r TicketReplyRequest
					switch rng.IntN(3) {
					case 0:
						r = AdminComment(me.ID, "Comment "+marker)
					case 1:
						r = AdminNote(me.ID, "Note "+marker)
					default:
						r = ContactReply(ByEmail(tg.email), "Answer "+marker)
					}
					call = func() error { _, _, err := c.Tickets.Reply(ctx, tg.ticketID, r); return err }
				default:
					kind, method, path, write, isReply = "reply conversation", "POST", "/conversations/"+tg.conversationID+"/reply", true, true
					var r Reply
					if rng.IntN(2) == 0 {
						r = AdminComment(me.ID, "Comment "+marker)
					} else {
						r = ContactReply(ByIntercomUserID(tg.contactID), "Answer "+marker)
					}
					call = func() error { _, _, err := c.Conversations.Reply(ctx, tg.conversationID, r); return err }
				}

				fault := ""
				if rng.Float64() < workloadFaultShare {
					choices := workloadFaults
					if !write {
						choices = workloadFaults[:7]
					}
					f := choices[rng.IntN(len(choices))]
					fault = f.name
					inj := f.fault
					inj.Method, inj.Path, inj.Times = method, path, 1
					srv.Inject(inj)
				}

				err := call()

				// What the caller may see: reads and updates (safe to repeat)
				// always succeed; a reply fails only when the server answered
				// 5xx or the connection dropped, since a POST is not repeated.
				replyMayFail := isReply && fault != "" && fault != "delay" && !strings.HasPrefix(fault, "429")
				if replyMayFail {
					if assert.Error(t, err, "%s %s (%s): succeeded despite fault %s", kind, marker, path, fault) {
						checkWorkloadError(t, err, method, path)
					}
				} else {
					assert.NoError(t, err, "%s %s (%s) with fault %q", kind, marker, path, fault)
				}

				mu.Lock()
				kinds[kind]++
				if fault != "" {
					faults[fault]++
				}
				if err != nil {
					failures[kind+" after "+fault]++
				}
				if isReply {
					replies = append(replies, workloadOutcome{marker: marker, ok: err == nil, fault: fault})
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	// No reply applied twice, and each applied exactly when it should: on
	// success, or when the answer was lost after the server applied it.
	applied := map[string]int{}
	for _, r := range srv.Requests()[setupRequests:] {
		if !r.Applied || (r.OperationID != "replyTicket" && r.OperationID != "replyConversation") {
			continue
		}
		body := string(r.Body)
		i := strings.Index(body, " w")
		require.GreaterOrEqual(t, i, 0, "reply without marker: %s", body)
		marker := body[i+1:]
		marker = marker[:strings.IndexByte(marker, '"')]
		applied[marker]++
	}
	wantApplied := 0
	for _, o := range replies {
		want := 0
		if o.ok || strings.HasSuffix(o.fault, "after-apply") {
			want = 1
		}
		wantApplied += want
		assert.Equal(t, want, applied[o.marker])
	}
	got := srv.Count("replyTicket") + srv.Count("replyConversation")
	assert.Equal(t, wantApplied, got)
	bad := srv.InvalidRequests()
	assert.Empty(t, bad, "invalid requests")

	// Nothing leaks: every body closed, goroutines back to the baseline once
	// idle connections are closed.
	o, cl := bodies.opened.Load(), bodies.closed.Load()
	assert.Equal(t, cl, o)
	tr.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > baseline && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // goroutines of closed connections take a moment to exit
	}
	n := runtime.NumGoroutine()
	assert.LessOrEqual(t, n, baseline, "%d goroutines, baseline %d", n, baseline)

	total := 0
	for _, n := range faults {
		total += n
	}
	t.Logf("operations %v; faults injected %d (%.1f%%) %v; failures seen by callers %v; replies applied %d; retry waits on the fake clock %d",
		kinds, total, 100*float64(total)/workloadOps, faults, failures, wantApplied, len(clk.Sleeps()))
	assert.NotEqual(t, 0, total, "no fault injected")
}

// checkWorkloadError asserts that a failure names its request: an *Error
// with the method and path, or a *TransportError with them.
func checkWorkloadError(t *testing.T, err error, method, path string) {
	t.Helper()
	var apiErr *Error
	var trErr *TransportError
	switch {
	case errors.As(err, &apiErr):
		assert.Equal(t, method, apiErr.Method)
		assert.Equal(t, path, apiErr.Path)
		assert.GreaterOrEqual(t, apiErr.StatusCode, 500)
	case errors.As(err, &trErr):
		assert.Equal(t, method, trErr.Method)
		assert.Equal(t, path, trErr.Path)
	default:
		assert.Failf(t, "neither *Error nor *TransportError", "error %T %q", err, err)
		return
	}
	assert.Contains(t, err.Error(), method+" "+path)
}
