//go:build !purego

package kernel

// The vector routines of the assembly paths. The AVX-512 kernels cover any
// length, finishing a partial last vector through an opmask; the AVX2
// kernels cover whole vectors only, and the wrappers below hand the last
// len%lanes elements (or columns) to the pure-Go routines.
var (
	avx512Vec32 = vecKernels[float32]{axpy: saxpyAVX512, relu: sreluAVX512, reluMask: sreluMaskAVX512,
		colSums: scolSumsAVX512, addRow: saddRowAVX512}
	avx512Vec64 = vecKernels[float64]{axpy: daxpyAVX512, relu: dreluAVX512, reluMask: dreluMaskAVX512,
		colSums: dcolSumsAVX512, addRow: daddRowAVX512}
	avx2Vec32 = vecKernels[float32]{axpy: axpyTail(saxpyAVX2, axpyGo, 8), relu: pairTail(sreluAVX2, reluGo, 8),
		reluMask: pairTail(sreluMaskAVX2, reluMaskGo, 8), colSums: colSumsTail(scolSumsAVX2, 8), addRow: addRowTail(saddRowAVX2, 8)}
	avx2Vec64 = vecKernels[float64]{axpy: axpyTail(daxpyAVX2, axpyGo, 4), relu: pairTail(dreluAVX2, reluGo, 4),
		reluMask: pairTail(dreluMaskAVX2, reluMaskGo, 4), colSums: colSumsTail(dcolSumsAVX2, 4), addRow: addRowTail(daddRowAVX2, 4)}
)

// axpyTail runs the whole vectors of an axpy through asm and the rest
// through tail.
func axpyTail[T Float](asm, tail func(T, []T, []T), lanes int) func(T, []T, []T) {
	return func(alpha T, x, y []T) {
		n := len(y) &^ (lanes - 1)
		asm(alpha, x[:n], y[:n])
		tail(alpha, x[n:len(y)], y[n:])
	}
}

// pairTail is axpyTail for relu and reluMask, whose first slice sets the
// length.
func pairTail[T Float](asm, tail func([]T, []T), lanes int) func([]T, []T) {
	return func(dst, src []T) {
		n := len(dst) &^ (lanes - 1)
		asm(dst[:n], src[:n])
		tail(dst[n:], src[n:len(dst)])
	}
}

// colSumsTail runs the whole vectors of columns through asm and the last
// columns through colSumsGo.
func colSumsTail[T Float](asm func(dst, a []T, lda, m int), lanes int) func(dst, a []T, lda, m int) {
	return func(dst, a []T, lda, m int) {
		n := len(dst) &^ (lanes - 1)
		asm(dst[:n], a, lda, m)
		colSumsGo(dst[n:], a[n:], lda, m)
	}
}

// addRowTail is colSumsTail for addRow.
func addRowTail[T Float](asm func(c []T, ldc, m int, x []T), lanes int) func(c []T, ldc, m int, x []T) {
	return func(c []T, ldc, m int, x []T) {
		n := len(x) &^ (lanes - 1)
		asm(c, ldc, m, x[:n])
		addRowGo(c[n:], ldc, m, x[n:])
	}
}

// saxpyAVX2 sets y[i] += alpha*x[i] (VMULPS, then VADDPS: no fused
// multiply-add) for the first len(y)&^7 elements; len(x) ≥ len(y). It
// reads and writes nothing else.
//
//go:noescape
func saxpyAVX2(alpha float32, x, y []float32)

// daxpyAVX2 is saxpyAVX2 for float64: the first len(y)&^3 elements.
//
//go:noescape
func daxpyAVX2(alpha float64, x, y []float64)

// saxpyAVX512 is saxpyAVX2 with AVX-512F for all len(y) elements, the last
// len(y)%16 through opmask loads and stores.
//
//go:noescape
func saxpyAVX512(alpha float32, x, y []float32)

// daxpyAVX512 is saxpyAVX512 for float64 (a partial vector of len(y)%8).
//
//go:noescape
func daxpyAVX512(alpha float64, x, y []float64)

// sreluAVX2 sets y[i] = x[i] where x[i] > 0 or x[i] is NaN (VCMPPS
// predicate NLE_UQ) and +0 elsewhere, for the first len(y)&^7 elements;
// len(x) ≥ len(y).
//
//go:noescape
func sreluAVX2(y, x []float32)

// dreluAVX2 is sreluAVX2 for float64: the first len(y)&^3 elements.
//
//go:noescape
func dreluAVX2(y, x []float64)

// sreluAVX512 is sreluAVX2 with AVX-512F for all len(y) elements.
//
//go:noescape
func sreluAVX512(y, x []float32)

// dreluAVX512 is sreluAVX512 for float64.
//
//go:noescape
func dreluAVX512(y, x []float64)

// sreluMaskAVX2 sets d[i] = +0 where the bits of y[i] are zero (integer
// compare) for the first len(d)&^7 elements; len(y) ≥ len(d).
//
//go:noescape
func sreluMaskAVX2(d, y []float32)

// dreluMaskAVX2 is sreluMaskAVX2 for float64: the first len(d)&^3.
//
//go:noescape
func dreluMaskAVX2(d, y []float64)

// sreluMaskAVX512 is sreluMaskAVX2 with AVX-512F (VPTESTMD) for all
// len(d) elements.
//
//go:noescape
func sreluMaskAVX512(d, y []float32)

// dreluMaskAVX512 is sreluMaskAVX512 for float64.
//
//go:noescape
func dreluMaskAVX512(d, y []float64)

// scolSumsAVX2 sets dst[j] = Σ_{i<m} a[i*lda+j], rows in order from +0,
// for the first len(dst)&^7 columns; a holds m rows of len(dst) ld apart.
//
//go:noescape
func scolSumsAVX2(dst, a []float32, lda, m int)

// dcolSumsAVX2 is scolSumsAVX2 for float64: the first len(dst)&^3
// columns.
//
//go:noescape
func dcolSumsAVX2(dst, a []float64, lda, m int)

// scolSumsAVX512 is scolSumsAVX2 with AVX-512F for all len(dst) columns.
//
//go:noescape
func scolSumsAVX512(dst, a []float32, lda, m int)

// dcolSumsAVX512 is scolSumsAVX512 for float64.
//
//go:noescape
func dcolSumsAVX512(dst, a []float64, lda, m int)

// saddRowAVX2 sets c[i*ldc+j] += x[j] for i < m and the first len(x)&^7
// columns; c holds m rows of len(x) ldc apart.
//
//go:noescape
func saddRowAVX2(c []float32, ldc, m int, x []float32)

// daddRowAVX2 is saddRowAVX2 for float64: the first len(x)&^3 columns.
//
//go:noescape
func daddRowAVX2(c []float64, ldc, m int, x []float64)

// saddRowAVX512 is saddRowAVX2 with AVX-512F for all len(x) columns.
//
//go:noescape
func saddRowAVX512(c []float32, ldc, m int, x []float32)

// daddRowAVX512 is saddRowAVX512 for float64.
//
//go:noescape
func daddRowAVX512(c []float64, ldc, m int, x []float64)
