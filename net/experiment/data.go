package experiment

import (
	"errors"
	"fmt"

	"zerokara/net"
	"zerokara/net/mnist"
)

// dataset is an MNIST split as network input: images normalised to [0, 1]
// (÷255, as the book) and labels as class indices.
type dataset[T net.Float] struct {
	x      *net.Matrix[T]
	labels []int
}

func toDataset[T net.Float](s mnist.Set) (dataset[T], error) {
	if s.N == 0 {
		return dataset[T]{}, errors.New("experiment: empty data set")
	}
	if len(s.Labels) != s.N || len(s.Images) != s.N*s.Rows*s.Cols {
		return dataset[T]{}, fmt.Errorf("experiment: inconsistent data set (%d images of %d×%d, %d labels)", s.N, s.Rows, s.Cols, len(s.Labels))
	}
	x := net.NewMatrix[T](s.N, s.Rows*s.Cols)
	mnist.Normalize(x.Data, s.Images)
	labels := make([]int, s.N)
	for i, l := range s.Labels {
		if l > 9 {
			return dataset[T]{}, fmt.Errorf("experiment: label %d of sample %d is not a digit class", l, i)
		}
		labels[i] = int(l)
	}
	return dataset[T]{x, labels}, nil
}

// batch gathers the rows idx into x and labels (reused buffers).
func (d dataset[T]) batch(x *net.Matrix[T], labels []int, idx []int) []int {
	x.GatherRows(d.x, idx)
	labels = labels[:0]
	for _, i := range idx {
		labels = append(labels, d.labels[i])
	}
	return labels
}
