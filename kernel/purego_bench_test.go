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
//
// On one thread it also times, in the same rotation, the pure-Go
// micro-kernel on operands that stay in L1 for the same number of flops:
// the scalar ceiling, what scalar MULSD+ADDSD code reaches on this core at
// that moment with no packing, no edges and no cache misses. Where gonum's
// SSE2 comes close to it (gonum÷ceiling near 1), no product built on
// that loop can match gonum, whatever its blocking.
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
		flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
		ceiling := newScalarCeiling[T](flops)
		var tPure, tGonum, tCeiling time.Duration
		for b.Loop() {
			t0 := time.Now()
			gemm(pure, s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bb, ldb, 0, c, s.n)
			t1 := time.Now()
			gonumGemm(s.tA, s.tB, s.m, s.n, s.k, a, lda, bb, ldb, c, s.n)
			t2 := time.Now()
			if workers == Serial {
				ceiling.run()
			}
			tPure += t1.Sub(t0)
			tGonum += t2.Sub(t1)
			tCeiling += time.Since(t2)
		}
		flops *= float64(b.N)
		b.ReportMetric(flops/tPure.Seconds()/1e9, "purego-GFLOP/s")
		b.ReportMetric(flops/tGonum.Seconds()/1e9, "gonum-GFLOP/s")
		b.ReportMetric(tGonum.Seconds()/tPure.Seconds(), "speedup")
		if workers == Serial {
			ceilingRate := ceiling.flops * float64(b.N) / tCeiling.Seconds() / 1e9
			b.ReportMetric(ceilingRate, "ceiling-GFLOP/s")
			b.ReportMetric(flops/tGonum.Seconds()/1e9/ceilingRate, "gonum÷ceiling")
		}
	})
}

// scalarCeiling runs the pure-Go micro-kernel on one packed 6×kc panel of
// A and one 4-column panel of B, both resident in L1, for about a given
// number of flops (flops holds the exact count): the rate of the scalar
// loop alone.
type scalarCeiling[T Float] struct {
	a, b, c []T
	reps    int
	flops   float64
}

const ceilingK = 256

func newScalarCeiling[T Float](flops float64) *scalarCeiling[T] {
	perCall := 2 * 6 * 4 * ceilingK
	s := &scalarCeiling[T]{
		a:    make([]T, 6*ceilingK),
		b:    make([]T, 4*ceilingK),
		c:    make([]T, 6*4),
		reps: max(1, int(flops)/perCall),
	}
	s.flops = float64(s.reps * perCall)
	for i := range s.a {
		s.a[i] = 1 // normal values: no zero or subnormal shortcut to doubt
	}
	for i := range s.b {
		s.b[i] = 0.5
	}
	return s
}

func (s *scalarCeiling[T]) run() {
	for range s.reps {
		microGo6x4(ceilingK, 1, s.a, 1, 6, s.b, 4, s.c, 4)
	}
}
