package main

import (
	"fmt"

	"zerokara/kernel"
)

// shape is one product C (m×n) = op(A) · op(B) with inner dimension k, as
// the network and the benchmarks call it, row-major with tight leading
// dimensions.
type shape struct {
	name    string // what calls it: "x·W", "square", "gomlx Large-1", …
	tA, tB  kernel.Transpose
	m, n, k int
}

// String returns the label the table prints and -shapes matches, e.g.
// "100×10×100 x·W" or "784×100×100 xᵀ·dY (Aᵀ·B)".
func (s shape) String() string {
	t := func(x kernel.Transpose) string {
		if x == kernel.Trans {
			return "ᵀ"
		}
		return ""
	}
	label := fmt.Sprintf("%d×%d×%d", s.m, s.n, s.k)
	if s.name != "" {
		label += " " + s.name
	}
	if s.tA == kernel.Trans || s.tB == kernel.Trans {
		label += fmt.Sprintf(" (A%s·B%s)", t(s.tA), t(s.tB))
	}
	return label
}

// flops returns the floating-point operations of one product, 2·m·n·k.
func (s shape) flops() float64 { return 2 * float64(s.m) * float64(s.n) * float64(s.k) }

// lda returns A's leading dimension: A is stored m×k, or k×m when
// transposed, without padding.
func (s shape) lda() int {
	if s.tA == kernel.Trans {
		return s.m
	}
	return s.k
}

// ldb returns B's leading dimension: B is stored k×n, or n×k when
// transposed, without padding.
func (s shape) ldb() int {
	if s.tB == kernel.Trans {
		return s.k
	}
	return s.n
}

// largeSquare reports whether s is one of the big squares (1024³, 2048³)
// whose single-thread rotation may also time MeasurePeak (-peak).
func (s shape) largeSquare() bool {
	return s.m == s.n && s.n == s.k && s.m >= 1024 && s.tA == kernel.NoTrans && s.tB == kernel.NoTrans
}

// allShapes are the products the harness times: the MNIST network's forward
// products (batch × 784 input, 100 hidden, 10 outputs), its two backward
// products with a transposed operand, squares, and the largest products of
// gomlx/compute's own DotGeneral benchmark ("NoBatch-Large-1",
// [1536,1920]·[1920,1024], and "NoBatch-Large-3", 2048³, which is the 2048
// square here).
var allShapes = []shape{
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 100, 784},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 128, 100, 784},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 100, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 128, 100, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 10, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 1000, 100, 784},
	{"xᵀ·dY", kernel.Trans, kernel.NoTrans, 784, 100, 100},
	{"dY·Wᵀ", kernel.NoTrans, kernel.Trans, 100, 784, 100},
	{"square", kernel.NoTrans, kernel.NoTrans, 64, 64, 64},
	{"square", kernel.NoTrans, kernel.NoTrans, 1024, 1024, 1024},
	{"gomlx Large-1", kernel.NoTrans, kernel.NoTrans, 1536, 1024, 1920},
	{"square", kernel.NoTrans, kernel.NoTrans, 2048, 2048, 2048},
}
