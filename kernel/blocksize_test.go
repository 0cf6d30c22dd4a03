package kernel

import (
	"fmt"
	"testing"
)

// BenchmarkBlockSizes times the fastest implementation with other cache
// block sizes (kc, mc, and nc2 = 0 for no column chunks) on two large
// squares, one worker: the measurement behind the sizes in the
// implementation tables.
func BenchmarkBlockSizes(b *testing.B) {
	impl := implementations[0]
	for _, kc := range []int{128, 192, 256} {
		for _, mcTiles := range []int{12, 24} {
			for _, chunked := range []bool{false, true} {
				blockSizes(b, &impl.s, kc, mcTiles, chunked)
				blockSizes(b, &impl.d, kc, mcTiles, chunked)
			}
		}
	}
}

func blockSizes[T Float](b *testing.B, s *kernelSpec[T], kc, mcTiles int, chunked bool) {
	var zero T
	nc2 := 0
	if chunked {
		nc2 = s.nc2
	}
	for _, sh := range [][3]int{{1024, 1024, 1024}, {2048, 2048, 2048}} {
		m, n, k := sh[0], sh[1], sh[2]
		b.Run(fmt.Sprintf("%T/kc=%d,mc=%d,nc2=%d/m=%d,n=%d,k=%d", zero, kc, mcTiles*s.mr, nc2, m, n, k), func(b *testing.B) {
			saved := *s
			defer func() { *s = saved }()
			s.kc, s.mc, s.nc2 = kc, mcTiles*s.mr, nc2
			a := make([]T, m*k)
			bb := make([]T, k*n)
			c := make([]T, m*n)
			// One untimed call first: the first touch of c's pages would
			// otherwise count against whichever size runs first.
			Gemm(Serial, NoTrans, NoTrans, m, n, k, 1, a, k, bb, n, 0, c, n)
			for b.Loop() {
				Gemm(Serial, NoTrans, NoTrans, m, n, k, 1, a, k, bb, n, 0, c, n)
			}
			b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
