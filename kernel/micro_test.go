package kernel

import (
	"fmt"
	"testing"
)

// BenchmarkMicroKernel times each implementation's micro-kernel alone on
// packed panels that stay in L1 (k = kc): the ceiling for the whole GEMM.
func BenchmarkMicroKernel(b *testing.B) {
	for _, impl := range implementations {
		benchMicro(b, impl.name, &impl.s)
		benchMicro(b, impl.name, &impl.d)
	}
}

func benchMicro[T Float](b *testing.B, name string, s *kernelSpec[T]) {
	var zero T
	b.Run(fmt.Sprintf("impl=%s/%T/%dx%d", name, zero, s.mr, s.nr), func(b *testing.B) {
		k := s.kc
		a := make([]T, s.mr*k)
		bb := make([]T, s.nr*k)
		c := make([]T, s.mr*s.nr)
		for b.Loop() {
			s.micro(k, 1, a, 1, s.mr, bb, s.nr, c, s.nr)
		}
		b.ReportMetric(float64(2*k*s.mr*s.nr)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
}
