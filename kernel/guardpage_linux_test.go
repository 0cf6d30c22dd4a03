//go:build linux

package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"unsafe"
)

// guardedSlice returns a slice of n elements that ends exactly at a
// PROT_NONE page (or, with atStart, begins exactly after one), so any read
// or write past that edge faults and crashes the test. release unmaps it.
func guardedSlice[T Float](t *testing.T, n int, atStart bool) (s []T, release func()) {
	t.Helper()
	page := syscall.Getpagesize()
	size := int(unsafe.Sizeof(T(0)))
	dataPages := (n*size + page - 1) / page
	mem, err := syscall.Mmap(-1, 0, (dataPages+1)*page, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatalf("mmap: %v", err)
	}
	guardAt, start := dataPages*page, dataPages*page-n*size
	if atStart {
		guardAt, start = 0, page
	}
	if err := syscall.Mprotect(mem[guardAt:guardAt+page], syscall.PROT_NONE); err != nil {
		t.Fatalf("mprotect: %v", err)
	}
	if n == 0 {
		return nil, func() { syscall.Munmap(mem) }
	}
	s = unsafe.Slice((*T)(unsafe.Pointer(&mem[start])), n)
	return s, func() { syscall.Munmap(mem) }
}

// TestGemmGuardPages runs products whose operands end at (or start right
// after) an inaccessible page, on every implementation, and compares them
// with the same products on ordinary memory.
func TestGemmGuardPages(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		t.Run("float32", func(t *testing.T) { guardPages[float32](t, k) })
		t.Run("float64", func(t *testing.T) { guardPages[float64](t, k) })
	})
}

func guardPages[T Float](t *testing.T, k Kernel) {
	s := specOf[T](k.impl())
	call := gemmOn[T](k.WithWorkers(Serial))
	rng := rand.New(rand.NewPCG(9, 10))
	rnd := randFloat[T](rng)
	// mr+4 and mr+8 end in the short edge tiles that read A in place;
	// nr+1, nr+4, 2nr+3, nr+dotGroup+3 and nr+2·dotGroup end in dot kernels
	// of every group count where those apply (A not transposed).
	g := max(s.dotGroup, 1)
	sizes := []int{1, s.mr - 1, s.mr + 1, s.mr + 4, max(s.nr-1, 1), s.nr + 1, s.mr + 8, 2*s.nr + 3, s.kc + 1, s.nr + 4, s.nr + g + 3, s.nr + 2*g}
	i := 0
	for _, tr := range transposes {
		for _, atStart := range []bool{false, true} {
			for _, m := range sizes {
				n := sizes[(i+1)%len(sizes)]
				kk := sizes[(i+3)%len(sizes)]
				i++
				tc := gemmCase{tA: tr[0], tB: tr[1], m: m, n: n, k: kk}
				rowsA, colsA, rowsB, colsB := tc.dims()
				a, relA := guardedSlice[T](t, rowsA*colsA, atStart)
				b, relB := guardedSlice[T](t, rowsB*colsB, atStart)
				c, relC := guardedSlice[T](t, m*n, atStart)
				for _, x := range [][]T{a, b, c} {
					for j := range x {
						x[j] = rnd()
					}
				}
				// Every other case has beta = 0 (the overwrite kernels) on a
				// C of NaN, which they must not read.
				beta := T(0.5)
				if i%2 == 0 {
					beta = 0
					for j := range c {
						c[j] = T(math.NaN())
					}
				}
				want := slices.Clone(c)
				call(tc.tA, tc.tB, m, n, kk, 1.5, slices.Clone(a), colsA, slices.Clone(b), colsB, beta, want, n)
				call(tc.tA, tc.tB, m, n, kk, 1.5, a, colsA, b, colsB, beta, c, n)
				for j := range c {
					if !bitsEqual(c[j], want[j]) {
						t.Fatalf("%v atStart=%v: C[%d] = %v on guarded memory, %v on ordinary memory", tc, atStart, j, c[j], want[j])
					}
					if beta == 0 && math.IsNaN(float64(c[j])) {
						t.Fatalf("%v atStart=%v beta=0: C[%d] is NaN: the old C was read", tc, atStart, j)
					}
				}
				relA()
				relB()
				relC()
			}
		}
	}
}

// TestVectorGuardPages runs every vector routine on operands that end at
// (or start right after) an inaccessible page, on every implementation, for
// lengths around the vector widths and the unrolled blocks, and compares
// them with the scalar loops on ordinary memory.
func TestVectorGuardPages(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		t.Run("float32", func(t *testing.T) { vecGuardPages(t, VecOf[float32](k)) })
		t.Run("float64", func(t *testing.T) { vecGuardPages(t, VecOf[float64](k)) })
	})
}

func vecGuardPages[T Float](t *testing.T, v Vec[T]) {
	fill := specialFloat[T](rand.New(rand.NewPCG(33, 34)))
	for _, op := range vecOps[T]() {
		for _, n := range []int{1, 3, 4, 7, 8, 9, 15, 16, 17, 33, 64, 67, 100, 129} {
			for _, atStart := range []bool{false, true} {
				c := vecCase[T]{n: n, alpha: 0.5}
				if op.rows {
					c.m, c.ld, c.alpha = 3, n+2, 3
				}
				ops, want := make([][]T, len(op.lens)), make([][]T, len(op.lens))
				var releases []func()
				for k, l := range op.lens {
					s, release := guardedSlice[T](t, l(c), atStart)
					releases = append(releases, release)
					for i := range s {
						s[i] = fill()
					}
					ops[k], want[k] = s, slices.Clone(s)
				}
				op.ref(c, want)
				op.call(v, c, ops)
				for k := range ops {
					for i := range ops[k] {
						if !sameResult(ops[k][i], want[k][i], op.exact) {
							t.Fatalf("%s %v atStart=%v: operand %d [%d] = %v on guarded memory, the scalar loop gives %v", op.name, c, atStart, k, i, ops[k][i], want[k][i])
						}
					}
				}
				for _, release := range releases {
					release()
				}
			}
		}
	}
}

// TestMicroKernelGuardPages runs every micro-kernel directly (the driver
// may hand them only packed buffers) on operands that end at, or start
// right after, an inaccessible page, in every layout of
// TestMicroKernelContract.
func TestMicroKernelGuardPages(t *testing.T) {
	for _, impl := range implementations {
		for _, atStart := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/atStart=%v/float32", impl.name, atStart), func(t *testing.T) {
				microContract(t, &impl.s, guardedAlloc[float32](t, atStart))
			})
			t.Run(fmt.Sprintf("%s/atStart=%v/float64", impl.name, atStart), func(t *testing.T) {
				microContract(t, &impl.d, guardedAlloc[float64](t, atStart))
			})
		}
	}
}

// guardedAlloc returns an allocator of guarded slices, released when t ends.
func guardedAlloc[T Float](t *testing.T, atStart bool) func(n int) []T {
	return func(n int) []T {
		s, release := guardedSlice[T](t, n, atStart)
		t.Cleanup(release)
		return s
	}
}
