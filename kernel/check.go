package kernel

// Panic messages for misuse, in the spirit of gonum's blas package.
const (
	badTranspose = "kernel: illegal transpose"
	mLT0         = "kernel: m < 0"
	nLT0         = "kernel: n < 0"
	kLT0         = "kernel: k < 0"
	badLdA       = "kernel: bad leading dimension of A"
	badLdB       = "kernel: bad leading dimension of B"
	badLdC       = "kernel: bad leading dimension of C"
	shortA       = "kernel: insufficient length of A"
	shortB       = "kernel: insufficient length of B"
	shortC       = "kernel: insufficient length of C"
	badWorkers   = "kernel: negative worker count"
)

// checkGemm panics if the arguments do not describe valid row-major
// operands. It reports whether there is any work (m > 0 and n > 0).
func checkGemm(tA, tB Transpose, m, n, k int, lenA, lda, lenB, ldb, lenC, ldc int) bool {
	if tA != NoTrans && tA != Trans || tB != NoTrans && tB != Trans {
		panic(badTranspose)
	}
	switch {
	case m < 0:
		panic(mLT0)
	case n < 0:
		panic(nLT0)
	case k < 0:
		panic(kLT0)
	}
	// Rows and columns of the stored (not transposed) operands.
	rowsA, colsA := m, k
	if tA == Trans {
		rowsA, colsA = k, m
	}
	rowsB, colsB := k, n
	if tB == Trans {
		rowsB, colsB = n, k
	}
	switch {
	case lda < max(1, colsA):
		panic(badLdA)
	case ldb < max(1, colsB):
		panic(badLdB)
	case ldc < max(1, n):
		panic(badLdC)
	}
	if m == 0 || n == 0 {
		return false
	}
	switch {
	case lenA < minLen(rowsA, colsA, lda):
		panic(shortA)
	case lenB < minLen(rowsB, colsB, ldb):
		panic(shortB)
	case lenC < minLen(m, n, ldc):
		panic(shortC)
	}
	return true
}

// minLen is the shortest slice that holds a rows×cols matrix with leading
// dimension ld.
func minLen(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}
