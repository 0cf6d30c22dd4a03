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
func Load(dir string) (*Data, error) { return LoadFirst(dir, -1, -1) }

// LoadFirst is Load for a run that needs only the first train training
// and test test samples (all of a split when its count is negative; none,
// and its files are not opened, when it is 0): only those are
// decompressed. The headers are checked as by Load, images against
// labels included, but what follows the samples read is not, so a
// corrupt end of a file goes unnoticed.
func LoadFirst(dir string, train, test int) (*Data, error) {
	// The two splits decompress in parallel: the training images dominate,
	// and the test split then costs no wall time.
	var testSet Set
	var testErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if test != 0 {
			testSet, testErr = loadSet(find(dir, TestImages), find(dir, TestLabels), test)
		}
	}()
	var trainSet Set
	var err error
	if train != 0 {
		trainSet, err = loadSet(find(dir, TrainImages), find(dir, TrainLabels), train)
	}
	<-done
	if err != nil {
		return nil, err
	}
	if testErr != nil {
		return nil, testErr
	}
	return &Data{Train: trainSet, Test: testSet}, nil
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
func LoadSet(imagesPath, labelsPath string) (Set, error) { return loadSet(imagesPath, labelsPath, -1) }

// loadSet is LoadSet keeping the first limit samples (all when limit < 0).
func loadSet(imagesPath, labelsPath string, limit int) (Set, error) {
	f, err := os.Open(imagesPath)
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %w", err)
	}
	n, kept, rows, cols, pixels, err := readImages(f, limit)
	f.Close() // read-only: a close error cannot lose data
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %s: %w", imagesPath, err)
	}

	f, err = os.Open(labelsPath)
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %w", err)
	}
	total, labels, err := readLabels(f, limit)
	f.Close()
	if err != nil {
		return Set{}, fmt.Errorf("mnist: %s: %w", labelsPath, err)
	}

	if total != n {
		return Set{}, fmt.Errorf("mnist: %s: %w: %d images, %s: %d labels",
			imagesPath, ErrMismatch, n, labelsPath, total)
	}
	return Set{Images: pixels, Labels: labels, N: kept, Rows: rows, Cols: cols}, nil
}
