//go:build !unix

package redispacer

import "errors"

// prioritize is only implemented on Unix systems.
func (s *redisServer) prioritize() error {
	return errors.New("raising a process's priority is not implemented here")
}
