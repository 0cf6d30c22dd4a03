package results

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// checkName accepts a set name of letters, digits, '_' and '-': no '.', so
// that one set's hidden names never start like another's.
func checkName(name string) error {
	if name == "" || strings.IndexFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) >= 0 {
		return fmt.Errorf("result set name %q: want letters, digits, '_' and '-'", name)
	}
	return nil
}

// currentName is the pointer to the set's current directory.
func currentName(name string) string { return "." + name + ".current" }

// setPrefix starts the names of the set's directories.
func setPrefix(name string) string { return "." + name + ".set-" }

// tmpPrefix starts the names of links not yet renamed into place.
func tmpPrefix(name string) string { return "." + name + ".tmp-" }

// linkTarget is what dir/NAME.EXT links to.
func linkTarget(name, ext string) string { return filepath.Join(currentName(name), name+ext) }

// readCurrent returns the base name of the set directory the pointer
// names, or "" if there is no pointer.
func readCurrent(dir, name string) (string, error) {
	target, err := os.Readlink(filepath.Join(dir, currentName(name)))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if filepath.Base(target) != target || !strings.HasPrefix(target, setPrefix(name)) {
		return "", fmt.Errorf("%s points outside the set: %q", currentName(name), target)
	}
	return target, nil
}

// isSetLink reports whether dir/NAME.EXT is the set's link.
func isSetLink(dir, name, ext string) bool {
	target, err := os.Readlink(filepath.Join(dir, name+ext))
	return err == nil && target == linkTarget(name, ext)
}

// tempLink makes a symbolic link to target under a fresh temporary name in
// dir and returns its path.
func tempLink(dir, name, target string) (string, error) {
	var err error
	for range 10 {
		path := filepath.Join(dir, fmt.Sprintf("%s%016x", tmpPrefix(name), rand.Uint64()))
		if err = os.Symlink(target, path); !errors.Is(err, os.ErrExist) {
			return path, err
		}
	}
	return "", err
}

// replaceWithLink puts a link to target at path in one step.
func replaceWithLink(dir, name, target, path string) error {
	tmp, err := tempLink(dir, name, target)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// ensureLink makes dir/NAME.EXT the set's link, unless it is already.
func ensureLink(dir, name, ext string) error {
	if isSetLink(dir, name, ext) {
		return nil
	}
	return replaceWithLink(dir, name, linkTarget(name, ext), filepath.Join(dir, name+ext))
}
