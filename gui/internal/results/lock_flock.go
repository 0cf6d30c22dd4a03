//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package results

import (
	"errors"
	"os"
	"syscall"
)

// errLocked reports a directory another writer holds.
var errLocked = errors.New("in use by another writer")

// lockDir takes an exclusive flock(2) on the directory path without
// waiting, or returns errLocked. Where the file system has no locks it
// returns a no-op unlock.
func lockDir(path string) (unlock func(), err error) {
	d, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(d.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		d.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return func() {}, nil
	}
	return func() { d.Close() }, nil
}
