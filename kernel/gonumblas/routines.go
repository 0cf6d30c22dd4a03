package gonumblas

import (
	"gonum.org/v1/gonum/blas"

	"zerokara/kernel"
)

// routines is the element-type-generic half of Implementation: kernel's
// GEMM for the blocks, gonum's routines for what is too small to block.
type routines[T float32 | float64] struct {
	gemm     func(tA, tB kernel.Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)
	trsmBase func(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha T, a []T, lda int, b []T, ldb int)
	trmmBase func(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha T, a []T, lda int, b []T, ldb int)
	syrkBase func(ul blas.Uplo, t blas.Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int)
	symmBase func(s blas.Side, ul blas.Uplo, m, n int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)
	base     int // the largest size left to the base routines
}

func single(impl Implementation) routines[float32] {
	g := impl.Implementation
	return routines[float32]{impl.Kernel.Sgemm, g.Strsm, g.Strmm, g.Ssyrk, g.Ssymm, impl.baseSize()}
}

func double(impl Implementation) routines[float64] {
	g := impl.Implementation
	return routines[float64]{impl.Kernel.Dgemm, g.Dtrsm, g.Dtrmm, g.Dsyrk, g.Dsymm, impl.baseSize()}
}

func (impl Implementation) baseSize() int {
	if impl.base > 0 {
		return impl.base
	}
	return baseSize
}

// baseSize is the largest triangle (or symmetric block) left to gonum's
// own code: its share of the work, baseSize/n, runs at gonum's speed, and
// smaller blocks make the GEMMs around them slower.
const baseSize = 16

// split returns the size of the first half of n ≥ 2, rounded to a
// multiple of 16 so the GEMMs see whole register tiles.
func split(n int) int {
	h := (n/2 + 15) &^ 15
	if h >= n {
		h = n / 2
	}
	return h
}

// triangular holds the flags of a triangular routine (Dtrsm, Dtrmm).
type triangular struct {
	side  blas.Side
	uplo  blas.Uplo
	trans blas.Transpose
	diag  blas.Diag
}

// lowerOp reports whether op(A) is lower triangular.
func (tr triangular) lowerOp() bool {
	return (tr.uplo == blas.Lower) == (tr.trans == blas.NoTrans)
}

// blocks splits triangle A at h into its diagonal blocks and the stored
// block that is op(A)'s only non-zero off-diagonal block, with how the GEMM
// reads it: op(A)₂₁ when op(A) is lower, op(A)₁₂ when it is upper. A stored
// lower keeps A₂₁ at row h, stored upper keeps A₁₂ at column h;
// transposing swaps which of the two op(A) sees off the diagonal.
func blocks[T float32 | float64](tr triangular, a []T, lda, h int) (a11, a22, off []T, tOff kernel.Transpose) {
	a11, a22 = a, a[h*lda+h:]
	if tr.uplo == blas.Lower {
		return a11, a22, a[h*lda:], transpose(tr.trans)
	}
	return a11, a22, a[h:], transpose(tr.trans)
}
