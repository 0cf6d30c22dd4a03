package results

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// longSuite skips slow tests unless ZEROKARA_LONG is set.
func longSuite(t *testing.T) {
	if os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite: set ZEROKARA_LONG=1")
	}
}

// allExts are the extensions a test set may hold.
var allExts = []string{".json", ".csv", ".png", ".svg", ".pdf"}

// genFiles is generation g of a set: one file per extension, each carrying
// "gen g" on its first line, then pad bytes.
func genFiles(g int, pad int, exts ...string) []file {
	var files []file
	for _, ext := range exts {
		files = append(files, file{ext, func(w io.Writer) error {
			if _, err := fmt.Fprintf(w, "gen %d %s\n", g, ext); err != nil {
				return err
			}
			_, err := w.Write([]byte(strings.Repeat("x", pad)))
			return err
		}})
	}
	return files
}

// seedRegular writes generation g as plain files, as an earlier version
// of this package left them.
func seedRegular(t *testing.T, dir, name string, g int, exts ...string) {
	t.Helper()
	for _, ext := range exts {
		if err := os.WriteFile(filepath.Join(dir, name+ext), fmt.Appendf(nil, "gen %d %s\n", g, ext), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readSet reads what a reader finds at the set's names: extension → the
// generation on the file's first line. An absent file (or a dangling link)
// or a directory is
// missing from the map; a file without a marker fails the test.
func readSet(t *testing.T, dir, name string) map[string]int {
	t.Helper()
	got := map[string]int{}
	for _, ext := range allExts {
		path := filepath.Join(dir, name+ext)
		if fi, err := os.Stat(path); errors.Is(err, os.ErrNotExist) || err == nil && fi.IsDir() {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var g int
		var e string
		if _, err := fmt.Sscanf(string(b), "gen %d %s\n", &g, &e); err != nil || e != ext {
			t.Fatalf("%s%s: no marker in %.40q", name, ext, b)
		}
		got[ext] = g
	}
	return got
}

// wantSet is the map readSet returns for generation g with exts.
func wantSet(g int, exts ...string) map[string]int {
	m := map[string]int{}
	for _, ext := range exts {
		m[ext] = g
	}
	return m
}

// hidden lists the entries of dir that start with ".NAME.".
func hidden(t *testing.T, dir, name string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+name+".") {
			names = append(names, e.Name())
		}
	}
	return names
}
