package mnist_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zerokara/net/mnist"
)

// addSeeds adds the committed fixtures and a few hand-made headers.
func addSeeds(f *testing.F, extra ...[]byte) {
	names, err := filepath.Glob(filepath.Join(fixtureDir, "tiny-*"))
	if err != nil || len(names) == 0 {
		f.Fatalf("no fixtures in %s: %v", fixtureDir, err)
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, b := range extra {
		f.Add(b)
	}
}

// checkErr fails unless err is nil or wraps one of the format errors:
// the input is in memory, so there is no I/O error to pass through.
func checkErr(t *testing.T, err error) {
	if err != nil && !errors.Is(err, mnist.ErrFormat) && !errors.Is(err, mnist.ErrTooLarge) &&
		!errors.Is(err, mnist.ErrTruncated) {
		t.Fatalf("unclassified error: %v", err)
	}
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func FuzzReadImages(f *testing.F) {
	addSeeds(f,
		idx(0x803, []uint32{0, 1, 1}, nil),
		idx(0x803, []uint32{1, 1024, 1024}, nil),
		idx(0x803, []uint32{1 << 21, 32, 32}, nil),
		gz(f, idx(0x803, []uint32{2, 1, 3}, []byte{1, 2, 3, 4, 5, 6})),
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		n, rows, cols, pixels, err := mnist.ReadImages(bytes.NewReader(data))
		checkErr(t, err)
		if err != nil {
			if n != 0 || rows != 0 || cols != 0 || pixels != nil {
				t.Fatalf("non-zero results with error %v", err)
			}
			return
		}
		if n < 0 || n > 10_000_000 || rows < 1 || rows > 1024 || cols < 1 || cols > 1024 {
			t.Fatalf("accepted %d images of %d×%d", n, rows, cols)
		}
		if len(pixels) != n*rows*cols {
			t.Fatalf("len(pixels) = %d; want %d×%d×%d", len(pixels), n, rows, cols)
		}
		if !isGzip(data) && !bytes.Equal(pixels, data[16:]) {
			t.Fatal("raw input: pixels are not the bytes after the header")
		}
	})
}

func FuzzReadLabels(f *testing.F) {
	addSeeds(f,
		idx(0x801, []uint32{0}, nil),
		idx(0x801, []uint32{10_000_000}, nil),
		gz(f, idx(0x801, []uint32{2}, []byte{255, 0})),
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		labels, err := mnist.ReadLabels(bytes.NewReader(data))
		checkErr(t, err)
		if err != nil {
			if labels != nil {
				t.Fatalf("%d labels with error %v", len(labels), err)
			}
			return
		}
		if len(labels) > 10_000_000 {
			t.Fatalf("accepted %d labels", len(labels))
		}
		if !isGzip(data) && !slices.Equal(labels, data[8:]) {
			t.Fatal("raw input: labels are not the bytes after the header")
		}
	})
}
