package mnist

import "fmt"

// Set is one split of the data set: N images of Rows×Cols pixels
// (row-major, one byte per pixel, image after image) and their labels.
type Set struct {
	Images []byte  // N*Rows*Cols bytes
	Labels []uint8 // N class indices
	N      int     // number of samples
	Rows   int     // image height in pixels
	Cols   int     // image width in pixels
}

// Data holds the training and test splits of a data set.
type Data struct {
	Train, Test Set
}

// CheckShapes reports ErrShape, naming both sizes, if the training and
// test images differ in size, since a network fed by one cannot be
// evaluated on the other. A split with no image size (Rows and Cols 0,
// as left by a load that skipped it) matches any other.
func (d Data) CheckShapes() error {
	tr, te := d.Train, d.Test
	if tr.Rows == 0 && tr.Cols == 0 || te.Rows == 0 && te.Cols == 0 {
		return nil
	}
	if tr.Rows != te.Rows || tr.Cols != te.Cols {
		return fmt.Errorf("%w: training images are %d×%d, test images %d×%d",
			ErrShape, tr.Rows, tr.Cols, te.Rows, te.Cols)
	}
	return nil
}

// Pixels returns the Rows*Cols bytes of image i. The slice shares memory
// with s.Images but is capped, so appending to it cannot overwrite image
// i+1. Pixels panics if i is out of range.
func (s Set) Pixels(i int) []byte {
	if i < 0 || i >= s.N {
		panic(fmt.Sprintf("mnist: image index %d out of range [0, %d)", i, s.N))
	}
	size := s.Rows * s.Cols
	return s.Images[i*size : (i+1)*size : (i+1)*size]
}

// Subset returns the first n samples of s, sharing memory with s. n is
// clamped to [0, s.N].
func (s Set) Subset(n int) Set {
	n = max(0, min(n, s.N))
	size := n * s.Rows * s.Cols
	s.Images = s.Images[:size:size]
	s.Labels = s.Labels[:n:n]
	s.N = n
	return s
}

// NormalizedImages32 returns all pixels of s scaled to [0, 1], as by
// Normalize, in a new slice.
func (s Set) NormalizedImages32() []float32 {
	dst := make([]float32, len(s.Images))
	Normalize(dst, s.Images)
	return dst
}

// Normalize sets dst[i] = T(pixels[i]) / 255 for every pixel. The division
// is done in T, so float32 results match the book's NumPy code, which
// converts to float32 before dividing by 255.0. Normalize panics if dst is
// shorter than pixels.
func Normalize[T float32 | float64](dst []T, pixels []byte) {
	if len(dst) < len(pixels) {
		panic(fmt.Sprintf("mnist: Normalize: len(dst) = %d < len(pixels) = %d", len(dst), len(pixels)))
	}
	// A table of the 256 quotients: the same values as dividing each pixel,
	// without a division per pixel.
	var table [256]T
	for p := range table {
		table[p] = T(p) / 255
	}
	dst = dst[:len(pixels)] // one bounds check instead of one per pixel
	for i, p := range pixels {
		dst[i] = table[p]
	}
}

// OneHot returns the labels as one-hot rows: a len(labels)×classes matrix,
// row-major, with row i all zero except a 1 in column labels[i]. OneHot
// panics if a label is not below classes.
func OneHot[T float32 | float64](labels []uint8, classes int) []T {
	if classes < 0 {
		panic(fmt.Sprintf("mnist: OneHot: negative class count %d", classes))
	}
	out := make([]T, len(labels)*classes)
	for i, l := range labels {
		if int(l) >= classes {
			panic(fmt.Sprintf("mnist: OneHot: label %d at index %d is not below %d classes", l, i, classes))
		}
		out[i*classes+int(l)] = 1
	}
	return out
}
