package mnist

import "errors"

// Errors returned (wrapped, with context) by the readers and loaders.
var (
	// ErrFormat reports data that is not a supported IDX file: a bad magic
	// number, an element type other than uint8, the wrong number of
	// dimensions, a zero image side, corrupt gzip data, or bytes after the
	// end of the data.
	ErrFormat = errors.New("invalid IDX format")

	// ErrTooLarge reports a header whose dimensions exceed the loader's
	// limits: at most 10 000 000 images or labels, images of at most
	// 1024×1024 pixels, and at most 1<<31 pixel bytes in all.
	ErrTooLarge = errors.New("IDX dimensions too large")

	// ErrTruncated reports input that ends before the header or the data
	// it announces, including a gzip stream cut short.
	ErrTruncated = errors.New("truncated IDX data")

	// ErrMismatch reports an images file and a labels file that disagree
	// on the number of samples.
	ErrMismatch = errors.New("image and label counts differ")

	// ErrShape reports a training set and a test set whose images differ
	// in size.
	ErrShape = errors.New("image sizes of the splits differ")

	// ErrNotRegular reports a data file that is not a regular file (or a
	// symbolic link to one): a directory, a named pipe, a device or a
	// socket. It is refused before it is opened.
	ErrNotRegular = errors.New("not a regular file")
)
