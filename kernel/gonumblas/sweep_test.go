package gonumblas

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// The sweeps compare every overridden routine with gonum's own, on sizes
// around the recursion's base and splits, with padded leading dimensions
// and every flag, for float64; float32 is compared with the float64 result
// of the plug-in (testblas has no float32 suites).

// sizes returns the sweep's sizes: fewer under -short, which CI runs on
// every path several times.
func sizes() []int {
	if testing.Short() {
		return []int{0, 1, 2, 16, 17, 33}
	}
	return []int{0, 1, 2, 15, 16, 17, 31, 33, 47, 70}
}

var (
	sweepAlphas = []float64{0, 1, -0.75}
	sweepBetas  = []float64{0, 1, 0.5}
	sides       = []blas.Side{blas.Left, blas.Right}
	uplos       = []blas.Uplo{blas.Upper, blas.Lower}
	transposes  = []blas.Transpose{blas.NoTrans, blas.Trans, blas.ConjTrans}
	diags       = []blas.Diag{blas.NonUnit, blas.Unit}
)

// operand is a rows×cols matrix with leading dimension ld = cols + pad,
// random entries, and NaN in the padding so that a read outside the matrix
// shows in the result.
type operand struct {
	rows, cols, ld int
	data           []float64
}

func newOperand(rnd *rand.Rand, rows, cols, pad int) operand {
	ld := max(1, cols+pad)
	data := make([]float64, max(0, (rows-1)*ld+cols))
	for i := range data {
		data[i] = math.NaN()
	}
	for i := range rows {
		for j := range cols {
			data[i*ld+j] = rnd.Float64()*2 - 1
		}
	}
	return operand{rows, cols, ld, data}
}

// triangle is a newOperand size×size whose diagonal is kept away from zero,
// so that triangular solves stay well conditioned.
func triangle(rnd *rand.Rand, size, pad int) operand {
	a := newOperand(rnd, size, size, pad)
	for i := range size {
		a.data[i*a.ld+i] = 2 + rnd.Float64()
		for j := range size {
			a.data[i*a.ld+j] /= math.Sqrt(float64(size))
		}
	}
	return a
}

func (o operand) clone() []float64 { return append([]float64(nil), o.data...) }

func single32(x []float64) []float32 {
	out := make([]float32, len(x))
	for i, v := range x {
		out[i] = float32(v)
	}
	return out
}

// agree reports the first element of the rows×cols matrices (leading
// dimension ld) where got and want differ by more than tol·(1+|want|),
// NaN matching NaN, or "" when they agree. Padding must match exactly.
func agree[T float32 | float64](got []T, want []float64, rows, cols, ld int, tol float64) string {
	for i := range got {
		g, w := float64(got[i]), want[i]
		inside := i%ld < cols && i/ld < rows
		switch {
		case math.IsNaN(w) && math.IsNaN(g):
		case !inside && g != w:
			return fmt.Sprintf("padding element %d changed: %v", i, g)
		case math.Abs(g-w) > tol*(1+math.Abs(w)) || math.IsNaN(g) != math.IsNaN(w):
			return fmt.Sprintf("element (%d,%d) = %v, want %v", i/ld, i%ld, g, w)
		}
	}
	return ""
}

const (
	tol64 = 1e-12
	tol32 = 2e-4
)

func TestTriangularSweep(t *testing.T) {
	var ref gonum.Implementation
	rnd := rand.New(rand.NewPCG(1, 2))
	for name, impl := range plugins(t) {
		for _, s := range sides {
			for _, ul := range uplos {
				for _, tA := range transposes {
					for _, d := range diags {
						for _, m := range sizes() {
							for _, n := range sizes() {
								for _, alpha := range sweepAlphas {
									tr := triangular{s, ul, tA, d}
									size := n
									if s == blas.Left {
										size = m
									}
									pad := rnd.IntN(3)
									a := triangle(rnd, size, pad)
									b := newOperand(rnd, m, n, 2-pad)
									label := fmt.Sprintf("%s %v m=%d n=%d alpha=%v", name, tr, m, n, alpha)
									for _, routine := range []struct {
										name string
										f64  func(Implementation, blas.Side, blas.Uplo, blas.Transpose, blas.Diag, int, int, float64, []float64, int, []float64, int)
										f32  func(Implementation, blas.Side, blas.Uplo, blas.Transpose, blas.Diag, int, int, float32, []float32, int, []float32, int)
										ref  func(gonum.Implementation, blas.Side, blas.Uplo, blas.Transpose, blas.Diag, int, int, float64, []float64, int, []float64, int)
									}{
										{"trsm", Implementation.Dtrsm, Implementation.Strsm, gonum.Implementation.Dtrsm},
										{"trmm", Implementation.Dtrmm, Implementation.Strmm, gonum.Implementation.Dtrmm},
									} {
										want := b.clone()
										routine.ref(ref, s, ul, tA, d, m, n, alpha, a.data, a.ld, want, b.ld)
										got := b.clone()
										routine.f64(impl, s, ul, tA, d, m, n, alpha, a.clone(), a.ld, got, b.ld)
										if msg := agree(got, want, m, n, b.ld, tol64); msg != "" {
											t.Fatalf("%s %s float64: %s", routine.name, label, msg)
										}
										got32 := single32(b.data)
										routine.f32(impl, s, ul, tA, d, m, n, float32(alpha), single32(a.data), a.ld, got32, b.ld)
										if msg := agree(got32, got, m, n, b.ld, tol32); msg != "" {
											t.Fatalf("%s %s float32: %s", routine.name, label, msg)
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
}

func TestSyrkSweep(t *testing.T) {
	var ref gonum.Implementation
	rnd := rand.New(rand.NewPCG(3, 4))
	for name, impl := range plugins(t) {
		for _, ul := range uplos {
			for _, tA := range transposes {
				for _, n := range sizes() {
					for _, k := range sizes() {
						for _, alpha := range sweepAlphas {
							for _, beta := range sweepBetas {
								rows, cols := n, k
								if tA != blas.NoTrans {
									rows, cols = k, n
								}
								pad := rnd.IntN(3)
								a := newOperand(rnd, rows, cols, pad)
								c := newOperand(rnd, n, n, 2-pad)
								label := fmt.Sprintf("%s ul=%v t=%v n=%d k=%d alpha=%v beta=%v", name, ul, tA, n, k, alpha, beta)
								want := c.clone()
								ref.Dsyrk(ul, tA, n, k, alpha, a.data, a.ld, beta, want, c.ld)
								got := c.clone()
								impl.Dsyrk(ul, tA, n, k, alpha, a.clone(), a.ld, beta, got, c.ld)
								if msg := agree(got, want, n, n, c.ld, tol64); msg != "" {
									t.Fatalf("syrk %s float64: %s", label, msg)
								}
								got32 := single32(c.data)
								impl.Ssyrk(ul, tA, n, k, float32(alpha), single32(a.data), a.ld, float32(beta), got32, c.ld)
								if msg := agree(got32, got, n, n, c.ld, tol32); msg != "" {
									t.Fatalf("syrk %s float32: %s", label, msg)
								}
							}
						}
					}
				}
			}
		}
	}
}

func TestSymmSweep(t *testing.T) {
	var ref gonum.Implementation
	rnd := rand.New(rand.NewPCG(5, 6))
	for name, impl := range plugins(t) {
		for _, s := range sides {
			for _, ul := range uplos {
				for _, m := range sizes() {
					for _, n := range sizes() {
						for _, alpha := range sweepAlphas {
							for _, beta := range sweepBetas {
								size := n
								if s == blas.Left {
									size = m
								}
								pad := rnd.IntN(3)
								a := newOperand(rnd, size, size, pad)
								b := newOperand(rnd, m, n, 2-pad)
								c := newOperand(rnd, m, n, pad)
								label := fmt.Sprintf("%s side=%v ul=%v m=%d n=%d alpha=%v beta=%v", name, s, ul, m, n, alpha, beta)
								want := c.clone()
								ref.Dsymm(s, ul, m, n, alpha, a.data, a.ld, b.data, b.ld, beta, want, c.ld)
								got := c.clone()
								impl.Dsymm(s, ul, m, n, alpha, a.clone(), a.ld, b.clone(), b.ld, beta, got, c.ld)
								if msg := agree(got, want, m, n, c.ld, tol64); msg != "" {
									t.Fatalf("symm %s float64: %s", label, msg)
								}
								got32 := single32(c.data)
								impl.Ssymm(s, ul, m, n, float32(alpha), single32(a.data), a.ld, single32(b.data), b.ld, float32(beta), got32, c.ld)
								if msg := agree(got32, got, m, n, c.ld, tol32); msg != "" {
									t.Fatalf("symm %s float32: %s", label, msg)
								}
							}
						}
					}
				}
			}
		}
	}
}
