package net

import (
	"fmt"
	"math"
	"strings"
)

// Optimizer updates parameters in place from their gradients. Stateful
// optimizers keep their state per parameter, in the order of the slice
// they are given, so one optimizer serves one network.
type Optimizer[T Float] interface {
	Update(params []Param[T])
}

// OptimizerNames lists the names NewOptimizer accepts.
func OptimizerNames() []string {
	return []string{"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"}
}

// NewOptimizer returns the named optimizer (see OptimizerNames) with
// learning rate lr and the book's other defaults; lr ≤ 0 means the book's
// default rate (0.01, Adam 0.001).
func NewOptimizer[T Float](name string, lr float64) (Optimizer[T], error) {
	rate := func(def float64) float64 {
		if lr > 0 {
			return lr
		}
		return def
	}
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "sgd":
		return &SGD[T]{LR: rate(0.01)}, nil
	case "momentum":
		return &Momentum[T]{LR: rate(0.01), Momentum: 0.9}, nil
	case "nesterov":
		return &Nesterov[T]{LR: rate(0.01), Momentum: 0.9}, nil
	case "adagrad":
		return &AdaGrad[T]{LR: rate(0.01)}, nil
	case "rmsprop":
		return &RMSprop[T]{LR: rate(0.01), Decay: 0.99}, nil
	case "adam":
		return &Adam[T]{LR: rate(0.001), Beta1: 0.9, Beta2: 0.999}, nil
	}
	return nil, fmt.Errorf("net: unknown optimizer %q (want one of %s)", name, strings.Join(OptimizerNames(), ", "))
}

// SGD is p ← p − LR·g.
type SGD[T Float] struct{ LR float64 }

// Update applies one SGD step.
func (o *SGD[T]) Update(params []Param[T]) {
	for _, p := range params {
		axpy(-T(o.LR), p.Grad.Data, p.Value.Data)
	}
}

// axpy sets y += a·x. The concrete-type loops compile without bounds
// checks; the generic one measured 4× slower (8 % of a training step).
func axpy[T Float](a T, x, y []T) {
	switch y := any(y).(type) {
	case []float32:
		axpyOf(any(a).(float32), any(x).([]float32), y)
	case []float64:
		axpyOf(any(a).(float64), any(x).([]float64), y)
	}
}

func axpyOf[T float32 | float64](a T, x, y []T) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += a * v
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
		for i, g := range p.Grad.Data {
			v[k][i] = m*v[k][i] - lr*g
			p.Value.Data[i] += v[k][i]
		}
	}
}

// Nesterov is the book's Nesterov momentum: v ← m·v − LR·g;
// p ← p + m²·v − (1+m)·LR·g.
type Nesterov[T Float] struct {
	LR, Momentum float64
	v            [][]T
}

// Update applies one Nesterov step.
func (o *Nesterov[T]) Update(params []Param[T]) {
	v := state(&o.v, params)
	lr, m := T(o.LR), T(o.Momentum)
	for k, p := range params {
		for i, g := range p.Grad.Data {
			v[k][i] = m*v[k][i] - lr*g
			p.Value.Data[i] += m*m*v[k][i] - (1+m)*lr*g
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
		for i, g := range p.Grad.Data {
			h[k][i] += g * g
			p.Value.Data[i] -= lr * g / (T(math.Sqrt(float64(h[k][i]))) + 1e-7)
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
		for i, g := range p.Grad.Data {
			h[k][i] = d*h[k][i] + (1-d)*g*g
			p.Value.Data[i] -= lr * g / (T(math.Sqrt(float64(h[k][i]))) + 1e-7)
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
		for i, g := range p.Grad.Data {
			m[k][i] += (1 - b1) * (g - m[k][i])
			v[k][i] += (1 - b2) * (g*g - v[k][i])
			p.Value.Data[i] -= lrt * m[k][i] / (T(math.Sqrt(float64(v[k][i]))) + 1e-7)
		}
	}
}
