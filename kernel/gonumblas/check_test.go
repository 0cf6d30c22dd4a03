package gonumblas

import (
	"testing"

	"gonum.org/v1/gonum/blas"
)

// TestMisusePanics checks that bad arguments panic with the documented
// message before any work, as gonum's BLAS does.
func TestMisusePanics(t *testing.T) {
	var impl Implementation
	a, b, c := make([]float64, 16), make([]float64, 16), make([]float64, 16)
	l, u, n, tr, nu := blas.Left, blas.Upper, blas.NoTrans, blas.Trans, blas.NonUnit
	for _, tc := range []struct {
		name, want string
		call       func()
	}{
		{"gemm transpose", badTranspose, func() { impl.Dgemm('x', n, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2) }},
		{"gemm short C", "kernel: insufficient length of C", func() { impl.Dgemm(n, n, 4, 5, 2, 1, a, 2, b, 5, 0, c, 5) }},
		{"trsm side", badSide, func() { impl.Dtrsm('x', u, n, nu, 2, 2, 1, a, 2, b, 2) }},
		{"trsm uplo", badUplo, func() { impl.Dtrsm(l, 'x', n, nu, 2, 2, 1, a, 2, b, 2) }},
		{"trsm transpose", badTranspose, func() { impl.Dtrsm(l, u, 'x', nu, 2, 2, 1, a, 2, b, 2) }},
		{"trsm diag", badDiag, func() { impl.Dtrsm(l, u, n, 'x', 2, 2, 1, a, 2, b, 2) }},
		{"trsm m < 0", mLT0, func() { impl.Dtrsm(l, u, n, nu, -1, 2, 1, a, 2, b, 2) }},
		{"trsm lda", badLdA, func() { impl.Dtrsm(l, u, n, nu, 3, 2, 1, a, 2, b, 2) }},
		{"trsm short B", shortB, func() { impl.Dtrsm(l, u, n, nu, 2, 9, 1, a, 2, b, 9) }},
		{"trmm short A", shortA, func() { impl.Dtrmm(l, u, tr, nu, 5, 1, 1, a, 5, b, 1) }},
		{"syrk k < 0", kLT0, func() { impl.Dsyrk(u, n, 2, -1, 1, a, 2, 0, c, 2) }},
		{"syrk ldc", badLdC, func() { impl.Dsyrk(u, n, 3, 2, 1, a, 2, 0, c, 2) }},
		{"syrk short A", shortA, func() { impl.Dsyrk(u, tr, 3, 9, 1, a, 3, 0, c, 3) }},
		{"symm ldb", badLdB, func() { impl.Dsymm(l, u, 2, 3, 1, a, 2, b, 2, 0, c, 3) }},
		{"symm short C", shortC, func() { impl.Dsymm(l, u, 2, 9, 1, a, 2, make([]float64, 18), 9, 0, c, 9) }},
		{"float32 syrk uplo", badUplo, func() { impl.Ssyrk('x', n, 2, 2, 1, make([]float32, 4), 2, 0, make([]float32, 4), 2) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if got := recover(); got != tc.want {
					t.Errorf("panic %v, want %q", got, tc.want)
				}
			}()
			tc.call()
		})
	}
}
