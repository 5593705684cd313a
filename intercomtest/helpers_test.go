package intercomtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// send makes a request with the server's token and the 2.11 version header
// and decodes the JSON answer (nil for an empty body).
func send(t *testing.T, s *Server, method, path string, body any) (int, http.Header, map[string]any) {
	t.Helper()
	return sendWith(t, s, method, path, body, map[string]string{
		"Authorization": "Bearer " + s.Token, "Intercom-Version": "2.11",
	})
}

func sendWith(t *testing.T, s *Server, method, path string, body any, headers map[string]string) (int, http.Header, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, path, raw, err)
		}
	}
	return resp.StatusCode, resp.Header, out
}

// mustSend is send that fails the test unless the status is want.
func mustSend(t *testing.T, s *Server, want int, method, path string, body any) map[string]any {
	t.Helper()
	status, _, out := send(t, s, method, path, body)
	if status != want {
		t.Fatalf("%s %s: status %d, want %d; body %v; invalid requests %v", method, path, status, want, out, s.InvalidRequests())
	}
	return out
}

// assertClean fails the test when the server saw invalid requests.
func assertClean(t *testing.T, s *Server) {
	t.Helper()
	for _, r := range s.InvalidRequests() {
		t.Errorf("invalid request: %s", r)
	}
}
