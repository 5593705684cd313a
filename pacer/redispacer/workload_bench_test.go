package redispacer

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The shared-budget workload: benchProcesses OS processes with one token
// against an intercomtest server that allows benchLimit requests per
// benchWindow.
const (
	benchProcesses  = 4
	benchGoroutines = 16 // per process
	benchLimit      = 200
	benchWindow     = time.Second
	benchWarmup     = 2 // windows before the measured ones: the pacers learn the limit and window
	benchMeasured   = 6
)

// BenchmarkSharedBudget runs the workload with the pacers sharing the
// budget through Redis ("shared") and with each process pacing alone
// (facade.WithPacing, "per-process"), and reports: pct_of_limit, the mean
// share of the server's limit served in the measured windows;
// min_pct_of_limit, the worst window; 429s, the 429 answers of the whole
// run, warm-up included; errors, calls that failed once retries ran out;
// redis_calls/request, the pacers' calls to Redis per request sent. Its
// redis-server runs at a raised priority where the benchmark may set one
// (see prioritize). The shared run fails unless it reaches 95% of the limit
// with no 429 and no error.
func BenchmarkSharedBudget(b *testing.B) {
	srv := needRedisServer(b)
	if err := srv.prioritize(); err != nil {
		b.Logf("redis-server keeps its normal priority: %v", err)
	}
	for _, pacing := range []string{pacingShared, pacingPerProcess} {
		b.Run(pacing, func(b *testing.B) {
			var r workloadResult
			for b.Loop() {
				r = runWorkload(b, srv.Addr, workload{
					pacing: pacing, processes: benchProcesses, goroutines: benchGoroutines,
					limit: benchLimit, window: benchWindow, warmup: benchWarmup, measured: benchMeasured,
				})
			}
			b.Logf("%s: %% of the limit per measured window: %.1f", pacing, r.perWindow)
			b.ReportMetric(r.meanPct, "pct_of_limit")
			b.ReportMetric(r.minPct, "min_pct_of_limit")
			b.ReportMetric(float64(r.tooMany), "429s")
			b.ReportMetric(float64(r.errors), "errors")
			b.ReportMetric(float64(r.redisCalls)/float64(max(r.requests, 1)), "redis_calls/request")
			b.ReportMetric(0, "ns/op") // a run lasts a fixed number of windows by design
			if pacing == pacingShared {
				assert.GreaterOrEqual(b, r.meanPct, 95.0, "shared budget: mean %% of the limit")
				assert.Zero(b, r.tooMany, "shared budget: 429s")
				assert.Zero(b, r.errors, "shared budget: errors (first: %s)", r.firstError)
			}
		})
	}
}
