package kernel

import (
	"math/rand/v2"
	"slices"
	"testing"
)

var transposes = [][2]Transpose{{NoTrans, NoTrans}, {NoTrans, Trans}, {Trans, NoTrans}, {Trans, Trans}}

// scalars are the (alpha, beta) pairs every sweep cycles through.
var scalars = [][2]float64{{1, 0}, {1, 1}, {-0.75, 0}, {0.5, 1}, {1, -1.5}, {2.25, 0.5}, {0, 0}, {0, 1.5}}

// smallSizes covers 0, 1, 2, the tiles of every implementation ±1 and
// odd primes.
var smallSizes = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 15, 16, 17, 31, 33}

// TestGemmSmallSweep runs every transpose and every combination of
// smallSizes, cycling through the scalars, on each implementation.
func TestGemmSmallSweep(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		serial := k.WithWorkers(Serial)
		t.Run("float32", func(t *testing.T) { smallSweep(t, gemmOn[float32](serial)) })
		t.Run("float64", func(t *testing.T) { smallSweep(t, gemmOn[float64](serial)) })
	})
}

func smallSweep[T Float](t *testing.T, call gemmFunc[T]) {
	rng := rand.New(rand.NewPCG(1, 2))
	i := 0
	for _, tr := range transposes {
		for _, m := range smallSizes {
			for _, n := range smallSizes {
				for _, k := range smallSizes {
					s := scalars[i%len(scalars)]
					tc := gemmCase{tA: tr[0], tB: tr[1], m: m, n: n, k: k, alpha: s[0], beta: s[1], pad: (i / 3) % 3 * 2}
					runCase(t, rng, tc, call)
					i++
				}
			}
		}
	}
}

// TestGemmBlockEdges puts each dimension of each implementation's cache
// blocks (kc, mc, nc, nc2) one below, at and one above its boundary.
func TestGemmBlockEdges(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		serial := k.WithWorkers(Serial)
		t.Run("float32", func(t *testing.T) { blockEdges(t, specOf[float32](k.impl()), gemmOn[float32](serial)) })
		t.Run("float64", func(t *testing.T) { blockEdges(t, specOf[float64](k.impl()), gemmOn[float64](serial)) })
	})
}

func blockEdges[T Float](t *testing.T, s *kernelSpec[T], call gemmFunc[T]) {
	rng := rand.New(rand.NewPCG(3, 4))
	var cases []gemmCase
	for _, d := range []int{-1, 0, 1} {
		cases = append(cases,
			gemmCase{m: 2*s.mr + 1, n: 2*s.nr - 1, k: s.kc + d},
			gemmCase{m: s.mc + d, n: s.nr + 1, k: 2*s.kc + d},
			gemmCase{m: s.mc + d, n: 2*s.nr + 3, k: 37},
			gemmCase{m: s.mr - 1, n: s.nc + d, k: 11},
			gemmCase{m: 2*s.mc + d, n: 3*s.nr + d, k: s.kc + 1},
		)
		if s.nc2 > 0 {
			cases = append(cases, gemmCase{m: s.mr + 1, n: s.nc2 + d, k: 19}, gemmCase{m: 2*s.mr - 1, n: 2*s.nc2 + s.nr + d, k: s.kc + 2})
		}
	}
	for i, tc := range cases {
		tr := transposes[i%len(transposes)]
		sc := scalars[i%len(scalars)]
		tc.tA, tc.tB, tc.alpha, tc.beta, tc.pad = tr[0], tr[1], sc[0], sc[1], i%2*5
		runCase(t, rng, tc, call)
	}
}

// TestGemmEdgeColumns multiplies products whose last column of tiles is
// split between the dot kernels and a narrow kernel, or runs as one
// column call (narrowColumn), with B in place (up to 192 rows) and packed
// (more rows), every scalar pair: edges of 10 and 20 columns (float32:
// narrow 16, dots up to 8; float64: narrow 8, dots 2) beside full tiles.
func TestGemmEdgeColumns(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		rng := rand.New(rand.NewPCG(15, 16))
		i := 0
		for _, m := range []int{100, 1000} {
			for _, n := range []int{10, 20, 42, 52} {
				sc := scalars[i%len(scalars)]
				i++
				tc := gemmCase{m: m, n: n, k: 100, alpha: sc[0], beta: sc[1], pad: i % 2 * 3}
				runCase(t, rng, tc, gemmOn[float32](k.WithWorkers(Serial)))
				runCase(t, rng, tc, gemmOn[float64](k.WithWorkers(Serial)))
			}
		}
	})
}

// TestGemmLargeAllTransposes multiplies a product large enough to use
// several cache blocks in every dimension, with every transpose and the
// package's automatic worker count. It is a long suite: about 7 s of CPU.
func TestGemmLargeAllTransposes(t *testing.T) {
	longSuite(t)
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		rng := rand.New(rand.NewPCG(5, 6))
		for i, tr := range transposes {
			tc := gemmCase{tA: tr[0], tB: tr[1], m: 301, n: 263, k: 529, alpha: 1.25, beta: scalars[i][1], pad: 3}
			runCase(t, rng, tc, k.Sgemm)
			runCase(t, rng, tc, k.Dgemm)
		}
	})
}

// TestAlphaZeroDoesNotReadAB passes NaN-filled A and B with alpha = 0:
// C must be exactly beta·C.
func TestAlphaZeroDoesNotReadAB(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		nan := float32(0) / zero32()
		a := slices.Repeat([]float32{nan}, 12)
		b := slices.Repeat([]float32{nan}, 12)
		c := []float32{1, 2, 3, 4, 5, 6, 7, 8, 9}
		k.Sgemm(NoTrans, NoTrans, 3, 3, 4, 0, a, 4, b, 3, 2, c, 3)
		want := []float32{2, 4, 6, 8, 10, 12, 14, 16, 18}
		if !slices.Equal(c, want) {
			t.Fatalf("C = %v, want %v", c, want)
		}
	})
}

func zero32() float32 { return 0 }

// TestSerialCallsDoNotAllocate guards the per-call overhead of small
// products: once the buffer pools are warm, a serial call allocates nothing.
func TestSerialCallsDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under -race")
	}
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		serial := k.WithWorkers(Serial)
		for _, n := range []int{7, 64, 100} {
			a := make([]float32, n*n)
			c := make([]float32, n*n)
			call := func() { serial.Sgemm(NoTrans, NoTrans, n, n, n, 1, a, n, a, n, 0, c, n) }
			call()
			if allocs := testing.AllocsPerRun(20, call); allocs != 0 {
				t.Errorf("n=%d: %v allocations per call, want 0", n, allocs)
			}
		}
	})
}

// TestGemmAliasedStrides uses leading dimensions of exactly 4 KiB, where
// the driver packs A as well as B (packing.go), with every transpose.
func TestGemmAliasedStrides(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		serial := k.WithWorkers(Serial)
		t.Run("float32", func(t *testing.T) { aliasedStrides(t, gemmOn[float32](serial), 1024) })
		t.Run("float64", func(t *testing.T) { aliasedStrides(t, gemmOn[float64](serial), 512) })
	})
}

func aliasedStrides[T Float](t *testing.T, call gemmFunc[T], ld int) {
	rng := rand.New(rand.NewPCG(5, 6))
	i := 0
	for _, size := range []int{40, 77} {
		for _, tr := range transposes {
			sc := scalars[i%len(scalars)]
			i++
			// All dimensions equal, so every operand's leading dimension is ld.
			runCase(t, rng, gemmCase{tA: tr[0], tB: tr[1], m: size, n: size, k: size, alpha: sc[0], beta: sc[1], pad: ld - size}, call)
		}
	}
}

// TestGemmDotTailPackedOperands gives the dot tail kernels (the last 1–8
// float32 or 1–2 float64 columns of a partial tile) products whose other
// tiles pack B (m above packBMinRows) or A and B (4 KiB leading
// dimensions): the dots still read A and B's last columns in place.
func TestGemmDotTailPackedOperands(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		serial := k.WithWorkers(Serial)
		t.Run("float32", func(t *testing.T) { dotTailPacked(t, gemmOn[float32](serial), 1024) })
		t.Run("float64", func(t *testing.T) { dotTailPacked(t, gemmOn[float64](serial), 512) })
	})
}

func dotTailPacked[T Float](t *testing.T, call gemmFunc[T], aliasLd int) {
	rng := rand.New(rand.NewPCG(7, 8))
	cases := []gemmCase{
		{m: packBMinRows + 1, n: 33, k: 100},
		{m: 1000, n: 100, k: 100},
		{m: 1000, n: 10, k: 100},
		{m: 200, n: 66, k: 300},
		{m: 301, n: 38, k: 784},
		{m: 40, n: 40, k: 40, pad: aliasLd - 40}, // lda = ldb = ldc = 4 KiB
		{m: 36, n: 34, k: 36, pad: aliasLd - 36}, // … with a 2-column tail
		{m: 200, n: 36, k: 200, pad: aliasLd - 200},
	}
	for i, tc := range cases {
		sc := scalars[i%len(scalars)]
		tc.alpha, tc.beta = sc[0], sc[1]
		runCase(t, rng, tc, call)
	}
}
