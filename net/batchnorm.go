package net

import "math"

// BatchNormOptions are the settings of a BatchNorm layer. The zero value
// means the book's defaults.
type BatchNormOptions struct {
	// Momentum of the running statistics: running = m·running + (1−m)·batch.
	// 0 means the book's 0.9.
	Momentum float64
	// Eps is added to the variance before the square root; 0 means 1e-6
	// (the book's 10e-7).
	Eps float64
	// RunningVarOne starts the running variance at 1 (the usual framework
	// convention) instead of the book's 0, which biases test-mode outputs
	// early in training.
	RunningVarOne bool
}

func (o BatchNormOptions) withDefaults() BatchNormOptions {
	if o.Momentum == 0 {
		o.Momentum = 0.9
	}
	if o.Eps == 0 {
		o.Eps = 1e-6
	}
	return o
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
	std         []T
	sum, sumXn  []T
	name        string
}

// NewBatchNorm returns a BatchNorm layer over d features.
func NewBatchNorm[T Float](name string, d int, opt BatchNormOptions) *BatchNorm[T] {
	l := &BatchNorm[T]{
		Gamma: NewMatrix[T](1, d), Beta: NewMatrix[T](1, d),
		dGamma: NewMatrix[T](1, d), dBeta: NewMatrix[T](1, d),
		RunningMean: make([]T, d), RunningVar: make([]T, d),
		opt: opt.withDefaults(), std: make([]T, d), sum: make([]T, d), sumXn: make([]T, d),
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

// Forward normalises x with batch statistics (train) or running ones.
func (l *BatchNorm[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	n, d := x.Rows, x.Cols
	out := reuse(&l.out, n, d)
	eps, mom := T(l.opt.Eps), T(l.opt.Momentum)
	gamma, beta := l.Gamma.Data, l.Beta.Data
	if !train {
		for j := range d {
			l.std[j] = T(math.Sqrt(float64(l.RunningVar[j] + eps)))
		}
		for i := range n {
			row, o := x.Row(i), out.Row(i)
			for j, v := range row {
				o[j] = gamma[j]*(v-l.RunningMean[j])/l.std[j] + beta[j]
			}
		}
		return out
	}
	mu, variance := l.sum, l.sumXn // scratch, overwritten below
	clear(mu)
	clear(variance)
	for i := range n {
		for j, v := range x.Row(i) {
			mu[j] += v
		}
	}
	inv := 1 / T(n)
	for j := range mu {
		mu[j] *= inv
	}
	xn := reuse(&l.xn, n, d)
	for i := range n {
		row, c := x.Row(i), xn.Row(i)
		for j, v := range row {
			c[j] = v - mu[j]
			variance[j] += c[j] * c[j]
		}
	}
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
	for i := range n {
		c := xn.Row(i)
		o := out.Row(i)[:len(c)]
		for j := range c {
			c[j] *= invStd[j]
			o[j] = gamma[j]*c[j] + beta[j]
		}
	}
	return out
}

// Backward returns dx for the last training Forward and sets dγ = Σ xn·dout,
// dβ = Σ dout, using the compact form
// dx = (N·dxn − Σ dxn − xn·Σ(dxn·xn)) / (N·std) with dxn = γ·dout.
func (l *BatchNorm[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	n, d := dout.Rows, dout.Cols
	xn, gamma := l.xn, l.Gamma.Data
	dGamma, dBeta := l.dGamma.Data, l.dBeta.Data
	clear(dGamma)
	clear(dBeta)
	for i := range n {
		g, c := dout.Row(i), xn.Row(i)
		for j, v := range g {
			dBeta[j] += v
			dGamma[j] += c[j] * v
		}
	}
	// Σ dxn = γ·dβ and Σ dxn·xn = γ·dγ.
	dx := reuse(&l.dx, n, d)
	fn := T(n)
	scale := l.sum // scratch: γ/(N·std) per feature
	for j := range scale {
		scale[j] = gamma[j] / (fn * l.std[j])
	}
	for i := range n {
		g, c, o := dout.Row(i), xn.Row(i), dx.Row(i)
		for j, v := range g {
			o[j] = scale[j] * (fn*v - dBeta[j] - c[j]*dGamma[j])
		}
	}
	return dx
}

// Params returns γ and β with their gradients, named name+"gamma" and
// name+"beta".
func (l *BatchNorm[T]) Params() []Param[T] {
	return []Param[T]{{l.name + "gamma", l.Gamma, l.dGamma}, {l.name + "beta", l.Beta, l.dBeta}}
}
