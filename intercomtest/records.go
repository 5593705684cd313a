package intercomtest

import (
	"fmt"
	"strings"
)

// Request is a request the server received, in the order received.
type Request struct {
	Method   string
	Path     string
	RawQuery string
	// OperationID is the operation the request routed to, spelled as the
	// description spells it (e.g. "createTicket", "ShowContact"; "" if none).
	OperationID string
	// Status is the status answered (0 when the connection was dropped or
	// the client went away).
	Status int
	// Applied says whether the workspace carried the request out (2xx).
	Applied bool
	// Fault names the injected fault that affected the request, if any:
	// "500", "429", "drop", "delay", "500+after-apply"…
	Fault string
	// Body is the request body as received.
	Body []byte
}

// InvalidRequest is a request that broke the description: unknown route,
// bad token, missing or unknown Intercom-Version, or parameters or body that
// do not match their schema.
type InvalidRequest struct {
	Method, Path, OperationID string
	// Status and Code are what the server answered (e.g. 400 parameter_invalid).
	Status  int
	Code    string
	Message string
}

// String renders the request and what the server answered on one line.
func (r InvalidRequest) String() string {
	return fmt.Sprintf("%s %s (%s): %d %s: %s", r.Method, r.Path, r.OperationID, r.Status, r.Code, r.Message)
}

// InvalidResponse is a response the server wrote that broke the
// description: a bug in intercomtest.
type InvalidResponse struct {
	Method, Path, OperationID string
	Status                    int
	Err                       string
	Body                      []byte
}

// String renders the response, its validation error and the start of its
// body, for a test failure message.
func (r InvalidResponse) String() string {
	body := string(r.Body)
	if len(body) > 500 {
		body = body[:500] + "…"
	}
	return fmt.Sprintf("%s %s (%s): %d: %s\nbody: %s", r.Method, r.Path, r.OperationID, r.Status, r.Err, body)
}

func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// Requests returns every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count returns how many requests of an operation the workspace applied
// (answered with 2xx), e.g. Count("createTicket"); letter case does not
// matter.
func (s *Server) Count(operationID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if r.Applied && strings.EqualFold(r.OperationID, operationID) {
			n++
		}
	}
	return n
}

// InvalidRequests returns the requests that broke the description.
func (s *Server) InvalidRequests() []InvalidRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]InvalidRequest(nil), s.badReqs...)
}

// InvalidResponses returns the responses that broke the description. In a
// server made by NewServer they are also reported when the test ends.
func (s *Server) InvalidResponses() []InvalidResponse {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]InvalidResponse(nil), s.badResps...)
}
