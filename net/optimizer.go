package net

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"zerokara/kernel"
)

// Optimizer updates parameters in place from their gradients. Stateful
// optimizers keep their state per parameter, in the order of the slice
// they are given, so one optimizer serves one network.
type Optimizer[T Float] interface {
	Update(params []Param[T])
}

// OptimizerName chooses one of the book's optimizers; its text form is
// the lower-case name ("sgd", "adam", …), read in any case.
type OptimizerName string

// The optimizers of the book's §6.1.
const (
	OptSGD      OptimizerName = "sgd"
	OptMomentum OptimizerName = "momentum"
	OptNesterov OptimizerName = "nesterov"
	OptAdaGrad  OptimizerName = "adagrad"
	OptRMSprop  OptimizerName = "rmsprop"
	OptAdam     OptimizerName = "adam"
)

// OptimizerNames lists every optimizer, in the order menus show them.
func OptimizerNames() []OptimizerName {
	return []OptimizerName{OptSGD, OptMomentum, OptNesterov, OptAdaGrad, OptRMSprop, OptAdam}
}

// parseOptimizer reads a name in any case; only UnmarshalText calls it.
func parseOptimizer(s string) (OptimizerName, error) {
	n := OptimizerName(strings.ToLower(strings.TrimSpace(s)))
	if !n.Valid() {
		names := make([]string, 0, 6)
		for _, v := range OptimizerNames() {
			names = append(names, string(v))
		}
		return "", fmt.Errorf("net: unknown optimizer %q (want one of %s)", s, strings.Join(names, ", "))
	}
	return n, nil
}

// Valid reports whether n is one of OptimizerNames().
func (n OptimizerName) Valid() bool { return slices.Contains(OptimizerNames(), n) }

// MarshalText writes the name; an unknown optimizer is an error.
func (n OptimizerName) MarshalText() ([]byte, error) { return marshalName("optimizer", n, n.Valid()) }

// UnmarshalText reads an optimizer name in any case.
func (n *OptimizerName) UnmarshalText(b []byte) error { return unmarshalWith(n, b, parseOptimizer) }

// BookLR is the book's default learning rate for the optimizer: 0.001 for
// Adam, 0.01 for the others.
func (n OptimizerName) BookLR() float64 {
	if n == OptAdam {
		return 0.001
	}
	return 0.01
}

// NewOptimizer returns the named optimizer with learning rate lr (finite,
// ≥ 0; 0 is a real choice: nothing moves) and the book's other settings
// (momentum 0.9, RMSprop decay 0.99, Adam β1 0.9 and β2 0.999).
func NewOptimizer[T Float](name OptimizerName, lr float64) (Optimizer[T], error) {
	if !(lr >= 0) || math.IsInf(lr, 0) {
		return nil, fmt.Errorf("net: learning rate %v must be finite and ≥ 0", lr)
	}
	switch name {
	case OptSGD:
		return &SGD[T]{LR: lr}, nil
	case OptMomentum:
		return &Momentum[T]{LR: lr, Momentum: 0.9}, nil
	case OptNesterov:
		return &Nesterov[T]{LR: lr, Momentum: 0.9}, nil
	case OptAdaGrad:
		return &AdaGrad[T]{LR: lr}, nil
	case OptRMSprop:
		return &RMSprop[T]{LR: lr, Decay: 0.99}, nil
	case OptAdam:
		return &Adam[T]{LR: lr, Beta1: 0.9, Beta2: 0.999}, nil
	}
	_, err := parseOptimizer(string(name))
	return nil, err
}

// SGD is p ← p − LR·g, through kernel.Axpy (the product LR·g rounded
// before the sum, on every platform). Network.Step folds it into the
// affine weights' gradient products instead (see Step).
type SGD[T Float] struct{ LR float64 }

// Update applies one SGD step.
func (o *SGD[T]) Update(params []Param[T]) {
	for _, p := range params {
		kernel.Axpy(len(p.Value.Data), -T(o.LR), p.Grad.Data, p.Value.Data)
	}
}

// state returns per-parameter buffers shaped like params, created on first
// use.
func state[T Float](s *[][]T, params []Param[T]) [][]T {
	if *s == nil {
		for _, p := range params {
			*s = append(*s, make([]T, len(p.Value.Data)))
		}
	}
	return *s
}

// slices3 returns a parameter's gradient, its values and its optimizer
// state cut to the gradient's length, so that the loops over them run
// without bounds checks.
func slices3[T Float](p Param[T], s []T) (g, w, st []T) {
	g = p.Grad.Data
	return g, p.Value.Data[:len(g)], s[:len(g)]
}

// Momentum is v ← m·v − LR·g; p ← p + v.
type Momentum[T Float] struct {
	LR, Momentum float64
	v            [][]T
}

// Update applies one momentum step.
func (o *Momentum[T]) Update(params []Param[T]) {
	v := state(&o.v, params)
	lr, m := T(o.LR), T(o.Momentum)
	for k, p := range params {
		g, w, vk := slices3(p, v[k])
		for i := range g {
			vk[i] = m*vk[i] - lr*g[i]
			w[i] += vk[i]
		}
	}
}

// Nesterov is the book's Nesterov momentum (common/optimizer.py, after
// arXiv:1212.0901): with v the velocity of the step before,
// p ← p + m²·v − (1+m)·LR·g, then v ← m·v − LR·g. The first step, from
// v = 0, moves p by −(1+m)·LR·g.
type Nesterov[T Float] struct {
	LR, Momentum float64
	v            [][]T
}

// Update applies one Nesterov step.
func (o *Nesterov[T]) Update(params []Param[T]) {
	v := state(&o.v, params)
	lr, m := T(o.LR), T(o.Momentum)
	for k, p := range params {
		g, w, vk := slices3(p, v[k])
		for i := range g {
			old := vk[i]
			w[i] += m * m * old
			w[i] -= (1 + m) * lr * g[i]
			vk[i] = m*old - lr*g[i]
		}
	}
}

// AdaGrad is h ← h + g²; p ← p − LR·g/(√h + 1e-7).
type AdaGrad[T Float] struct {
	LR float64
	h  [][]T
}

// Update applies one AdaGrad step.
func (o *AdaGrad[T]) Update(params []Param[T]) {
	h := state(&o.h, params)
	lr := T(o.LR)
	for k, p := range params {
		g, w, hk := slices3(p, h[k])
		for i := range g {
			hk[i] += g[i] * g[i]
			w[i] -= lr * g[i] / (T(math.Sqrt(float64(hk[i]))) + 1e-7)
		}
	}
}

// RMSprop is h ← d·h + (1−d)·g²; p ← p − LR·g/(√h + 1e-7).
type RMSprop[T Float] struct {
	LR, Decay float64
	h         [][]T
}

// Update applies one RMSprop step.
func (o *RMSprop[T]) Update(params []Param[T]) {
	h := state(&o.h, params)
	lr, d := T(o.LR), T(o.Decay)
	for k, p := range params {
		g, w, hk := slices3(p, h[k])
		for i := range g {
			hk[i] = d*hk[i] + (1-d)*g[i]*g[i]
			w[i] -= lr * g[i] / (T(math.Sqrt(float64(hk[i]))) + 1e-7)
		}
	}
}

// Adam is the book's Adam: with t the step count,
// lr_t = LR·√(1−β2^t)/(1−β1^t); m ← m + (1−β1)(g−m); v ← v + (1−β2)(g²−v);
// p ← p − lr_t·m/(√v + 1e-7).
type Adam[T Float] struct {
	LR, Beta1, Beta2 float64
	iter             int
	m, v             [][]T
}

// Update applies one Adam step.
func (o *Adam[T]) Update(params []Param[T]) {
	m, v := state(&o.m, params), state(&o.v, params)
	o.iter++
	t := float64(o.iter)
	lrt := T(o.LR * math.Sqrt(1-math.Pow(o.Beta2, t)) / (1 - math.Pow(o.Beta1, t)))
	b1, b2 := T(o.Beta1), T(o.Beta2)
	for k, p := range params {
		g, w, mk := slices3(p, m[k])
		vk := v[k][:len(g)]
		for i := range g {
			mk[i] += (1 - b1) * (g[i] - mk[i])
			vk[i] += (1 - b2) * (g[i]*g[i] - vk[i])
			w[i] -= lrt * mk[i] / (T(math.Sqrt(float64(vk[i]))) + 1e-7)
		}
	}
}
