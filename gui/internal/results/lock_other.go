//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package results

// lockDir does nothing where flock(2) is missing: there two writers of one
// set in one folder at once are not guarded, and may leave a set that
// lacks a file, or a pointer to a removed set directory, until the next
// write.
func lockDir(path string, wait bool) (unlock func(), err error) { return func() {}, nil }
