//go:build !purego

package kernel

import "testing"

// BenchmarkPeak measures the CPU's FMA throughput on one core with the
// assembly loops of micro_amd64.s (12 independent FMA chains of 256 or 512
// bits, no memory traffic). GEMM figures are quoted as a fraction of it.
func BenchmarkPeak(b *testing.B) {
	const iters = 1 << 16
	for _, p := range []struct {
		impl  string
		ok    bool
		name  string
		run   func(int)
		flops float64
	}{
		{"avx512", cpuSupportsAVX512(), "float32", peakFMA32AVX512, 12 * 16 * 2},
		{"avx512", cpuSupportsAVX512(), "float64", peakFMA64AVX512, 12 * 8 * 2},
		{"avx2fma", cpuSupportsAVX2FMA(), "float32", peakFMA32AVX2, 12 * 8 * 2},
		{"avx2fma", cpuSupportsAVX2FMA(), "float64", peakFMA64AVX2, 12 * 4 * 2},
	} {
		if !p.ok {
			continue
		}
		b.Run("impl="+p.impl+"/"+p.name, func(b *testing.B) {
			for b.Loop() {
				p.run(iters)
			}
			b.ReportMetric(p.flops*iters*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
