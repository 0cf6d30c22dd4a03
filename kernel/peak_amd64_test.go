//go:build !purego

package kernel

import "testing"

// BenchmarkPeak measures the CPU's FMA throughput on one core with the
// assembly loops of micro_amd64.s (12 independent 256-bit FMA chains, no
// memory traffic). GEMM figures are quoted as a fraction of it.
func BenchmarkPeak(b *testing.B) {
	if !cpuSupportsAVX2FMA() {
		b.Skip("no AVX2+FMA")
	}
	const iters = 1 << 16
	for _, p := range []struct {
		name  string
		run   func(int)
		flops float64
	}{
		{"float32", peakFMA32AVX2, 12 * 8 * 2},
		{"float64", peakFMA64AVX2, 12 * 4 * 2},
	} {
		b.Run("impl=avx2fma/"+p.name, func(b *testing.B) {
			for b.Loop() {
				p.run(iters)
			}
			b.ReportMetric(p.flops*iters*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
