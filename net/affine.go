package net

import "zerokara/kernel"

// Affine is the fully connected layer out = x·W + b, with W of fan_in×fan_out
// and b broadcast over rows. Both products of Backward go through the
// kernel with transpose flags, no transposed copies.
type Affine[T Float] struct {
	W, B   *Matrix[T]
	dW, dB *Matrix[T]
	// SkipInputGrad skips dx = dout·Wᵀ in Backward (which then returns nil):
	// a network's first layer has no use for it.
	SkipInputGrad bool
	workers       kernel.Workers
	x, out, dx    *Matrix[T]
	name          string
}

// NewAffine returns an Affine layer over w (fan_in×fan_out) and b
// (1×fan_out), which it keeps and updates in place through Params. Its
// products run on the given kernel workers.
// It panics when w or b is malformed or b is not 1×fan_out.
func NewAffine[T Float](name string, w, b *Matrix[T], workers kernel.Workers) *Affine[T] {
	mustLayer("NewAffine: W", w.check())
	mustLayer("NewAffine: b", checkGrad(b, 1, w.Cols))
	return &Affine[T]{W: w, B: b, dW: NewMatrix[T](w.Rows, w.Cols), dB: NewMatrix[T](1, w.Cols), workers: workers, name: name}
}

// Forward returns x·W + b. x must have W.Rows columns and at least one
// row; the layer keeps x (not a copy) for Backward. b is copied into the
// rows first and the product added to it (β = 1): adding b after the
// product (kernel.AddRow) would round differently once the GEMM splits k
// into blocks, and the copy is as cheap.
func (l *Affine[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("Affine.Forward", checkInput(x, l.W.Rows))
	l.x = x
	out := reuse(&l.out, x.Rows, l.W.Cols)
	for i := 0; i < out.Rows; i++ {
		copy(out.Row(i), l.B.Data)
	}
	gemm(l.workers, kernel.NoTrans, kernel.NoTrans, 1, x, l.W, 1, out)
	return out
}

// Backward sets dW = xᵀ·dout and db = Σ_rows dout (kernel.ColSums: rows
// added in order), and returns dout·Wᵀ.
// dout must be shaped like the last Forward's output.
func (l *Affine[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	return l.backward(dout, 1, 0, l.dW)
}

// backwardSGD is Backward with plain SGD folded into the weight product:
// W ← W − lr·xᵀ·dout as one GEMM (α = −lr, β = 1), with no dW pass and no
// axpy over W. dW is left as it was (stale); db is set as by Backward and
// left for the optimizer. The returned dout·Wᵀ uses W before the update.
func (l *Affine[T]) backwardSGD(dout *Matrix[T], lr T) *Matrix[T] {
	return l.backward(dout, -lr, 1, l.W)
}

// backward sets db, computes dx (with the current W), then sets
// dst = alpha·xᵀ·dout + beta·dst: dW, or W itself for a folded update,
// which is why dx comes first.
func (l *Affine[T]) backward(dout *Matrix[T], alpha, beta T, dst *Matrix[T]) *Matrix[T] {
	if l.x == nil {
		noForward("Affine.Backward")
	}
	mustLayer("Affine.Backward", checkGrad(dout, l.x.Rows, l.W.Cols))
	kernel.ColSums(dout.Rows, dout.Cols, dout.Data, max(1, dout.Cols), l.dB.Data)
	var dx *Matrix[T]
	if !l.SkipInputGrad {
		dx = reuse(&l.dx, dout.Rows, l.W.Rows)
		gemm(l.workers, kernel.NoTrans, kernel.Trans, 1, dout, l.W, 0, dx)
	}
	gemm(l.workers, kernel.Trans, kernel.NoTrans, alpha, l.x, dout, beta, dst)
	return dx
}

// Params returns W and b with their gradients, named name+"W" and name+"b".
func (l *Affine[T]) Params() []Param[T] {
	return []Param[T]{{l.name + "W", l.W, l.dW}, {l.name + "b", l.B, l.dB}}
}
