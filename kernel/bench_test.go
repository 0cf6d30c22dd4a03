package kernel

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// benchShape is one GEMM benchmark: op(A) is m×k, op(B) is k×n.
type benchShape struct {
	name    string
	tA, tB  Transpose
	m, n, k int
}

// squareShapes and networkShapes are the shapes of the README's table; the
// network ones are the products of a 784-100-…-10 network's training step
// (forward x·W, backward dout·Wᵀ and xᵀ·dout) and of its evaluation on
// 1000 images (the m = 1000 forward products).
var (
	squareShapes  = squares(64, 128, 256, 512, 1024, 2048)
	networkShapes = []benchShape{
		{"", NoTrans, NoTrans, 100, 100, 784},
		{"", NoTrans, NoTrans, 128, 100, 784},
		{"", NoTrans, NoTrans, 100, 100, 100},
		{"", NoTrans, NoTrans, 128, 100, 100},
		{"", NoTrans, NoTrans, 100, 10, 100},
		{"", NoTrans, NoTrans, 1000, 100, 784},
		{"", NoTrans, NoTrans, 1000, 100, 100},
		{"", NoTrans, NoTrans, 1000, 10, 100},
		{"XtdY", Trans, NoTrans, 784, 100, 100},
		{"dYWt", NoTrans, Trans, 100, 784, 100},
	}
)

func squares(sizes ...int) []benchShape {
	var s []benchShape
	for _, n := range sizes {
		s = append(s, benchShape{"", NoTrans, NoTrans, n, n, n})
	}
	return s
}

// String names the shape in benchmark names: name,m=…,n=…,k=….
func (s benchShape) String() string {
	dims := fmt.Sprintf("m=%d,n=%d,k=%d", s.m, s.n, s.k)
	if s.name != "" {
		return s.name + "," + dims
	}
	return dims
}

// BenchmarkSgemm runs every shape of the README's tables, float32.
func BenchmarkSgemm(b *testing.B) { benchGemm[float32](b, false) }

// BenchmarkDgemm is BenchmarkSgemm for float64.
func BenchmarkDgemm(b *testing.B) { benchGemm[float64](b, false) }

// BenchmarkSgemmNetwork runs the network shapes only, float32.
func BenchmarkSgemmNetwork(b *testing.B) { benchGemm[float32](b, true) }

// BenchmarkDgemmNetwork is BenchmarkSgemmNetwork for float64.
func BenchmarkDgemmNetwork(b *testing.B) { benchGemm[float64](b, true) }

// benchGemm runs every shape on every implementation with one worker, on
// all workers ("workers=N"), and gonum's pure-Go BLAS as the baseline.
func benchGemm[T Float](b *testing.B, network bool) {
	shapes := append(append([]benchShape(nil), squareShapes...), networkShapes...)
	if network {
		shapes = networkShapes
	}
	for _, s := range shapes {
		a, lda, bb, ldb, c := benchOperands[T](s)
		flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
		report := func(b *testing.B) {
			b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		}
		for _, kn := range kernels(b) {
			for _, w := range []Workers{Serial, Auto} {
				label := "workers=1"
				if w == Auto {
					label = "workers=auto"
				}
				run := kn.WithWorkers(w)
				b.Run(fmt.Sprintf("impl=%s,%s/%v", kn.Name(), label, s), func(b *testing.B) {
					// Untimed first call: c's first page touches and the
					// pools' first buffers are not the steady state.
					gemm(run, s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bb, ldb, 0, c, s.n)
					for b.Loop() {
						gemm(run, s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, bb, ldb, 0, c, s.n)
					}
					report(b)
				})
			}
		}
		b.Run(fmt.Sprintf("impl=gonum/%v", s), func(b *testing.B) {
			if s.m*s.n*s.k > 512*512*512 && testing.Short() {
				b.Skip("gonum is slow at this size")
			}
			for b.Loop() {
				gonumGemm(s.tA, s.tB, s.m, s.n, s.k, a, lda, bb, ldb, c, s.n)
			}
			report(b)
		})
	}
}

// benchOperands returns random A and B of the shape, with their leading
// dimensions, and a zero C (leading dimension n).
func benchOperands[T Float](s benchShape) (a []T, lda int, b []T, ldb int, c []T) {
	rnd := randFloat[T](rand.New(rand.NewPCG(7, 8)))
	a, b, c = make([]T, s.m*s.k), make([]T, s.k*s.n), make([]T, s.m*s.n)
	for i := range a {
		a[i] = rnd()
	}
	for i := range b {
		b[i] = rnd()
	}
	lda, ldb = s.k, s.n
	if s.tA == Trans {
		lda = s.m
	}
	if s.tB == Trans {
		ldb = s.k
	}
	return a, lda, b, ldb, c
}

func gonumGemm[T Float](tA, tB Transpose, m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int) {
	toBlas := func(t Transpose) blas.Transpose {
		if t == Trans {
			return blas.Trans
		}
		return blas.NoTrans
	}
	switch a := any(a).(type) {
	case []float32:
		gonum.Implementation{}.Sgemm(toBlas(tA), toBlas(tB), m, n, k, 1, a, lda, any(b).([]float32), ldb, 0, any(c).([]float32), ldc)
	case []float64:
		gonum.Implementation{}.Dgemm(toBlas(tA), toBlas(tB), m, n, k, 1, a, lda, any(b).([]float64), ldb, 0, any(c).([]float64), ldc)
	}
}
