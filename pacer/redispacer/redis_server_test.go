package redispacer

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"
)

// redisServer is a redis-server the tests started: on a free loopback port,
// in a temporary directory, with persistence off.
type redisServer struct {
	Addr string
	port int
	dir  string
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
}

// errNoRedis says that no redis-server can be started on this machine.
var errNoRedis = errors.New("redis-server is not installed (Debian: apt-get install redis-server; .ci/run does it)")

// startRedisServer starts a redis-server on a free loopback port and returns
// once it accepts connections. Stop it with stop.
func startRedisServer() (*redisServer, error) {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, errNoRedis
	}
	dir, err := os.MkdirTemp("", "redispacer-test-")
	if err != nil {
		return nil, err
	}
	var lastErr error
	// A port found free may be taken before redis-server binds it: try a
	// few.
	for range 5 {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		s := &redisServer{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), port: port, dir: dir}
		if lastErr = s.start(path); lastErr == nil {
			return s, nil
		}
	}
	os.RemoveAll(dir)
	return nil, lastErr
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// start runs redis-server on s.port and waits for its "Ready to accept
// connections" line.
func (s *redisServer) start(path string) error {
	cmd := exec.Command(path,
		"--port", strconv.Itoa(s.port), "--bind", "127.0.0.1",
		"--dir", s.dir, "--save", "", "--appendonly", "no",
		"--daemonize", "no", "--logfile", "", "--loglevel", "notice")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		return err
	}
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(out)
		var log []string
		for sc.Scan() {
			line := sc.Text()
			if strings.Contains(line, "Ready to accept connections") {
				ready <- nil
				io.Copy(io.Discard, out) // keep the pipe drained
				return
			}
			log = append(log, line)
		}
		ready <- fmt.Errorf("redis-server on port %d exited before it was ready:\n%s", s.port, strings.Join(log, "\n"))
	}()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	timer := time.NewTimer(20 * time.Second)
	defer timer.Stop()
	select {
	case err := <-ready:
		if err != nil {
			<-done
			return err
		}
	case <-timer.C:
		cmd.Process.Kill()
		<-done
		return fmt.Errorf("redis-server on port %d was not ready after 20s", s.port)
	}
	s.cmd, s.done = cmd, done
	return nil
}

// stop ends the server and waits for it to exit.
func (s *redisServer) stop() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Kill()
	<-s.done
	s.cmd = nil
}

// restart starts the server again on the same port.
func (s *redisServer) restart() error {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		return errNoRedis
	}
	return s.start(path)
}

// close stops the server and removes its directory.
func (s *redisServer) close() {
	s.stop()
	os.RemoveAll(s.dir)
}

// client returns a go-redis client of the server, closed when t ends. Its
// short timeouts make a stopped server fail calls quickly.
func (s *redisServer) client(t testing.TB) *redis.Client {
	rdb := redis.NewClient(&redis.Options{
		Addr: s.Addr, DialTimeout: time.Second, ReadTimeout: time.Second, WriteTimeout: time.Second,
		MaxRetries: -1,
	})
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

// needRedisServer starts a redis-server of t's own, stopped when t ends. The
// test is skipped where redis-server is not installed, except in CI (CI
// set), where .ci/run installs it and its absence is a failure.
func needRedisServer(t testing.TB) *redisServer {
	t.Helper()
	s, err := startRedisServer()
	if errors.Is(err, errNoRedis) && os.Getenv("CI") == "" {
		t.Skipf("skipped: %v", err)
	}
	require.NoError(t, err, "start redis-server")
	t.Cleanup(s.close)
	rdb := s.client(t)
	require.NoError(t, rdb.Ping(context.Background()).Err(), "redis-server at %s does not answer", s.Addr)
	return s
}
