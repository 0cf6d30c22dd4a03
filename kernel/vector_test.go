package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// vecCase is one call of a vector routine: in is the operand it reads,
// out the one it updates; m rows ld apart for the matrix operand of
// ColSums (in) and AddRow (out).
type vecCase[T Float] struct {
	m, n, ld int
	alpha    T
}

// String names the case in failure messages.
func (c vecCase[T]) String() string {
	return fmt.Sprintf("m=%d,n=%d,ld=%d,alpha=%v", c.m, c.n, c.ld, c.alpha)
}

// vecLen and matLen are the lengths of a vector and of a matrix operand.
func vecLen[T Float](c vecCase[T]) int { return c.n }
func matLen[T Float](c vecCase[T]) int { return minLen(c.m, c.n, c.ld) }

// vecOp is one vector routine with the plain scalar loop of its contract.
type vecOp[T Float] struct {
	name string
	// rows: the routine takes an m×n matrix (the sweeps vary m and ld).
	rows bool
	// exact: results are compared bit for bit, NaN payloads included
	// (ReLU and its mask only move bits); otherwise any NaN matches NaN.
	exact       bool
	inLen       func(vecCase[T]) int
	outLen      func(vecCase[T]) int
	call        func(v Vec[T], c vecCase[T], in, out []T)
	ref         func(c vecCase[T], in, out []T)
	bytesPerElt int // memory traffic per element of the n (or m×n) elements, in units of sizeof(T)
}

// vecOps lists every vector routine, elementwise ones first.
func vecOps[T Float]() []vecOp[T] {
	return []vecOp[T]{
		{name: "Axpy", inLen: vecLen[T], outLen: vecLen[T], bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], in, out []T) { v.Axpy(c.n, c.alpha, in, out) },
			ref: func(c vecCase[T], x, y []T) {
				for i := range c.n {
					y[i] += T(c.alpha * x[i])
				}
			}},
		{name: "ReLU", exact: true, inLen: vecLen[T], outLen: vecLen[T], bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], in, out []T) { v.ReLU(c.n, in, out) },
			ref: func(c vecCase[T], x, y []T) {
				for i := range c.n {
					if x[i] > 0 || x[i] != x[i] {
						y[i] = x[i]
					} else {
						y[i] = 0
					}
				}
			}},
		{name: "ReLUMask", exact: true, inLen: vecLen[T], outLen: vecLen[T], bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], in, out []T) { v.ReLUMask(c.n, in, out) },
			ref: func(c vecCase[T], y, d []T) {
				for i := range c.n {
					if y[i] == 0 && !math.Signbit(float64(y[i])) {
						d[i] = 0
					}
				}
			}},
		{name: "ColSums", rows: true, inLen: matLen[T], outLen: vecLen[T], bytesPerElt: 1,
			call: func(v Vec[T], c vecCase[T], in, out []T) { v.ColSums(c.m, c.n, in, c.ld, out) },
			ref: func(c vecCase[T], a, dst []T) {
				for j := range c.n {
					var s T
					for i := range c.m {
						s += a[i*c.ld+j]
					}
					dst[j] = s
				}
			}},
		{name: "AddRow", rows: true, inLen: vecLen[T], outLen: matLen[T], bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], in, out []T) { v.AddRow(c.m, c.n, in, out, c.ld) },
			ref: func(c vecCase[T], x, cm []T) {
				for i := range c.m {
					for j := range c.n {
						cm[i*c.ld+j] += x[j]
					}
				}
			}},
	}
}

// specialFloat returns random values of which a quarter are NaN of either
// sign, ±Inf, ±0, ±the smallest subnormal or ±1.
func specialFloat[T Float](rng *rand.Rand) func() T {
	nan := T(math.NaN())
	specials := []T{nan, -nan, T(math.Inf(1)), T(math.Inf(-1)), 0, T(math.Copysign(0, -1)),
		T(math.SmallestNonzeroFloat32), -T(math.SmallestNonzeroFloat32), 1, -1}
	return func() T {
		if rng.IntN(4) == 0 {
			return specials[rng.IntN(len(specials))]
		}
		return T(4*rng.Float64() - 2)
	}
}

// sameResult reports whether got matches want: bitwise, or with exact
// false also any NaN for any NaN.
func sameResult[T Float](got, want T, exact bool) bool {
	return bitsEqual(got, want) || !exact && got != got && want != want
}

// checkVecOp runs op on v and the reference loop on copies of the same
// operands, each inside guard bands, and fails unless the operands agree
// everywhere: results as the contract says, in, guards and padding bitwise.
func checkVecOp[T Float](t *testing.T, v Vec[T], op vecOp[T], c vecCase[T], fill func() T) {
	t.Helper()
	in := make([]T, guard+op.inLen(c)+guard)
	out := make([]T, guard+op.outLen(c)+guard)
	for _, s := range [][]T{in, out} {
		for i := range s {
			s[i] = fill()
		}
	}
	wantIn, wantOut := slices.Clone(in), slices.Clone(out)
	op.ref(c, wantIn[guard:len(wantIn)-guard], wantOut[guard:len(wantOut)-guard])
	op.call(v, c, in[guard:len(in)-guard:len(in)-guard], out[guard:len(out)-guard:len(out)-guard])
	for i := range in {
		if !bitsEqual(in[i], wantIn[i]) {
			t.Fatalf("%s %v: input changed at %d: %v, was %v", op.name, c, i-guard, in[i], wantIn[i])
		}
	}
	for i := range out {
		exact := op.exact || i < guard || i >= len(out)-guard
		if !sameResult(out[i], wantOut[i], exact) {
			t.Fatalf("%s %v: out[%d] = %v (%#x), the scalar loop gives %v (%#x)", op.name, c, i-guard,
				out[i], bitsOf(out[i]), wantOut[i], bitsOf(wantOut[i]))
		}
	}
}

// bitsOf returns the bit pattern of x.
func bitsOf[T Float](x T) uint64 {
	if v, ok := any(x).(float32); ok {
		return uint64(math.Float32bits(v))
	}
	return math.Float64bits(float64(x))
}

// vecAlphas are the scalars of the Axpy sweeps, NaN and ±Inf included.
var vecAlphas = []float64{-0.01, 0, 1, 2.5, math.NaN(), math.Inf(-1)}

// vecSweep is every length from 0 to twice the largest unrolled block
// (4 AVX-512 float32 vectors, 64 elements) and a tail more: whole blocks,
// single vectors and every partial vector on every path.
const vecSweep = 2*64 + 17

// TestVectorSweep compares every vector routine with its scalar loop on
// every implementation, for every length up to vecSweep, with NaN, ±Inf,
// ±0 and subnormal inputs; matrix routines also over row counts and
// padded leading dimensions.
func TestVectorSweep(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		t.Run("float32", func(t *testing.T) { vecSweepOn(t, VecOf[float32](k)) })
		t.Run("float64", func(t *testing.T) { vecSweepOn(t, VecOf[float64](k)) })
	})
}

func vecSweepOn[T Float](t *testing.T, v Vec[T]) {
	rng := rand.New(rand.NewPCG(31, 32))
	fill := specialFloat[T](rng)
	for _, op := range vecOps[T]() {
		t.Run(op.name, func(t *testing.T) {
			for n := 0; n <= vecSweep; n++ {
				if !op.rows {
					for _, a := range vecAlphas {
						checkVecOp(t, v, op, vecCase[T]{n: n, alpha: T(a)}, fill)
					}
					continue
				}
				for _, m := range []int{0, 1, 2, 5} {
					for _, pad := range []int{0, 3} {
						checkVecOp(t, v, op, vecCase[T]{m: m, n: n, ld: max(1, n+pad)}, fill)
					}
				}
			}
		})
	}
}

// TestVectorActiveIsPackage checks that the zero Vec and the package-level
// functions are the active implementation's routines.
func TestVectorActiveIsPackage(t *testing.T) {
	if got := (Vec[float32]{}).Name(); got != Implementation() {
		t.Fatalf("zero Vec is %q, active %q", got, Implementation())
	}
	if vecOf[float64](Kernel{}.impl()) != &active.vd || (Vec[float32]{}).table() != &active.vs {
		t.Fatal("zero Vec does not use the active dispatch table")
	}
	x := []float64{-1, 2, math.NaN(), -0.0}
	y := make([]float64, 4)
	ReLU(4, x, y)
	d := []float64{5, 6, 7, 8}
	ReLUMask(4, y, d)
	Axpy(4, 2, d, y)
	sums := make([]float64, 2)
	ColSums(2, 2, y, 2, sums)
	AddRow(2, 2, sums, y, 2)
	if fmt.Sprint(y, sums) != "[NaN 28 NaN 14] [NaN 14]" {
		t.Fatalf("package-level routines gave %v %v", y, sums)
	}
}

// TestVectorPanicsOnMisuse checks that each misuse panics with its
// "kernel:" message before anything is written.
func TestVectorPanicsOnMisuse(t *testing.T) {
	s := make([]float32, 12)
	for _, tc := range []struct {
		name string
		call func()
		want string
	}{
		{"Axpy n<0", func() { Axpy(-1, 1, s, s) }, nLT0},
		{"Axpy short x", func() { Axpy(5, 1, s[:4], s) }, shortX},
		{"Axpy short y", func() { Axpy(5, 1, s, s[:4]) }, shortY},
		{"ReLU n<0", func() { ReLU(-3, s, s) }, nLT0},
		{"ReLU short x", func() { ReLU(13, s[:12], make([]float32, 13)) }, shortX},
		{"ReLU short y", func() { ReLU(3, s, s[:2]) }, shortY},
		{"ReLUMask short y", func() { ReLUMask(3, s[:2], s) }, shortY},
		{"ReLUMask short d", func() { ReLUMask(3, s, s[:2]) }, shortD},
		{"ColSums m<0", func() { ColSums(-1, 2, s, 2, s) }, mLT0},
		{"ColSums n<0", func() { ColSums(2, -1, s, 2, s) }, nLT0},
		{"ColSums lda<n", func() { ColSums(2, 3, s, 2, s) }, badLdA},
		{"ColSums lda=0 empty", func() { ColSums(0, 0, s, 0, s) }, badLdA},
		{"ColSums short a", func() { ColSums(3, 4, s[:11], 4, s) }, shortA},
		{"ColSums short a padded", func() { ColSums(2, 4, s[:10], 7, s) }, shortA},
		{"ColSums short dst", func() { ColSums(2, 4, s, 4, s[:3]) }, shortDst},
		{"AddRow m<0", func() { AddRow(-1, 2, s, s, 2) }, mLT0},
		{"AddRow ldc<n", func() { AddRow(2, 3, s, s, 2) }, badLdC},
		{"AddRow short c", func() { AddRow(3, 4, s, s[:11], 4) }, shortC},
		{"AddRow short x", func() { AddRow(2, 4, s[:3], s, 4) }, shortX},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != tc.want {
					t.Fatalf("panic = %v, want %q", got, tc.want)
				}
			}()
			tc.call()
		})
	}
}

// TestVectorQuickReturns checks the calls with no elements: nothing is
// read (nil slices pass) and nothing written, except ColSums of zero rows,
// which sets the sums to +0.
func TestVectorQuickReturns(t *testing.T) {
	Axpy[float32](0, 1, nil, nil)
	ReLU[float64](0, nil, nil)
	ReLUMask[float32](0, nil, nil)
	AddRow[float64](0, 3, []float64{1, 2, 3}, nil, 3)
	AddRow[float64](3, 0, nil, nil, 1)
	ColSums[float32](3, 0, nil, 1, nil)
	dst := []float32{7, 7, 7}
	ColSums(0, 2, nil, 2, dst)
	if dst[0] != 0 || math.Signbit(float64(dst[1])) || dst[2] != 7 {
		t.Fatalf("ColSums of no rows: %v", dst)
	}
}
