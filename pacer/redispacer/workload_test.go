package redispacer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-intercom/intercom/facade"
	"github.com/go-intercom/intercom/intercomtest"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

// A workload is several OS processes calling one intercomtest server with
// the same token: the test binary starts copies of itself as workers
// (TestMain sees workerEnv), each with its own client and pacer.

// The worker's environment.
const (
	workerEnv       = "REDISPACER_WORKER" // the pacing: "shared" or "per-process"
	workerURLEnv    = "REDISPACER_WORKER_URL"
	workerTokenEnv  = "REDISPACER_WORKER_TOKEN"
	workerRedisEnv  = "REDISPACER_WORKER_REDIS"
	workerGoroutine = "REDISPACER_WORKER_GOROUTINES"
)

// Pacing modes of a workload.
const (
	pacingShared     = "shared"      // a redispacer.Pacer per process, one budget in Redis
	pacingPerProcess = "per-process" // facade.WithPacing in each process
)

// workerReport is what a worker prints on its standard output.
type workerReport struct {
	// PerWindow counts the successful calls by the X-RateLimit-Reset of
	// their response (Unix seconds): the server's window that served them.
	PerWindow map[int64]int `json:"per_window"`
	// Errors counts calls that failed (retries exhausted), with the first
	// error's text.
	Errors     int    `json:"errors"`
	FirstError string `json:"first_error,omitempty"`
}

// workerMain is a worker process: once its client is ready it says so on
// its standard output, reads the end time (Unix milliseconds) from its
// standard input, calls the server from several goroutines until then and
// prints its report as JSON.
func workerMain() int {
	mode := os.Getenv(workerEnv)
	baseURL, token := os.Getenv(workerURLEnv), os.Getenv(workerTokenEnv)
	goroutines, err := strconv.Atoi(os.Getenv(workerGoroutine))
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 2
	}
	tr := &http.Transport{MaxIdleConnsPerHost: goroutines}
	opts := []facade.Option{facade.WithBaseURL(baseURL), facade.WithHTTPClient(&http.Client{Transport: tr})}
	switch mode {
	case pacingShared:
		rdb := redis.NewClient(&redis.Options{Addr: os.Getenv(workerRedisEnv), PoolSize: goroutines})
		defer rdb.Close()
		p, err := New(rdb, token, WithBaseURL(baseURL))
		if err != nil {
			fmt.Fprintln(os.Stderr, "worker:", err)
			return 2
		}
		opts = append(opts, facade.WithPacer(p))
	case pacingPerProcess:
		opts = append(opts, facade.WithPacing())
	default:
		fmt.Fprintf(os.Stderr, "worker: unknown pacing %q\n", mode)
		return 2
	}
	c, err := facade.NewClient(token, opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 2
	}
	fmt.Println("ready")
	var endMs int64
	if _, err := fmt.Scan(&endMs); err != nil {
		fmt.Fprintln(os.Stderr, "worker: read the end time:", err)
		return 2
	}
	ctx, cancel := context.WithDeadline(context.Background(), time.UnixMilli(endMs))
	defer cancel()
	rep := workerReport{PerWindow: map[int64]int{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for ctx.Err() == nil {
				_, resp, err := c.Admins.Identify(ctx)
				mu.Lock()
				switch {
				case err == nil:
					rep.PerWindow[resp.RateLimit.Reset.Unix()]++
				case ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded):
					if rep.Errors == 0 {
						rep.FirstError = err.Error()
					}
					rep.Errors++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if err := json.NewEncoder(os.Stdout).Encode(rep); err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		return 2
	}
	return 0
}

// workload describes one run.
type workload struct {
	pacing     string
	processes  int
	goroutines int // per process
	limit      int // the server's, per window
	window     time.Duration
	warmup     int // windows before the measured ones
	measured   int // windows measured
}

// workloadResult is what a run measured.
type workloadResult struct {
	// meanPct and minPct are the mean and the lowest share of the limit
	// served in the measured windows, in percent.
	meanPct, minPct float64
	// served is the number of successful calls in the measured windows.
	served int
	// tooMany is the number of 429s the server answered during the whole
	// run, warm-up included.
	tooMany int
	// errors counts calls that failed once retries were exhausted.
	errors     int
	firstError string
	// redisCalls is the number of calls the pacers made to Redis during
	// the run, and requests the number of requests the server received.
	redisCalls, requests int
	// perWindow is the share of the limit served in each measured window,
	// in percent.
	perWindow []float64
}

// runWorkload starts a server with the workload's rate limit and the
// worker processes, and waits for their reports. The workers run from
// their start through the warm-up windows and the measured windows, which
// start on a window boundary of the server.
func runWorkload(tb testing.TB, redisAddr string, w workload) workloadResult {
	tb.Helper()
	exe, err := os.Executable()
	require.NoError(tb, err)
	srv, err := intercomtest.Start(intercomtest.WithRateLimit(w.limit, w.window))
	require.NoError(tb, err)
	defer srv.Close()

	rdb := redis.NewClient(&redis.Options{Addr: redisAddr})
	defer rdb.Close()
	callsBefore := redisCalls(tb, rdb)

	type worker struct {
		cmd    *exec.Cmd
		stdin  io.WriteCloser
		stdout *bufio.Reader
		stderr bytes.Buffer
	}
	workers := make([]*worker, w.processes)
	defer func() {
		for _, wk := range workers {
			if wk != nil && wk.cmd.Process != nil && wk.cmd.ProcessState == nil {
				wk.cmd.Process.Kill()
				wk.cmd.Wait()
			}
		}
	}()
	for i := range workers {
		wk := &worker{cmd: exec.Command(exe)}
		wk.cmd.Env = append(os.Environ(),
			workerEnv+"="+w.pacing,
			workerURLEnv+"="+srv.URL,
			workerTokenEnv+"="+srv.Token,
			workerRedisEnv+"="+redisAddr,
			workerGoroutine+"="+strconv.Itoa(w.goroutines),
		)
		wk.cmd.Stderr = &wk.stderr
		wk.stdin, err = wk.cmd.StdinPipe()
		require.NoError(tb, err)
		out, err := wk.cmd.StdoutPipe()
		require.NoError(tb, err)
		wk.stdout = bufio.NewReader(out)
		require.NoError(tb, wk.cmd.Start())
		workers[i] = wk
	}
	for i, wk := range workers {
		line, err := wk.stdout.ReadString('\n')
		if err != nil || line != "ready\n" {
			wk.cmd.Wait() // for all of its stderr, read only once it has ended
			require.NoError(tb, err, "worker %d did not start: %s", i, wk.stderr.String())
			require.Equal(tb, "ready\n", line, "worker %d did not start: %s", i, wk.stderr.String())
		}
	}
	// All are ready: the warm-up windows start now, the measured ones on a
	// window boundary after them.
	start := time.Now().Truncate(w.window).Add(time.Duration(1+w.warmup) * w.window)
	end := start.Add(time.Duration(w.measured) * w.window)
	for _, wk := range workers {
		fmt.Fprintln(wk.stdin, end.UnixMilli())
		wk.stdin.Close()
	}
	reports := make([]workerReport, w.processes)
	for i, wk := range workers {
		err := json.NewDecoder(wk.stdout).Decode(&reports[i])
		werr := wk.cmd.Wait()
		require.NoError(tb, err, "worker %d: %s", i, wk.stderr.String())
		require.NoError(tb, werr, "worker %d: %s", i, wk.stderr.String())
	}

	perWindow := map[int64]int{}
	var res workloadResult
	for _, rep := range reports {
		for k, v := range rep.PerWindow {
			perWindow[k] += v
		}
		res.errors += rep.Errors
		if res.firstError == "" {
			res.firstError = rep.FirstError
		}
	}
	// The measured windows are those whose reset falls in (start, end].
	var windows []int64
	for k := range perWindow {
		if reset := time.Unix(k, 0); reset.After(start) && !reset.After(end) {
			windows = append(windows, k)
		}
	}
	sort.Slice(windows, func(i, j int) bool { return windows[i] < windows[j] })
	res.minPct = 100
	for _, k := range windows {
		pct := 100 * float64(perWindow[k]) / float64(w.limit)
		res.meanPct += pct
		res.minPct = min(res.minPct, pct)
		res.served += perWindow[k]
		res.perWindow = append(res.perWindow, pct)
	}
	// A window without a single success counts as 0%.
	if len(windows) < w.measured {
		res.minPct = 0
	}
	res.meanPct /= float64(w.measured)
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			res.tooMany++
		}
	}
	res.requests = len(srv.Requests())
	res.redisCalls = redisCalls(tb, rdb) - callsBefore
	return res
}

// pacerCommands are the commands a Pacer sends to Redis (the GETs, SETs
// and TIMEs of redis_rate's script run inside EVALSHA and are not calls).
var pacerCommands = []string{"evalsha", "eval", "hmget", "hset", "expire"}

// redisCalls returns the number of calls of pacerCommands the server has
// answered, from INFO commandstats.
func redisCalls(tb testing.TB, rdb *redis.Client) int {
	info, err := rdb.Info(context.Background(), "commandstats").Result()
	require.NoError(tb, err)
	total := 0
	for line := range strings.SplitSeq(info, "\n") {
		for _, c := range pacerCommands {
			// cmdstat_evalsha:calls=2545,usec=…
			rest, ok := strings.CutPrefix(strings.TrimSpace(line), "cmdstat_"+c+":calls=")
			if !ok {
				continue
			}
			n, err := strconv.Atoi(rest[:strings.IndexByte(rest+",", ',')])
			require.NoError(tb, err)
			total += n
		}
	}
	return total
}
