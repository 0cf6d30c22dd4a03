package kernel

import (
	"fmt"
	"testing"
)

// BenchmarkBlockSizes times the fastest implementation with other cache
// block sizes (kc, mc, and nc2 = 0 for no column chunks) on two large
// squares, one worker: the measurement behind the sizes in the
// implementation tables. Each size runs on a private copy of the
// implementation, so the package's own tables never change.
func BenchmarkBlockSizes(b *testing.B) {
	fastest := kernels(b)[0].impl()
	for _, kc := range []int{128, 192, 256} {
		for _, mcTiles := range []int{12, 24} {
			for _, chunked := range []bool{false, true} {
				blockSizes[float32](b, fastest, kc, mcTiles, chunked)
				blockSizes[float64](b, fastest, kc, mcTiles, chunked)
			}
		}
	}
}

func blockSizes[T Float](b *testing.B, impl *implementation, kc, mcTiles int, chunked bool) {
	var zero T
	tuned := *impl
	s := specOf[T](&tuned)
	nc2 := 0
	if chunked {
		nc2 = s.nc2
	}
	s.kc, s.mc, s.nc2 = kc, mcTiles*s.mr, nc2
	serial := Kernel{path: &tuned, workers: Serial}
	for _, sh := range [][3]int{{1024, 1024, 1024}, {2048, 2048, 2048}} {
		m, n, k := sh[0], sh[1], sh[2]
		b.Run(fmt.Sprintf("%T/kc=%d,mc=%d,nc2=%d/m=%d,n=%d,k=%d", zero, kc, s.mc, nc2, m, n, k), func(b *testing.B) {
			a := make([]T, m*k)
			bb := make([]T, k*n)
			c := make([]T, m*n)
			// One untimed call first: the first touch of c's pages would
			// otherwise count against whichever size runs first.
			gemm(serial, NoTrans, NoTrans, m, n, k, 1, a, k, bb, n, 0, c, n)
			for b.Loop() {
				gemm(serial, NoTrans, NoTrans, m, n, k, 1, a, k, bb, n, 0, c, n)
			}
			b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
