package facade

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/intercomtest"
)

// Paced throughput: many goroutines calling an intercomtest server that
// allows benchRate requests per benchWindow, with and without WithPacing.
const (
	benchRate       = 200
	benchWindow     = time.Second
	benchWorkers    = 64
	benchRunWindows = 5 // the first and last windows are partial and not counted
)

// BenchmarkPacedThroughput reports, per run of benchRunWindows windows:
// pct_of_limit, the mean share of the limit served in the full windows
// (target ≥ 97 with pacing); min_pct_of_limit, the worst full window; 429s,
// the 429 answers the server sent (target 0 with pacing); and errors, calls
// that failed once retries were exhausted.
func BenchmarkPacedThroughput(b *testing.B) {
	for _, v := range []struct {
		name string
		opts []Option
	}{
		{"paced", []Option{WithPacing()}},
		{"unpaced", nil},
	} {
		b.Run(v.name, func(b *testing.B) {
			var r throughputResult
			for b.Loop() {
				r = runThroughput(b, v.opts...)
			}
			b.ReportMetric(r.meanPct, "pct_of_limit")
			b.ReportMetric(r.minPct, "min_pct_of_limit")
			b.ReportMetric(float64(r.tooMany), "429s")
			b.ReportMetric(float64(r.errors), "errors")
			b.ReportMetric(0, "ns/op") // a run lasts benchRunWindows windows by design
		})
	}
}

type throughputResult struct {
	meanPct, minPct float64
	tooMany, errors int
}

// runThroughput drives benchWorkers goroutines at a fresh server for
// benchRunWindows windows. Successes are counted by the window the server put
// them in (the X-RateLimit-Reset of their response), so client-side timing
// does not blur the figures.
func runThroughput(tb testing.TB, opts ...Option) throughputResult {
	srv := intercomtest.NewServer(tb, intercomtest.WithRateLimit(benchRate, benchWindow))
	tr := &http.Transport{MaxIdleConnsPerHost: benchWorkers}
	defer tr.CloseIdleConnections()
	all := append([]Option{WithBaseURL(srv.URL), WithHTTPClient(&http.Client{Transport: tr})}, opts...)
	c, err := NewClient(srv.Token, all...)
	if err != nil {
		tb.Fatal(err)
	}
	// Start on a window boundary so that every run sees the same windows.
	now := time.Now()
	time.Sleep(now.Truncate(benchWindow).Add(benchWindow).Sub(now))
	ctx, cancel := context.WithTimeout(context.Background(), benchRunWindows*benchWindow)
	defer cancel()

	var mu sync.Mutex
	perWindow := map[int64]int{}
	errs := 0
	var wg sync.WaitGroup
	for range benchWorkers {
		wg.Go(func() {
			local := map[int64]int{}
			n := 0
			for ctx.Err() == nil {
				_, resp, err := c.Admins.Identify(ctx)
				switch {
				case err == nil:
					local[resp.RateLimit.Reset.Unix()]++
				case ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded):
					n++
				}
			}
			mu.Lock()
			for k, v := range local {
				perWindow[k] += v
			}
			errs += n
			mu.Unlock()
		})
	}
	wg.Wait()

	windows := make([]int64, 0, len(perWindow))
	for k := range perWindow {
		windows = append(windows, k)
	}
	sort.Slice(windows, func(i, j int) bool { return windows[i] < windows[j] })
	res := throughputResult{errors: errs, minPct: 100}
	full := 0
	for i, w := range windows {
		if i == 0 || i == len(windows)-1 {
			continue
		}
		pct := 100 * float64(perWindow[w]) / benchRate
		res.meanPct += pct
		res.minPct = min(res.minPct, pct)
		full++
	}
	if full > 0 {
		res.meanPct /= float64(full)
	} else {
		res.minPct = 0
	}
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			res.tooMany++
		}
	}
	return res
}

// BenchmarkIterateContacts walks every contact of a list of 10,000 and of
// 100,000 with Contacts.ListIter, 150 to a page, sampling the heap after each
// page. The contacts have the shape of Intercom's published example
// (contactShape). peak_heap_MB must not grow with the total.
func BenchmarkIterateContacts(b *testing.B) {
	for _, total := range []int{10_000, 100_000} {
		b.Run(benchName(total), func(b *testing.B) {
			srv := realContactServer(b, total, 150)
			c, err := NewClient(testToken, WithBaseURL(srv.URL))
			if err != nil {
				b.Fatal(err)
			}
			var peak uint64
			b.ReportAllocs()
			for b.Loop() {
				peak = max(peak, iterateContacts(b, c, total))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak_heap_MB")
			b.ReportMetric(float64(total), "contacts")
		})
	}
}

func benchName(n int) string {
	if n%1000 == 0 {
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

// iterateContacts walks the whole list once and returns the largest
// HeapInuse seen at page boundaries.
func iterateContacts(tb testing.TB, c *Client, total int) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	n := 0
	for ct, err := range c.Contacts.ListIter(context.Background(), &ListContactsOptions{PerPage: 150}) {
		if err != nil {
			tb.Fatal(err)
		}
		if ct.Id == "" {
			tb.Fatal("contact without id")
		}
		n++
		if n%150 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if n != total {
		tb.Fatalf("iterated %d contacts, want %d", n, total)
	}
	return peak
}
