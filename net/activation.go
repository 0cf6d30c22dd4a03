package net

import (
	"fmt"
	"math"
	"strings"
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
// NaN) and +0 elsewhere.
func (l *ReLU[T]) Forward(x *Matrix[T], train bool) *Matrix[T] {
	mustLayer("ReLU.Forward", checkBatch(x))
	out := reuse(&l.out, x.Rows, x.Cols)
	switch o := any(out.Data).(type) {
	case []float32:
		relu32(o, any(x.Data).([]float32))
	case []float64:
		relu64(o, any(x.Data).([]float64))
	}
	return out
}

// relu32 computes ReLU on the bits, without branches: a set sign bit
// clears the value unless it is a NaN. (The builtin max, with its NaN
// rules, cost 10 % of a training run.)
func relu32(dst, x []float32) {
	x = x[:len(dst)]
	for i, v := range x {
		b := math.Float32bits(v)
		keep := ^uint32(int32(b)>>31) | uint32(int32(0x7f800000-(b&0x7fffffff))>>31)
		dst[i] = math.Float32frombits(b & keep)
	}
}

// relu64 is relu32 for float64.
func relu64(dst, x []float64) {
	x = x[:len(dst)]
	for i, v := range x {
		b := math.Float64bits(v)
		keep := ^uint64(int64(b)>>63) | uint64(int64(0x7ff0000000000000-(b&0x7fffffffffffffff))>>63)
		dst[i] = math.Float64frombits(b & keep)
	}
}

// Backward zeroes dout where the input was <= 0 (in place) and returns it.
func (l *ReLU[T]) Backward(dout *Matrix[T]) *Matrix[T] {
	if l.out == nil {
		noForward("ReLU.Backward")
	}
	mustLayer("ReLU.Backward", checkGrad(dout, l.out.Rows, l.out.Cols))
	switch d := any(dout.Data).(type) {
	case []float32:
		reluMask32(d, any(l.out.Data).([]float32))
	case []float64:
		reluMask64(d, any(l.out.Data).([]float64))
	}
	return dout
}

// reluMask32 zeroes d[i] where y[i] == 0 without branches (a data-dependent
// branch mispredicts on half the elements and cost 15 % of a training
// step). y = max(x, 0) is +0 exactly where x <= 0, and its bit pattern is
// zero exactly then; NaN keeps the gradient, as the book's mask x <= 0 does.
func reluMask32(d, y []float32) {
	y = y[:len(d)]
	for i, v := range y {
		b := math.Float32bits(v)
		keep := -((b | -b) >> 31) // all ones unless b == 0
		d[i] = math.Float32frombits(math.Float32bits(d[i]) & keep)
	}
}

// reluMask64 is reluMask32 for float64.
func reluMask64(d, y []float64) {
	y = y[:len(d)]
	for i, v := range y {
		b := math.Float64bits(v)
		keep := -((b | -b) >> 63)
		d[i] = math.Float64frombits(math.Float64bits(d[i]) & keep)
	}
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
