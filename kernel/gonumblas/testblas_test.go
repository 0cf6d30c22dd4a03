package gonumblas

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/blas/testblas"

	"zerokara/kernel"
)

// plugins returns the plug-in on every kernel path, each with the default
// recursion base and with base 1, so that gonum's small test matrices go
// through the recursive blocking too.
func plugins(t testing.TB) map[string]Implementation {
	t.Helper()
	out := map[string]Implementation{}
	for _, name := range kernel.Implementations() {
		k, err := kernel.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, base := range []int{0, 1} {
			out[fmt.Sprintf("%s/base=%d", name, base)] = Implementation{Kernel: k, base: base}
		}
	}
	return out
}

// TestGonumLevel3Suites runs gonum's own testblas suites for every routine
// the plug-in overrides.
func TestGonumLevel3Suites(t *testing.T) {
	for name, impl := range plugins(t) {
		t.Run(name, func(t *testing.T) {
			t.Run("Dgemm", func(t *testing.T) { testblas.TestDgemm(t, impl) })
			t.Run("Dtrsm", func(t *testing.T) { testblas.DtrsmTest(t, impl) })
			t.Run("Dtrmm", func(t *testing.T) { testblas.DtrmmTest(t, impl) })
			t.Run("Dsyrk", func(t *testing.T) { testblas.DsyrkTest(t, impl) })
			t.Run("Dsymm", func(t *testing.T) { testblas.DsymmTest(t, impl) })
		})
	}
}
