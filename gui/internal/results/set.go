package results

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"zerokara/gui/internal/plot"
)

// file is one file of a set: its extension (".json") and its contents.
type file struct {
	ext   string
	write func(io.Writer) error
}

// writeSet writes files as the set name in dir: each into a fresh set
// directory, which the pointer .NAME.current then names (see the package
// doc). It returns dir/NAME.EXT for each file. Preparing and committing
// hold dir's lock, so that concurrent writers in dir commit one at a time.
func writeSet(ctx context.Context, dir, name string, files []file) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	exts := setExts(files)
	if err := preflight(dir, name, exts); err != nil {
		return nil, err
	}
	stage, unlock, err := prepare(dir, name)
	if err != nil {
		return nil, err
	}
	defer unlock()
	committed := false
	defer func() {
		if !committed {
			os.RemoveAll(stage)
		}
	}()
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
		if err := writeFile(filepath.Join(stage, name+f.ext), f.write); err != nil {
			return nil, fmt.Errorf("writing %s%s: %w", name, f.ext, err)
		}
	}
	if err := syncDir(stage); err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	unlockDir, err := lockDir(dir, true)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	defer unlockDir()
	committed, err = commit(dir, name, stage, files, exts)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	clean(dir, name) // the old set; best effort, as at the next start
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, name+f.ext)
	}
	return paths, nil
}

// prepare cleans the set's stale entries and makes a fresh set directory,
// locked, under dir's lock: no other writer's clean can come between
// making the directory and locking it.
func prepare(dir, name string) (stage string, unlock func(), err error) {
	unlockDir, err := lockDir(dir, true)
	if err != nil {
		return "", nil, fmt.Errorf("writing %s: %w", name, err)
	}
	defer unlockDir()
	if err := clean(dir, name); err != nil {
		return "", nil, err
	}
	return newSetDir(dir, name)
}

// commit makes the complete set directory stage the set name: it adopts
// regular files left at the set's names, links every file's name through
// the pointer, swaps the pointer, then drops links of formats the set
// lacks. It reports whether the pointer names stage (after which stage
// must stay). Without symbolic links it renames the files into dir.
func commit(dir, name, stage string, files []file, exts []string) (bool, error) {
	ptr, err := tempLink(dir, name, filepath.Base(stage))
	if err != nil {
		return false, replaceEach(dir, name, stage, files)
	}
	defer os.Remove(ptr) // no-op once renamed
	if err := adopt(dir, name, exts); err != nil {
		return false, err
	}
	for _, f := range files {
		if err := ensureLink(dir, name, f.ext); err != nil {
			return false, err
		}
	}
	if err := syncDir(dir); err != nil {
		return false, err
	}
	if err := os.Rename(ptr, filepath.Join(dir, currentName(name))); err != nil {
		return false, err
	}
	if err := syncDir(dir); err != nil {
		return true, err
	}
	for _, ext := range exts {
		if !slices.ContainsFunc(files, func(f file) bool { return f.ext == ext }) && isSetLink(dir, name, ext) {
			os.Remove(filepath.Join(dir, name+ext)) // dangling now: reads as absent already
		}
	}
	return true, syncDir(dir)
}

// replaceEach renames the files of stage into dir one at a time: the
// fallback where symbolic links cannot be made.
func replaceEach(dir, name, stage string, files []file) error {
	for _, f := range files {
		if err := os.Rename(filepath.Join(stage, name+f.ext), filepath.Join(dir, name+f.ext)); err != nil {
			return err
		}
	}
	return syncDir(dir)
}

// setExts lists the extensions a set named like this may hold: those of
// files, then those of every figure format, each once.
func setExts(files []file) []string {
	var exts []string
	for _, f := range files {
		exts = append(exts, f.ext)
	}
	for _, f := range plot.Formats() {
		if ext := "." + string(f); !slices.Contains(exts, ext) {
			exts = append(exts, ext)
		}
	}
	return exts
}

// preflight refuses, before anything is written, a set whose names in dir
// are taken by something a set cannot replace: a directory or a device at
// a file's name, anything but a link at the pointer's.
func preflight(dir, name string, exts []string) error {
	names := []string{currentName(name)}
	for _, ext := range exts {
		names = append(names, name+ext)
	}
	for _, n := range names {
		fi, err := os.Lstat(filepath.Join(dir, n))
		if err != nil {
			continue // absent, or found out when written
		}
		isLink := fi.Mode()&os.ModeSymlink != 0
		if !isLink && (n == currentName(name) || !fi.Mode().IsRegular()) {
			return fmt.Errorf("writing %s: %s is in the way (%s)", name, filepath.Join(dir, n), fi.Mode().Type())
		}
	}
	return nil
}
