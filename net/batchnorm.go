package net

import (
	"fmt"
	"math"

	"zerokara/kernel"
)

// BatchNormOptions are the settings of a BatchNorm layer. Every field
// means what it holds (a momentum of 0 keeps only the last batch); start
// from BookBatchNormOptions for the book's layer.
type BatchNormOptions struct {
	// Momentum of the running statistics, in [0, 1):
	// running = m·running + (1−m)·batch. The book's is 0.9.
	Momentum float64 `json:"momentum"`
	// Eps (≥ 0) is added to the variance before the square root. The
	// book's is 10e-7 = 1e-6.
	Eps float64 `json:"eps"`
	// RunningVarOne starts the running variance at 1 (the usual framework
	// convention) instead of the book's 0, which biases test-mode outputs
	// early in training.
	RunningVarOne bool `json:"running_var_one"`
}

// BookBatchNormOptions returns the book's BatchNorm settings: momentum
// 0.9, eps 1e-6, running statistics starting at 0.
func BookBatchNormOptions() BatchNormOptions {
	return BatchNormOptions{Momentum: 0.9, Eps: 1e-6}
}

func (o BatchNormOptions) validate() error {
	if !(o.Momentum >= 0 && o.Momentum < 1) || !(o.Eps >= 0) || math.IsInf(o.Eps, 0) {
		return fmt.Errorf("net: BatchNorm momentum %v must be in [0, 1) and eps %v finite and ≥ 0", o.Momentum, o.Eps)
	}
	return nil
}

// BatchNorm normalises each feature (column) of a batch, then scales and
// shifts it: out = γ·(x−μ)/√(σ²+eps) + β. In training mode μ and σ² are the
// batch's mean and biased variance, and the running statistics move towards
// them; in test mode the running statistics are used. γ starts at 1, β at 0.
type BatchNorm[T Float] struct {
	Gamma, Beta             *Matrix[T]
	RunningMean, RunningVar []T
	opt                     BatchNormOptions
	dGamma, dBeta           *Matrix[T]
	// Kept from the last training forward for Backward.
	xn, out, dx *Matrix[T]
	trained     bool // the last Forward was in training mode
	std         []T
	sum, sumXn  []T
	name        string
}

// NewBatchNorm returns a BatchNorm layer over d features. It panics when
// d < 1 or opt is out of range.
func NewBatchNorm[T Float](name string, d int, opt BatchNormOptions) *BatchNorm[T] {
	if d < 1 {
		panic(fmt.Sprintf("net: NewBatchNorm: %d features", d))
	}
	if err := opt.validate(); err != nil {
		panic(err)
	}
	l := &BatchNorm[T]{
		Gamma: NewMatrix[T](1, d), Beta: NewMatrix[T](1, d),
		dGamma: NewMatrix[T](1, d), dBeta: NewMatrix[T](1, d),
		RunningMean: make([]T, d), RunningVar: make([]T, d),
		opt: opt, std: make([]T, d), sum: make([]T, d), sumXn: make([]T, d),
		name: name,
	}
	for j := range l.Gamma.Data {
		l.Gamma.Data[j] = 1
		if opt.RunningVarOne {
			l.RunningVar[j] = 1
		}
	}
	return l
}

// Forward normalises x with batch statistics (train) or running ones. The
// passes run through the kernel's BatchNorm routines (ColSums in training,
// BatchNormCenter, BatchNormScale), which round as the scalar loops do:
// γ·((x−μ)·(1/std)) + β in both modes.
func (l *BatchNorm[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("BatchNorm.Forward", checkInput(x, len(l.std)))
	l.trained = train
	n, d := x.Rows, x.Cols
	out := reuse(&l.out, n, d)
	eps, mom := T(l.opt.Eps), T(l.opt.Momentum)
	gamma, beta := l.Gamma.Data, l.Beta.Data
	if !train {
		// The same two kernel passes as training, on the running
		// statistics; the centring pass's sums of squares are not needed.
		invStd := l.sum
		for j := range d {
			l.std[j] = T(math.Sqrt(float64(l.RunningVar[j] + eps)))
			invStd[j] = 1 / l.std[j]
		}
		xn := reuse(&l.xn, n, d)
		kernel.BatchNormCenter(n, d, x.Data, d, l.RunningMean, xn.Data, l.sumXn)
		kernel.BatchNormScale(n, d, xn.Data, d, invStd, gamma, beta, out.Data)
		return out
	}
	mu, variance := l.sum, l.sumXn // scratch, overwritten below
	kernel.ColSums(n, d, x.Data, d, mu)
	inv := 1 / T(n)
	for j := range mu {
		mu[j] *= inv
	}
	xn := reuse(&l.xn, n, d)
	kernel.BatchNormCenter(n, d, x.Data, d, mu, xn.Data, variance)
	for j := range d {
		variance[j] *= inv
		l.std[j] = T(math.Sqrt(float64(variance[j] + eps)))
		l.RunningMean[j] = mom*l.RunningMean[j] + (1-mom)*mu[j]
		l.RunningVar[j] = mom*l.RunningVar[j] + (1-mom)*variance[j]
	}
	invStd := mu // mu is no longer needed
	for j := range invStd {
		invStd[j] = 1 / l.std[j]
	}
	kernel.BatchNormScale(n, d, xn.Data, d, invStd, gamma, beta, out.Data)
	return out
}

// Backward returns dx for the last training Forward and sets dγ = Σ xn·dout,
// dβ = Σ dout, using the compact form
// dx = (N·dxn − Σ dxn − xn·Σ(dxn·xn)) / (N·std) with dxn = γ·dout, through
// kernel.ColSums, ColDots and BatchNormGrad.
func (l *BatchNorm[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if !l.trained {
		noForward("BatchNorm.Backward")
	}
	mustLayer("BatchNorm.Backward", checkGrad(dout, l.xn.Rows, l.xn.Cols))
	n, d := dout.Rows, dout.Cols
	xn, gamma := l.xn, l.Gamma.Data
	dGamma, dBeta := l.dGamma.Data, l.dBeta.Data
	kernel.ColSums(n, d, dout.Data, d, dBeta)
	kernel.ColDots(n, d, xn.Data, dout.Data, d, dGamma)
	// Σ dxn = γ·dβ and Σ dxn·xn = γ·dγ.
	dx := reuse(&l.dx, n, d)
	fn := T(n)
	scale := l.sum // scratch: γ/(N·std) per feature
	for j := range scale {
		scale[j] = gamma[j] / (fn * l.std[j])
	}
	kernel.BatchNormGrad(n, d, fn, dout.Data, xn.Data, d, scale, dBeta, dGamma, dx.Data)
	return dx
}

// Params returns γ and β with their gradients, named name+"gamma" and
// name+"beta".
func (l *BatchNorm[T]) Params() []Param[T] {
	return []Param[T]{{l.name + "gamma", l.Gamma, l.dGamma}, {l.name + "beta", l.Beta, l.dBeta}}
}
