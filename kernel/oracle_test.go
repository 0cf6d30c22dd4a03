package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// gemmCase describes one GEMM call; layout is tight unless pad > 0, in which
// case every leading dimension is pad elements longer than a row.
type gemmCase struct {
	tA, tB      Transpose
	m, n, k     int
	alpha, beta float64
	pad         int
}

// String names the case in failure messages.
func (tc gemmCase) String() string {
	return fmt.Sprintf("%v%v/m=%d,n=%d,k=%d/alpha=%g,beta=%g/pad=%d",
		tc.tA, tc.tB, tc.m, tc.n, tc.k, tc.alpha, tc.beta, tc.pad)
}

// dims returns the stored shapes of A and B.
func (tc gemmCase) dims() (rowsA, colsA, rowsB, colsB int) {
	rowsA, colsA = tc.m, tc.k
	if tc.tA == Trans {
		rowsA, colsA = tc.k, tc.m
	}
	rowsB, colsB = tc.k, tc.n
	if tc.tB == Trans {
		rowsB, colsB = tc.n, tc.k
	}
	return
}

// guard is the number of sentinel elements placed before and after every
// operand to catch out-of-bounds writes.
const guard = 19

// operand is a matrix stored inside a larger slice with guard bands.
type operand[T Float] struct {
	all  []T // guard + matrix + guard
	ld   int
	rows int
	cols int
}

func newOperand[T Float](rng *rand.Rand, rows, cols, ld int, fill func() T) operand[T] {
	size := 0
	if rows > 0 && cols > 0 {
		size = (rows-1)*ld + cols
	}
	all := make([]T, guard+size+guard)
	for i := range all {
		all[i] = fill()
	}
	return operand[T]{all: all, ld: ld, rows: rows, cols: cols}
}

// data returns the matrix slice with length and capacity limited to it.
func (o operand[T]) data() []T {
	n := len(o.all) - 2*guard
	return o.all[guard : guard+n : guard+n]
}

func (o operand[T]) at(i, j int) T { return o.data()[i*o.ld+j] }

// randFloat returns values in [-1, 1) with a few exact zeros and ones.
func randFloat[T Float](rng *rand.Rand) func() T {
	return func() T {
		switch rng.IntN(16) {
		case 0:
			return 0
		case 1:
			return 1
		}
		return T(2*rng.Float64() - 1)
	}
}

// eps is the unit roundoff of T.
func eps[T Float]() float64 {
	var zero T
	if _, ok := any(zero).(float32); ok {
		return 0x1p-24
	}
	return 0x1p-53
}

// gemmFunc is the signature of Sgemm and Dgemm, for element type T.
type gemmFunc[T Float] func(tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int)

// gemmOn returns kn's GEMM for element type T as a gemmFunc.
func gemmOn[T Float](kn Kernel) gemmFunc[T] {
	return func(tA, tB Transpose, m, n, k int, alpha T, a []T, lda int, b []T, ldb int, beta T, c []T, ldc int) {
		gemm(kn, tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
	}
}

// runCase runs one GEMM through call on fresh random operands and checks
// the result against a float64 oracle, the guard bands, the padding of C,
// and that A and B are unchanged. NaN fills C when beta is 0.
func runCase[T Float](t *testing.T, rng *rand.Rand, tc gemmCase, call gemmFunc[T]) {
	t.Helper()
	rowsA, colsA, rowsB, colsB := tc.dims()
	sentinel := T(math.Inf(-1))
	rnd := randFloat[T](rng)
	fillA := func() T { return rnd() }
	a := newOperand(rng, rowsA, colsA, max(1, colsA)+tc.pad, fillA)
	b := newOperand(rng, rowsB, colsB, max(1, colsB)+tc.pad, fillA)
	c := newOperand(rng, tc.m, tc.n, max(1, tc.n)+tc.pad, fillA)
	for _, o := range []operand[T]{a, b, c} {
		for g := 0; g < guard; g++ {
			o.all[g], o.all[len(o.all)-1-g] = sentinel, sentinel
		}
	}
	if tc.beta == 0 {
		for i := 0; i < tc.m; i++ {
			for j := 0; j < tc.n; j++ {
				c.data()[i*c.ld+j] = T(math.NaN())
			}
		}
	}
	a0 := append([]T(nil), a.all...)
	b0 := append([]T(nil), b.all...)
	c0 := append([]T(nil), c.all...)

	call(tc.tA, tc.tB, tc.m, tc.n, tc.k, T(tc.alpha), a.data(), a.ld, b.data(), b.ld, T(tc.beta), c.data(), c.ld)

	opA := func(i, p int) float64 {
		if tc.tA == Trans {
			return float64(a.at(p, i))
		}
		return float64(a.at(i, p))
	}
	opB := func(p, j int) float64 {
		if tc.tB == Trans {
			return float64(b.at(j, p))
		}
		return float64(b.at(p, j))
	}
	bad := 0
	for i := 0; i < tc.m; i++ {
		for j := 0; j < tc.n; j++ {
			var sum, abs float64
			for p := 0; p < tc.k; p++ {
				prod := opA(i, p) * opB(p, j)
				sum += prod
				abs += math.Abs(prod)
			}
			old := float64(c0[guard+i*c.ld+j])
			want := tc.alpha * sum
			bound := math.Abs(tc.alpha) * abs
			if tc.beta != 0 {
				want += tc.beta * old
				bound += math.Abs(tc.beta * old)
			}
			// Each element is a sum of k+2 rounded terms.
			tol := 2*float64(tc.k+3)*eps[T]()*bound + 1e-300
			got := float64(c.at(i, j))
			if !(math.Abs(got-want) <= tol) {
				if bad < 5 {
					t.Errorf("%v: C[%d,%d] = %v, want %v (tol %.3g)", tc, i, j, got, want, tol)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%v: %d wrong elements", tc, bad)
	}
	sameBits(t, tc, "A", a.all, a0, nil)
	sameBits(t, tc, "B", b.all, b0, nil)
	// Outside the m×n matrix (guards and row padding) C must be untouched.
	sameBits(t, tc, "C outside the matrix", c.all, c0, func(idx int) bool {
		idx -= guard
		if idx < 0 || idx >= len(c.all)-2*guard {
			return false
		}
		return idx%c.ld < tc.n
	})
}

// sameBits fails unless got and want are bitwise equal at every index that
// skip does not exclude.
func sameBits[T Float](t *testing.T, tc gemmCase, what string, got, want []T, skip func(int) bool) {
	t.Helper()
	for i := range want {
		if skip != nil && skip(i) {
			continue
		}
		if !bitsEqual(got[i], want[i]) {
			t.Fatalf("%v: %s changed at index %d: %v, was %v", tc, what, i, got[i], want[i])
		}
	}
}

func bitsEqual[T Float](x, y T) bool {
	switch v := any(x).(type) {
	case float32:
		return math.Float32bits(v) == math.Float32bits(any(y).(float32))
	default:
		return math.Float64bits(any(x).(float64)) == math.Float64bits(any(y).(float64))
	}
}
