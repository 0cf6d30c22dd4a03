package gonumblas

import (
	"gonum.org/v1/gonum/blas"

	"zerokara/kernel"
)

// trsm solves op(A)·X = alpha·B or X·op(A) = alpha·B by recursive halving:
// one half is solved, a GEMM removes it from the other half's right-hand
// side, then the other half is solved.
func (r routines[T]) trsm(tr triangular, m, n int, alpha T, a []T, lda int, b []T, ldb int) {
	if r.start(tr, m, n, alpha, a, lda, b, ldb) {
		r.trsmRec(tr, m, n, alpha, a, lda, b, ldb)
	}
}

func (r routines[T]) trsmRec(tr triangular, m, n int, alpha T, a []T, lda int, b []T, ldb int) {
	h, ok := r.halve(tr, m, n)
	if !ok {
		r.trsmBase(tr.side, tr.uplo, tr.trans, tr.diag, m, n, alpha, a, lda, b, ldb)
		return
	}
	a11, a22, off, tOff := blocks(tr, a, lda, h)
	switch {
	case tr.side == blas.Left && tr.lowerOp(): // X₁ first, then B₂ -= A₂₁·X₁
		b2 := b[h*ldb:]
		r.trsmRec(tr, h, n, alpha, a11, lda, b, ldb)
		r.gemm(tOff, kernel.NoTrans, m-h, n, h, -1, off, lda, b, ldb, alpha, b2, ldb)
		r.trsmRec(tr, m-h, n, 1, a22, lda, b2, ldb)
	case tr.side == blas.Left: // X₂ first, then B₁ -= A₁₂·X₂
		b2 := b[h*ldb:]
		r.trsmRec(tr, m-h, n, alpha, a22, lda, b2, ldb)
		r.gemm(tOff, kernel.NoTrans, h, n, m-h, -1, off, lda, b2, ldb, alpha, b, ldb)
		r.trsmRec(tr, h, n, 1, a11, lda, b, ldb)
	case tr.lowerOp(): // X·op(A): X₂ first, then B₁ -= X₂·A₂₁
		b2 := b[h:]
		r.trsmRec(tr, m, n-h, alpha, a22, lda, b2, ldb)
		r.gemm(kernel.NoTrans, tOff, m, h, n-h, -1, b2, ldb, off, lda, alpha, b, ldb)
		r.trsmRec(tr, m, h, 1, a11, lda, b, ldb)
	default: // X·op(A) upper: X₁ first, then B₂ -= X₁·A₁₂
		b2 := b[h:]
		r.trsmRec(tr, m, h, alpha, a11, lda, b, ldb)
		r.gemm(kernel.NoTrans, tOff, m, n-h, h, -1, b, ldb, off, lda, alpha, b2, ldb)
		r.trsmRec(tr, m, n-h, 1, a22, lda, b2, ldb)
	}
}

// trmm computes B = alpha·op(A)·B or B = alpha·B·op(A) by recursive
// halving, in the order that overwrites each half of B only after the
// GEMM that still needs its old value.
func (r routines[T]) trmm(tr triangular, m, n int, alpha T, a []T, lda int, b []T, ldb int) {
	if r.start(tr, m, n, alpha, a, lda, b, ldb) {
		r.trmmRec(tr, m, n, alpha, a, lda, b, ldb)
	}
}

func (r routines[T]) trmmRec(tr triangular, m, n int, alpha T, a []T, lda int, b []T, ldb int) {
	h, ok := r.halve(tr, m, n)
	if !ok {
		r.trmmBase(tr.side, tr.uplo, tr.trans, tr.diag, m, n, alpha, a, lda, b, ldb)
		return
	}
	a11, a22, off, tOff := blocks(tr, a, lda, h)
	switch {
	case tr.side == blas.Left && tr.lowerOp(): // B₂ = α(A₂₁·B₁ + A₂₂·B₂), then B₁
		b2 := b[h*ldb:]
		r.trmmRec(tr, m-h, n, alpha, a22, lda, b2, ldb)
		r.gemm(tOff, kernel.NoTrans, m-h, n, h, alpha, off, lda, b, ldb, 1, b2, ldb)
		r.trmmRec(tr, h, n, alpha, a11, lda, b, ldb)
	case tr.side == blas.Left: // B₁ = α(A₁₁·B₁ + A₁₂·B₂), then B₂
		b2 := b[h*ldb:]
		r.trmmRec(tr, h, n, alpha, a11, lda, b, ldb)
		r.gemm(tOff, kernel.NoTrans, h, n, m-h, alpha, off, lda, b2, ldb, 1, b, ldb)
		r.trmmRec(tr, m-h, n, alpha, a22, lda, b2, ldb)
	case tr.lowerOp(): // B₁ = α(B₁·A₁₁ + B₂·A₂₁), then B₂
		b2 := b[h:]
		r.trmmRec(tr, m, h, alpha, a11, lda, b, ldb)
		r.gemm(kernel.NoTrans, tOff, m, h, n-h, alpha, b2, ldb, off, lda, 1, b, ldb)
		r.trmmRec(tr, m, n-h, alpha, a22, lda, b2, ldb)
	default: // B₂ = α(B₁·A₁₂ + B₂·A₂₂), then B₁
		b2 := b[h:]
		r.trmmRec(tr, m, n-h, alpha, a22, lda, b2, ldb)
		r.gemm(kernel.NoTrans, tOff, m, n-h, h, alpha, b, ldb, off, lda, 1, b2, ldb)
		r.trmmRec(tr, m, h, alpha, a11, lda, b, ldb)
	}
}

// start checks the arguments of a triangular routine, does the whole work
// when alpha is 0 (B = 0, as gonum, without reading A or B), and reports
// whether the recursion has work left.
func (r routines[T]) start(tr triangular, m, n int, alpha T, a []T, lda int, b []T, ldb int) bool {
	if !checkTriangular(tr, m, n, len(a), lda, len(b), ldb) {
		return false
	}
	if alpha == 0 {
		zero(m, n, b, ldb)
		return false
	}
	return true
}

// halve returns where to split the triangle of an m×n problem, or false
// when it is small enough for the base routine.
func (r routines[T]) halve(tr triangular, m, n int) (int, bool) {
	size := n
	if tr.side == blas.Left {
		size = m
	}
	if size <= r.base {
		return 0, false
	}
	return split(size), true
}

// zero sets the m×n matrix B to zero.
func zero[T float32 | float64](m, n int, b []T, ldb int) {
	for i := range m {
		clear(b[i*ldb : i*ldb+n])
	}
}
