package facade

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/go-intercom/intercom/gen"
)

// BenchmarkGET compares a GET through the client's transport and decode with
// the same GET made with plain net/http and encoding/json.
func BenchmarkGET(b *testing.B) {
	body := `{"type":"admin.list","admins":[{"type":"admin","id":"1","name":"Ann","email":"ann@example.com","job_title":"Support","away_mode_enabled":false,"away_mode_reassign":false,"has_inbox_seat":true,"team_ids":[1,2]}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-1")
		w.Header().Set("X-RateLimit-Limit", "10000")
		w.Header().Set("X-RateLimit-Remaining", "9999")
		w.Header().Set("X-RateLimit-Reset", "1735790000")
		w.Write([]byte(body))
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
			if _, _, err := decode[gen.AdminList](c.raw.ListAdmins(ctx, nil)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("net/http", func(b *testing.B) {
		hc := &http.Client{}
		b.ReportAllocs()
		for b.Loop() {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/admins", nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("Authorization", "Bearer "+testToken)
			req.Header.Set("Intercom-Version", "2.11")
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var out gen.AdminList
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}
