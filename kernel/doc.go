// Package kernel is zerokara's numeric core: a cache-blocked matrix multiply
// (GEMM, BLAS level 3) for float32 and float64, and the vector routines a
// network's training step needs around it, usable on their own.
//
// The API follows gonum's blas.Float32/Float64 argument order and row-major
// convention, so code can switch between the two one to one:
//
//	C = alpha·op(A)·op(B) + beta·C
//
// where op(X) is X or Xᵀ, op(A) is m×k, op(B) is k×n and C is m×n, and the
// element (i, j) of a matrix with leading dimension ld lives at index i*ld+j.
//
// The computation follows the Goto/BLIS scheme: B in blocks of kc×nc, A in
// blocks of mc×kc, packed into panels when that pays (small operands are read
// in place), and a register-blocked micro-kernel multiplies one MR×NR tile at
// a time, a row of tiles after another so the A panel stays in L1.
// The micro-kernels are Go assembly generated with avo (see _asm/) for CPUs
// with AVX-512F, or AVX2 and FMA, chosen once at start-up with
// github.com/klauspost/cpuid; a pure-Go implementation is always compiled
// and used everywhere else. Implementation reports which one runs;
// Implementations and Lookup run any of them side by side.
//
// Setting the environment variable ZEROKARA_PUREGO=1 forces the pure-Go path
// at run time; building with -tags purego compiles no assembly at all.
//
// The package keeps process-wide state: the dispatch table of the
// package-level functions (Sgemm, Dgemm, Gemm, the methods of Workers, the
// vector routines) and of the zero Kernel and zero Vec is set once at init — the fastest path, or pure Go
// under ZEROKARA_PUREGO — and never changes afterwards; the pools of
// packing buffers and the helper goroutines are shared by all calls. To use
// a specific path, take its Kernel from Lookup: Kernel values of different
// implementations run side by side, concurrently too, without changing what
// the package-level functions or other Kernels do.
//
// Misuse (negative sizes, leading dimensions smaller than a row, slices too
// short for the described matrix) panics with a message starting "kernel:",
// as gonum's BLAS does. When beta is 0, C is not read (it may hold NaN), and
// when alpha is 0 or k is 0, A and B are not read. C must not overlap A or B.
//
// Package-level functions use all cores (GOMAXPROCS) once a problem is large
// enough to profit; Workers caps the number of goroutines of a GEMM, e.g.
// Workers(1) for one serial GEMM per core. Parallel GEMMs run on helper
// goroutines that poll for the next product for 100 µs before parking.
// Results are bitwise identical whatever the number of workers.
//
// # Vector routines
//
// Axpy (y += alpha·x), ReLU, ReLUMask (ReLU's backward pass), ColSums (the
// column sums of a matrix, a bias gradient) and AddRow (a row vector added
// to every row, a bias broadcast), ColDots (column-wise dot products) and
// the passes of a batch normalisation (BatchNormCenter, BatchNormScale,
// BatchNormGrad) are BLAS level-1-like routines with the
// same conventions: sizes first, row-major matrices with a leading
// dimension, "kernel:" panics on misuse. VecOf(k) gives the same routines
// on Kernel k's implementation. Unlike a BLAS they promise exactness: on
// every path each result is bitwise that of the plain Go loop of its
// contract — products rounded before sums, column sums added row after
// row — and NaN and ±Inf propagate as there (ReLU keeps NaN, bit for bit).
//
// Each implementation carries, next to its GEMM kernels, a table of vector
// routines per element type (vecKernels in vector.go): nine functions that
// take already checked slices of exactly the elements they cover. The
// AVX-512 entries are assembly that finishes a partial last vector through
// opmask loads and stores; the AVX2 entries run whole vectors in assembly
// and the rest in Go; the pure-Go entries are the reference. A new path
// (say arm64 NEON) fills the same table and passes the same tests.
package kernel

//go:generate go run -C _asm . -out ../micro_amd64.s
//go:generate go run -C _asm ./neon -out ../micro_arm64.s
