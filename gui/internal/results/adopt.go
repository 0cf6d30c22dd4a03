package results

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// adopt turns regular files at the set's names (left by an earlier version,
// or by a write without symbolic links) into the set layout without ever
// showing a mixed set: it links them, with the files the pointer's set
// still shows, into a new set directory, points the pointer there, and
// then replaces each regular file by a link to the same content.
func adopt(dir, name string, exts []string) error {
	var regular []string
	for _, ext := range exts {
		if fi, err := os.Lstat(filepath.Join(dir, name+ext)); err == nil && fi.Mode().IsRegular() {
			regular = append(regular, ext)
		}
	}
	if len(regular) == 0 {
		return nil
	}
	cur, err := readCurrent(dir, name)
	if err != nil {
		return err
	}
	set, unlock, err := newSetDir(dir, name)
	if err != nil {
		return err
	}
	defer unlock()
	if err := fillAdopted(dir, name, cur, set, exts); err != nil {
		os.RemoveAll(set)
		return fmt.Errorf("adopting %s: %w", name, err)
	}
	if err := replaceWithLink(dir, name, filepath.Base(set), filepath.Join(dir, currentName(name))); err != nil {
		os.RemoveAll(set)
		return fmt.Errorf("adopting %s: %w", name, err)
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	for _, ext := range regular {
		if err := replaceWithLink(dir, name, linkTarget(name, ext), filepath.Join(dir, name+ext)); err != nil {
			return fmt.Errorf("adopting %s: %w", name+ext, err)
		}
	}
	return syncDir(dir)
}

// fillAdopted links into set what dir shows at each of the set's names:
// a regular file itself, a set link's file in the current set cur.
func fillAdopted(dir, name, cur, set string, exts []string) error {
	for _, ext := range exts {
		src := filepath.Join(dir, name+ext)
		fi, err := os.Lstat(src)
		switch {
		case err != nil:
			continue
		case !fi.Mode().IsRegular():
			if cur == "" || !isSetLink(dir, name, ext) {
				continue
			}
			src = filepath.Join(dir, cur, name+ext)
			if _, err := os.Stat(src); err != nil {
				continue // the current set has no such file
			}
		}
		if err := linkOrCopy(src, filepath.Join(set, name+ext)); err != nil {
			return err
		}
	}
	return syncDir(set)
}

// linkOrCopy hard-links src at dst, or copies it where hard links fail.
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeFile(dst, func(w io.Writer) error { _, err := io.Copy(w, in); return err })
}
