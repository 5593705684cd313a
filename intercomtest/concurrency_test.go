package intercomtest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestConcurrentClients drives two servers from many goroutines at once
// (run with -race): the shared description and each workspace must hold.
func TestConcurrentClients(t *testing.T) {
	servers := []*harness{newHarness(t), newHarness(t)}
	var wg sync.WaitGroup
	for i := range 16 {
		s := servers[i%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, body := s.send("POST", "/contacts", map[string]any{"email": fmt.Sprintf("u%d@example.com", i)})
			if !assert.Equal(t, 200, status, "create contact: %v", body) {
				return
			}
			s.send("POST", "/contacts/search", map[string]any{"query": map[string]any{"field": "email", "operator": "~", "value": "example"}})
			s.send("GET", "/contacts?per_page=2", nil)
		}()
	}
	wg.Wait()
	for _, s := range servers {
		assert.Equal(t, 8, s.Count("createContact"), "contacts created")
		s.clean()
	}
}
