package net

import "math"

// SoftmaxWithLoss is the output stage: a row-wise softmax of the logits and
// the mean cross-entropy −(1/N)·Σ log(y[n, t_n] + 1e-7) against class
// labels, as in the book (the 1e-7 caps one sample's loss at ≈16.1).
type SoftmaxWithLoss[T Float] struct {
	y, dx  *Matrix[T]
	labels []int
}

// Forward returns the loss of logits x against labels (one class in
// [0, x.Cols) per row). It keeps labels (not a copy) for Backward.
func (l *SoftmaxWithLoss[T]) Forward(x *Matrix[T], labels []int) float64 {
	mustLayer("SoftmaxWithLoss.Forward", checkBatch(x))
	mustLayer("SoftmaxWithLoss.Forward", checkLabels(labels, x.Rows, x.Cols))
	y := reuse(&l.y, x.Rows, x.Cols)
	l.labels = labels
	var loss float64
	for i := 0; i < x.Rows; i++ {
		softmax(y.Row(i), x.Row(i))
		loss -= math.Log(float64(y.At(i, labels[i])) + 1e-7)
	}
	return loss / float64(x.Rows)
}

// Backward returns (y − onehot(t))/N, the exact gradient (the 1e-7 is not
// differentiated).
func (l *SoftmaxWithLoss[T]) Backward() *Matrix[T] {
	if l.y == nil {
		noForward("SoftmaxWithLoss.Backward")
	}
	dx := reuse(&l.dx, l.y.Rows, l.y.Cols)
	inv := 1 / T(l.y.Rows)
	for i := 0; i < dx.Rows; i++ {
		d, y := dx.Row(i), l.y.Row(i)
		for j := range d {
			d[j] = y[j] * inv
		}
		d[l.labels[i]] -= inv
	}
	return dx
}

// softmax sets dst = exp(x − max x) / Σ exp(x − max x).
func softmax[T Float](dst, x []T) {
	m := x[0]
	for _, v := range x[1:] {
		m = max(m, v)
	}
	var sum T
	for j, v := range x {
		e := T(math.Exp(float64(v - m)))
		dst[j] = e
		sum += e
	}
	for j := range dst {
		dst[j] /= sum
	}
}

// Argmax returns the index of the largest value of x, the lowest on ties,
// treating NaN as larger than everything as NumPy's argmax does: the first
// NaN wins, and an all-NaN row gives 0, so a diverged network scores the
// share of class 0 exactly as in the book.
func Argmax[T Float](x []T) int {
	best := 0
	for j, v := range x {
		if x[best] != x[best] {
			break // NaN found: nothing beats it
		}
		if v > x[best] || v != v {
			best = j
		}
	}
	return best
}
