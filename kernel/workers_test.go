package kernel

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// TestWorkersBitwiseEqual checks that every worker count gives exactly the
// serial result, for shapes split along M and along N.
func TestWorkersBitwiseEqual(t *testing.T) {
	forceSplitting(t)
	forEachImplementation(t, func(t *testing.T, kn Kernel) {
		t.Run("float32", func(t *testing.T) { workersEqual[float32](t, kn) })
		t.Run("float64", func(t *testing.T) { workersEqual[float64](t, kn) })
	})
}

func workersEqual[T Float](t *testing.T, kn Kernel) {
	rng := rand.New(rand.NewPCG(11, 12))
	rnd := randFloat[T](rng)
	for i, sh := range [][3]int{{97, 61, 300}, {13, 250, 77}, {200, 200, 520}, {5, 3, 1000}} {
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
	forceSplitting(t)
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
				Workers(2).Sgemm(NoTrans, NoTrans, m, n, k, 1, a, k, b, n, 0, c, n)
				if !slices.Equal(c, want) {
					t.Error("concurrent product differs from the sequential one")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// forceSplitting makes every product split into as many bands as it is
// given workers, however small, for the rest of test t.
func forceSplitting(t *testing.T) {
	saved := minBandFlops
	minBandFlops = 0
	t.Cleanup(func() { minBandFlops = saved })
}

// TestWorkersAreAnUpperBound checks resolve: small products run on fewer
// workers than asked, large ones on exactly the count asked (or GOMAXPROCS
// for Auto).
func TestWorkersAreAnUpperBound(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, tc := range []struct {
		w       Workers
		m, n, k int
		want    int
	}{
		{Serial, 1000, 1000, 1000, 1},
		{2, 8, 8, 8, 1},
		{7, 100, 100, 100, 1},    // 2.0 MFlop: one band of ≥ 1.2
		{7, 128, 100, 100, 2},    // 2.56 MFlop: two bands
		{7, 1000, 1000, 1000, 7}, // plenty of work: the count asked
		{Auto, 1000, 1000, 1000, procs},
		{Auto, 10, 10, 10, 1},
	} {
		if got := tc.w.resolve(tc.m, tc.n, tc.k); got != tc.want {
			t.Errorf("Workers(%d).resolve(%d, %d, %d) = %d, want %d", tc.w, tc.m, tc.n, tc.k, got, tc.want)
		}
	}
}
