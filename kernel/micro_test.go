package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
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
	benchMicroTile(b, name, s.micro, s.mr, s.nr, s.kc)
	if s.microNarrow != nil {
		benchMicroTile(b, name, s.microNarrow, s.mr, s.narrow, s.kc)
	}
}

func benchMicroTile[T Float](b *testing.B, name string, micro microKernel[T], mr, nr, k int) {
	var zero T
	b.Run(fmt.Sprintf("impl=%s/%T/%dx%d", name, zero, mr, nr), func(b *testing.B) {
		a := make([]T, mr*k)
		bb := make([]T, nr*k)
		c := make([]T, mr*nr)
		for b.Loop() {
			micro(k, 1, a, 1, mr, bb, nr, c, nr)
		}
		b.ReportMetric(float64(2*k*mr*nr)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
}

// TestMicroKernelContract calls every micro-kernel directly with the three
// operand layouts the driver uses — packed panels, A in place (row stride
// lda) and A transposed in place (column stride lda), B in place (row
// stride ldb) — and k around the unroll factor, against the formula of
// microKernel.
func TestMicroKernelContract(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name+"/float32", func(t *testing.T) { microContract(t, &impl.s, makeSlice[float32]) })
		t.Run(impl.name+"/float64", func(t *testing.T) { microContract(t, &impl.d, makeSlice[float64]) })
	}
}

func makeSlice[T Float](n int) []T { return make([]T, n) }

// microContract checks s's micro-kernels (and dot kernels, dotContract) on
// operands from alloc, each exactly as long as the formula reaches: the
// accumulating forms, and the overwrite forms where s has them, which run
// on a C full of NaN that they must not read.
func microContract[T Float](t *testing.T, s *kernelSpec[T], alloc func(n int) []T) {
	dotPackContract(t, s, alloc)
	for _, form := range tileForms(s) {
		dotContract(t, s, form, alloc)
		microForm(t, s, form, alloc)
		rowForm(t, s, form, alloc)
		columnForm(t, s, form, alloc)
	}
}

// columnForm checks the narrow column kernel of one form of s
// (edgeColumnKernel), if it has one, on 1 to 3 tiles, with A packed
// (panels mr·k apart) and in place, B in place through a mask of some
// columns, against microKernel's formula per tile; the masked-out columns
// of C must stay untouched.
func columnForm[T Float](t *testing.T, s *kernelSpec[T], form tileForm[T], alloc func(n int) []T) {
	if form.kernels.narrowColumn == nil {
		return
	}
	rng := rand.New(rand.NewPCG(29, 30))
	rnd := randFloat[T](rng)
	mr, nr := s.mr, s.narrow
	for _, tiles := range []int{1, 2, 3} {
		for _, k := range []int{1, 4, 5, 17} {
			for _, packed := range []bool{true, false} {
				for _, cols := range []int{nr, nr/2 + 1, 1} {
					rsA, csA, aNext := 1, mr, mr*k
					if !packed {
						rsA, csA, aNext = k+3, 1, mr*(k+3)
					}
					a := alloc((tiles*mr-1)*(k+3) + k) // rows of tiles·mr rows
					if packed {
						a = alloc(tiles * mr * k) // tiles panels
					}
					rsB := cols + 2
					b := alloc((k-1)*rsB + cols)
					ldc := cols + 3
					c := alloc((tiles*mr-1)*ldc + cols)
					fillRandom(rnd, a, b)
					want := fillC(c, form.overwrite, rnd)
					for tile := 0; tile < tiles; tile++ {
						for i := 0; i < mr; i++ {
							for j := 0; j < cols; j++ {
								var sum float64
								for p := 0; p < k; p++ {
									sum += float64(a[tile*aNext+i*rsA+p*csA]) * float64(b[p*rsB+j])
								}
								want[(tile*mr+i)*ldc+j] += 0.5 * sum
							}
						}
					}
					form.kernels.narrowColumn(k, 0.5, a, rsA, csA, b, rsB, c, ldc, 1<<cols-1, tiles, aNext)
					if form.overwrite {
						restoreGaps(t, c, want, tiles*mr, cols, ldc)
					}
					checkNear(t, c, want, k, fmt.Sprintf("%s column of %d %dx%d tiles, %d columns, packed=%v, k=%d", form.name, tiles, mr, nr, cols, packed, k))
				}
			}
		}
	}
}

// rowForm checks the row kernel of one form of s (rowKernel), if it has
// one, on 1 to 3 tiles, with B packed (panels nr·k apart) and in place
// (rows wider than the tiles), against microKernel's formula per tile.
func rowForm[T Float](t *testing.T, s *kernelSpec[T], form tileForm[T], alloc func(n int) []T) {
	if form.kernels.row == nil {
		return
	}
	rng := rand.New(rand.NewPCG(27, 28))
	rnd := randFloat[T](rng)
	mr, nr := s.mr, s.nr
	for _, tiles := range []int{1, 2, 3} {
		for _, k := range []int{1, 4, 5, 17} {
			for _, packed := range []bool{true, false} {
				rsB, bNext := nr, nr*k
				if !packed {
					rsB, bNext = tiles*nr+5, nr
				}
				a := alloc((mr-1)*(k+3) + k)
				b := alloc((tiles-1)*bNext + (k-1)*rsB + nr)
				ldc := tiles*nr + 3
				c := alloc((mr-1)*ldc + tiles*nr)
				fillRandom(rnd, a, b)
				want := fillC(c, form.overwrite, rnd)
				for tile := 0; tile < tiles; tile++ {
					for i := 0; i < mr; i++ {
						for j := 0; j < nr; j++ {
							var sum float64
							for p := 0; p < k; p++ {
								sum += float64(a[i*(k+3)+p]) * float64(b[tile*bNext+p*rsB+j])
							}
							want[i*ldc+tile*nr+j] += 0.5 * sum
						}
					}
				}
				form.kernels.row(k, 0.5, a, k+3, 1, b, rsB, c, ldc, tiles, bNext)
				if form.overwrite {
					restoreGaps(t, c, want, mr, tiles*nr, ldc)
				}
				checkNear(t, c, want, k, fmt.Sprintf("%s row of %d %dx%d tiles, packed=%v, k=%d", form.name, tiles, mr, nr, packed, k))
			}
		}
	}
}

// tileForm is one form of a spec's tile kernels, named for messages.
type tileForm[T Float] struct {
	name      string
	kernels   *tileKernels[T]
	overwrite bool
}

// tileForms lists s's tile kernel forms: adding to C, and overwriting it.
func tileForms[T Float](s *kernelSpec[T]) []tileForm[T] {
	forms := []tileForm[T]{{"add", &s.tileKernels, false}}
	if s.overwrite != nil {
		forms = append(forms, tileForm[T]{"beta0", s.overwrite, true})
	}
	return forms
}

// fillRandom fills every slice of xs with values from rnd.
func fillRandom[T Float](rnd func() T, xs ...[]T) {
	for _, x := range xs {
		for i := range x {
			x[i] = rnd()
		}
	}
}

// fillC fills c with random values, or with NaN for an overwrite form, and
// returns what the formula starts from: C, or zero.
func fillC[T Float](c []T, overwrite bool, rnd func() T) []float64 {
	want := make([]float64, len(c))
	for i := range c {
		if overwrite {
			c[i] = T(math.NaN())
			continue
		}
		c[i] = rnd()
		want[i] = float64(c[i])
	}
	return want
}

func microForm[T Float](t *testing.T, s *kernelSpec[T], form tileForm[T], alloc func(n int) []T) {
	rng := rand.New(rand.NewPCG(21, 22))
	rnd := randFloat[T](rng)
	kernels := []struct {
		nr    int
		micro microKernel[T]
	}{{s.nr, form.kernels.micro}}
	if form.kernels.microNarrow != nil {
		kernels = append(kernels, struct {
			nr    int
			micro microKernel[T]
		}{s.narrow, form.kernels.microNarrow})
	}
	for _, kn := range kernels {
		mr, nr := s.mr, kn.nr
		for _, k := range []int{1, 3, 4, 5, 8, 17} {
			for _, layout := range []struct {
				name          string
				rsA, csA, rsB int
			}{
				{"packed", 1, mr, nr},
				{"A rows", k + 3, 1, nr + 5},
				{"A transposed", 1, mr + 2, nr},
			} {
				a := alloc((mr-1)*layout.rsA + (k-1)*layout.csA + 1)
				b := alloc((k-1)*layout.rsB + nr)
				ldc := nr + 3
				c := alloc((mr-1)*ldc + nr)
				fillRandom(rnd, a, b)
				want := fillC(c, form.overwrite, rnd)
				for i := 0; i < mr; i++ {
					for j := 0; j < nr; j++ {
						var sum float64
						for p := 0; p < k; p++ {
							sum += float64(a[i*layout.rsA+p*layout.csA]) * float64(b[p*layout.rsB+j])
						}
						want[i*ldc+j] += 0.5 * sum
					}
				}
				kn.micro(k, 0.5, a, layout.rsA, layout.csA, b, layout.rsB, c, ldc)
				if form.overwrite {
					restoreGaps(t, c, want, mr, nr, ldc)
				}
				checkNear(t, c, want, k, fmt.Sprintf("%s %dx%d %s k=%d", form.name, mr, nr, layout.name, k))
			}
		}
	}
}

// restoreGaps checks that an overwrite kernel left C's elements between its
// rows (columns nr … ldc-1) untouched — still NaN — and then zeroes them
// in c, as want has them, so that checkNear compares the tile only.
func restoreGaps[T Float](t *testing.T, c []T, want []float64, rows, nr, ldc int) {
	t.Helper()
	for i := range c {
		if i%ldc < nr && i/ldc < rows {
			continue
		}
		if !math.IsNaN(float64(c[i])) {
			t.Fatalf("overwrite kernel wrote c[%d] = %v outside its tile", i, c[i])
		}
		c[i], want[i] = 0, 0
	}
}

// dotContract checks the dot kernels of one form of s against their
// formula (dotKernel), for k around the block of four and masks of all or
// some columns, with A rows lda = k or k+3 apart. The packed B beyond k
// holds NaN, which the kernels must not use; C holds the masked columns
// only.
func dotContract[T Float](t *testing.T, s *kernelSpec[T], form tileForm[T], alloc func(n int) []T) {
	rng := rand.New(rand.NewPCG(23, 24))
	rnd := randFloat[T](rng)
	nan := T(math.NaN())
	for ri, byGroups := range form.kernels.dots {
		for gi, dot := range byGroups {
			if dot == nil {
				continue
			}
			rows, cols := 4*(ri+1), (gi+1)*s.dotGroup
			for _, k := range []int{1, 2, 3, 4, 5, 7, 8, 17} {
				for _, w := range []int{cols, cols - 1, 1} {
					if w < 1 {
						continue
					}
					lda, ldc := k+3*(k%2), w+2
					a := alloc((rows-1)*lda + k)
					b := alloc(roundUp(k, 4) * cols)
					c := alloc((rows-1)*ldc + w)
					fillRandom(rnd, a, b)
					want := fillC(c, form.overwrite, rnd)
					for p := k; p < roundUp(k, 4); p++ {
						for j := 0; j < cols; j++ {
							b[p/4*4*cols+4*j+p%4] = nan
						}
					}
					for i := 0; i < rows; i++ {
						for j := 0; j < w; j++ {
							var sum float64
							for p := 0; p < k; p++ {
								sum += float64(a[i*lda+p]) * float64(b[p/4*4*cols+4*j+p%4])
							}
							want[i*ldc+j] += 0.5 * sum
						}
					}
					dot(k, 0.5, a, lda, b, c, ldc, 1<<w-1)
					if form.overwrite {
						restoreGaps(t, c, want, rows, w, ldc)
					}
					checkNear(t, c, want, k, fmt.Sprintf("%s dot %dx%d k=%d w=%d", form.name, rows, cols, k, w))
				}
			}
		}
	}
}

// checkNear fails t unless c matches want to within the rounding of sums
// of k products.
func checkNear[T Float](t *testing.T, c []T, want []float64, k int, what string) {
	t.Helper()
	for i := range c {
		if math.Abs(float64(c[i])-want[i]) > float64(k+2)*4*eps[T]()*(1+math.Abs(want[i])) {
			t.Fatalf("%s: c[%d] = %v, want %v", what, i, c[i], want[i])
		}
	}
}

// dotPackContract checks every dot packer of s (dotPacker) for kb around
// the block of four and masks of all or some columns, with B's rows ldb = w
// or w+3 apart and b ending at the last masked element.
func dotPackContract[T Float](t *testing.T, s *kernelSpec[T], alloc func(n int) []T) {
	rng := rand.New(rand.NewPCG(25, 26))
	rnd := randFloat[T](rng)
	for gi, pack := range s.packDots {
		if pack == nil {
			continue
		}
		cols := (gi + 1) * s.dotGroup
		for _, kb := range []int{1, 2, 3, 4, 5, 7, 8, 9, 17} {
			for _, w := range []int{cols, cols - 1, 1} {
				if w < 1 {
					continue
				}
				ldb := w + 3*(kb%2)
				b := alloc((kb-1)*ldb + w)
				dst := alloc(roundUp(kb, 4) * cols)
				for _, x := range [][]T{b, dst} {
					for i := range x {
						x[i] = rnd()
					}
				}
				pack(dst, b, ldb, kb, 1<<w-1)
				for i, got := range dst {
					p, j := i/(4*cols)*4+i%4, i%(4*cols)/4
					var want T
					if p < kb && j < w {
						want = b[p*ldb+j]
					}
					if !bitsEqual(got, want) {
						t.Fatalf("pack %d columns kb=%d w=%d: dst[%d] = %v, want %v", cols, kb, w, i, got, want)
					}
				}
			}
		}
	}
}
