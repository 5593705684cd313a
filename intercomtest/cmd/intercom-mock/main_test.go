package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/go-intercom/intercom/intercomtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a buffer two goroutines can share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs the command with args and returns its server and a stop
// function that returns what run returned.
func start(t *testing.T, args ...string) (*intercomtest.Server, *syncBuffer, *syncBuffer, func() error) {
	t.Helper()
	ready := make(chan *intercomtest.Server, 1)
	stop := make(chan os.Signal, 1)
	done := make(chan error, 1)
	var stdout, stderr syncBuffer
	go func() { done <- run(append([]string{"-addr", "127.0.0.1:0"}, args...), &stdout, &stderr, ready, stop) }()
	select {
	case srv := <-ready:
		return srv, &stdout, &stderr, func() error { stop <- os.Interrupt; return <-done }
	case err := <-done:
		require.Fail(t, "run ended before serving", "%v", err)
	}
	return nil, nil, nil, nil
}

func get(t *testing.T, url, token string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Intercom-Version", "2.11")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out), "answer to GET %s", url)
	return resp.StatusCode, out
}

// TestServesASeededWorkspace runs the command as another language's tests
// would: a seed file, a token, then plain HTTP.
func TestServesASeededWorkspace(t *testing.T) {
	srv, stdout, stderr, stop := start(t, "-token", "secret", "-seed", filepath.Join("..", "..", "testdata", "seed.json"))
	assert.Contains(t, stdout.String(), srv.URL, "stdout %q lacks %s", stdout, srv.URL)
	status, body := get(t, srv.URL+"/contacts/6650c0de00000000000000c1", "secret")
	assert.Equal(t, 200, status, "seeded contact: %d %v", status, body)
	assert.Equal(t, "lin@acme.example", body["email"], "seeded contact: %d %v", status, body)
	status, _ = get(t, srv.URL+"/contacts/6650c0de00000000000000c1", "wrong")
	assert.Equal(t, 401, status, "wrong token: %d", status)
	require.NoError(t, stop())
	assert.Contains(t, stderr.String(), "invalid request: GET /contacts/6650c0de00000000000000c1", "stderr %q does not log the refused request", stderr)
}

// TestInjectsFaults: every second request to one operation fails.
func TestInjectsFaults(t *testing.T) {
	srv, _, _, stop := start(t, "-fault-status", "503", "-fault-every", "2", "-fault-op", "listAdmins", "-quiet")
	var got []int
	for range 4 {
		status, _ := get(t, srv.URL+"/admins", srv.Token)
		got = append(got, status)
	}
	status, _ := get(t, srv.URL+"/me", srv.Token)
	assert.Equal(t, 200, status, "other operation")
	assert.Equal(t, []int{200, 503, 200, 503}, got, "statuses")
	require.NoError(t, stop())
}

// TestDropsAndKeepsQuiet: -fault-drop drops the connection of the faulted
// operation's requests, and -quiet keeps invalid requests out of the log.
func TestDropsAndKeepsQuiet(t *testing.T) {
	srv, _, stderr, stop := start(t, "-fault-drop", "-fault-op", "listAdmins", "-quiet")
	req, err := http.NewRequest("GET", srv.URL+"/admins", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+srv.Token)
	_, err = http.DefaultClient.Do(req)
	assert.Error(t, err, "a dropped connection")
	status, _ := get(t, srv.URL+"/me", "wrong")
	assert.Equal(t, 401, status, "wrong token")
	require.Len(t, srv.InvalidRequests(), 1, "the wrong token is an invalid request")
	require.NoError(t, stop())
	assert.NotContains(t, stderr.String(), "invalid request", "stderr with -quiet")
}

// TestRefusesBadFlags names what is wrong before listening.
func TestRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"contacts": [{"emial": "x"}]}`), 0o600))
	dangling := filepath.Join(dir, "dangling.json")
	require.NoError(t, os.WriteFile(dangling, []byte(`{"notes": [{"contact_id": "nobody", "body": "x"}]}`), 0o600))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-fault-every", "0"}, "-fault-every"},
		{[]string{"-fault-status", "200"}, "-fault-status"},
		{[]string{"-rate-limit", "0"}, "-rate-limit"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-nope"}, "flag provided but not defined"},
		{[]string{"-token", ""}, "token must not be empty"},
		{[]string{"-addr", "256.0.0.1:1"}, "listen"},
		{[]string{"-seed", filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{"-seed", bad}, "unknown field"},
		{[]string{"-seed", dangling}, `no contact with id "nobody"`},
	} {
		err := run(tc.args, io.Discard, io.Discard, nil, nil)
		require.Error(t, err, "run(%q)", tc.args)
		assert.ErrorContains(t, err, tc.want, "run(%q)", tc.args)
	}
}

// TestServeExitCode: a wrong flag exits with 2 and says why.
func TestServeExitCode(t *testing.T) {
	var stderr bytes.Buffer
	code := serve([]string{"-fault-every", "0"}, io.Discard, &stderr)
	assert.Equal(t, 2, code, "exit code %d, want 2", code)
	assert.Contains(t, stderr.String(), "intercom-mock: -fault-every", "stderr %q", stderr.String())
}
