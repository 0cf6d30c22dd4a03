//go:build !purego

package kernel

import "github.com/klauspost/cpuid/v2"

// avx512 is the implementation built on the AVX-512F micro-kernels of
// micro_amd64.s: 12×32 (float32) and 12×16 (float64) tiles keep 24 of the
// 32 ZMM registers accumulating. Block sizes were chosen with
// BenchmarkBlockSizes on the same machine as avx2FMA's (Zen 5, see there).
var avx512 = &implementation{
	name: "avx512",
	s: kernelSpec[float32]{mr: 12, nr: 32, kc: 256, mc: 144, nc: 4096, nc2: 256, narrow: 16,
		tileKernels: tileKernels[float32]{micro: sgemmKernel12x32AVX512, microNarrow: sgemmKernel12x16AVX512, row: sgemmRow12x32AVX512,
			edge: sgemmEdge12x32AVX512, edgeNarrow: sgemmEdge12x16AVX512, narrowColumn: sgemmEdgeColumn12x16AVX512,
			shortEdges: []shortEdge[float32]{{4, sgemmEdge4x32AVX512, sgemmEdge4x16AVX512}, {8, sgemmEdge8x32AVX512, sgemmEdge8x16AVX512}},
			dots: [2][2]dotKernel[float32]{
				{sgemmDot4x4AVX512, sgemmDot4x8AVX512},
				{sgemmDot8x4AVX512, sgemmDot8x8AVX512}}},
		overwrite: &tileKernels[float32]{micro: sgemmKernel12x32Beta0AVX512, microNarrow: sgemmKernel12x16Beta0AVX512, row: sgemmRow12x32Beta0AVX512,
			edge: sgemmEdge12x32Beta0AVX512, edgeNarrow: sgemmEdge12x16Beta0AVX512, narrowColumn: sgemmEdgeColumn12x16Beta0AVX512,
			shortEdges: []shortEdge[float32]{{4, sgemmEdge4x32Beta0AVX512, sgemmEdge4x16Beta0AVX512}, {8, sgemmEdge8x32Beta0AVX512, sgemmEdge8x16Beta0AVX512}},
			dots: [2][2]dotKernel[float32]{
				{sgemmDot4x4Beta0AVX512, sgemmDot4x8Beta0AVX512},
				{sgemmDot8x4Beta0AVX512, sgemmDot8x8Beta0AVX512}}},
		packTrans: packBT32AVX512, packRows: spackA12AVX512,
		dotGroup: 4, packDots: [2]dotPacker[float32]{spackDot4AVX512, spackDot8AVX512}},
	d: kernelSpec[float64]{mr: 12, nr: 16, kc: 256, mc: 72, nc: 4096, nc2: 128, narrow: 8,
		tileKernels: tileKernels[float64]{micro: dgemmKernel12x16AVX512, microNarrow: dgemmKernel12x8AVX512, row: dgemmRow12x16AVX512,
			edge: dgemmEdge12x16AVX512, edgeNarrow: dgemmEdge12x8AVX512, narrowColumn: dgemmEdgeColumn12x8AVX512,
			shortEdges: []shortEdge[float64]{{4, dgemmEdge4x16AVX512, dgemmEdge4x8AVX512}, {8, dgemmEdge8x16AVX512, dgemmEdge8x8AVX512}},
			dots:       [2][2]dotKernel[float64]{{dgemmDot4x2AVX512}, {dgemmDot8x2AVX512}}},
		overwrite: &tileKernels[float64]{micro: dgemmKernel12x16Beta0AVX512, microNarrow: dgemmKernel12x8Beta0AVX512, row: dgemmRow12x16Beta0AVX512,
			edge: dgemmEdge12x16Beta0AVX512, edgeNarrow: dgemmEdge12x8Beta0AVX512, narrowColumn: dgemmEdgeColumn12x8Beta0AVX512,
			shortEdges: []shortEdge[float64]{{4, dgemmEdge4x16Beta0AVX512, dgemmEdge4x8Beta0AVX512}, {8, dgemmEdge8x16Beta0AVX512, dgemmEdge8x8Beta0AVX512}},
			dots:       [2][2]dotKernel[float64]{{dgemmDot4x2Beta0AVX512}, {dgemmDot8x2Beta0AVX512}}},
		packTrans: packBT16AVX512, packRows: dpackA12AVX512,
		dotGroup: 2, packDots: [2]dotPacker[float64]{dpackDot2AVX512}},
	vs: avx512Vec32,
	vd: avx512Vec64,
}

// cpuSupportsAVX512 reports whether the CPU and OS support AVX-512F (cpuid
// checks that the OS saves the ZMM and opmask state).
func cpuSupportsAVX512() bool { return cpuid.CPU.Supports(cpuid.AVX512F) }

// sgemmKernel12x32AVX512 computes, for i < 12 and j < 32,
//
//	c[i*ldc+j] += alpha * Σ_{p<k} a[i*rsA+p*csA] * b[p*rsB+j]
//
// with the same summation order and guarantees as sgemmKernel6x16AVX2.
//
//go:noescape
func sgemmKernel12x32AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// sgemmKernel12x16AVX512 is sgemmKernel12x32AVX512 for a 12×16 tile.
//
//go:noescape
func sgemmKernel12x16AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// dgemmKernel12x16AVX512 is the float64 form of sgemmKernel12x32AVX512, a
// 12×16 tile.
//
//go:noescape
func dgemmKernel12x16AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// sgemmRow12x32AVX512 runs sgemmKernel12x32AVX512 on tiles tiles side by
// side (rowKernel): tile t reads b[t*bNext:] and writes c[t*32:].
//
//go:noescape
func sgemmRow12x32AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, tiles, bNext int)

// dgemmRow12x16AVX512 runs dgemmKernel12x16AVX512 on tiles tiles side by
// side (rowKernel): tile t reads b[t*bNext:] and writes c[t*16:].
//
//go:noescape
func dgemmRow12x16AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, tiles, bNext int)

// dgemmKernel12x8AVX512 is dgemmKernel12x16AVX512 for a 12×8 tile.
//
//go:noescape
func dgemmKernel12x8AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// sgemmEdge12x32AVX512 is sgemmKernel12x32AVX512 for a partial tile: it
// computes the same sums but reads and writes only c[i*ldc+j] for i < rows
// and j with bit j of mask set, and reads only those columns j of b
// (opmask loads and stores, which never touch masked-out memory), so b may
// be B in place at the matrix's right edge. The caller guarantees
// 1 ≤ rows ≤ 12 and that a holds all 12 rows (a zero-padded panel if the
// matrix has fewer).
//
//go:noescape
func sgemmEdge12x32AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdgeColumn12x16AVX512 runs sgemmEdge12x16AVX512 on tiles full
// 12-row tiles down a column (edgeColumnKernel): tile t reads
// a[t*aNext:] and writes c[t*12*ldc:].
//
//go:noescape
func sgemmEdgeColumn12x16AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, mask uint64, tiles, aNext int)

// sgemmEdge12x16AVX512 is sgemmEdge12x32AVX512 for a 12×16 tile.
//
//go:noescape
func sgemmEdge12x16AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge12x16AVX512 is the float64 form of sgemmEdge12x32AVX512, a 12×16
// tile.
//
//go:noescape
func dgemmEdge12x16AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdgeColumn12x8AVX512 runs dgemmEdge12x8AVX512 on tiles full 12-row
// tiles down a column (edgeColumnKernel): tile t reads a[t*aNext:] and
// writes c[t*12*ldc:].
//
//go:noescape
func dgemmEdgeColumn12x8AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, mask uint64, tiles, aNext int)

// dgemmEdge12x8AVX512 is dgemmEdge12x16AVX512 for a 12×8 tile.
//
//go:noescape
func dgemmEdge12x8AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmEdge4x32AVX512 is sgemmEdge12x32AVX512 for a tile of at most 4
// rows: it reads rows 0…3 of the A panel only.
//
//go:noescape
func sgemmEdge4x32AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdge4x16AVX512 is sgemmEdge4x32AVX512 for a 4×16 tile.
//
//go:noescape
func sgemmEdge4x16AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge4x16AVX512 is dgemmEdge12x16AVX512 for a tile of at most 4
// rows.
//
//go:noescape
func dgemmEdge4x16AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdge4x8AVX512 is dgemmEdge4x16AVX512 for a 4×8 tile.
//
//go:noescape
func dgemmEdge4x8AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmEdge8x32AVX512 is sgemmEdge12x32AVX512 for a tile of at most 8
// rows: it reads rows 0…7 of the A panel only.
//
//go:noescape
func sgemmEdge8x32AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdge8x16AVX512 is sgemmEdge8x32AVX512 for a 8×16 tile.
//
//go:noescape
func sgemmEdge8x16AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge8x16AVX512 is dgemmEdge12x16AVX512 for a tile of at most 8
// rows.
//
//go:noescape
func dgemmEdge8x16AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdge8x8AVX512 is dgemmEdge8x16AVX512 for a 8×8 tile.
//
//go:noescape
func dgemmEdge8x8AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmDot8x8AVX512 computes, for i < 8 and the columns j < 8 whose bit j
// of mask is set,
//
//	c[i*ldc+j] += alpha * Σ_{p<k} a[i*lda+p] * b[(p/4)*32+4*j+p%4]
//
// where b is the last columns of B packed by packDot. Vector lane 4j+q of
// an accumulator (four columns per register for float32, two for float64)
// sums the products with p ≡ q (mod 4) in order of p; the four partial sums
// are then added pairwise — float32 as (q0+q2) + (q1+q3), float64 as
// (q0+q1) + (q2+q3) — and C = fma(alpha, sum, C). The caller guarantees
// that a holds 8 rows lda ≥ k apart with k elements each, b ⌈k/4⌉·32
// elements (those for p ≥ k are not used), and c the masked columns of 8
// rows; only those are read or written (opmask loads and stores).
//
//go:noescape
func sgemmDot8x8AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot8x4AVX512 is sgemmDot8x8AVX512 for 4 columns (b in blocks of 16).
//
//go:noescape
func sgemmDot8x4AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot4x8AVX512 is sgemmDot8x8AVX512 for 4 rows.
//
//go:noescape
func sgemmDot4x8AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot4x4AVX512 is sgemmDot8x4AVX512 for 4 rows.
//
//go:noescape
func sgemmDot4x4AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// dgemmDot8x2AVX512 is the float64 form of sgemmDot8x4AVX512: 2 columns,
// b in blocks of 8, two columns per register.
//
//go:noescape
func dgemmDot8x2AVX512(k int, alpha float64, a []float64, lda int, b []float64, c []float64, ldc int, mask uint64)

// dgemmDot4x2AVX512 is dgemmDot8x2AVX512 for 4 rows.
//
//go:noescape
func dgemmDot4x2AVX512(k int, alpha float64, a []float64, lda int, b []float64, c []float64, ldc int, mask uint64)

// spackDot8AVX512 writes dst[(p/4)*32 + 4*j + p%4] = b[p*ldb+j] for
// p < kb and the columns j < 8 whose bit is set in mask, and zero for the
// other columns and for p from kb up to a multiple of 4: the layout of
// sgemmDot8x8AVX512's b. Each row is read through an opmask (its masked
// columns only). The caller guarantees that b holds kb rows ldb apart up to
// the last masked column, and dst ⌈kb/4⌉·32 elements.
//
//go:noescape
func spackDot8AVX512(dst []float32, b []float32, ldb int, kb int, mask uint64)

// spackDot4AVX512 is spackDot8AVX512 for 4 columns (dst in blocks of 16).
//
//go:noescape
func spackDot4AVX512(dst []float32, b []float32, ldb int, kb int, mask uint64)

// dpackDot2AVX512 is spackDot4AVX512 for float64 and 2 columns (dst in
// blocks of 8).
//
//go:noescape
func dpackDot2AVX512(dst []float64, b []float64, ldb int, kb int, mask uint64)

// packBT32AVX512 writes dst[p*32+i] = src[i*ld+p] for i < 32 and
// p < 16*blocks: the rows of a full 32-wide panel of a transposed float32 B,
// as sixteen-by-sixteen register transposes. The caller guarantees that src
// holds 32 rows ld apart with at least 16*blocks elements each, and dst
// 16*blocks rows of 32.
//
//go:noescape
func packBT32AVX512(dst []float32, src []float32, ld int, blocks int)

// packBT16AVX512 is packBT32AVX512 for float64: dst[p*16+i] = src[i*ld+p]
// for i < 16 and p < 8*blocks.
//
//go:noescape
func packBT16AVX512(dst []float64, src []float64, ld int, blocks int)

// spackA12AVX512 writes dst[p*12+i] = src[i*ld+p] for i < 12 and
// p < 16*blocks: a full 12-row panel of A, packed by register transposes
// (the last four lanes of each 16×16 block are zero registers, never
// stored). The caller guarantees that src holds 12 rows ld apart with at
// least 16*blocks elements each, and dst 16*blocks rows of 12.
//
//go:noescape
func spackA12AVX512(dst []float32, src []float32, ld int, blocks int)

// dpackA12AVX512 is spackA12AVX512 for float64, 8*blocks columns of A.
//
//go:noescape
func dpackA12AVX512(dst []float64, src []float64, ld int, blocks int)

// peakFMA32AVX512 runs n iterations of 12 independent 512-bit float32 FMAs
// (384 flops per iteration) and touches no memory.
//
//go:noescape
func peakFMA32AVX512(n int)

// peakFMA64AVX512 runs n iterations of 12 independent 512-bit float64 FMAs
// (192 flops per iteration) and touches no memory.
//
//go:noescape
func peakFMA64AVX512(n int)
