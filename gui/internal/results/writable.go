package results

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckWritable reports, before any work, whether a set can be written to
// dir: dir must be a writable directory, or not exist yet below a writable
// directory (its nearest existing ancestor). It tries by creating and
// removing a hidden file there; it creates no directory.
func CheckWritable(dir string) error {
	p := filepath.Clean(dir)
	for {
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			return fmt.Errorf("output %s: %s is not a directory", dir, p)
		case err == nil:
			probe, err := os.CreateTemp(p, ".zerokara-probe-")
			if err != nil {
				return fmt.Errorf("output %s: %s is not writable: %w", dir, p, err)
			}
			probe.Close()
			os.Remove(probe.Name())
			return nil
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("output %s: %w", dir, err)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return fmt.Errorf("output %s: %w", dir, err)
		}
		p = parent
	}
}
