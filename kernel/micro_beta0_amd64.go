//go:build !purego

package kernel

// The overwrite ("Beta0") forms of the tile kernels: each computes what its
// accumulating form adds to C, alpha·A·B, and stores it in C without
// reading C, rounding as fma(alpha, sum, 0) so that the result is the
// accumulating form's on a cleared C, signed zeros included. A product
// with beta = 0 runs them on its first block of k (tileKernels), so C is
// neither cleared first nor loaded.

// sgemmKernel6x16Beta0AVX2 is sgemmKernel6x16AVX2 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmKernel6x16Beta0AVX2(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// sgemmKernel6x8Beta0AVX2 is sgemmKernel6x8AVX2 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmKernel6x8Beta0AVX2(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// dgemmKernel6x8Beta0AVX2 is dgemmKernel6x8AVX2 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmKernel6x8Beta0AVX2(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// dgemmKernel6x4Beta0AVX2 is dgemmKernel6x4AVX2 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmKernel6x4Beta0AVX2(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// sgemmKernel12x32Beta0AVX512 is sgemmKernel12x32AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmKernel12x32Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// sgemmKernel12x16Beta0AVX512 is sgemmKernel12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmKernel12x16Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// dgemmKernel12x16Beta0AVX512 is dgemmKernel12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmKernel12x16Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// dgemmKernel12x8Beta0AVX512 is dgemmKernel12x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmKernel12x8Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// sgemmEdge12x32Beta0AVX512 is sgemmEdge12x32AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge12x32Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdge12x16Beta0AVX512 is sgemmEdge12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge12x16Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge12x16Beta0AVX512 is dgemmEdge12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge12x16Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdge12x8Beta0AVX512 is dgemmEdge12x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge12x8Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmEdge4x32Beta0AVX512 is sgemmEdge4x32AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge4x32Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdge4x16Beta0AVX512 is sgemmEdge4x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge4x16Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge4x16Beta0AVX512 is dgemmEdge4x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge4x16Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdge4x8Beta0AVX512 is dgemmEdge4x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge4x8Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmEdge8x32Beta0AVX512 is sgemmEdge8x32AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge8x32Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// sgemmEdge8x16Beta0AVX512 is sgemmEdge8x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdge8x16Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, rows int, mask uint64)

// dgemmEdge8x16Beta0AVX512 is dgemmEdge8x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge8x16Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// dgemmEdge8x8Beta0AVX512 is dgemmEdge8x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdge8x8Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, rows int, mask uint64)

// sgemmDot4x4Beta0AVX512 is sgemmDot4x4AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmDot4x4Beta0AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot4x8Beta0AVX512 is sgemmDot4x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmDot4x8Beta0AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot8x4Beta0AVX512 is sgemmDot8x4AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmDot8x4Beta0AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// sgemmDot8x8Beta0AVX512 is sgemmDot8x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmDot8x8Beta0AVX512(k int, alpha float32, a []float32, lda int, b []float32, c []float32, ldc int, mask uint64)

// dgemmDot4x2Beta0AVX512 is dgemmDot4x2AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmDot4x2Beta0AVX512(k int, alpha float64, a []float64, lda int, b []float64, c []float64, ldc int, mask uint64)

// dgemmDot8x2Beta0AVX512 is dgemmDot8x2AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmDot8x2Beta0AVX512(k int, alpha float64, a []float64, lda int, b []float64, c []float64, ldc int, mask uint64)

// sgemmRow12x32Beta0AVX512 is sgemmRow12x32AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmRow12x32Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, tiles, bNext int)

// dgemmRow12x16Beta0AVX512 is dgemmRow12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmRow12x16Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, tiles, bNext int)

// sgemmEdgeColumn12x16Beta0AVX512 is sgemmEdgeColumn12x16AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func sgemmEdgeColumn12x16Beta0AVX512(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int, mask uint64, tiles, aNext int)

// dgemmEdgeColumn12x8Beta0AVX512 is dgemmEdgeColumn12x8AVX512 storing C = alpha·A·B (C is not read).
//
//go:noescape
func dgemmEdgeColumn12x8Beta0AVX512(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int, mask uint64, tiles, aNext int)
