package main

import (
	"math"

	"zerokara/kernel"
)

// zerokaraContender multiplies with zerokara's Kernel k (the -impl path on
// the given workers) into its own C, alpha = 1, beta = 0.
func zerokaraContender[T kernel.Float](o *operands[T], k kernel.Kernel, w kernel.Workers) contender {
	s := o.s
	k = k.WithWorkers(w)
	c := make([]T, s.m*s.n)
	for i := range c {
		c[i] = T(math.NaN()) // beta = 0 must overwrite, not scale, what C held
	}
	var call func()
	switch a := any(o.a).(type) {
	case []float32:
		b, c := any(o.b).([]float32), any(c).([]float32)
		call = func() { k.Sgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, s.lda(), b, s.ldb(), 0, c, s.n) }
	case []float64:
		b, c := any(o.b).([]float64), any(c).([]float64)
		call = func() { k.Dgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, s.lda(), b, s.ldb(), 0, c, s.n) }
	}
	return contender{
		name:   "zerokara",
		call:   func() float64 { call(); return 0 },
		result: func() []float64 { return toFloat64(c) },
	}
}
