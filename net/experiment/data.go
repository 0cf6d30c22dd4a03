package experiment

import (
	"errors"
	"fmt"

	"zerokara/net"
	"zerokara/net/mnist"
)

// dataset is an MNIST split as network input: pixels stay bytes, and are
// normalised to [0, 1] (÷255, as the book) only when a batch is gathered, so
// a run never holds — or first-touches — the 188 MB float copy of the
// training set. Labels are class indices.
type dataset[T net.Float] struct {
	pixels []byte
	rows   int
	cols   int
	labels []int
	scale  [256]T // scale[p] = p/255
}

func toDataset[T net.Float](s mnist.Set) (*dataset[T], error) {
	if s.N == 0 {
		return nil, errors.New("experiment: empty data set")
	}
	if len(s.Labels) != s.N || len(s.Images) != s.N*s.Rows*s.Cols {
		return nil, fmt.Errorf("experiment: inconsistent data set (%d images of %d×%d, %d labels)", s.N, s.Rows, s.Cols, len(s.Labels))
	}
	d := &dataset[T]{pixels: s.Images, rows: s.N, cols: s.Rows * s.Cols, labels: make([]int, s.N)}
	for i, l := range s.Labels {
		if l > 9 {
			return nil, fmt.Errorf("experiment: label %d of sample %d is not a digit class", l, i)
		}
		d.labels[i] = int(l)
	}
	var one [256]byte
	for p := range one {
		one[p] = byte(p)
	}
	mnist.Normalize(d.scale[:], one[:]) // the loader's own normalisation
	return d, nil
}

// all returns the whole split as one normalised matrix (for accuracy).
func (d *dataset[T]) all() *net.Matrix[T] {
	x := net.NewMatrix[T](d.rows, d.cols)
	for i, p := range d.pixels {
		x.Data[i] = d.scale[p]
	}
	return x
}

// batch sets x to the normalised rows idx and returns their labels
// (reusing both buffers).
func (d *dataset[T]) batch(x *net.Matrix[T], labels []int, idx []int) []int {
	if len(x.Data) != len(idx)*d.cols {
		*x = *net.NewMatrix[T](len(idx), d.cols)
	}
	labels = labels[:0]
	for r, i := range idx {
		src := d.pixels[i*d.cols : (i+1)*d.cols]
		dst := x.Row(r)[:len(src)]
		for j, p := range src {
			dst[j] = d.scale[p]
		}
		labels = append(labels, d.labels[i])
	}
	return labels
}
