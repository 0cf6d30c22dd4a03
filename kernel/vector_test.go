package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// vecCase is one call of a vector routine: n elements (or columns), m rows
// ld apart for the matrix operands, and the scalar of Axpy (alpha) and
// BatchNormGrad (fn).
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
	// rows: the routine takes m×n matrices (the sweeps vary m and ld).
	rows bool
	// exact: results are compared bit for bit, NaN payloads included
	// (ReLU and its mask only move bits); otherwise any NaN matches NaN.
	exact bool
	// lens are the lengths of the operands, in the order call and ref
	// take them; either may change any of them.
	lens []func(vecCase[T]) int
	call func(v Vec[T], c vecCase[T], ops [][]T)
	ref  func(c vecCase[T], ops [][]T)
	// bytesPerElt is the memory traffic per element of the m×n (or n)
	// elements, in units of sizeof(T): each matrix read or written once.
	bytesPerElt int
}

// vecOps lists every vector routine, elementwise ones first.
func vecOps[T Float]() []vecOp[T] {
	v2 := []func(vecCase[T]) int{vecLen[T], vecLen[T]}
	return []vecOp[T]{
		{name: "Axpy", lens: v2, bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.Axpy(c.n, c.alpha, o[0], o[1]) },
			ref: func(c vecCase[T], o [][]T) {
				for i := range c.n {
					o[1][i] += T(c.alpha * o[0][i])
				}
			}},
		{name: "ReLU", exact: true, lens: v2, bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.ReLU(c.n, o[0], o[1]) },
			ref: func(c vecCase[T], o [][]T) {
				for i, x := range o[0][:c.n] {
					if x > 0 || x != x {
						o[1][i] = x
					} else {
						o[1][i] = 0
					}
				}
			}},
		{name: "ReLUMask", exact: true, lens: v2, bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.ReLUMask(c.n, o[0], o[1]) },
			ref: func(c vecCase[T], o [][]T) {
				for i, y := range o[0][:c.n] {
					if y == 0 && !math.Signbit(float64(y)) {
						o[1][i] = 0
					}
				}
			}},
		{name: "ColSums", rows: true, lens: []func(vecCase[T]) int{matLen[T], vecLen[T]}, bytesPerElt: 1,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.ColSums(c.m, c.n, o[0], c.ld, o[1]) },
			ref: func(c vecCase[T], o [][]T) {
				for j := range c.n {
					var s T
					for i := range c.m {
						s += o[0][i*c.ld+j]
					}
					o[1][j] = s
				}
			}},
		{name: "AddRow", rows: true, lens: []func(vecCase[T]) int{vecLen[T], matLen[T]}, bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.AddRow(c.m, c.n, o[0], o[1], c.ld) },
			ref: func(c vecCase[T], o [][]T) {
				for i := range c.m {
					for j := range c.n {
						o[1][i*c.ld+j] += o[0][j]
					}
				}
			}},
		{name: "ColDots", rows: true, lens: []func(vecCase[T]) int{matLen[T], matLen[T], vecLen[T]}, bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.ColDots(c.m, c.n, o[0], o[1], c.ld, o[2]) },
			ref: func(c vecCase[T], o [][]T) {
				for j := range c.n {
					var s T
					for i := range c.m {
						s += T(o[0][i*c.ld+j] * o[1][i*c.ld+j])
					}
					o[2][j] = s
				}
			}},
		{name: "BatchNormCenter", rows: true, lens: []func(vecCase[T]) int{matLen[T], vecLen[T], matLen[T], vecLen[T]}, bytesPerElt: 2,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.BatchNormCenter(c.m, c.n, o[0], c.ld, o[1], o[2], o[3]) },
			ref: func(c vecCase[T], o [][]T) {
				x, mu, xc, ss := o[0], o[1], o[2], o[3]
				for j := range c.n {
					var s T
					for i := range c.m {
						xc[i*c.ld+j] = x[i*c.ld+j] - mu[j]
						s += T(xc[i*c.ld+j] * xc[i*c.ld+j])
					}
					ss[j] = s
				}
			}},
		{name: "BatchNormScale", rows: true, lens: []func(vecCase[T]) int{matLen[T], vecLen[T], vecLen[T], vecLen[T], matLen[T]}, bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], o [][]T) { v.BatchNormScale(c.m, c.n, o[0], c.ld, o[1], o[2], o[3], o[4]) },
			ref: func(c vecCase[T], o [][]T) {
				xc, s, gamma, beta, out := o[0], o[1], o[2], o[3], o[4]
				for i := range c.m {
					for j := range c.n {
						xc[i*c.ld+j] *= s[j]
						out[i*c.ld+j] = T(gamma[j]*xc[i*c.ld+j]) + beta[j]
					}
				}
			}},
		{name: "BatchNormGrad", rows: true, lens: []func(vecCase[T]) int{matLen[T], matLen[T], vecLen[T], vecLen[T], vecLen[T], matLen[T]}, bytesPerElt: 3,
			call: func(v Vec[T], c vecCase[T], o [][]T) {
				v.BatchNormGrad(c.m, c.n, c.alpha, o[0], o[1], c.ld, o[2], o[3], o[4], o[5])
			},
			ref: func(c vecCase[T], o [][]T) {
				dout, xn, s, p, q, dx := o[0], o[1], o[2], o[3], o[4], o[5]
				for i := range c.m {
					for j := range c.n {
						k := i*c.ld + j
						dx[k] = s[j] * (T(c.alpha*dout[k]) - p[j] - T(xn[k]*q[j]))
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
// everywhere: results as the contract says, inputs, guards and padding
// bitwise.
func checkVecOp[T Float](t *testing.T, v Vec[T], op vecOp[T], c vecCase[T], fill func() T) {
	t.Helper()
	got, want := make([][]T, len(op.lens)), make([][]T, len(op.lens))
	inner := func(s []T) []T { return s[guard : len(s)-guard : len(s)-guard] }
	gotIn, wantIn := make([][]T, len(op.lens)), make([][]T, len(op.lens))
	for k, n := range op.lens {
		got[k] = make([]T, guard+n(c)+guard)
		for i := range got[k] {
			got[k][i] = fill()
		}
		want[k] = slices.Clone(got[k])
		gotIn[k], wantIn[k] = inner(got[k]), inner(want[k])
	}
	op.ref(c, wantIn)
	op.call(v, c, gotIn)
	for k := range got {
		for i := range got[k] {
			exact := op.exact || i < guard || i >= len(got[k])-guard
			if !sameResult(got[k][i], want[k][i], exact) {
				t.Fatalf("%s %v: operand %d [%d] = %v (%#x), the scalar loop gives %v (%#x)", op.name, c, k, i-guard,
					got[k][i], bitsOf(got[k][i]), want[k][i], bitsOf(want[k][i]))
			}
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
						checkVecOp(t, v, op, vecCase[T]{m: m, n: n, ld: max(1, n+pad), alpha: T(max(1, m))}, fill)
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
		{"ColDots ld<n", func() { ColDots(2, 3, s, s, 2, s) }, badLd},
		{"ColDots short b", func() { ColDots(3, 4, s, s[:11], 4, s) }, shortB},
		{"ColDots short dots", func() { ColDots(2, 4, s, s, 4, s[:3]) }, short("dots")},
		{"BatchNormCenter short xc", func() { BatchNormCenter(3, 4, s, 4, s, s[:11], s) }, short("xc")},
		{"BatchNormCenter short ss", func() { BatchNormCenter(3, 4, s, 4, s, s, s[:3]) }, short("ss")},
		{"BatchNormScale n<0", func() { BatchNormScale(3, -4, s, 4, s, s, s, s) }, nLT0},
		{"BatchNormScale short beta", func() { BatchNormScale(3, 4, s, 4, s, s, s[:3], s) }, short("beta")},
		{"BatchNormGrad m<0", func() { BatchNormGrad(-3, 4, 3, s, s, 4, s, s, s, s) }, mLT0},
		{"BatchNormGrad short dx", func() { BatchNormGrad(3, 4, 3, s, s, 4, s, s, s, s[:10]) }, short("dx")},
		{"BatchNormGrad short q", func() { BatchNormGrad(3, 4, 3, s, s, 4, s, s, s[:2], s) }, short("q")},
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
