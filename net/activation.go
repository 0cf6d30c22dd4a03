package net

import (
	"fmt"
	"math"
	"strings"

	"zerokara/kernel"
)

// Activation names a hidden-layer nonlinearity.
type Activation string

// The activations a Network can use.
const (
	ReLUAct    Activation = "relu"
	SigmoidAct Activation = "sigmoid"
	TanhAct    Activation = "tanh"
)

// Activations lists every activation, in the order menus show them.
func Activations() []Activation { return []Activation{ReLUAct, SigmoidAct, TanhAct} }

// ParseActivation accepts "relu", "sigmoid" or "tanh" in any case. It is
// what UnmarshalText runs; configs, flags and entry fields go through
// UnmarshalText.
func ParseActivation(s string) (Activation, error) {
	switch a := Activation(strings.ToLower(strings.TrimSpace(s))); a {
	case ReLUAct, SigmoidAct, TanhAct:
		return a, nil
	}
	return "", fmt.Errorf("net: unknown activation %q (want relu, sigmoid or tanh)", s)
}

// Valid reports whether a is one of Activations().
func (a Activation) Valid() bool {
	switch a {
	case ReLUAct, SigmoidAct, TanhAct:
		return true
	}
	return false
}

// MarshalText writes the activation's name; an unknown activation is an
// error.
func (a Activation) MarshalText() ([]byte, error) { return marshalName("activation", a, a.Valid()) }

// UnmarshalText reads an activation as ParseActivation does.
func (a *Activation) UnmarshalText(b []byte) error { return unmarshalWith(a, b, ParseActivation) }

// NewActivationLayer returns a fresh layer computing a. It panics for an
// unknown activation.
func NewActivationLayer[T Float](a Activation) Layer[T] {
	switch a {
	case SigmoidAct:
		return &Sigmoid[T]{}
	case TanhAct:
		return &Tanh[T]{}
	case ReLUAct:
		return &ReLU[T]{}
	}
	panic(fmt.Sprintf("net: NewActivationLayer: unknown activation %q", string(a)))
}

// ReLU is max(x, 0). Its derivative at exactly 0 is 0, as in the book
// (mask x <= 0); NaN passes through, as there.
type ReLU[T Float] struct {
	out *Matrix[T]
}

// Forward returns x where x > 0 (or NaN, as the book's mask x <= 0 keeps
// NaN) and +0 elsewhere, through kernel.ReLU.
func (l *ReLU[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("ReLU.Forward", checkBatch(x))
	out := reuse(&l.out, x.Rows, x.Cols)
	kernel.ReLU(len(out.Data), x.Data, out.Data)
	return out
}

// Backward zeroes dout where the input was <= 0 (in place) and returns it.
// The output of Forward is +0 exactly there (and NaN where the input was
// NaN, which keeps its gradient, as the book's mask x <= 0 does), so
// kernel.ReLUMask applies the mask from it.
func (l *ReLU[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if l.out == nil {
		noForward("ReLU.Backward")
	}
	mustLayer("ReLU.Backward", checkGrad(dout, l.out.Rows, l.out.Cols))
	kernel.ReLUMask(len(dout.Data), l.out.Data, dout.Data)
	return dout
}

// Params returns nothing: ReLU has no parameters.
func (l *ReLU[T]) Params() []Param[T] { return nil }

// Sigmoid is y = 1/(1+exp(-x)), with dy/dx = y(1−y).
type Sigmoid[T Float] struct {
	out, dx *Matrix[T]
}

// Forward returns 1/(1+exp(-x)).
func (l *Sigmoid[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("Sigmoid.Forward", checkBatch(x))
	out := reuse(&l.out, x.Rows, x.Cols)
	for i, v := range x.Data {
		out.Data[i] = T(1 / (1 + math.Exp(-float64(v))))
	}
	return out
}

// Backward returns dout·(1−y)·y.
func (l *Sigmoid[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if l.out == nil {
		noForward("Sigmoid.Backward")
	}
	mustLayer("Sigmoid.Backward", checkGrad(dout, l.out.Rows, l.out.Cols))
	dx := reuse(&l.dx, dout.Rows, dout.Cols)
	for i, y := range l.out.Data[:len(dout.Data)] {
		dx.Data[i] = dout.Data[i] * (1 - y) * y
	}
	return dx
}

// Params returns nothing: Sigmoid has no parameters.
func (l *Sigmoid[T]) Params() []Param[T] { return nil }

// Tanh is y = tanh(x), with dy/dx = 1−y².
type Tanh[T Float] struct {
	out, dx *Matrix[T]
}

// Forward returns tanh(x).
func (l *Tanh[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("Tanh.Forward", checkBatch(x))
	out := reuse(&l.out, x.Rows, x.Cols)
	for i, v := range x.Data {
		out.Data[i] = T(math.Tanh(float64(v)))
	}
	return out
}

// Backward returns dout·(1−y²).
func (l *Tanh[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if l.out == nil {
		noForward("Tanh.Backward")
	}
	mustLayer("Tanh.Backward", checkGrad(dout, l.out.Rows, l.out.Cols))
	dx := reuse(&l.dx, dout.Rows, dout.Cols)
	for i, y := range l.out.Data[:len(dout.Data)] {
		dx.Data[i] = dout.Data[i] * (1 - y*y)
	}
	return dx
}

// Params returns nothing: Tanh has no parameters.
func (l *Tanh[T]) Params() []Param[T] { return nil }
