//go:build !purego

package kernel

import (
	"testing"
	"time"
)

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

// BenchmarkScalarFlopsPerCycle estimates how many flops per cycle the
// pure-Go micro-kernel issues, without a cycle counter (VMs often have
// none): it alternates that kernel on L1-resident operands with the AVX2
// FMA loop, whose rate is 16 flops per cycle on a core with two 256-bit
// FMA units (Intel from Haswell on, AMD from Zen 2 on), and divides.
// Without FMA on the default amd64 build every scalar flop is one MULSD or
// ADDSD uop, so the result is also the loop's FP uops per cycle. On a
// shared host both loops slow down with the neighbours' load, so the
// estimate moves with it: compare runs from the same minutes.
func BenchmarkScalarFlopsPerCycle(b *testing.B) {
	if !cpuSupportsAVX2FMA() {
		b.Skip("no AVX2 and FMA on this CPU")
	}
	const iters = 1 << 12
	fmaFlops := float64(12 * 4 * 2 * iters)
	scalar := newScalarCeiling[float64](fmaFlops / 8)
	scalarFlops := scalar.flops
	var tFMA, tScalar time.Duration
	for b.Loop() {
		t0 := time.Now()
		peakFMA64AVX2(iters)
		t1 := time.Now()
		scalar.run()
		tFMA += t1.Sub(t0)
		tScalar += time.Since(t1)
	}
	n := float64(b.N)
	cyclesPerSecond := fmaFlops * n / tFMA.Seconds() / 16
	b.ReportMetric(cyclesPerSecond/1e9, "GHz")
	b.ReportMetric(scalarFlops*n/tScalar.Seconds()/1e9, "scalar-GFLOP/s")
	b.ReportMetric(scalarFlops*n/tScalar.Seconds()/cyclesPerSecond, "scalar-flops/cycle")
}
