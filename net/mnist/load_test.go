package mnist_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"zerokara/net/mnist"
)

// TestDataChecksums pins the committed MNIST files to the originals.
func TestDataChecksums(t *testing.T) {
	for _, tc := range []struct{ name, sum string }{
		{mnist.TrainImages, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"},
		{mnist.TrainLabels, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"},
		{mnist.TestImages, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"},
		{mnist.TestLabels, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dataDir, tc.name))
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(b)
			if got := hex.EncodeToString(sum[:]); got != tc.sum {
				t.Errorf("SHA-256 = %s; want %s", got, tc.sum)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	d, err := mnist.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		set         mnist.Set
		n           int
		firstLabels []uint8
		classCounts []int
	}{
		{"train", d.Train, 60000,
			[]uint8{5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
			[]int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949}},
		{"test", d.Test, 10000,
			[]uint8{7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
			[]int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.set
			if s.N != tc.n || s.Rows != 28 || s.Cols != 28 {
				t.Fatalf("N, Rows, Cols = %d, %d, %d; want %d, 28, 28", s.N, s.Rows, s.Cols, tc.n)
			}
			if len(s.Images) != s.N*28*28 || len(s.Labels) != s.N {
				t.Fatalf("%d pixels and %d labels for %d images", len(s.Images), len(s.Labels), s.N)
			}
			if got := s.Labels[:10]; !slices.Equal(got, tc.firstLabels) {
				t.Errorf("first labels = %v; want %v", got, tc.firstLabels)
			}
			counts := make([]int, 10)
			for _, l := range s.Labels {
				if l > 9 {
					t.Fatalf("label %d is not a digit", l)
				}
				counts[l]++
			}
			if !slices.Equal(counts, tc.classCounts) {
				t.Errorf("class counts = %v; want %v", counts, tc.classCounts)
			}
		})
	}
}

// writeFiles writes name→content files into a new temporary directory.
func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestLoadRawFallback checks that Load finds files without their .gz
// suffix, and detects the compression from the content, not the name.
func TestLoadRawFallback(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"train-images-idx3-ubyte": tinyImagesIDX(),
		"train-labels-idx1-ubyte": gz(t, tinyLabelsIDX()),
		mnist.TestImages:          tinyImagesIDX(), // raw data under a .gz name
		mnist.TestLabels:          gz(t, tinyLabelsIDX()),
	})
	d, err := mnist.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []mnist.Set{d.Train, d.Test} {
		if s.N != 3 || !slices.Equal(s.Images, tinyPixels) || !slices.Equal(s.Labels, tinyLabels) {
			t.Errorf("got %+v; want the tiny fixture", s)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	images, labels := tinyImagesIDX(), tinyLabelsIDX()
	for _, tc := range []struct {
		name     string
		files    map[string][]byte
		wantErr  error
		wantText string // a file name the message must mention
	}{
		{"empty dir", nil, fs.ErrNotExist, mnist.TrainImages},
		{"no test labels", map[string][]byte{
			mnist.TrainImages: images, mnist.TrainLabels: labels, mnist.TestImages: images,
		}, fs.ErrNotExist, mnist.TestLabels},
		{"count mismatch", map[string][]byte{
			mnist.TrainImages: images, mnist.TrainLabels: idx(0x801, []uint32{2}, tinyLabels[:2]),
		}, mnist.ErrMismatch, mnist.TrainLabels},
		{"corrupt labels", map[string][]byte{
			mnist.TrainImages: images, mnist.TrainLabels: labels[:9],
		}, mnist.ErrTruncated, mnist.TrainLabels},
		{"corrupt images", map[string][]byte{
			mnist.TrainImages: images[:20], mnist.TrainLabels: labels,
		}, mnist.ErrTruncated, mnist.TrainImages},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := mnist.Load(writeFiles(t, tc.files))
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v; want %v", err, tc.wantErr)
			}
			if d != nil {
				t.Error("non-nil *Data with an error")
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("error %q does not name %s", err, tc.wantText)
			}
		})
	}
}

func TestLoadSetMismatch(t *testing.T) {
	dir := writeFiles(t, map[string][]byte{
		"images": tinyImagesIDX(),
		"labels": gz(t, idx(0x801, []uint32{4}, []byte{1, 2, 3, 4})),
	})
	s, err := mnist.LoadSet(filepath.Join(dir, "images"), filepath.Join(dir, "labels"))
	if !errors.Is(err, mnist.ErrMismatch) {
		t.Fatalf("err = %v; want %v", err, mnist.ErrMismatch)
	}
	if s.N != 0 || s.Images != nil || s.Labels != nil {
		t.Errorf("got %+v with an error; want the zero Set", s)
	}
}

func TestLoadSetMissing(t *testing.T) {
	dir := t.TempDir()
	fixture := filepath.Join(fixtureDir, "tiny-labels-idx1-ubyte")
	missing := filepath.Join(dir, "missing")
	for _, paths := range [][2]string{{missing, fixture}, {filepath.Join(fixtureDir, "tiny-images-idx3-ubyte"), missing}} {
		_, err := mnist.LoadSet(paths[0], paths[1])
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("LoadSet(%q, %q): err = %v; want %v", paths[0], paths[1], err, fs.ErrNotExist)
		}
	}
}

// TestLoadFirst checks that a limited load keeps exactly the first samples
// of each split (none opens no file), and still checks the headers.
func TestLoadFirst(t *testing.T) {
	full, err := mnist.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ train, test, wantTrain, wantTest int }{
		{1000, 0, 1000, 0},
		{5, 3, 5, 3},
		{0, -1, 0, 10000},
		{100000, 1, 60000, 1},
		{-1, -1, 60000, 10000},
	} {
		d, err := mnist.LoadFirst(dataDir, tc.train, tc.test)
		if err != nil {
			t.Fatalf("LoadFirst(%d, %d): %v", tc.train, tc.test, err)
		}
		for _, s := range []struct {
			name      string
			got, full mnist.Set
			want      int
		}{{"train", d.Train, full.Train, tc.wantTrain}, {"test", d.Test, full.Test, tc.wantTest}} {
			if s.got.N != s.want || len(s.got.Labels) != s.want || len(s.got.Images) != s.want*28*28 {
				t.Fatalf("LoadFirst(%d, %d) %s: %d samples (%d labels, %d pixels), want %d",
					tc.train, tc.test, s.name, s.got.N, len(s.got.Labels), len(s.got.Images), s.want)
			}
			if !slices.Equal(s.got.Images, s.full.Images[:len(s.got.Images)]) || !slices.Equal(s.got.Labels, s.full.Labels[:s.want]) {
				t.Errorf("LoadFirst(%d, %d) %s: not the first samples of Load", tc.train, tc.test, s.name)
			}
		}
	}

	// Header counts are compared even when only the first sample is read;
	// a split that is not asked for is not opened.
	dir := writeFiles(t, map[string][]byte{
		mnist.TrainImages: tinyImagesIDX(), mnist.TrainLabels: idx(0x801, []uint32{2}, tinyLabels[:2]),
	})
	if _, err := mnist.LoadFirst(dir, 1, 0); !errors.Is(err, mnist.ErrMismatch) {
		t.Errorf("mismatched headers, limit 1: err = %v; want %v", err, mnist.ErrMismatch)
	}
	dir = writeFiles(t, map[string][]byte{mnist.TrainImages: tinyImagesIDX(), mnist.TrainLabels: tinyLabelsIDX()})
	if d, err := mnist.LoadFirst(dir, 2, 0); err != nil || d.Train.N != 2 {
		t.Errorf("no test files, test 0: %v, %+v", err, d)
	}
}

// TestLoadRefusesMixedShapes checks that test images of another size than
// the training images are refused at load, naming both sizes, unless one
// split is not loaded at all.
func TestLoadRefusesMixedShapes(t *testing.T) {
	images := func(rows, cols uint32) []byte {
		return idx(0x803, []uint32{3, rows, cols}, make([]byte, 3*rows*cols))
	}
	for _, tc := range []struct {
		name        string
		train, test [2]uint32 // rows, cols
		nTrain      int       // LoadFirst's counts
		nTest       int
		wantErr     error
	}{
		{"14×14 test beside 28×28 training", [2]uint32{28, 28}, [2]uint32{14, 14}, -1, -1, mnist.ErrShape},
		{"28×28 test beside 14×14 training", [2]uint32{14, 14}, [2]uint32{28, 28}, -1, -1, mnist.ErrShape},
		{"28×14 test beside 28×28 training", [2]uint32{28, 28}, [2]uint32{28, 14}, -1, -1, mnist.ErrShape},
		{"first samples only", [2]uint32{28, 28}, [2]uint32{14, 14}, 1, 1, mnist.ErrShape},
		{"same size", [2]uint32{28, 28}, [2]uint32{28, 28}, -1, -1, nil},
		{"test set skipped", [2]uint32{28, 28}, [2]uint32{14, 14}, 2, 0, nil},
		{"training set skipped", [2]uint32{28, 28}, [2]uint32{14, 14}, 0, 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, map[string][]byte{
				mnist.TrainImages: images(tc.train[0], tc.train[1]), mnist.TrainLabels: tinyLabelsIDX(),
				mnist.TestImages: images(tc.test[0], tc.test[1]), mnist.TestLabels: tinyLabelsIDX(),
			})
			d, err := mnist.LoadFirst(dir, tc.nTrain, tc.nTest)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v; want %v", err, tc.wantErr)
			}
			if tc.wantErr == nil {
				want := func(n int) int { // all 3 samples when negative
					if n < 0 {
						return 3
					}
					return n
				}
				if d.Train.N != want(tc.nTrain) || d.Test.N != want(tc.nTest) {
					t.Errorf("got %d training and %d test samples; want %d and %d",
						d.Train.N, d.Test.N, want(tc.nTrain), want(tc.nTest))
				}
				return
			}
			if d != nil {
				t.Error("non-nil *Data with an error")
			}
			for _, size := range []string{
				fmt.Sprintf("%d×%d", tc.train[0], tc.train[1]), fmt.Sprintf("%d×%d", tc.test[0], tc.test[1]),
			} {
				if !strings.Contains(err.Error(), size) {
					t.Errorf("error %q does not name the size %s", err, size)
				}
			}
		})
	}
}

// TestLoadCanceled checks that every loader stops with an error wrapping
// the context's error once its context is done, and returns no data.
func TestLoadCanceled(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel()
	images := filepath.Join(dataDir, mnist.TrainImages)
	labels := filepath.Join(dataDir, mnist.TrainLabels)
	for _, tc := range []struct {
		name string
		load func(ctx context.Context) (any, error)
	}{
		{"LoadContext", func(ctx context.Context) (any, error) { return mnist.LoadContext(ctx, dataDir) }},
		{"LoadFirstContext", func(ctx context.Context) (any, error) { return mnist.LoadFirstContext(ctx, dataDir, 100, 0) }},
		{"LoadSetContext", func(ctx context.Context) (any, error) { return mnist.LoadSetContext(ctx, images, labels) }},
	} {
		for _, c := range []struct {
			name string
			ctx  context.Context
			want error
		}{
			{"canceled", canceled, context.Canceled},
			{"deadline passed", expired, context.DeadlineExceeded},
		} {
			t.Run(tc.name+" "+c.name, func(t *testing.T) {
				got, err := tc.load(c.ctx)
				if !errors.Is(err, c.want) {
					t.Fatalf("err = %v; want %v", err, c.want)
				}
				switch v := got.(type) {
				case *mnist.Data:
					if v != nil {
						t.Error("non-nil *Data with an error")
					}
				case mnist.Set:
					if v.N != 0 || v.Images != nil || v.Labels != nil {
						t.Errorf("got %+v with an error; want the zero Set", v)
					}
				}
			})
		}
	}
}
