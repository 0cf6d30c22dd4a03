package net

import (
	"math/rand/v2"

	"zerokara/kernel"
)

// Dropout zeroes each input with probability Ratio during training and
// scales inputs by 1−Ratio at test time, as in the book (not inverted
// dropout).
type Dropout[T Float] struct {
	Ratio   float64
	rng     *rand.Rand
	mask    []bool
	trained bool // the last Forward drew mask
	out, dx *Matrix[T]
}

// NewDropout returns a Dropout layer drawing its masks from rng.
func NewDropout[T Float](ratio float64, rng *rand.Rand) *Dropout[T] {
	return &Dropout[T]{Ratio: ratio, rng: rng}
}

// Forward drops inputs (train) or scales them (test).
func (l *Dropout[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("Dropout.Forward", checkBatch(x))
	out := reuse(&l.out, x.Rows, x.Cols)
	l.trained = train
	if !train {
		// out = 0 + keep·x: the product rounds as v·keep does (a −0 input
		// gives +0, which no later layer tells apart).
		clear(out.Data)
		kernel.Axpy(len(x.Data), T(1-l.Ratio), x.Data, out.Data)
		return out
	}
	if cap(l.mask) < len(x.Data) {
		l.mask = make([]bool, len(x.Data))
	}
	l.mask = l.mask[:len(x.Data)]
	for i, v := range x.Data {
		l.mask[i] = l.rng.Float64() > l.Ratio
		if l.mask[i] {
			out.Data[i] = v
		} else {
			out.Data[i] = 0
		}
	}
	return out
}

// Backward passes dout where the last training Forward kept the input.
func (l *Dropout[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if !l.trained {
		noForward("Dropout.Backward")
	}
	mustLayer("Dropout.Backward", checkGrad(dout, l.out.Rows, l.out.Cols))
	dx := reuse(&l.dx, dout.Rows, dout.Cols)
	for i, v := range dout.Data {
		if l.mask[i] {
			dx.Data[i] = v
		} else {
			dx.Data[i] = 0
		}
	}
	return dx
}

// Params returns nothing: Dropout has no parameters.
func (l *Dropout[T]) Params() []Param[T] { return nil }
