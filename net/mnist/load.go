package mnist

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// File names Load looks for.
const (
	TrainImages = "train-images-idx3-ubyte.gz"
	TrainLabels = "train-labels-idx1-ubyte.gz"
	TestImages  = "t10k-images-idx3-ubyte.gz"
	TestLabels  = "t10k-labels-idx1-ubyte.gz"
)

// Load reads the training and test sets from the four files named by
// TrainImages, TrainLabels, TestImages and TestLabels in dir. Each file is
// looked for under its name as given and, if that does not exist, under
// the name without its ".gz" suffix, as left by gunzip; either may hold
// gzip or raw IDX data.
func Load(dir string) (*Data, error) {
	// The two splits decompress in parallel: the training images dominate,
	// and the test split then costs no wall time.
	var test Set
	var testErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		test, testErr = LoadSet(find(dir, TestImages), find(dir, TestLabels))
	}()
	train, err := LoadSet(find(dir, TrainImages), find(dir, TrainLabels))
	<-done
	if err != nil {
		return nil, err
	}
	if testErr != nil {
		return nil, testErr
	}
	return &Data{Train: train, Test: test}, nil
}

// find returns the path of name in dir, or of name without ".gz" if only
// that exists. If neither exists it returns the first, so that the error
// names the file the caller expects.
func find(dir, name string) string {
	path := filepath.Join(dir, name)
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return path
	}
	raw := strings.TrimSuffix(path, ".gz")
	if _, err := os.Stat(raw); err == nil {
		return raw
	}
	return path
}

// LoadSet reads one split from an images file and a labels file, each gzip
// or raw IDX. It reports ErrMismatch if they hold different numbers of
// samples.
func LoadSet(imagesPath, labelsPath string) (Set, error) {
	f, err := os.Open(imagesPath)
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %w", err)
	}
	n, rows, cols, pixels, err := readImages(f)
	f.Close() // read-only: a close error cannot lose data
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %s: %w", imagesPath, err)
	}

	f, err = os.Open(labelsPath)
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %w", err)
	}
	labels, err := readLabels(f)
	f.Close()
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %s: %w", labelsPath, err)
	}

	if len(labels) != n {
		return Set{}, fmt.Errorf("mnist: %s: %w: %d images, %s: %d labels",
			imagesPath, ErrMismatch, n, labelsPath, len(labels))
	}
	return Set{Images: pixels, Labels: labels, N: n, Rows: rows, Cols: cols}, nil
}
