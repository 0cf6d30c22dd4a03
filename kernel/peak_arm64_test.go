//go:build !purego

package kernel

import "testing"

// BenchmarkPeak measures the CPU's FMA throughput on one core with the
// NEON loops of micro_arm64.s (24 independent 128-bit FMLA chains, no
// memory traffic). GEMM figures are quoted as a fraction of it.
func BenchmarkPeak(b *testing.B) {
	const iters = 1 << 16
	for i, name := range []string{"float32", "float64"} {
		loop := peakLoops("neon")[i]
		b.Run("impl=neon/"+name, func(b *testing.B) {
			for b.Loop() {
				loop.run(iters)
			}
			b.ReportMetric(loop.flops*iters*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
