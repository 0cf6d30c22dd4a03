package main

import (
	"math/rand/v2"

	"zerokara/kernel"
)

// contender is one way of computing the shape's product that takes part in a
// rotation: a library on a given number of threads, or zerokara's peak loop.
type contender struct {
	name string // column and CSV name: "zerokara", "OpenBLAS", "gomlx", "gonum", "peak"
	// call computes the product once. A self-timed contender (the peak
	// loop) returns the GFLOP/s it measured; the others return 0 and are
	// rated by the harness from the wall time around the call.
	call func() float64
	// result returns C after the last call as float64, for the correctness
	// guard; nil for the peak loop, which computes no product.
	result func() []float64
	// selfTimed reports that call returns its own rate (see call).
	selfTimed bool
}

// operands holds one shape's A and B (random, fixed seed) of element type T,
// shared by all contenders, with their float64 copies for the reference.
type operands[T kernel.Float] struct {
	s        shape
	a, b     []T
	a64, b64 []float64
}

// newOperands fills A and B of shape s with uniform values in [-1, 1) from a
// fixed seed, so every run and every build multiplies the same numbers.
func newOperands[T kernel.Float](s shape) *operands[T] {
	rng := rand.New(rand.NewPCG(uint64(s.m)<<40|uint64(s.n)<<20|uint64(s.k), 7))
	o := &operands[T]{s: s, a: make([]T, s.m*s.k), b: make([]T, s.k*s.n)}
	o.a64, o.b64 = make([]float64, len(o.a)), make([]float64, len(o.b))
	for i := range o.a {
		o.a[i] = T(2*rng.Float64() - 1)
		o.a64[i] = float64(o.a[i])
	}
	for i := range o.b {
		o.b[i] = T(2*rng.Float64() - 1)
		o.b64[i] = float64(o.b[i])
	}
	return o
}

// toFloat64 returns c converted to float64 (a fresh slice).
func toFloat64[T kernel.Float](c []T) []float64 {
	out := make([]float64, len(c))
	for i, v := range c {
		out[i] = float64(v)
	}
	return out
}
