package kernel

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestWorkersBitwiseEqual checks that every worker count gives exactly the
// serial result, for shapes split along M and along N.
func TestWorkersBitwiseEqual(t *testing.T) {
	forEachImplementation(t, func(t *testing.T, kn Kernel) {
		kn.splitAll = true
		t.Run("float32", func(t *testing.T) { workersEqual[float32](t, kn) })
		t.Run("float64", func(t *testing.T) { workersEqual[float64](t, kn) })
	})
}

func workersEqual[T Float](t *testing.T, kn Kernel) {
	rng := rand.New(rand.NewPCG(11, 12))
	rnd := randFloat[T](rng)
	// 100×36×130 (A·B, split along M) ends in dot kernels on AVX-512.
	for i, sh := range [][3]int{{97, 61, 300}, {13, 250, 77}, {200, 200, 520}, {5, 3, 1000}, {100, 36, 130}} {
		m, n, k := sh[0], sh[1], sh[2]
		tr := transposes[i%len(transposes)]
		a := make([]T, m*k)
		b := make([]T, k*n)
		c0 := make([]T, m*n)
		for _, x := range [][]T{a, b, c0} {
			for j := range x {
				x[j] = rnd()
			}
		}
		lda, ldb := k, n
		if tr[0] == Trans {
			lda = m
		}
		if tr[1] == Trans {
			ldb = k
		}
		want := slices.Clone(c0)
		gemm(kn.WithWorkers(Serial), tr[0], tr[1], m, n, k, 0.75, a, lda, b, ldb, 1.25, want, n)
		for _, w := range []Workers{2, 3, 4, 7, Auto} {
			got := slices.Clone(c0)
			gemm(kn.WithWorkers(w), tr[0], tr[1], m, n, k, 0.75, a, lda, b, ldb, 1.25, got, n)
			for j := range got {
				if !bitsEqual(got[j], want[j]) {
					t.Fatalf("m=%d,n=%d,k=%d workers=%d: C[%d] = %v, serial %v", m, n, k, w, j, got[j], want[j])
				}
			}
		}
	}
}

// TestConcurrentCalls runs independent GEMMs from several goroutines at
// once (as the experiments do, one network per core); under -race this
// also checks the buffer pools.
func TestConcurrentCalls(t *testing.T) {
	const m, n, k = 70, 90, 300
	a := make([]float32, m*k)
	b := make([]float32, k*n)
	for i := range a {
		a[i] = float32(i%7) - 3
	}
	for i := range b {
		b[i] = float32(i%5) - 2
	}
	want := make([]float32, m*n)
	Sgemm(NoTrans, NoTrans, m, n, k, 1, a, k, b, n, 0, want, n)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for rep := 0; rep < 5; rep++ {
				c := make([]float32, m*n)
				Kernel{splitAll: true}.WithWorkers(2).Sgemm(NoTrans, NoTrans, m, n, k, 1, a, k, b, n, 0, c, n)
				if !slices.Equal(c, want) {
					t.Error("concurrent product differs from the sequential one")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestWorkersAreAnUpperBound checks resolve: small products run on fewer
// workers than asked, large ones on exactly the count asked (or GOMAXPROCS
// for Auto); a Kernel that splits everything (tests only) gets the count
// asked whatever the size; the slow pure-Go path splits smaller products.
func TestWorkersAreAnUpperBound(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	simd := &implementation{name: "default band"} // minBandFlops, as the SIMD paths
	for _, tc := range []struct {
		path     *implementation
		w        Workers
		splitAll bool
		m, n, k  int
		want     int
	}{
		{simd, Serial, false, 1000, 1000, 1000, 1},
		{simd, 2, false, 8, 8, 8, 1},
		{simd, 7, false, 100, 100, 100, 1},    // 2.0 MFlop: one band of ≥ 4
		{simd, 7, false, 128, 100, 784, 5},    // 20 MFlop: five bands
		{simd, 7, false, 1000, 1000, 1000, 7}, // plenty of work: the count asked
		{simd, Auto, false, 1000, 1000, 1000, procs},
		{simd, Auto, false, 10, 10, 10, 1},
		{simd, 2, true, 8, 8, 8, 2},
		{simd, 7, true, 1, 1, 1, 7},
		{simd, Auto, true, 10, 10, 10, procs},
		{pureGo, 7, false, 100, 100, 100, 7}, // 2.0 MFlop: 33 bands of ≥ 60 kFlop
		{pureGo, 7, false, 20, 20, 20, 1},    // 16 kFlop
		{pureGo, 7, false, 40, 40, 40, 2},    // 128 kFlop: two bands
	} {
		kn := Kernel{path: tc.path, workers: tc.w, splitAll: tc.splitAll}
		if got := tc.w.resolve(tc.m, tc.n, tc.k, kn.bandFlops()); got != tc.want {
			t.Errorf("%s: Workers(%d).resolve(%d, %d, %d) with splitAll=%v = %d, want %d", tc.path.name, tc.w, tc.m, tc.n, tc.k, tc.splitAll, got, tc.want)
		}
	}
}

// TestBandsWhileAHelperIsAwake checks the split policy of bands: a product
// too small for a parked helper (100×100×100, 1 MFlop per band) runs
// serially without waking one after a pause, splits while a helper is
// awake, and never splits below minAwakeBandFlops (64³); paths with their
// own band size (pure Go) ignore helpers.
func TestBandsWhileAHelperIsAwake(t *testing.T) {
	simd := Kernel{path: &implementation{name: "default band"}, workers: 2}
	for _, tc := range []struct {
		kn      Kernel
		m, n, k int
		awake   bool
		want    int
	}{
		{simd, 100, 100, 100, false, 1},
		{simd, 100, 100, 100, true, 2},
		{simd, 64, 64, 64, true, 1},
		{simd, 1000, 1000, 1000, false, 2},
		{Kernel{path: pureGo, workers: 2}, 40, 40, 40, false, 2},
	} {
		lastWakeable.Store(0) // the last such product: long ago
		for helpersAwake.Load() > 0 {
			time.Sleep(time.Millisecond) // helpers of earlier tests park after helperSpin
		}
		if tc.awake {
			helpersAwake.Add(1)
		}
		got, wake := bands(tc.kn, tc.m, tc.n, tc.k)
		if tc.awake {
			helpersAwake.Add(-1)
		}
		if got != tc.want || wake {
			t.Errorf("%s %d×%d×%d awake=%v: bands = %d, wake = %v; want %d, false", tc.kn.impl().name, tc.m, tc.n, tc.k, tc.awake, got, wake, tc.want)
		}
	}
}
