package mnist_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"zerokara/net/mnist"
)

var update = flag.Bool("update", false, "rewrite the tiny fixtures in testdata/mnist/fixtures")

// fixtures maps each committed fixture file to its content, built in code.
func fixtures(tb testing.TB) map[string][]byte {
	images, labels := tinyImagesIDX(), tinyLabelsIDX()
	return map[string][]byte{
		"tiny-images-idx3-ubyte":    images,
		"tiny-labels-idx1-ubyte":    labels,
		"tiny-images-idx3-ubyte.gz": gz(tb, images),
		"tiny-labels-idx1-ubyte.gz": gz(tb, labels),
	}
}

// TestFixtures checks the committed fixtures against their definition
// above; run with -update to regenerate them. The .gz files are compared
// by content, since gzip output may differ between Go releases.
func TestFixtures(t *testing.T) {
	if *update {
		if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range fixtures(t) {
			if err := os.WriteFile(filepath.Join(fixtureDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	raw := func(name string) string { return filepath.Join(fixtureDir, name) }
	for _, pair := range [][2]string{
		{"tiny-images-idx3-ubyte", "tiny-labels-idx1-ubyte"},
		{"tiny-images-idx3-ubyte.gz", "tiny-labels-idx1-ubyte.gz"},
		{"tiny-images-idx3-ubyte.gz", "tiny-labels-idx1-ubyte"},
	} {
		t.Run(pair[0]+"+"+pair[1], func(t *testing.T) {
			s, err := mnist.LoadSet(raw(pair[0]), raw(pair[1]))
			if err != nil {
				t.Fatal(err)
			}
			if s.N != 3 || s.Rows != 2 || s.Cols != 2 {
				t.Errorf("N, Rows, Cols = %d, %d, %d; want 3, 2, 2", s.N, s.Rows, s.Cols)
			}
			if !bytes.Equal(s.Images, tinyPixels) {
				t.Errorf("Images = %v; want %v", s.Images, tinyPixels)
			}
			if !slices.Equal(s.Labels, tinyLabels) {
				t.Errorf("Labels = %v; want %v", s.Labels, tinyLabels)
			}
		})
	}
	for _, name := range []string{"tiny-images-idx3-ubyte.gz", "tiny-labels-idx1-ubyte.gz"} {
		b, err := os.ReadFile(raw(name))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s is not gzip-compressed", name)
		}
	}
}
