package experiment

import (
	"fmt"
	"math"
	"math/bits"
)

// The memory estimates below are upper bounds in bytes, computed with
// saturating arithmetic: a product that would overflow is MaxInt64, which
// any budget refuses, so no overflowed size ever reaches an allocation.

// mul multiplies non-negative sizes, saturating at math.MaxInt64.
func mul(xs ...int) int64 {
	p := uint64(1)
	for _, x := range xs {
		if x < 0 {
			return math.MaxInt64
		}
		hi, lo := bits.Mul64(p, uint64(x))
		if hi != 0 || lo > math.MaxInt64 {
			return math.MaxInt64
		}
		p = lo
	}
	return int64(p)
}

// add sums non-negative sizes, saturating at math.MaxInt64.
func add(xs ...int64) int64 {
	var s int64
	for _, x := range xs {
		if x < 0 || s > math.MaxInt64-x {
			return math.MaxInt64
		}
		s += x
	}
	return s
}

// mulInt is mul as an int for counts that a check has bounded (a run's
// total work): it saturates at math.MaxInt.
func mulInt(xs ...int) int {
	return int(min(mul(xs...), int64(math.MaxInt)))
}

// elemBytes is the size of one element of dtype d.
func elemBytes(d DType) int {
	if d == Float64 {
		return 8
	}
	return 4
}

// networkBytes estimates one training network of inputs-hidden…-10 on
// batches of batch rows: parameters with gradients and two optimizer
// buffers (4 copies), and per layer about six batch-sized buffers
// (forward, backward, activation masks, BN statistics).
func networkBytes(d DType, inputs int, hidden []int, batch int) int64 {
	sizes := append(append([]int{inputs}, hidden...), 10)
	var params, widths int64
	for i := 1; i < len(sizes); i++ {
		params = add(params, mul(sizes[i-1]+1, sizes[i]))
		widths = add(widths, int64(sizes[i]))
	}
	perRow := add(widths, int64(inputs))
	return add(mul(int(min(params, math.MaxInt32)), 4, elemBytes(d)), mul(batch, int(min(perRow, math.MaxInt32)), 6, elemBytes(d)))
}

// mnistPixels is the size of one MNIST image.
const mnistPixels = 28 * 28

// datasetBytes estimates a split of n images as a run holds it: the bytes
// as loaded, and a float copy when the whole split is scored at once.
func datasetBytes(d DType, n int, scored bool) int64 {
	b := mul(n, mnistPixels)
	if scored {
		b = add(b, mul(n, mnistPixels, elemBytes(d)))
	}
	return b
}

// formatBytes writes a size in MiB or GiB.
func formatBytes(b int64) string {
	if b == math.MaxInt64 {
		return "more than 8 EiB"
	}
	if b >= 1<<30 {
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", math.Ceil(float64(b)/(1<<20)))
}
