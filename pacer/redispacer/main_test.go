package redispacer

import (
	"context"
	"flag"
	"fmt"
	"os"
	"testing"

	"github.com/redis/go-redis/v9"
)

// quietRedis drops go-redis's own log lines (failed dials while a test has
// stopped its server): the tests check the pacer's reports instead.
type quietRedis struct{}

func (quietRedis) Printf(context.Context, string, ...any) {}

// exampleRedisEnv names the variable that gives the examples the address of
// the redis-server TestMain started for them.
const exampleRedisEnv = "REDISPACER_EXAMPLE_REDIS"

// TestMain runs a workload worker when the test binary was started as one
// (see workload_test.go); otherwise it starts a redis-server for the
// examples and runs the tests.
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		os.Exit(workerMain())
	}
	flag.Parse()
	redis.SetLogger(quietRedis{})
	srv, err := startRedisServer()
	if err != nil {
		if os.Getenv("CI") != "" {
			fmt.Fprintf(os.Stderr, "redispacer: start redis-server: %v\n", err)
			os.Exit(1)
		}
		// The examples need Redis and cannot skip themselves.
		fmt.Printf("redispacer: examples skipped: %v\n", err)
		flag.Set("test.skip", "^Example")
		os.Exit(m.Run())
	}
	os.Setenv(exampleRedisEnv, srv.Addr)
	code := m.Run()
	srv.close()
	os.Exit(code)
}
