package kernel

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// vecBenchShapes are the operand sizes of BenchmarkVector: a hidden layer
// of the book's network at batch 100 (in L1), 256×256 (in L2) and
// 2048×1024 (beyond L2). Elementwise routines run on m·n elements.
var vecBenchShapes = []struct {
	name string
	m, n int
}{{"net", 100, 100}, {"L2", 256, 256}, {"big", 2048, 1024}}

// BenchmarkVector times every vector routine on every implementation,
// float32 and float64, reporting GB/s of memory traffic (each element of a
// matrix read or written counts once; per-column vectors are left out).
func BenchmarkVector(b *testing.B) {
	for _, k := range kernels(b) {
		benchVec(b, VecOf[float32](k))
		benchVec(b, VecOf[float64](k))
	}
}

func benchVec[T Float](b *testing.B, v Vec[T]) {
	var zero T
	// ±1 only: the routines that update in place (BatchNormScale scales xc
	// by s on every call) then never reach subnormal numbers, whose
	// microcode assists would be timed instead of the routine.
	rng := rand.New(rand.NewPCG(35, 36))
	fill := func() T { return T(2*rng.IntN(2) - 1) }
	for _, op := range vecOps[T]() {
		for _, s := range vecBenchShapes {
			c := vecCase[T]{n: s.m * s.n, alpha: 1e-3}
			if op.rows {
				c = vecCase[T]{m: s.m, n: s.n, ld: s.n, alpha: T(s.m)}
			}
			ops := make([][]T, len(op.lens))
			for k, n := range op.lens {
				ops[k] = make([]T, n(c))
				for i := range ops[k] {
					ops[k][i] = fill()
				}
			}
			bytes := int64(op.bytesPerElt * s.m * s.n * int(unsafe.Sizeof(zero)))
			b.Run(fmt.Sprintf("impl=%s/%T/%s/%s", v.Name(), zero, op.name, s.name), func(b *testing.B) {
				b.SetBytes(bytes)
				for b.Loop() {
					op.call(v, c, ops)
				}
				b.ReportMetric(float64(bytes)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
			})
		}
	}
}
