package intercomtest

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Fault makes matching requests misbehave: answer with an error status,
// wait, or lose the connection. Inject it with Server.Inject. The zero
// matchers match every request.
type Fault struct {
	// OperationID limits the fault to one operation, e.g. "createTicket"
	// (letter case does not matter).
	OperationID string
	// Method and Path limit the fault to requests with this method and this
	// exact request path (e.g. "/tickets/42").
	Method string
	Path   string
	// Times is how many matching requests the fault affects: 0 means one, a
	// negative number means every matching request until ClearFaults.
	Times int
	// Every, above 1, makes the fault skip matching requests between those
	// it affects: the Every-th, the 2×Every-th and so on.
	Every int

	// Status answers with this status (429, 500, 502, 503…) and Intercom's
	// error.list body. A 429 also reports X-RateLimit-Remaining: 0.
	Status int
	// Header adds headers to the Status answer, such as Retry-After.
	Header http.Header
	// Drop closes the connection before a complete answer: the client gets
	// a transport error, not a status.
	Drop bool
	// AfterApply applies the request to the workspace before answering with
	// Status or dropping the connection: the client sees a failure although
	// the write happened, as when a response is lost on the way back.
	AfterApply bool

	// Delay holds the request this long before going on.
	Delay time.Duration
	// Wait holds the request until the channel is closed (or receives), the
	// client gives up, or the server closes. Tests use it instead of sleeps.
	Wait <-chan struct{}
	// Reached, when set, receives the request once it is being held (before
	// Delay and Wait), so a test knows the request arrived.
	Reached chan<- Request
}

// faultState is an injected fault and how many more requests it affects.
type faultState struct {
	Fault
	left int // < 0: unlimited
	seen int // matching requests so far
}

func (f *faultState) kind() string {
	var parts []string
	if f.Delay > 0 || f.Wait != nil {
		parts = append(parts, "delay")
	}
	if f.Status != 0 {
		parts = append(parts, strconv.Itoa(f.Status))
	}
	if f.Drop {
		parts = append(parts, "drop")
	}
	if f.AfterApply {
		parts = append(parts, "after-apply")
	}
	return strings.Join(parts, "+")
}

func (f *Fault) matches(r Request) bool {
	if f.OperationID != "" && !strings.EqualFold(f.OperationID, r.OperationID) {
		return false
	}
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	if f.Path != "" && f.Path != r.Path {
		return false
	}
	return true
}

// Inject adds a fault. Faults apply in the order injected; each request
// triggers at most one.
func (s *Server) Inject(f Fault) {
	left := f.Times
	if left == 0 {
		left = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &faultState{Fault: f, left: left})
}

// ClearFaults removes every injected fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns the first fault matching r and uses up one of its times.
func (s *Server) takeFault(r Request) *faultState {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if !f.matches(r) {
			continue
		}
		if f.seen++; f.Every > 1 && f.seen%f.Every != 0 {
			continue
		}
		if f.left > 0 {
			f.left--
			if f.left == 0 {
				s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
			}
		}
		return f
	}
	return nil
}

// hold runs a fault's Reached, Delay and Wait. It reports false when the
// client went away or the server is closing.
func (s *Server) hold(ctx context.Context, f *faultState, rec Request) bool {
	if f.Reached != nil {
		select {
		case f.Reached <- rec:
		case <-ctx.Done():
			return false
		case <-s.closing:
			return false
		}
	}
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return false
		case <-s.closing:
			return false
		}
	}
	if f.Wait != nil {
		select {
		case <-f.Wait:
		case <-ctx.Done():
			return false
		case <-s.closing:
			return false
		}
	}
	return true
}

// fail answers with the fault's status or drops the connection.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rec *Request, f *faultState, reqID string) {
	if f.Drop {
		rec.Status = 0
		s.record(*rec)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, buf, err := hj.Hijack(); err == nil {
				// A few bytes of a status line, so that Go's transport sees
				// a broken answer instead of an idle connection closed by
				// the server (which it would silently retry).
				buf.WriteString("HTTP/1.1")
				buf.Flush()
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
	rec.Status = f.Status
	s.record(*rec)
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if f.Status == http.StatusTooManyRequests {
		w.Header().Set("X-RateLimit-Remaining", "0")
	}
	code, msg := statusCode(f.Status)
	s.write(w, r, nil, reply{f.Status, errorList(reqID, code, msg)}, nil)
}

// rateLimiter counts requests in fixed windows, like Intercom's limits.
type rateLimiter struct {
	limit  int
	window time.Duration
	start  time.Time
	used   int
}

// rateState is the rate-limit state of one request.
type rateState struct {
	limit, remaining int
	reset            time.Time
	window           time.Duration
	limited          bool
}

// take counts a request at now.
func (l *rateLimiter) take(now time.Time) rateState {
	start := now.Truncate(l.window)
	if !start.Equal(l.start) {
		l.start, l.used = start, 0
	}
	st := rateState{limit: l.limit, reset: l.start.Add(l.window), window: l.window}
	if l.used >= l.limit {
		st.limited = true
		return st
	}
	l.used++
	st.remaining = l.limit - l.used
	return st
}

func (st rateState) setHeaders(h http.Header) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(st.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(st.remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(st.reset.Unix(), 10))
}
