package kernel

import "os"

// Float is the element type of the generic entry point Gemm.
type Float interface{ float32 | float64 }

// microKernel computes the full register tile
//
//	for i < mr, j < nr: c[i*ldc+j] += alpha * Σ_{p<k} a[i*rsA+p*csA] * b[p*rsB+j]
//
// Packed panels (pack.go) have rsA = 1, csA = mr, rsB = nr; other strides
// read A (either orientation) or B in place. The caller guarantees that every
// index the formula reaches lies inside the slices.
type microKernel[T Float] func(k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int)

// rowKernel computes tiles ≥ 1 full tiles side by side along a row of C:
// tile t is microKernel's tile with B at b[t*bNext:] and C at c[t*nr:]
// (bNext = nr for B in place, nr·k for packed panels), A the same for all.
// The caller guarantees what microKernel's does for every tile.
type rowKernel[T Float] func(k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int, tiles, bNext int)

// edgeColumnKernel computes tiles ≥ 1 full-height tiles stacked down a
// column of C: tile t is edgeKernel's tile (all mr rows, the columns of
// mask) with A at a[t*aNext:] and C at c[t*mr*ldc:], B the same for all.
// The caller guarantees what edgeKernel's does for every tile.
type edgeColumnKernel[T Float] func(k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int, mask uint64, tiles, aNext int)

// kernelSpec is one micro-kernel with the block sizes tuned for it:
// mr×nr register tile, kc depth of packed panels, mc rows of A and nc
// columns of B per cache block (mc a multiple of mr, nc of nr). An optional
// narrow kernel (mr×narrow tile, narrow < nr) handles a last column panel
// of at most narrow columns, so that less padding is computed. The
// embedded tileKernels add to C; overwrite, when present, holds the same
// kernels in the form that stores C = alpha·A·B, for a product with
// beta = 0 on its first block of k.
type kernelSpec[T Float] struct {
	mr, nr     int
	kc, mc, nc int
	nc2        int // columns per L2 chunk in the macro-kernel, a multiple of nr (0: all)
	narrow     int
	tileKernels[T]
	overwrite *tileKernels[T]
	// alwaysPack packs both operands whatever their shape: the pure-Go
	// kernel is much faster on packed panels than on strided operands,
	// and the NEON kernels' in-place reading was never measured.
	alwaysPack bool
	// packTrans, when present, packs the first rows of a full nr-wide panel
	// of a transposed B (dst[p*nr+i] = src[i*ld+p]) with vector transposes:
	// 16·blocks rows for float32, 8·blocks for float64.
	packTrans func(dst, src []T, ld, blocks int)
	// packRows, when present, does the same for a full mr-row panel of A
	// (dst[p*mr+i] = src[i*ld+p]).
	packRows func(dst, src []T, ld, blocks int)
	// dotGroup is how many columns one group of the dot kernels computes.
	dotGroup int
	// packDots[groups-1] packs B's last columns for dots[…][groups-1].
	packDots [2]dotPacker[T]
}

// tileKernels are the kernels that compute C's register tiles, all in one
// form: adding alpha·A·B to C, or overwriting C with it.
type tileKernels[T Float] struct {
	micro, microNarrow microKernel[T]
	// row, when present, runs micro over several full tiles side by side
	// in one call (rowKernel).
	row rowKernel[T]
	// edge and edgeNarrow, when present, compute partial tiles directly in
	// C (masked stores) instead of through a copied local tile.
	edge, edgeNarrow edgeKernel[T]
	// narrowColumn, when present, runs edgeNarrow on several full-height
	// tiles down a column in one call (edgeColumnKernel).
	narrowColumn edgeColumnKernel[T]
	// shortEdges, ascending by rows, hold edge kernels for tiles of fewer
	// rows: a partial tile uses the first entry with rows at least its own.
	shortEdges []shortEdge[T]
	// dots, when present, compute the last few columns of a product whose
	// A is read in place by rows and whose B is not packed, with k in the
	// vector lanes (dotKernel): dots[rows/4-1][groups-1] takes 4 or 8 rows
	// and groups·dotGroup columns; a nil entry ends the groups offered.
	dots [2][2]dotKernel[T]
}

// packedWidth is the width packB gives the panel of a block's last cols
// columns (cols ≤ nr): narrow if they fit, else full.
func (s *kernelSpec[T]) packedWidth(cols int) int {
	if cols <= s.narrow {
		return s.narrow
	}
	return s.nr
}

// dotPacker writes dst[(p/4)*4*cols + 4*j + p%4] = b[p*ldb+j] for p < kb
// and the columns j < cols = groups·dotGroup whose bit is set in mask, and
// zero for the other columns and for p from kb up to a multiple of 4.
type dotPacker[T Float] func(dst, b []T, ldb, kb int, mask uint64)

// dotGroups is how many groups of columns the dot kernels offer.
func (s *kernelSpec[T]) dotGroups() int {
	n := 0
	for n < len(s.dots[0]) && s.dots[0][n] != nil {
		n++
	}
	return n
}

// dotKernel computes the last columns of a tile of rows rows (fixed per
// kernel) and cols = groups·dotGroup columns (only those whose bit is set
// in mask):
//
//	c[i*ldc+j] += alpha * Σ_{p<k} a[i*lda+p] * b[(p/4)*4*cols+4*j+p%4]
//
// with b packed by a dotPacker. Four steps of k share a vector, so each
// multiply-add fills every lane however few the columns; the sum over p is
// split by p mod 4 and the four parts added at the end (see
// sgemmDot8x8AVX512 for the order).
type dotKernel[T Float] func(k int, alpha T, a []T, lda int, b []T, c []T, ldc int, mask uint64)

// shortEdge is a pair of edge kernels (full and narrow width) for tiles of
// at most rows rows.
type shortEdge[T Float] struct {
	rows             int
	edge, edgeNarrow edgeKernel[T]
}

// edgeKernel is microKernel for a partial tile: only rows 0…rows-1 of C are
// touched, and in each only the columns j whose bit j of mask is set; B is
// read in those columns only, so it may be read in place at the right edge.
type edgeKernel[T Float] func(k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int, rows int, mask uint64)

// implementation is one complete set of kernels, for both element types:
// the GEMM's kernelSpecs and the vector routines (vecKernels, vector.go).
type implementation struct {
	name string
	s    kernelSpec[float32]
	d    kernelSpec[float64]
	vs   vecKernels[float32]
	vd   vecKernels[float64]
	// bandFlops, when set, replaces minBandFlops: the least work worth a
	// band of its own scales with the path's speed.
	bandFlops int
}

// implementations lists the paths usable on this CPU, fastest first; the
// pure-Go path is always last. Filled at init.
var implementations []*implementation

// active is the dispatch table of the package-level functions and of the
// zero Kernel: process-wide, set once at init and never changed afterwards.
var active *implementation

// pureGoEnv names the environment variable that forces the pure-Go path.
const pureGoEnv = "ZEROKARA_PUREGO"

func init() {
	implementations = append(archImplementations(), pureGo)
	active = implementations[0]
	if v := os.Getenv(pureGoEnv); v != "" && v != "0" {
		active = pureGo
	}
}

// Implementation names the active GEMM path: "avx512" (AVX-512F
// assembly), "avx2fma" (AVX2 and FMA assembly), "neon" (arm64 NEON
// assembly) or "purego".
func Implementation() string { return active.name }

// specOf returns impl's kernel spec for element type T.
func specOf[T Float](impl *implementation) *kernelSpec[T] {
	return forType[T, *kernelSpec[T]](&impl.s, &impl.d)
}

// forType returns f32 if T is float32 and f64 otherwise, as an R: the
// float32 or float64 half of an implementation.
func forType[T Float, R any](f32, f64 any) R {
	var zero T
	if _, ok := any(zero).(float32); ok {
		return f32.(R)
	}
	return f64.(R)
}

// shortEdgeFor returns the short edge kernels for a partial tile of rows
// rows (the first with at least that many), or nil when there are none.
func (t *tileKernels[T]) shortEdgeFor(rows, mr int) *shortEdge[T] {
	if t.edge == nil || rows >= mr {
		return nil
	}
	for i := range t.shortEdges {
		if rows <= t.shortEdges[i].rows {
			return &t.shortEdges[i]
		}
	}
	return nil
}

// readsRowsInPlace reports whether the last rows rows of A can be read in
// place: a short edge kernel of exactly that many rows reads only those.
func (s *kernelSpec[T]) readsRowsInPlace(rows int) bool {
	short := s.shortEdgeFor(rows, s.mr)
	return short != nil && short.rows == rows
}
