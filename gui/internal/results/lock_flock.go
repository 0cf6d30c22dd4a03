//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package results

import (
	"errors"
	"os"
	"syscall"
)

// errLocked reports a directory another writer holds.
var errLocked = errors.New("in use by another writer")

// lockDir takes an exclusive flock(2) on the directory path, waiting for
// it if wait is set, else returning errLocked when another holds it. Where
// the file system has no locks it returns a no-op unlock.
func lockDir(path string, wait bool) (unlock func(), err error) {
	d, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(d.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	switch {
	case err == nil:
		return func() { d.Close() }, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		d.Close()
		return nil, errLocked
	default:
		d.Close()
		return func() {}, nil
	}
}
