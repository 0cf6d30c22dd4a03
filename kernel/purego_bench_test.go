package kernel

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// BenchmarkPureGoVsGonum alternates the pure-Go path and gonum's Sgemm/
// Dgemm call by call on every shape of BenchmarkSgemm, and reports both
// rates and their ratio from the summed times. On a shared VM whose speed
// drifts over seconds, two benchmarks run one after the other compare two
// different machines; alternating each call compares the same one. gonum
// uses its own goroutines: run with -test.cpu 1 for one thread each, and
// with the machine's core count for all workers (then the pure-Go path
// runs on Auto workers).
func BenchmarkPureGoVsGonum(b *testing.B) {
	for _, s := range append(append([]benchShape(nil), squareShapes...), networkShapes...) {
		pureGoVsGonum[float32](b, s)
		pureGoVsGonum[float64](b, s)
	}
}

func pureGoVsGonum[T Float](b *testing.B, s benchShape) {
	var zero T
	workers, label := Serial, "workers=1"
	if runtime.GOMAXPROCS(0) > 1 {
		workers, label = Auto, "workers=auto"
	}
	b.Run(fmt.Sprintf("%T/%s/%v", zero, label, s), func(b *testing.B) {
		if s.m*s.n*s.k > 512*512*512 && testing.Short() {
			b.Skip("gonum is slow at this size")
		}
		a, lda, bb, ldb, c := benchOperands[T](s)
		pure := Kernel{path: pureGo, workers: workers}
		gemm(pure, s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bb, ldb, 0, c, s.n)
		var tPure, tGonum time.Duration
		for b.Loop() {
			t0 := time.Now()
			gemm(pure, s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bb, ldb, 0, c, s.n)
			t1 := time.Now()
			gonumGemm(s.tA, s.tB, s.m, s.n, s.k, a, lda, bb, ldb, c, s.n)
			tPure += t1.Sub(t0)
			tGonum += time.Since(t1)
		}
		flops := 2 * float64(s.m) * float64(s.n) * float64(s.k) * float64(b.N)
		b.ReportMetric(flops/tPure.Seconds()/1e9, "purego-GFLOP/s")
		b.ReportMetric(flops/tGonum.Seconds()/1e9, "gonum-GFLOP/s")
		b.ReportMetric(tGonum.Seconds()/tPure.Seconds(), "speedup")
	})
}
