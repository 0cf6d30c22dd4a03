//go:build !purego

package kernel

// The vector routines of the assembly paths. The AVX-512 kernels cover any
// length, finishing a partial last vector through an opmask; the AVX2
// kernels cover whole vectors only, and withTails hands the last
// len%lanes elements (or columns) to the pure-Go routines.
var (
	avx512Vec32 = vecKernels[float32]{axpy: saxpyAVX512, relu: sreluAVX512, reluMask: sreluMaskAVX512,
		colSums: scolSumsAVX512, addRow: saddRowAVX512,
		colDots: scolDotsAVX512, bnCenter: sbnCenterAVX512, bnScale: sbnScaleAVX512, bnGrad: sbnGradAVX512}
	avx512Vec64 = vecKernels[float64]{axpy: daxpyAVX512, relu: dreluAVX512, reluMask: dreluMaskAVX512,
		colSums: dcolSumsAVX512, addRow: daddRowAVX512,
		colDots: dcolDotsAVX512, bnCenter: dbnCenterAVX512, bnScale: dbnScaleAVX512, bnGrad: dbnGradAVX512}
	avx2Vec32 = withTails(vecKernels[float32]{axpy: saxpyAVX2, relu: sreluAVX2, reluMask: sreluMaskAVX2,
		colSums: scolSumsAVX2, addRow: saddRowAVX2,
		colDots: scolDotsAVX2, bnCenter: sbnCenterAVX2, bnScale: sbnScaleAVX2, bnGrad: sbnGradAVX2}, 8)
	avx2Vec64 = withTails(vecKernels[float64]{axpy: daxpyAVX2, relu: dreluAVX2, reluMask: dreluMaskAVX2,
		colSums: dcolSumsAVX2, addRow: daddRowAVX2,
		colDots: dcolDotsAVX2, bnCenter: dbnCenterAVX2, bnScale: dbnScaleAVX2, bnGrad: dbnGradAVX2}, 4)
)

// withTails wraps each routine of asm, which covers whole vectors of lanes
// elements only, so that the pure-Go routine does the last len%lanes
// elements (or columns).
func withTails[T Float](asm vecKernels[T], lanes int) vecKernels[T] {
	g := pureGoVec[T]()
	cut := func(n int) int { return n &^ (lanes - 1) }
	return vecKernels[T]{
		axpy: func(alpha T, x, y []T) {
			n := cut(len(y))
			asm.axpy(alpha, x[:n], y[:n])
			g.axpy(alpha, x[n:len(y)], y[n:])
		},
		relu: func(y, x []T) {
			n := cut(len(y))
			asm.relu(y[:n], x[:n])
			g.relu(y[n:], x[n:len(y)])
		},
		reluMask: func(d, y []T) {
			n := cut(len(d))
			asm.reluMask(d[:n], y[:n])
			g.reluMask(d[n:], y[n:len(d)])
		},
		colSums: func(dst, a []T, lda, m int) {
			n := cut(len(dst))
			asm.colSums(dst[:n], a, lda, m)
			g.colSums(dst[n:], a[n:], lda, m)
		},
		addRow: func(c []T, ldc, m int, x []T) {
			n := cut(len(x))
			asm.addRow(c, ldc, m, x[:n])
			g.addRow(c[n:], ldc, m, x[n:])
		},
		colDots: func(dots, a, b []T, ld, m int) {
			n := cut(len(dots))
			asm.colDots(dots[:n], a, b, ld, m)
			g.colDots(dots[n:], a[n:], b[n:], ld, m)
		},
		bnCenter: func(xc, x []T, ld, m int, mu, ss []T) {
			n := cut(len(mu))
			asm.bnCenter(xc, x, ld, m, mu[:n], ss[:n])
			g.bnCenter(xc[n:], x[n:], ld, m, mu[n:], ss[n:])
		},
		bnScale: func(xc, out []T, ld, m int, s, gamma, beta []T) {
			n := cut(len(s))
			asm.bnScale(xc, out, ld, m, s[:n], gamma[:n], beta[:n])
			g.bnScale(xc[n:], out[n:], ld, m, s[n:], gamma[n:], beta[n:])
		},
		bnGrad: func(dx, dout, xn []T, ld, m int, fn T, s, p, q []T) {
			n := cut(len(s))
			asm.bnGrad(dx, dout, xn, ld, m, fn, s[:n], p[:n], q[:n])
			g.bnGrad(dx[n:], dout[n:], xn[n:], ld, m, fn, s[n:], p[n:], q[n:])
		},
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

// scolDotsAVX2 sets dots[j] = Σ_{i<m} a[i*ld+j]*b[i*ld+j] (VMULPS, then
// VADDPS), rows in order from +0, for the first len(dots)&^7 columns; a
// and b hold m rows of len(dots) ld apart. Like every kernel below, it
// reads and writes nothing else.
//
//go:noescape
func scolDotsAVX2(dots, a, b []float32, ld, m int)

// sbnCenterAVX2 sets xc[i*ld+j] = x[i*ld+j] - mu[j] and ss[j] = Σ_i xc²
// for the first len(mu)&^7 columns; xc and x hold m rows ld apart.
//
//go:noescape
func sbnCenterAVX2(xc, x []float32, ld, m int, mu, ss []float32)

// sbnScaleAVX2 sets xc[i*ld+j] *= s[j] and out[i*ld+j] = gamma[j]*xc + beta[j]
// for the first len(s)&^7 columns.
//
//go:noescape
func sbnScaleAVX2(xc, out []float32, ld, m int, s, gamma, beta []float32)

// sbnGradAVX2 sets dx[i*ld+j] = s[j]*((fn*dout[i*ld+j] - p[j]) - xn[i*ld+j]*q[j])
// for the first len(s)&^7 columns.
//
//go:noescape
func sbnGradAVX2(dx, dout, xn []float32, ld, m int, fn float32, s, p, q []float32)

// dcolDotsAVX2 is scolDotsAVX2 for float64 (len(dots)&^3 columns).
//
//go:noescape
func dcolDotsAVX2(dots, a, b []float64, ld, m int)

// dbnCenterAVX2 is sbnCenterAVX2 for float64 (len(mu)&^3 columns).
//
//go:noescape
func dbnCenterAVX2(xc, x []float64, ld, m int, mu, ss []float64)

// dbnScaleAVX2 is sbnScaleAVX2 for float64 (len(s)&^3 columns).
//
//go:noescape
func dbnScaleAVX2(xc, out []float64, ld, m int, s, gamma, beta []float64)

// dbnGradAVX2 is sbnGradAVX2 for float64 (len(s)&^3 columns).
//
//go:noescape
func dbnGradAVX2(dx, dout, xn []float64, ld, m int, fn float64, s, p, q []float64)

// scolDotsAVX512 is scolDotsAVX2 with AVX-512F for all len(dots) columns.
//
//go:noescape
func scolDotsAVX512(dots, a, b []float32, ld, m int)

// sbnCenterAVX512 is sbnCenterAVX2 with AVX-512F for all columns.
//
//go:noescape
func sbnCenterAVX512(xc, x []float32, ld, m int, mu, ss []float32)

// sbnScaleAVX512 is sbnScaleAVX2 with AVX-512F for all columns.
//
//go:noescape
func sbnScaleAVX512(xc, out []float32, ld, m int, s, gamma, beta []float32)

// sbnGradAVX512 is sbnGradAVX2 with AVX-512F for all columns.
//
//go:noescape
func sbnGradAVX512(dx, dout, xn []float32, ld, m int, fn float32, s, p, q []float32)

// dcolDotsAVX512 is scolDotsAVX512 for float64.
//
//go:noescape
func dcolDotsAVX512(dots, a, b []float64, ld, m int)

// dbnCenterAVX512 is sbnCenterAVX512 for float64.
//
//go:noescape
func dbnCenterAVX512(xc, x []float64, ld, m int, mu, ss []float64)

// dbnScaleAVX512 is sbnScaleAVX512 for float64.
//
//go:noescape
func dbnScaleAVX512(xc, out []float64, ld, m int, s, gamma, beta []float64)

// dbnGradAVX512 is sbnGradAVX512 for float64.
//
//go:noescape
func dbnGradAVX512(dx, dout, xn []float64, ld, m int, fn float64, s, p, q []float64)
