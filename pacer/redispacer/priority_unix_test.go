//go:build unix

package redispacer

import "syscall"

// prioritize raises the scheduling priority of the server's process (nice
// -10), which needs root. The workload benchmark uses it: every process
// waits on Redis, and on a small machine shared with the workers, the API
// server and other jobs, a descheduled Redis stalls them all at once,
// where a deployment gives Redis cores of its own.
func (s *redisServer) prioritize() error {
	return syscall.Setpriority(syscall.PRIO_PROCESS, s.cmd.Process.Pid, -10)
}
