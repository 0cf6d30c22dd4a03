package gonumblas

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"zerokara/kernel"
)

// Implementation is a blas.Float32 and blas.Float64 whose level-3 routines
// run on zerokara's GEMM. The zero value uses the fastest path of this CPU
// and all cores (kernel.Auto); set Kernel to pick a path or a worker count,
// e.g. a Kernel from kernel.Lookup("purego") or k.WithWorkers(1).
type Implementation struct {
	// Implementation provides every routine not overridden here.
	gonum.Implementation
	// Kernel runs the matrix products.
	Kernel kernel.Kernel
	// base overrides baseSize in tests, so that gonum's small test cases
	// reach the recursion too.
	base int
}

// The compiler checks that the plug-in is a complete BLAS for both types.
var (
	_ blas.Float32 = Implementation{}
	_ blas.Float64 = Implementation{}
)

// Sgemm computes C = alpha·op(A)·op(B) + beta·C on kernel's GEMM.
func (impl Implementation) Sgemm(tA, tB blas.Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	impl.Kernel.Sgemm(transpose(tA), transpose(tB), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm computes C = alpha·op(A)·op(B) + beta·C on kernel's GEMM.
func (impl Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	impl.Kernel.Dgemm(transpose(tA), transpose(tB), m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Strsm solves op(A)·X = alpha·B (Left) or X·op(A) = alpha·B (Right) for
// X, with A triangular, and writes X over B.
func (impl Implementation) Strsm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float32, a []float32, lda int, b []float32, ldb int) {
	single(impl).trsm(triangular{s, ul, tA, d}, m, n, alpha, a, lda, b, ldb)
}

// Dtrsm solves op(A)·X = alpha·B (Left) or X·op(A) = alpha·B (Right) for
// X, with A triangular, and writes X over B.
func (impl Implementation) Dtrsm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int) {
	double(impl).trsm(triangular{s, ul, tA, d}, m, n, alpha, a, lda, b, ldb)
}

// Strmm computes B = alpha·op(A)·B (Left) or B = alpha·B·op(A) (Right),
// with A triangular.
func (impl Implementation) Strmm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float32, a []float32, lda int, b []float32, ldb int) {
	single(impl).trmm(triangular{s, ul, tA, d}, m, n, alpha, a, lda, b, ldb)
}

// Dtrmm computes B = alpha·op(A)·B (Left) or B = alpha·B·op(A) (Right),
// with A triangular.
func (impl Implementation) Dtrmm(s blas.Side, ul blas.Uplo, tA blas.Transpose, d blas.Diag, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int) {
	double(impl).trmm(triangular{s, ul, tA, d}, m, n, alpha, a, lda, b, ldb)
}

// Ssyrk computes the ul triangle of C = alpha·A·Aᵀ + beta·C (NoTrans) or
// C = alpha·Aᵀ·A + beta·C (Trans), C n×n symmetric.
func (impl Implementation) Ssyrk(ul blas.Uplo, t blas.Transpose, n, k int, alpha float32, a []float32, lda int, beta float32, c []float32, ldc int) {
	single(impl).syrk(ul, t, n, k, alpha, a, lda, beta, c, ldc)
}

// Dsyrk computes the ul triangle of C = alpha·A·Aᵀ + beta·C (NoTrans) or
// C = alpha·Aᵀ·A + beta·C (Trans), C n×n symmetric.
func (impl Implementation) Dsyrk(ul blas.Uplo, t blas.Transpose, n, k int, alpha float64, a []float64, lda int, beta float64, c []float64, ldc int) {
	double(impl).syrk(ul, t, n, k, alpha, a, lda, beta, c, ldc)
}

// Ssymm computes C = alpha·A·B + beta·C (Left) or C = alpha·B·A + beta·C
// (Right), A symmetric and stored in its ul triangle.
func (impl Implementation) Ssymm(s blas.Side, ul blas.Uplo, m, n int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	single(impl).symm(s, ul, m, n, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dsymm computes C = alpha·A·B + beta·C (Left) or C = alpha·B·A + beta·C
// (Right), A symmetric and stored in its ul triangle.
func (impl Implementation) Dsymm(s blas.Side, ul blas.Uplo, m, n int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	double(impl).symm(s, ul, m, n, alpha, a, lda, b, ldb, beta, c, ldc)
}

// transpose converts gonum's transpose flag (ConjTrans is Trans for real
// matrices) and panics on anything else.
func transpose(t blas.Transpose) kernel.Transpose {
	switch t {
	case blas.NoTrans:
		return kernel.NoTrans
	case blas.Trans, blas.ConjTrans:
		return kernel.Trans
	}
	panic(badTranspose)
}
