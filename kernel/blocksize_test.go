package kernel

import (
	"fmt"
	"testing"
	"time"
)

// BenchmarkBlockSizes times the fastest implementation with other cache
// block sizes (kc, mc, and nc2 = 0 for no column chunks) on two large
// squares, one worker: the measurement behind the sizes in the
// implementation tables. The candidates alternate call by call, so that a
// shared machine's slow spells hit them alike, and each reports its
// GFLOP/s as a metric named after its sizes. Each runs on a private copy
// of the implementation, so the package's own tables never change.
func BenchmarkBlockSizes(b *testing.B) {
	fastest := kernels(b)[0].impl()
	blockSizes[float32](b, fastest)
	blockSizes[float64](b, fastest)
}

// blockSize is one candidate of BenchmarkBlockSizes, in units of the
// register tile: mc = mcTiles·mr; nc2 is the spec's own when chunked.
type blockSize struct {
	kc, mcTiles int
	chunked     bool
}

var blockSizeCandidates = func() []blockSize {
	var c []blockSize
	for _, kc := range []int{128, 256, 384, 512} {
		for _, mcTiles := range []int{6, 12, 24} {
			c = append(c, blockSize{kc, mcTiles, true})
		}
	}
	return append(c, blockSize{256, 12, false})
}()

func blockSizes[T Float](b *testing.B, impl *implementation) {
	var zero T
	base := specOf[T](impl)
	var runs []Kernel
	var names []string
	for _, c := range blockSizeCandidates {
		tuned := *impl
		s := specOf[T](&tuned)
		s.kc, s.mc = c.kc, c.mcTiles*s.mr
		if !c.chunked {
			s.nc2 = 0
		}
		runs = append(runs, Kernel{path: &tuned, workers: Serial})
		names = append(names, fmt.Sprintf("kc=%d,mc=%d,nc2=%d", s.kc, s.mc, s.nc2))
	}
	for _, sh := range [][3]int{{1024, 1024, 1024}, {2048, 2048, 2048}} {
		m, n, k := sh[0], sh[1], sh[2]
		b.Run(fmt.Sprintf("%T/tables=kc%d,mc%d/m=%d,n=%d,k=%d", zero, base.kc, base.mc, m, n, k), func(b *testing.B) {
			a, lda, bb, ldb, c := benchOperands[T](benchShape{"", NoTrans, NoTrans, m, n, k})
			elapsed := make([]time.Duration, len(runs))
			for _, r := range runs { // first touches and pool buffers
				gemm(r, NoTrans, NoTrans, m, n, k, 1, a, lda, bb, ldb, 0, c, n)
			}
			for b.Loop() {
				for i, r := range runs {
					t0 := time.Now()
					gemm(r, NoTrans, NoTrans, m, n, k, 1, a, lda, bb, ldb, 0, c, n)
					elapsed[i] += time.Since(t0)
				}
			}
			flops := 2 * float64(m*n*k) * float64(b.N)
			for i, name := range names {
				b.ReportMetric(flops/elapsed[i].Seconds()/1e9, name+"-GFLOP/s")
			}
		})
	}
}
