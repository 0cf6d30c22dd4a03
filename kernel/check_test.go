package kernel

import (
	"testing"
)

// TestGemmPanicsOnMisuse checks each misuse panics with its "kernel:"
// message.
func TestGemmPanicsOnMisuse(t *testing.T) {
	s := make([]float64, 100)
	for _, tc := range []struct {
		name    string
		w       Workers
		tA, tB  Transpose
		m, n, k int
		a       []float64
		lda     int
		b       []float64
		ldb     int
		c       []float64
		ldc     int
		want    string
	}{
		{"bad tA", Auto, 7, NoTrans, 2, 2, 2, s, 2, s, 2, s, 2, badTranspose},
		{"bad tB", Auto, NoTrans, 2, 2, 2, 2, s, 2, s, 2, s, 2, badTranspose},
		{"m<0", Auto, NoTrans, NoTrans, -1, 2, 2, s, 2, s, 2, s, 2, mLT0},
		{"n<0", Auto, NoTrans, NoTrans, 2, -1, 2, s, 2, s, 2, s, 2, nLT0},
		{"k<0", Auto, NoTrans, NoTrans, 2, 2, -1, s, 2, s, 2, s, 2, kLT0},
		{"lda<k", Auto, NoTrans, NoTrans, 2, 3, 4, s, 3, s, 3, s, 3, badLdA},
		{"lda<m transposed", Auto, Trans, NoTrans, 4, 3, 2, s, 3, s, 3, s, 3, badLdA},
		{"lda=0 empty", Auto, NoTrans, NoTrans, 0, 0, 0, s, 0, s, 1, s, 1, badLdA},
		{"ldb<n", Auto, NoTrans, NoTrans, 2, 4, 3, s, 3, s, 3, s, 4, badLdB},
		{"ldb<k transposed", Auto, NoTrans, Trans, 2, 3, 4, s, 4, s, 3, s, 3, badLdB},
		{"ldc<n", Auto, NoTrans, NoTrans, 2, 4, 3, s, 3, s, 4, s, 3, badLdC},
		{"short A", Auto, NoTrans, NoTrans, 3, 3, 3, s[:8], 3, s, 3, s, 3, shortA},
		{"short A padded", Auto, NoTrans, NoTrans, 3, 3, 3, s[:12], 5, s, 3, s, 3, shortA},
		{"short B", Auto, NoTrans, Trans, 3, 3, 3, s, 3, s[:8], 3, s, 3, shortB},
		{"short C", Auto, NoTrans, NoTrans, 3, 3, 3, s, 3, s, 3, s[:8], 3, shortC},
		{"negative workers", -2, NoTrans, NoTrans, 2, 2, 2, s, 2, s, 2, s, 2, badWorkers},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				got := recover()
				if got != tc.want {
					t.Fatalf("panic = %v, want %q", got, tc.want)
				}
			}()
			Gemm(tc.w, tc.tA, tc.tB, tc.m, tc.n, tc.k, 1.0, tc.a, tc.lda, tc.b, tc.ldb, 1.0, tc.c, tc.ldc)
		})
	}
}

// TestGemmQuickReturns checks the cases that need no arithmetic: nothing
// outside the empty output is touched, and exact minimum lengths pass.
func TestGemmQuickReturns(t *testing.T) {
	c := []float32{1, 2, 3, 4}
	Sgemm(NoTrans, NoTrans, 0, 2, 3, 1, nil, 3, make([]float32, 6), 2, 0, c, 2)
	Sgemm(NoTrans, NoTrans, 2, 0, 3, 1, make([]float32, 6), 3, nil, 1, 0, c, 1)
	if c[0] != 1 || c[3] != 4 {
		t.Fatalf("empty product changed C: %v", c)
	}
	// k = 0: C = beta·C, A and B may be empty.
	Sgemm(NoTrans, NoTrans, 2, 2, 0, 1, nil, 1, nil, 2, 3, c, 2)
	if c[0] != 3 || c[3] != 12 {
		t.Fatalf("k=0 with beta=3: C = %v", c)
	}
}
