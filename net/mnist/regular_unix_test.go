//go:build unix

package mnist_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"zerokara/net/mnist"
)

// loadWithin runs load on another goroutine and fails the test if it has
// not returned after 5 s: a FIFO that is opened blocks until a writer
// comes, which here is never.
func loadWithin(t *testing.T, load func() (*mnist.Data, error)) (*mnist.Data, error) {
	t.Helper()
	type result struct {
		d   *mnist.Data
		err error
	}
	done := make(chan result, 1)
	go func() {
		d, err := load()
		done <- result{d, err}
	}()
	select {
	case r := <-done:
		return r.d, r.err
	case <-time.After(5 * time.Second):
		t.Fatal("load still blocked after 5 s")
		return nil, nil
	}
}

// TestLoadRefusesNonRegularFiles puts each kind of file in place of each
// of the four files: only a regular file, or a link to one, is read, and
// anything else is refused before it is opened, with an error naming it.
func TestLoadRefusesNonRegularFiles(t *testing.T) {
	tiny := map[string][]byte{
		mnist.TrainImages: gz(t, tinyImagesIDX()), mnist.TrainLabels: gz(t, tinyLabelsIDX()),
		mnist.TestImages: gz(t, tinyImagesIDX()), mnist.TestLabels: gz(t, tinyLabelsIDX()),
	}
	for _, tc := range []struct {
		kind     string
		make     func(path string, content []byte) error
		wantText string // in the error; "" when the load must succeed
	}{
		{"fifo", func(path string, _ []byte) error { return syscall.Mkfifo(path, 0o600) }, "named pipe"},
		{"directory", func(path string, _ []byte) error { return os.Mkdir(path, 0o755) }, "directory"},
		{"link to a device", func(path string, _ []byte) error { return os.Symlink(os.DevNull, path) }, "character device"},
		{"link to a regular file", func(path string, content []byte) error {
			target := path + ".target"
			if err := os.WriteFile(target, content, 0o644); err != nil {
				return err
			}
			return os.Symlink(target, path)
		}, ""},
	} {
		for name, content := range tiny {
			t.Run(tc.kind+" as "+name, func(t *testing.T) {
				dir := t.TempDir()
				for other, b := range tiny {
					if other != name {
						if err := os.WriteFile(filepath.Join(dir, other), b, 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := tc.make(filepath.Join(dir, name), content); err != nil {
					t.Fatal(err)
				}
				d, err := loadWithin(t, func() (*mnist.Data, error) { return mnist.Load(dir) })
				if tc.wantText == "" {
					if err != nil || d.Train.N != 3 || d.Test.N != 3 {
						t.Fatalf("Load = %+v, %v; want both tiny splits", d, err)
					}
					return
				}
				if !errors.Is(err, mnist.ErrNotRegular) {
					t.Fatalf("err = %v; want %v", err, mnist.ErrNotRegular)
				}
				if d != nil {
					t.Error("non-nil *Data with an error")
				}
				if msg := err.Error(); !strings.Contains(msg, name) || !strings.Contains(msg, tc.wantText) {
					t.Errorf("error %q does not name %s as a %s", msg, name, tc.wantText)
				}
			})
		}
	}
}
