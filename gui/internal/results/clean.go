package results

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// newSetDir makes a fresh set directory (0755) in dir and locks it, so that
// another writer's clean leaves it alone until unlock. The caller holds
// dir's lock.
func newSetDir(dir, name string) (path string, unlock func(), err error) {
	path, err = os.MkdirTemp(dir, setPrefix(name))
	if err != nil {
		return "", nil, fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Chmod(path, 0o755); err != nil {
		os.RemoveAll(path)
		return "", nil, fmt.Errorf("writing %s: %w", name, err)
	}
	if unlock, err = lockDir(path, false); err != nil {
		os.RemoveAll(path)
		return "", nil, fmt.Errorf("writing %s: %w", name, err)
	}
	return path, unlock, nil
}

// clean removes, best effort, what killed or finished writes of the set
// left in dir: temporary links, an earlier version's temporary files
// (.NAME.EXT.*.tmp) and set directories the pointer does not name and no
// writer holds. Only listing dir can fail it. The caller holds dir's lock,
// so no writer is between making a temporary link and renaming it.
func clean(dir, name string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cleaning %s: %w", name, err)
	}
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, tmpPrefix(name)) && e.Type()&os.ModeSymlink != 0:
			os.Remove(filepath.Join(dir, n))
		case strings.HasPrefix(n, "."+name+".") && strings.HasSuffix(n, ".tmp") && e.Type().IsRegular():
			os.Remove(filepath.Join(dir, n))
		case strings.HasPrefix(n, setPrefix(name)) && e.IsDir():
			removeStale(dir, name, n)
		}
	}
	return nil
}

// removeStale removes the set directory n unless a writer holds it or the
// pointer names it. The pointer is read under the lock: a directory's
// writer moves the pointer to it before unlocking, and nobody else does.
func removeStale(dir, name, n string) {
	unlock, err := lockDir(filepath.Join(dir, n), false)
	if err != nil {
		return
	}
	defer unlock()
	if cur, err := readCurrent(dir, name); err != nil || cur == n {
		return
	}
	os.RemoveAll(filepath.Join(dir, n))
}
