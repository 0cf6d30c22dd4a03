package kernel

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"
)

// BenchmarkSquaresVsPeak measures how close one worker's product of a large
// square (1024³, 2048³) comes to one core's FMA peak, each SIMD path, both
// element types. Each round times one product, then runs the path's peak
// loop (the loop MeasurePeak runs: 12 independent FMA chains, no memory)
// for as long as the product took, on the same locked OS thread, and
// divides the two rates: the ratio of that round. A shared machine's
// speed drifts over seconds, so the ratio of rates measured side by side
// is steadier than either rate. It reports the median, lowest and highest
// ratio over the rounds (b.N of them) and both median rates. MeasurePeak
// itself reports the best of five slices, which a drift can only raise; a
// median ratio of neighbours cannot move because the denominator did.
func BenchmarkSquaresVsPeak(b *testing.B) {
	for _, kn := range kernels(b) {
		loops := peakLoops(kn.Name())
		if loops[0].run == nil {
			continue
		}
		for _, n := range []int{1024, 2048} {
			squaresVsPeak[float32](b, kn, loops[0], n)
			squaresVsPeak[float64](b, kn, loops[1], n)
		}
	}
}

func squaresVsPeak[T Float](b *testing.B, kn Kernel, peak peakLoop, n int) {
	var zero T
	b.Run(fmt.Sprintf("impl=%s/%T/n=%d", kn.Name(), zero, n), func(b *testing.B) {
		a, lda, bb, ldb, c := benchOperands[T](benchShape{"", NoTrans, NoTrans, n, n, n})
		serial := kn.WithWorkers(Serial)
		flops := 2 * float64(n) * float64(n) * float64(n)
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		gemm(serial, NoTrans, NoTrans, n, n, n, 1, a, lda, bb, ldb, 0, c, n) // first touches
		peak.run(1 << 12)                                                    // wake the vector units
		var ratios, gemmRates, peakRates []float64
		for b.Loop() {
			t0 := time.Now()
			gemm(serial, NoTrans, NoTrans, n, n, n, 1, a, lda, bb, ldb, 0, c, n)
			took := time.Since(t0)
			iters := max(1, int(flops/peak.flops)) // the product's flops, about
			t1 := time.Now()
			peak.run(iters)
			peakRate := peak.flops * float64(iters) / time.Since(t1).Seconds() / 1e9
			gemmRate := flops / took.Seconds() / 1e9
			ratios = append(ratios, gemmRate/peakRate)
			gemmRates = append(gemmRates, gemmRate)
			peakRates = append(peakRates, peakRate)
		}
		b.ReportMetric(median(ratios), "median-ratio")
		b.ReportMetric(slices.Min(ratios), "min-ratio")
		b.ReportMetric(slices.Max(ratios), "max-ratio")
		b.ReportMetric(median(gemmRates), "gemm-GFLOP/s")
		b.ReportMetric(median(peakRates), "peak-GFLOP/s")
	})
}

// median returns the middle value of xs (the mean of the two middle ones
// for an even count), leaving xs unchanged.
func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
