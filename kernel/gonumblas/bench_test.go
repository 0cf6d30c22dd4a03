package gonumblas

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	lapackgonum "gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/mat"
)

// benchBLAS runs f under blas64.Use of gonum's own BLAS and of the
// plug-in, side by side, reporting GFLOP/s from flops per call.
func benchBLAS(b *testing.B, flops float64, f func()) {
	defer blas64.Use(gonum.Implementation{})
	for _, impl := range []struct {
		name string
		blas blas.Float64
	}{{"gonum", gonum.Implementation{}}, {"zerokara", Implementation{}}} {
		b.Run("blas="+impl.name, func(b *testing.B) {
			blas64.Use(impl.blas)
			for b.Loop() {
				f()
			}
			b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

func randomDense(rnd *rand.Rand, n int) *mat.Dense {
	data := make([]float64, n*n)
	for i := range data {
		data[i] = rnd.Float64()*2 - 1
	}
	return mat.NewDense(n, n, data)
}

// BenchmarkDenseMul is mat.Dense.Mul of two 1024×1024 matrices.
func BenchmarkDenseMul(b *testing.B) {
	const n = 1024
	rnd := rand.New(rand.NewPCG(1, 1))
	x, y := randomDense(rnd, n), randomDense(rnd, n)
	var z mat.Dense
	benchBLAS(b, 2*n*n*n, func() { z.Mul(x, y) })
}

// BenchmarkLapack is gonum's Dpotrf (Cholesky) and Dgetrf (LU) at n = 1000.
func BenchmarkLapack(b *testing.B) {
	const n = 1000
	rnd := rand.New(rand.NewPCG(2, 2))
	lapack := lapackgonum.Implementation{}
	x := randomDense(rnd, n)
	var spd mat.Dense // symmetric positive definite: XᵀX + n·I
	spd.Mul(x.T(), x)
	for i := range n {
		spd.Set(i, i, spd.At(i, i)+n)
	}
	work := make([]float64, n*n)
	ipiv := make([]int, n)
	b.Run(fmt.Sprintf("Dpotrf/n=%d", n), func(b *testing.B) {
		benchBLAS(b, n*n*n/3, func() {
			copy(work, spd.RawMatrix().Data)
			if !lapack.Dpotrf(blas.Upper, n, work, n) {
				b.Fatal("Dpotrf: matrix not positive definite")
			}
		})
	})
	b.Run(fmt.Sprintf("Dgetrf/n=%d", n), func(b *testing.B) {
		benchBLAS(b, 2*n*n*n/3, func() {
			copy(work, x.RawMatrix().Data)
			if !lapack.Dgetrf(n, n, work, n, ipiv) {
				b.Fatal("Dgetrf: matrix singular")
			}
		})
	})
}
