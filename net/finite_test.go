package net

import (
	"math"
	"testing"
)

// TestAllFinite puts each non-finite value at every position of slices
// around the unroll factor, float32 and float64.
func TestAllFinite(t *testing.T) {
	special := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	for n := range 11 {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(i) - 3.5 + math.MaxFloat32 // large but finite in both types
		}
		if !allFinite(xs) || !allFinite(toFloat32(xs)) {
			t.Errorf("n=%d: finite values reported non-finite", n)
		}
		for i := range n {
			for _, v := range special {
				ys := append([]float64(nil), xs...)
				ys[i] = v
				if allFinite(ys) {
					t.Errorf("float64 n=%d: %v at %d not found", n, v, i)
				}
				if allFinite(toFloat32(ys)) {
					t.Errorf("float32 n=%d: %v at %d not found", n, v, i)
				}
			}
		}
	}
	if !allFinite([]float64{math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, math.Copysign(0, -1)}) {
		t.Error("extreme finite float64 values reported non-finite")
	}
}

func toFloat32(xs []float64) []float32 {
	out := make([]float32, len(xs))
	for i, x := range xs {
		out[i] = float32(x)
	}
	return out
}
