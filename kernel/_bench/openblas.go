package main

/*
#cgo LDFLAGS: -lopenblas
#include <cblas.h>
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char* openblas_get_corename(void);
char* openblas_get_config(void);
*/
import "C"

import (
	"math"

	"zerokara/kernel"
)

// openblasCore returns the name of the kernels OpenBLAS picked for this CPU
// (or OPENBLAS_CORETYPE), e.g. "Haswell", "SkylakeX", "Cooperlake", "Zen".
func openblasCore() string { return C.GoString(C.openblas_get_corename()) }

// openblasConfig returns OpenBLAS's build description (version, threading).
func openblasConfig() string { return C.GoString(C.openblas_get_config()) }

// openblasSetThreads sets how many threads OpenBLAS uses from now on and
// returns what it reports back. The harness calls it once before a rotation,
// never per call.
func openblasSetThreads(n int) int {
	C.openblas_set_num_threads(C.int(n))
	return int(C.openblas_get_num_threads())
}

// cblasTrans converts a zerokara transpose flag to CBLAS's.
func cblasTrans(t kernel.Transpose) C.enum_CBLAS_TRANSPOSE {
	if t == kernel.Trans {
		return C.CblasTrans
	}
	return C.CblasNoTrans
}

// openblasContender multiplies with cblas_sgemm/cblas_dgemm (row-major,
// alpha = 1, beta = 0) into its own C, on however many threads OpenBLAS was
// last set to.
func openblasContender[T kernel.Float](o *operands[T]) contender {
	s := o.s
	c := make([]T, s.m*s.n)
	for i := range c {
		c[i] = T(math.NaN())
	}
	tA, tB := cblasTrans(s.tA), cblasTrans(s.tB)
	m, n, k, lda, ldb := C.blasint(s.m), C.blasint(s.n), C.blasint(s.k), C.blasint(s.lda()), C.blasint(s.ldb())
	var call func()
	switch a := any(o.a).(type) {
	case []float32:
		b, c := any(o.b).([]float32), any(c).([]float32)
		call = func() {
			C.cblas_sgemm(C.CblasRowMajor, tA, tB, m, n, k, 1, (*C.float)(&a[0]), lda,
				(*C.float)(&b[0]), ldb, 0, (*C.float)(&c[0]), n)
		}
	case []float64:
		b, c := any(o.b).([]float64), any(c).([]float64)
		call = func() {
			C.cblas_dgemm(C.CblasRowMajor, tA, tB, m, n, k, 1, (*C.double)(&a[0]), lda,
				(*C.double)(&b[0]), ldb, 0, (*C.double)(&c[0]), n)
		}
	}
	return contender{
		name:   "OpenBLAS",
		call:   func() float64 { call(); return 0 },
		result: func() []float64 { return toFloat64(c) },
	}
}
