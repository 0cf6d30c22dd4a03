package results

import (
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// A write replaces the whole set or, failing, leaves the old set whole;
// it never touches anything else in the folder, and leaves no temporaries.
func TestWriteSet(t *testing.T) {
	base := []string{".json", ".csv", ".png"}
	failing := func(err error) file {
		return file{".png", func(io.Writer) error { return err }}
	}
	for _, tc := range []struct {
		name    string
		setup   func(t *testing.T, dir string) // the folder before the write
		files   func(cancel context.CancelFunc) []file
		wantErr error          // nil, errAny or the error wrapped
		want    map[string]int // what a reader finds afterwards
	}{
		{"new set", nil,
			func(context.CancelFunc) []file { return genFiles(1, 10, base...) },
			nil, wantSet(1, base...)},
		{"replace old set, one format fewer", writeGen(1, ".json", ".csv", ".png", ".svg"),
			func(context.CancelFunc) []file { return genFiles(2, 10, base...) },
			nil, wantSet(2, base...)},
		{"replace old set, one format more", writeGen(1, base...),
			func(context.CancelFunc) []file { return genFiles(2, 10, ".json", ".csv", ".png", ".pdf") },
			nil, wantSet(2, ".json", ".csv", ".png", ".pdf")},
		{"failure in the middle keeps old set", writeGen(1, ".json", ".csv", ".svg"),
			func(context.CancelFunc) []file {
				return append(genFiles(2, 10, ".json", ".csv"), failing(errors.New("disk full")))
			},
			errAny, wantSet(1, ".json", ".csv", ".svg")},
		{"panic in the middle keeps old set", writeGen(1, base...),
			func(context.CancelFunc) []file {
				return append(genFiles(2, 10, ".json"), file{".csv", func(io.Writer) error { panic("log axis") }})
			},
			errAny, wantSet(1, base...)},
		{"cancel keeps old set", writeGen(1, base...),
			func(cancel context.CancelFunc) []file {
				return append(genFiles(2, 10, ".json"), file{".csv", func(w io.Writer) error { cancel(); return nil }}, genFiles(2, 10, ".png")[0])
			},
			context.Canceled, wantSet(1, base...)},
		{"earlier version's plain files are replaced", func(t *testing.T, dir string) { seedRegular(t, dir, "x", 1, ".json", ".csv", ".png", ".svg") },
			func(context.CancelFunc) []file { return genFiles(2, 10, base...) },
			nil, wantSet(2, base...)},
		{"earlier version's plain files stay on failure", func(t *testing.T, dir string) { seedRegular(t, dir, "x", 1, base...) },
			func(context.CancelFunc) []file {
				return append(genFiles(2, 10, ".json"), failing(errors.New("disk full")))
			},
			errAny, wantSet(1, base...)},
		{"half-adopted plain files", func(t *testing.T, dir string) {
			writeGen(1, base...)(t, dir)
			seedRegular(t, dir, "x", 1, ".svg") // as a killed adoption leaves them
		},
			func(context.CancelFunc) []file { return genFiles(2, 10, base...) },
			nil, wantSet(2, base...)},
		{"stale temporaries are removed", func(t *testing.T, dir string) {
			writeGen(1, base...)(t, dir)
			mustDo(t, os.Mkdir(filepath.Join(dir, ".x.set-123"), 0o755))
			mustDo(t, os.WriteFile(filepath.Join(dir, ".x.set-123", "x.json"), nil, 0o600))
			mustDo(t, os.Symlink(".x.set-123", filepath.Join(dir, ".x.tmp-abc")))
			mustDo(t, os.WriteFile(filepath.Join(dir, ".x.json.456.tmp"), nil, 0o600))
		},
			func(context.CancelFunc) []file { return genFiles(2, 10, base...) },
			nil, wantSet(2, base...)},
		{"a directory in the way", func(t *testing.T, dir string) {
			writeGen(1, ".json", ".csv")(t, dir)
			mustDo(t, os.Mkdir(filepath.Join(dir, "x.png"), 0o755))
		},
			func(context.CancelFunc) []file { return genFiles(2, 10, base...) },
			errAny, wantSet(1, ".json", ".csv")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			mustDo(t, os.Mkdir(dir, 0o755))
			unrelated := addUnrelated(t, dir)
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			paths, err := writeSet(ctx, dir, "x", tc.files(cancel))
			if (err != nil) != (tc.wantErr != nil) || tc.wantErr != errAny && !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if got := readSet(t, dir, "x"); !maps.Equal(got, tc.want) {
				t.Errorf("reader finds %v, want %v", got, tc.want)
			}
			if tc.wantErr == nil {
				for _, p := range paths {
					if !strings.HasPrefix(filepath.Base(p), "x.") || filepath.Dir(p) != dir {
						t.Errorf("path %s, want %s/x.EXT", p, dir)
					}
				}
				checkLayout(t, dir, "x")
			}
			checkUnrelated(t, dir, unrelated)
		})
	}
}

// errAny stands for any error in a table's wanted error.
var errAny = errors.New("any error")

// writeGen returns a setup that writes generation g with exts.
func writeGen(g int, exts ...string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		t.Helper()
		if _, err := writeSet(context.Background(), dir, "x", genFiles(g, 10, exts...)); err != nil {
			t.Fatal(err)
		}
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// addUnrelated puts a user's files, a subfolder and another set into dir
// and returns them: path → contents.
func addUnrelated(t *testing.T, dir string) map[string]string {
	t.Helper()
	mustDo(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	files := map[string]string{"notes.txt": "mine", "sub/a.png": "png", "x.txt": "not a set file", "xy.json": "another name"}
	for p, s := range files {
		mustDo(t, os.WriteFile(filepath.Join(dir, p), []byte(s), 0o644))
	}
	if _, err := writeSet(context.Background(), dir, "y", genFiles(7, 10, ".json", ".csv")); err != nil {
		t.Fatal(err)
	}
	return files
}

// checkUnrelated fails unless dir still holds the files addUnrelated put
// there, and the other set "y" whole.
func checkUnrelated(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, s := range files {
		if b, err := os.ReadFile(filepath.Join(dir, p)); err != nil || string(b) != s {
			t.Errorf("unrelated %s: %q, %v", p, b, err)
		}
	}
	if got := readSet(t, dir, "y"); !maps.Equal(got, wantSet(7, ".json", ".csv")) {
		t.Errorf("other set: %v", got)
	}
}

// checkLayout fails unless the set's hidden entries are exactly the
// pointer and one set directory (0755) of 0644 files.
func checkLayout(t *testing.T, dir, name string) {
	t.Helper()
	cur, err := readCurrent(dir, name)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := hidden(t, dir, name), []string{currentName(name), cur}; !slices.Equal(got, want) {
		t.Errorf("hidden entries %v, want %v", got, want)
	}
	fi, err := os.Stat(filepath.Join(dir, cur))
	if err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("set directory: %v, %v", fi.Mode(), err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, cur))
	mustDo(t, err)
	for _, e := range entries {
		if fi, err := e.Info(); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v, %v", e.Name(), fi.Mode(), err)
		}
	}
}

// Writers of one set at once, with different formats, leave one whole set.
func TestWriteSetConcurrent(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w := range 2 {
		wg.Go(func() {
			for i := range 20 {
				g := 100*(w+1) + i
				_, err := writeSet(context.Background(), dir, "x", genFiles(g, 1000, killExts(g)...))
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	got := readSet(t, dir, "x")
	g := got[".json"]
	if want := wantSet(g, killExts(g)...); !maps.Equal(got, want) {
		t.Errorf("reader finds %v, want %v", got, want)
	}
}
