package mnist

import (
	"context"
	"errors"
	"fmt"
	"io"
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
// gzip or raw IDX data. A file that is not a regular file is refused
// (ErrNotRegular) before it is opened, and so are test images of another
// size than the training images (ErrShape).
func Load(dir string) (*Data, error) { return LoadContext(context.Background(), dir) }

// LoadContext is Load ending early, with an error wrapping ctx's error,
// once ctx is done: ctx is checked before each file and while each is
// read and decompressed.
func LoadContext(ctx context.Context, dir string) (*Data, error) {
	return LoadFirstContext(ctx, dir, -1, -1)
}

// LoadFirst is Load for a run that needs only the first train training
// and test test samples (all of a split when its count is negative; none,
// and its files are not opened, when it is 0): only those are
// decompressed. The headers are checked as by Load, images against
// labels and training image size against test image size included, but
// what follows the samples read is not, so a corrupt end of a file goes
// unnoticed.
func LoadFirst(dir string, train, test int) (*Data, error) {
	return LoadFirstContext(context.Background(), dir, train, test)
}

// LoadFirstContext is LoadFirst ending early, as LoadContext does, once
// ctx is done.
func LoadFirstContext(ctx context.Context, dir string, train, test int) (*Data, error) {
	// The two splits decompress in parallel: the training images dominate,
	// and the test split then costs no wall time.
	var testSet Set
	var testErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if test != 0 {
			testSet, testErr = loadSet(ctx, find(dir, TestImages), find(dir, TestLabels), test)
		}
	}()
	var trainSet Set
	var err error
	if train != 0 {
		trainSet, err = loadSet(ctx, find(dir, TrainImages), find(dir, TrainLabels), train)
	}
	<-done
	if err != nil {
		return nil, err
	}
	if testErr != nil {
		return nil, testErr
	}
	d := &Data{Train: trainSet, Test: testSet}
	if err := d.CheckShapes(); err != nil {
		return nil, fmt.Errorf("mnist: %s and %s: %w", find(dir, TrainImages), find(dir, TestImages), err)
	}
	return d, nil
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
// samples, and refuses a file that is not a regular file (ErrNotRegular)
// before opening it.
func LoadSet(imagesPath, labelsPath string) (Set, error) {
	return LoadSetContext(context.Background(), imagesPath, labelsPath)
}

// LoadSetContext is LoadSet ending early, as LoadContext does, once ctx
// is done.
func LoadSetContext(ctx context.Context, imagesPath, labelsPath string) (Set, error) {
	return loadSet(ctx, imagesPath, labelsPath, -1)
}

// loadSet is LoadSetContext keeping the first limit samples (all when
// limit < 0).
func loadSet(ctx context.Context, imagesPath, labelsPath string, limit int) (Set, error) {
	var n, kept, rows, cols int
	var pixels []byte
	err := readFile(ctx, imagesPath, func(r io.Reader) (err error) {
		n, kept, rows, cols, pixels, err = readImages(r, limit)
		return err
	})
	if err != nil {
		return Set{}, err
	}
	var total int
	var labels []uint8
	err = readFile(ctx, labelsPath, func(r io.Reader) (err error) {
		total, labels, err = readLabels(r, limit)
		return err
	})
	if err != nil {
		return Set{}, err
	}
	if total != n {
		return Set{}, fmt.Errorf("mnist: %s: %w: %d images, %s: %d labels",
			imagesPath, ErrMismatch, n, labelsPath, total)
	}
	return Set{Images: pixels, Labels: labels, N: kept, Rows: rows, Cols: cols}, nil
}

// readFile opens path, if ctx is not done and path is a regular file, and
// hands read a reader over it that fails once ctx is done. Its errors
// name path.
func readFile(ctx context.Context, path string, read func(io.Reader) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("mnist: %s: %w", path, err)
	}
	f, err := openRegular(path)
	if err != nil {
		return fmt.Errorf("mnist: %w", err)
	}
	defer f.Close() // read-only: a close error cannot lose data
	if err := read(canceling{ctx, f}); err != nil {
		return fmt.Errorf("mnist: %s: %w", path, err)
	}
	return nil
}
