// Command intercom-mock runs intercomtest's fake Intercom API 2.11 as a
// standalone server, so that tests in any language can use it the way
// stripe-mock is used:
//
//	go run github.com/go-intercom/intercom/intercomtest/cmd/intercom-mock -addr 127.0.0.1:12111
//
// Every request is checked against the API description and answered from an
// in-memory workspace; invalid requests are answered as Intercom answers them
// and logged. Flags:
//
//	-addr          host:port to listen on (default 127.0.0.1:12111)
//	-token         the access token to accept (default intercomtest-token)
//	-seed          a JSON file of workspace content (intercomtest.Workspace)
//	-rate-limit    requests allowed per minute (default 10000, Intercom's)
//	-fault-status  answer injected faults with this status (0, the default, injects none)
//	-fault-every   inject the fault into every n-th matching request (default 1: all)
//	-fault-op      inject faults only into this operation (an operationId)
//	-fault-drop    drop the connection instead of answering
//	-quiet         do not log invalid requests
//
// It stops on SIGINT or SIGTERM.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/go-intercom/intercom/intercomtest"
)

func main() { os.Exit(serve(os.Args[1:], os.Stdout, os.Stderr)) }

// serve runs the server until SIGINT or SIGTERM and returns the exit code:
// 2 when the flags, the seed or the address are wrong.
func serve(args []string, stdout, stderr io.Writer) int {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(stop)
	if err := run(args, stdout, stderr, nil, stop); err != nil {
		fmt.Fprintln(stderr, "intercom-mock:", err)
		return 2
	}
	return 0
}

// config is what the flags say.
type config struct {
	addr, token, seed string
	rateLimit         int
	fault             intercomtest.Fault
	quiet             bool
}

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("intercom-mock", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", "127.0.0.1:12111", "host:port to listen on")
	fs.StringVar(&c.token, "token", intercomtest.DefaultToken, "access token to accept")
	fs.StringVar(&c.seed, "seed", "", "JSON file of workspace content to start with")
	fs.IntVar(&c.rateLimit, "rate-limit", 10000, "requests allowed per minute")
	fs.IntVar(&c.fault.Status, "fault-status", 0, "answer injected faults with this status (0: no faults)")
	fs.IntVar(&c.fault.Every, "fault-every", 1, "inject the fault into every n-th matching request")
	fs.StringVar(&c.fault.OperationID, "fault-op", "", "inject faults only into this operation")
	fs.BoolVar(&c.fault.Drop, "fault-drop", false, "drop the connection of faulted requests instead of answering")
	fs.BoolVar(&c.quiet, "quiet", false, "do not log invalid requests")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.fault.Every < 1 {
		return c, errors.New("-fault-every must be at least 1")
	}
	if c.fault.Status != 0 && (c.fault.Status < 400 || c.fault.Status > 599) {
		return c, fmt.Errorf("-fault-status must be an error status (400-599), got %d", c.fault.Status)
	}
	if c.rateLimit < 1 {
		return c, errors.New("-rate-limit must be positive")
	}
	return c, nil
}

// run starts the server, reports its address on ready (when not nil) and
// stdout, and serves until stop receives.
func run(args []string, stdout, stderr io.Writer, ready chan<- *intercomtest.Server, stop <-chan os.Signal) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	srv, err := intercomtest.Start(intercomtest.WithAddr(c.addr), intercomtest.WithToken(c.token),
		intercomtest.WithRateLimit(c.rateLimit, time.Minute))
	if err != nil {
		return err
	}
	defer srv.Close()
	if c.seed != "" {
		if err := seed(srv, c.seed); err != nil {
			return err
		}
	}
	if c.fault.Status != 0 || c.fault.Drop {
		c.fault.Times = -1
		srv.Inject(c.fault)
	}
	fmt.Fprintf(stdout, "intercom-mock: serving Intercom API 2.11 on %s (token %q)\n", srv.URL, srv.Token)
	if ready != nil {
		ready <- srv
	}
	logged := 0
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			logInvalid(srv, &logged, stderr, c.quiet)
			return nil
		case <-tick.C:
			logInvalid(srv, &logged, stderr, c.quiet)
		}
	}
}

// seed loads a JSON workspace file into the server.
func seed(srv *intercomtest.Server, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var w intercomtest.Workspace
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return fmt.Errorf("seed %s: %w", path, err)
	}
	_, err = srv.Seed(w)
	return err
}

// logInvalid writes the invalid requests received since the last call.
func logInvalid(srv *intercomtest.Server, logged *int, w io.Writer, quiet bool) {
	bad := srv.InvalidRequests()
	for _, r := range bad[*logged:] {
		if !quiet {
			fmt.Fprintln(w, "invalid request:", r)
		}
	}
	*logged = len(bad)
}
