package kernel

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// expectImplsEnv names the environment variable that lists, comma-separated
// and fastest first, the implementations this machine must offer, e.g.
// "avx2fma,purego". CI sets it so that a CPU detection bug that silently
// falls back to pure Go (or picks assembly the CPU lacks) fails the tests.
const expectImplsEnv = "ZEROKARA_EXPECT_IMPLS"

// TestExpectedImplementations checks the available implementations against
// ZEROKARA_EXPECT_IMPLS, and that the fastest is active unless pure Go is
// forced.
func TestExpectedImplementations(t *testing.T) {
	want := os.Getenv(expectImplsEnv)
	have := strings.Join(Implementations(), ",")
	t.Logf("implementations: %s; active: %s", have, Implementation())
	if want == "" {
		t.Skipf("%s not set; available: %s", expectImplsEnv, have)
	}
	if have != want {
		t.Fatalf("available implementations = %q, %s = %q", have, expectImplsEnv, want)
	}
	if os.Getenv(pureGoEnv) == "" && Implementation() != implementations[0].name {
		t.Fatalf("Implementation() = %q, want the fastest, %q", Implementation(), implementations[0].name)
	}
}

// TestPureGoEnvironment checks that ZEROKARA_PUREGO selects the pure-Go
// path, which is always available, last.
func TestPureGoEnvironment(t *testing.T) {
	if v := os.Getenv(pureGoEnv); v != "" && v != "0" && Implementation() != "purego" {
		t.Fatalf("%s=%s but Implementation() = %q", pureGoEnv, v, Implementation())
	}
	if implementations[len(implementations)-1] != pureGo {
		t.Fatal("the pure-Go path must always be available, last")
	}
}

// kernels returns the Kernel of every available implementation, from
// Lookup, fastest first. The tests force each path through these values;
// none of them changes the package's dispatch table.
func kernels(t testing.TB) []Kernel {
	t.Helper()
	var ks []Kernel
	for _, name := range Implementations() {
		k, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		ks = append(ks, k)
	}
	return ks
}

// forEachImplementation runs f as a subtest once per available
// implementation, with that implementation's Kernel (Auto workers).
func forEachImplementation(t *testing.T, f func(t *testing.T, k Kernel)) {
	for _, k := range kernels(t) {
		t.Run("impl="+k.Name(), func(t *testing.T) { f(t, k) })
	}
}

// TestLookupUsesThatImplementation checks that Lookup returns a Kernel
// bound to the named implementation, which WithWorkers keeps, and an error
// naming the available ones for an unknown name.
func TestLookupUsesThatImplementation(t *testing.T) {
	for i, name := range Implementations() {
		k, err := Lookup(name)
		if err != nil || k.Name() != name {
			t.Fatalf("Lookup(%q) = %v, %v", name, k.Name(), err)
		}
		if k.impl() != implementations[i] || k.WithWorkers(Serial).impl() != implementations[i] {
			t.Fatalf("Lookup(%q) computes with %q", name, k.impl().name)
		}
	}
	if Implementations()[len(Implementations())-1] != "purego" {
		t.Error("purego must be listed last")
	}
	_, err := Lookup("quantum")
	if err == nil || !strings.HasPrefix(err.Error(), "kernel: ") || !strings.Contains(err.Error(), "purego") {
		t.Errorf("Lookup(\"quantum\") error = %v", err)
	}
}

// TestKernelZeroValue checks that the zero Kernel, with or without a worker
// count, is the active implementation: the same name and bitwise the same
// results as the package-level functions.
func TestKernelZeroValue(t *testing.T) {
	active, err := Lookup(Implementation())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		k    Kernel
	}{
		{"zero", Kernel{}},
		{"zero.WithWorkers(Serial)", Kernel{}.WithWorkers(Serial)},
		{"zero.WithWorkers(2)", Kernel{}.WithWorkers(2)},
		{"Lookup(Implementation())", active},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.k.Name(); got != Implementation() {
				t.Fatalf("Name() = %q, want %q", got, Implementation())
			}
			t.Run("float32", func(t *testing.T) { sameAsPackage(t, tc.k.Sgemm, Sgemm) })
			t.Run("float64", func(t *testing.T) { sameAsPackage(t, tc.k.Dgemm, Dgemm) })
		})
	}
}

// sameAsPackage checks that got computes bitwise what the package-level
// function want does, on a product of several tiles with partial edges.
func sameAsPackage[T Float](t *testing.T, got, want gemmFunc[T]) {
	const m, n, k = 131, 77, 90
	rnd := randFloat[T](rand.New(rand.NewPCG(13, 14)))
	a, b, c := make([]T, m*k), make([]T, k*n), make([]T, m*n)
	for _, x := range [][]T{a, b, c} {
		for i := range x {
			x[i] = rnd()
		}
	}
	cGot, cWant := slices.Clone(c), slices.Clone(c)
	got(NoTrans, Trans, m, n, k, 0.75, a, k, b, k, 1.5, cGot, n)
	want(NoTrans, Trans, m, n, k, 0.75, a, k, b, k, 1.5, cWant, n)
	for i := range cGot {
		if !bitsEqual(cGot[i], cWant[i]) {
			t.Fatalf("C[%d] = %v, package-level %v", i, cGot[i], cWant[i])
		}
	}
}
