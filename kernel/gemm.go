package kernel

// Sgemm computes C = alpha·op(A)·op(B) + beta·C for row-major float32
// matrices, where op(A) is m×k, op(B) is k×n and C is m×n. It uses all
// cores once the problem is large enough; see Workers for a fixed count.
func Sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	Gemm(Auto, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm computes C = alpha·op(A)·op(B) + beta·C for row-major float64
// matrices, where op(A) is m×k, op(B) is k×n and C is m×n. It uses all
// cores once the problem is large enough; see Workers for a fixed count.
func Dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	Gemm(Auto, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Workers is the largest number of goroutines a GEMM may use: products too
// small to gain from splitting use fewer (4 MFlop per goroutine at least,
// or 0.5 MFlop while a helper goroutine is awake). Auto (0) means
// GOMAXPROCS; Serial (1) computes on the calling goroutine only. The
// result does not depend on the worker count. Parallel products run on
// helper goroutines that stay awake for 100 µs after each product, so that
// the next one starts at once.
type Workers int

const (
	// Auto lets the package choose the number of workers.
	Auto Workers = 0
	// Serial computes on the calling goroutine only.
	Serial Workers = 1
)

// Sgemm is the package-level Sgemm run on w workers.
func (w Workers) Sgemm(tA, tB Transpose, m, n, k int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	Gemm(w, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is the package-level Dgemm run on w workers.
func (w Workers) Dgemm(tA, tB Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	Gemm(w, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Gemm is the generic form of Sgemm and Dgemm, for code written over both
// element types: C = alpha·op(A)·op(B) + beta·C on w workers.
func Gemm[T Float](w Workers, tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	gemm(Kernel{workers: w}, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
}

// gemm is Gemm on kn's implementation and workers: the one entry of every
// public function.
func gemm[T Float](kn Kernel, tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
	if kn.workers < 0 {
		panic(badWorkers)
	}
	if !checkGemm(tA, tB, m, n, k, len(a), lda, len(b), ldb, len(c), ldc) {
		return
	}
	spec := specOf[T](kn.impl())
	// beta = 0 with kernels that overwrite: the first block of k stores C,
	// which is then never cleared nor read. Otherwise C is scaled first.
	overwrite := beta == 0 && alpha != 0 && k != 0 && spec.overwrite != nil
	if !overwrite {
		scaleC(m, n, beta, c, ldc)
	}
	if alpha == 0 || k == 0 {
		return
	}
	p := problem[T]{
		spec: spec, tA: tA, tB: tB, k: k, alpha: alpha,
		a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, overwrite: overwrite,
	}
	p.packA, p.packB = choosePacking[T](m, tA, tB, lda, ldb)
	if p.spec.alwaysPack {
		p.packA, p.packB = true, true
	}
	workers, wake := bands(kn, m, n, k)
	p.run(m, n, workers)
	if wake {
		wakeHelper()
	}
}
