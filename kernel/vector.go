package kernel

// vecKernels is one implementation's vector (BLAS level-1-like) routines
// for element type T: the dispatch-table shape of the vector kernels, kept
// in implementation next to the GEMM's kernelSpec. The exported functions
// check their arguments and pass each entry exactly the elements it
// covers, so an entry may rely on the lengths stated here and must neither
// read nor write anything else; its result must be bitwise that of the
// pure-Go entry (NaN payloads aside). A port writes these nine functions
// (or wraps whole-vector kernels with the pure-Go tails, as withTails does
// for AVX2).
type vecKernels[T Float] struct {
	// axpy sets y[i] += alpha*x[i] for i < len(y), the product rounded
	// before the sum (no fused multiply-add); len(x) == len(y).
	axpy func(alpha T, x, y []T)
	// relu sets y[i] = x[i] where x[i] > 0 or x[i] is NaN, and +0
	// elsewhere, for i < len(y); len(x) == len(y). x may be y.
	relu func(y, x []T)
	// reluMask sets d[i] = +0 where the bits of y[i] are all zero (+0) and
	// keeps d[i] elsewhere, for i < len(d); len(y) == len(d).
	reluMask func(d, y []T)
	// colSums sets dst[j] = Σ_{i<m} a[i*lda+j] for j < len(dst), adding
	// rows in order i = 0, 1, … to a sum that starts at +0; m ≥ 1 and a
	// holds (m-1)*lda + len(dst) elements.
	colSums func(dst, a []T, lda, m int)
	// addRow sets c[i*ldc+j] += x[j] for i < m and j < len(x); m ≥ 1 and c
	// holds (m-1)*ldc + len(x) elements.
	addRow func(c []T, ldc, m int, x []T)

	// The routines below take m ≥ 1 rows of matrices that share the
	// leading dimension ld and hold (m-1)*ld + n elements each, n the
	// length of the first column vector; every product and sum is rounded
	// on its own, in the order written.

	// colDots sets dots[j] = Σ_i a[i*ld+j]·b[i*ld+j], rows in order from +0.
	colDots func(dots, a, b []T, ld, m int)
	// bnCenter sets xc[i*ld+j] = x[i*ld+j] − mu[j] and ss[j] = Σ_i xc²,
	// rows in order from +0; len(ss) == len(mu).
	bnCenter func(xc, x []T, ld, m int, mu, ss []T)
	// bnScale sets xc[i*ld+j] *= s[j], then out[i*ld+j] = gamma[j]·xc + beta[j].
	bnScale func(xc, out []T, ld, m int, s, gamma, beta []T)
	// bnGrad sets dx[i*ld+j] = s[j]·((fn·dout[i*ld+j] − p[j]) − xn[i*ld+j]·q[j]).
	bnGrad func(dx, dout, xn []T, ld, m int, fn T, s, p, q []T)
}

// vecOf returns impl's vector routines for element type T.
func vecOf[T Float](impl *implementation) *vecKernels[T] {
	return forType[T, *vecKernels[T]](&impl.vs, &impl.vd)
}

// Panic messages of the vector functions' misuse.
const (
	shortX   = "kernel: insufficient length of x"
	shortY   = "kernel: insufficient length of y"
	shortD   = "kernel: insufficient length of d"
	shortDst = "kernel: insufficient length of dst"
)

// Vec is the vector (BLAS level-1-like) routines of one implementation for
// element type T; VecOf(k) gives those of Kernel k, and the zero Vec those
// of the active implementation, which the package-level functions (Axpy,
// ReLU, ReLUMask, ColSums, AddRow, ColDots and the BatchNorm routines)
// use. The routines run on the calling
// goroutine; they are memory-bound and not worth splitting at the sizes of
// a network layer.
//
// Every path computes bitwise the same results as the plain Go loop of its
// contract (the pure-Go path): the same rounding and summation order, the
// same NaN and ±Inf propagation (NaN payloads are not specified, as in
// Go). Misuse (negative sizes, slices too short for n elements or the
// described matrix) panics with a message starting "kernel:" before any
// element is touched.
type Vec[T Float] struct{ k Kernel }

// VecOf returns the vector routines of k's implementation for element
// type T, e.g. VecOf[float32](k) for a Kernel k from Lookup.
func VecOf[T Float](k Kernel) Vec[T] { return Vec[T]{k} }

// Name returns the implementation's name, as Kernel.Name.
func (v Vec[T]) Name() string { return v.k.Name() }

// table returns v's dispatch table.
func (v Vec[T]) table() *vecKernels[T] { return vecOf[T](v.k.impl()) }

// checkVec panics unless n ≥ 0 and both lengths hold n elements.
func checkVec(n, lenA int, shortA string, lenB int, shortB string) {
	switch {
	case n < 0:
		panic(nLT0)
	case lenA < n:
		panic(shortA)
	case lenB < n:
		panic(shortB)
	}
}

// checkRows panics unless m, n ≥ 0, ld ≥ max(1, n), the matrix of m rows
// ld apart holds m×n elements (lenMat) and the vector n (lenVec); the
// messages name the operands.
func checkRows(m, n, lenMat, ld int, badLd, shortMat string, lenVec int, shortVec string) {
	checkShape(m, n, ld, badLd, []lenCheck{{lenMat, shortMat}}, []lenCheck{{lenVec, shortVec}})
}

// lenCheck is the length of an operand and the panic message if it is too
// short.
type lenCheck struct {
	have  int
	short string
}

// short is the panic message for a too short operand called name.
func short(name string) string { return "kernel: insufficient length of " + name }

// checkShape panics unless m, n ≥ 0, ld ≥ max(1, n), every matrix of mats
// holds m rows of n elements ld apart and every vector of vecs n elements.
func checkShape(m, n, ld int, badLd string, mats, vecs []lenCheck) {
	switch {
	case m < 0:
		panic(mLT0)
	case n < 0:
		panic(nLT0)
	case ld < max(1, n):
		panic(badLd)
	}
	for _, c := range mats {
		if c.have < minLen(m, n, ld) {
			panic(c.short)
		}
	}
	for _, c := range vecs {
		if c.have < n {
			panic(c.short)
		}
	}
}

// Axpy sets y[i] += alpha·x[i] for i < n. The product is rounded before
// the sum, on every path (no fused multiply-add), and alpha = 0 is not
// special: NaN or ±Inf in x still propagate to y, as in the plain loop
// (BLAS implementations return early instead). x and y must not overlap
// unless they are the same slice.
func (v Vec[T]) Axpy(n int, alpha T, x, y []T) {
	checkVec(n, len(x), shortX, len(y), shortY)
	if n > 0 {
		v.table().axpy(alpha, x[:n:n], y[:n:n])
	}
}

// ReLU sets y[i] = max(x[i], 0) for i < n as a network's activation does:
// x[i] where x[i] > 0 or x[i] is NaN (kept bit for bit, so a diverged
// network stays diverged), +0 elsewhere, −0 and −Inf included. y may be x
// (in place); otherwise they must not overlap.
func (v Vec[T]) ReLU(n int, x, y []T) {
	checkVec(n, len(x), shortX, len(y), shortY)
	if n > 0 {
		v.table().relu(y[:n:n], x[:n:n])
	}
}

// ReLUMask is ReLU's backward pass: it sets d[i] = +0 where y[i] is +0
// (all bits zero) and leaves d[i] unchanged elsewhere, for i < n. With y
// the output of ReLU this zeroes the gradient exactly where the input was
// ≤ 0 and keeps it where the input was NaN. d and y must not overlap.
func (v Vec[T]) ReLUMask(n int, y, d []T) {
	checkVec(n, len(y), shortY, len(d), shortD)
	if n > 0 {
		v.table().reluMask(d[:n:n], y[:n:n])
	}
}

// ColSums sets dst[j] to the sum of column j of the m×n row-major matrix
// a (leading dimension lda ≥ n), for j < n: the bias gradient Σ_rows dout.
// Rows are added in order to a sum that starts at +0, on every path, so
// the result is bitwise that of the plain loop. dst must not overlap a.
func (v Vec[T]) ColSums(m, n int, a []T, lda int, dst []T) {
	checkRows(m, n, len(a), lda, badLdA, shortA, len(dst), shortDst)
	switch {
	case n == 0:
	case m == 0:
		clear(dst[:n])
	default:
		v.table().colSums(dst[:n:n], a, lda, m)
	}
}

// AddRow adds the row vector x to every row of the m×n row-major matrix c
// (leading dimension ldc ≥ n): c[i*ldc+j] += x[j] for i < m, j < n, as a
// bias is broadcast. x must not overlap c.
func (v Vec[T]) AddRow(m, n int, x []T, c []T, ldc int) {
	checkRows(m, n, len(c), ldc, badLdC, shortC, len(x), shortX)
	if m > 0 && n > 0 {
		v.table().addRow(c[:minLen(m, n, ldc)], ldc, m, x[:n:n])
	}
}

// Axpy sets y[i] += alpha·x[i] for i < n on the active implementation; see
// Vec.Axpy.
func Axpy[T Float](n int, alpha T, x, y []T) { Vec[T]{}.Axpy(n, alpha, x, y) }

// ReLU sets y[i] = max(x[i], 0), NaN kept, for i < n on the active
// implementation; see Vec.ReLU.
func ReLU[T Float](n int, x, y []T) { Vec[T]{}.ReLU(n, x, y) }

// ReLUMask zeroes d[i] where y[i] is +0, for i < n, on the active
// implementation; see Vec.ReLUMask.
func ReLUMask[T Float](n int, y, d []T) { Vec[T]{}.ReLUMask(n, y, d) }

// ColSums sets dst[j] = Σ_i a[i*lda+j] for the m×n matrix a on the active
// implementation; see Vec.ColSums.
func ColSums[T Float](m, n int, a []T, lda int, dst []T) { Vec[T]{}.ColSums(m, n, a, lda, dst) }

// AddRow sets c[i*ldc+j] += x[j] for the m×n matrix c on the active
// implementation; see Vec.AddRow.
func AddRow[T Float](m, n int, x []T, c []T, ldc int) { Vec[T]{}.AddRow(m, n, x, c, ldc) }
