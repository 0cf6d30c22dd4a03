package gonumblas

import (
	"gonum.org/v1/gonum/blas"

	"zerokara/kernel"
)

// syrk computes the ul triangle of C = alpha·op(A)·op(A)ᵀ + beta·C by
// recursive halving: the two diagonal blocks recursively, the block
// between them as one GEMM.
func (r routines[T]) syrk(ul blas.Uplo, t blas.Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int) {
	if !checkSyrk(ul, t, n, k, len(a), lda, len(c), ldc) {
		return
	}
	if alpha == 0 || k == 0 { // only beta·C: nothing to multiply
		r.syrkBase(ul, t, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	r.syrkRec(ul, t, n, k, alpha, a, lda, beta, c, ldc)
}

func (r routines[T]) syrkRec(ul blas.Uplo, t blas.Transpose, n, k int, alpha T, a []T, lda int, beta T, c []T, ldc int) {
	if n <= r.base {
		r.syrkBase(ul, t, n, k, alpha, a, lda, beta, c, ldc)
		return
	}
	h := split(n)
	// a2 is the second half of op(A): rows h… of A, or its columns h… .
	var a2 []T
	tA, tB := kernel.NoTrans, kernel.Trans
	if t == blas.NoTrans {
		a2 = a[h*lda:]
	} else {
		a2, tA, tB = a[h:], kernel.Trans, kernel.NoTrans
	}
	r.syrkRec(ul, t, h, k, alpha, a, lda, beta, c, ldc)
	if ul == blas.Lower { // C₂₁ = α·op(A)₂·op(A)₁ᵀ + β·C₂₁
		r.gemm(tA, tB, n-h, h, k, alpha, a2, lda, a, lda, beta, c[h*ldc:], ldc)
	} else { // C₁₂ = α·op(A)₁·op(A)₂ᵀ + β·C₁₂
		r.gemm(tA, tB, h, n-h, k, alpha, a, lda, a2, lda, beta, c[h:], ldc)
	}
	r.syrkRec(ul, t, n-h, k, alpha, a2, lda, beta, c[h*ldc+h:], ldc)
}

// symm computes C = alpha·A·B + beta·C or C = alpha·B·A + beta·C with A
// symmetric: A is expanded from its ul triangle into a full copy, which
// costs size² against the product's 2·size²·other flops.
func (r routines[T]) symm(s blas.Side, ul blas.Uplo, m, n int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if !checkSymm(s, ul, m, n, len(a), lda, len(b), ldb, len(c), ldc) {
		return
	}
	size := n
	if s == blas.Left {
		size = m
	}
	if alpha == 0 || size <= r.base {
		r.symmBase(s, ul, m, n, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	full := expandSymmetric(ul, size, a, lda)
	if s == blas.Left {
		r.gemm(kernel.NoTrans, kernel.NoTrans, m, n, m, alpha, full, m, b, ldb, beta, c, ldc)
	} else {
		r.gemm(kernel.NoTrans, kernel.NoTrans, m, n, n, alpha, b, ldb, full, n, beta, c, ldc)
	}
}

// expandSymmetric returns the n×n symmetric matrix stored in the ul
// triangle of a, in full, with leading dimension n.
func expandSymmetric[T float32 | float64](ul blas.Uplo, n int, a []T, lda int) []T {
	full := make([]T, n*n)
	for i := range n {
		for j := range n {
			if (ul == blas.Upper) == (i <= j) {
				full[i*n+j] = a[i*lda+j]
			} else {
				full[i*n+j] = a[j*lda+i]
			}
		}
	}
	return full
}
