// Package mnist loads the MNIST handwritten-digit data set (and anything
// else in its IDX format, such as Fashion-MNIST) into flat byte slices.
//
// Files may be gzip-compressed, as distributed, or raw IDX; the format is
// detected from the first two bytes. Headers are validated against fixed
// limits before any pixel buffer is allocated, so a corrupt or hostile file
// cannot make the loader reserve more memory than its header promises, nor
// more than the limits allow.
//
// Every error wraps one of ErrFormat, ErrTooLarge, ErrTruncated,
// ErrMismatch, ErrShape or ErrNotRegular (or the underlying I/O error,
// such as fs.ErrNotExist, or the context's error when a load is
// canceled), so callers can classify it with errors.Is.
package mnist
