package gonumblas

import (
	"os"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	lapackgonum "gonum.org/v1/gonum/lapack/gonum"
	"gonum.org/v1/gonum/lapack/testlapack"
)

// TestGonumLapackSuites runs gonum's LAPACK test suites with blas64 routed
// through the plug-in: they call Dgemm, Dtrsm, Dtrmm and Dsyrk through
// blas64 in many shapes, strides and transposes. They take minutes on
// every path, so they are a long suite: they run with ZEROKARA_LONG set
// (CI sets it), and never under -short.
func TestGonumLapackSuites(t *testing.T) {
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite (minutes): set ZEROKARA_LONG=1 and run without -short")
	}
	defer blas64.Use(gonum.Implementation{})
	lapack := lapackgonum.Implementation{}
	for name, impl := range plugins(t) {
		t.Run(name, func(t *testing.T) {
			blas64.Use(impl)
			if _, ok := blas64.Implementation().(Implementation); !ok {
				t.Fatal("blas64 does not route through the plug-in")
			}
			t.Run("Dgetrf", func(t *testing.T) { testlapack.DgetrfTest(t, lapack) })
			t.Run("Dgetri", func(t *testing.T) { testlapack.DgetriTest(t, lapack) })
			t.Run("Dpotrf", func(t *testing.T) { testlapack.DpotrfTest(t, lapack) })
			t.Run("Dpotri", func(t *testing.T) { testlapack.DpotriTest(t, lapack) })
			t.Run("Dpotrs", func(t *testing.T) { testlapack.DpotrsTest(t, lapack) })
			t.Run("Dtrtri", func(t *testing.T) { testlapack.DtrtriTest(t, lapack) })
			t.Run("Dlauum", func(t *testing.T) { testlapack.DlauumTest(t, lapack) })
			t.Run("Dgeqrf", func(t *testing.T) { testlapack.DgeqrfTest(t, lapack) })
			t.Run("Dgels", func(t *testing.T) { testlapack.DgelsTest(t, lapack) })
			t.Run("Dgesvd", func(t *testing.T) { testlapack.DgesvdTest(t, lapack, 1e-13) })
			t.Run("Dsyev", func(t *testing.T) { testlapack.DsyevTest(t, lapack) })
		})
	}
}
