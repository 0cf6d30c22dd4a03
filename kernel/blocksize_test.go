package kernel

import (
	"fmt"
	"testing"
)

// BenchmarkBlockSizes times the fastest implementation with other cache
// block sizes (kc, mc) on two large squares, one worker:
// the measurement behind the sizes in the implementation tables.
func BenchmarkBlockSizes(b *testing.B) {
	impl := implementations[0]
	for _, kc := range []int{96, 128, 256} {
		for _, mcTiles := range []int{12, 24, 48} {
			blockSizes(b, &impl.s, kc, mcTiles)
			blockSizes(b, &impl.d, kc, mcTiles)
		}
	}
}

func blockSizes[T Float](b *testing.B, s *kernelSpec[T], kc, mcTiles int) {
	var zero T
	for _, sh := range [][3]int{{1024, 1024, 1024}, {2048, 2048, 2048}} {
		m, n, k := sh[0], sh[1], sh[2]
		b.Run(fmt.Sprintf("%T/kc=%d,mc=%d/m=%d,n=%d,k=%d", zero, kc, mcTiles*s.mr, m, n, k), func(b *testing.B) {
			saved := *s
			defer func() { *s = saved }()
			s.kc, s.mc = kc, mcTiles*s.mr
			a := make([]T, m*k)
			bb := make([]T, k*n)
			c := make([]T, m*n)
			for b.Loop() {
				Gemm(Serial, NoTrans, NoTrans, m, n, k, 1, a, k, bb, n, 0, c, n)
			}
			b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
