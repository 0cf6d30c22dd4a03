package main

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"zerokara/kernel"
)

// blasTrans converts a zerokara transpose flag to gonum's.
func blasTrans(t kernel.Transpose) blas.Transpose {
	if t == kernel.Trans {
		return blas.Trans
	}
	return blas.NoTrans
}

// gonumContender multiplies with gonum's pure-Go BLAS (alpha = 1, beta = 0)
// into its own C. gonum splits large products over GOMAXPROCS goroutines by
// itself and has no thread setting, so it only takes part in the n-thread
// rotation (-gonum).
func gonumContender[T kernel.Float](o *operands[T]) contender {
	s := o.s
	c := make([]T, s.m*s.n)
	for i := range c {
		c[i] = T(math.NaN())
	}
	tA, tB := blasTrans(s.tA), blasTrans(s.tB)
	var call func()
	switch a := any(o.a).(type) {
	case []float32:
		b, c := any(o.b).([]float32), any(c).([]float32)
		call = func() { gonum.Implementation{}.Sgemm(tA, tB, s.m, s.n, s.k, 1, a, s.lda(), b, s.ldb(), 0, c, s.n) }
	case []float64:
		b, c := any(o.b).([]float64), any(c).([]float64)
		call = func() { gonum.Implementation{}.Dgemm(tA, tB, s.m, s.n, s.k, 1, a, s.lda(), b, s.ldb(), 0, c, s.n) }
	}
	return contender{
		name:   "gonum",
		call:   func() float64 { call(); return 0 },
		result: func() []float64 { return toFloat64(c) },
	}
}
