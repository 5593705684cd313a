package intercomtest

import (
	"fmt"
	"github.com/stretchr/testify/assert"
	"sync"
	"testing"
)

// TestConcurrentClients drives two servers from many goroutines at once
// (run with -race): the shared description and each workspace must hold.
func TestConcurrentClients(t *testing.T) {
	servers := []*Server{NewServer(t), NewServer(t)}
	var wg sync.WaitGroup
	for i := range 16 {
		s := servers[i%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, body := send(t, s, "POST", "/contacts", map[string]any{"email": fmt.Sprintf("u%d@example.com", i)})
			if status != 200 {
				t.Errorf("create contact: %d %v", status, body)
				return
			}
			send(t, s, "POST", "/contacts/search", map[string]any{"query": map[string]any{"field": "email", "operator": "~", "value": "example"}})
			send(t, s, "GET", "/contacts?per_page=2", nil)
		}()
	}
	wg.Wait()
	for _, s := range servers {
		n := s.Count("createContact")
		assert.EqualValues(t, 8, n, "created %d contacts, want 8", n)
		assertClean(t, s)
	}
}
