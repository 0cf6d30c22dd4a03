package gonumblas

import "gonum.org/v1/gonum/blas"

// Panic messages for misuse, as gonum's BLAS words them.
const (
	badSide      = "gonumblas: illegal side"
	badUplo      = "gonumblas: illegal triangle"
	badTranspose = "gonumblas: illegal transpose"
	badDiag      = "gonumblas: illegal diagonal"
	mLT0         = "gonumblas: m < 0"
	nLT0         = "gonumblas: n < 0"
	kLT0         = "gonumblas: k < 0"
	badLdA       = "gonumblas: bad leading dimension of A"
	badLdB       = "gonumblas: bad leading dimension of B"
	badLdC       = "gonumblas: bad leading dimension of C"
	shortA       = "gonumblas: insufficient length of A"
	shortB       = "gonumblas: insufficient length of B"
	shortC       = "gonumblas: insufficient length of C"
)

// checkTriangular panics on arguments gonum's Dtrsm/Dtrmm would refuse and
// reports whether there is any work.
func checkTriangular(tr triangular, m, n int, lenA, lda, lenB, ldb int) bool {
	checkSide(tr.side)
	checkUplo(tr.uplo)
	transpose(tr.trans)
	if tr.diag != blas.NonUnit && tr.diag != blas.Unit {
		panic(badDiag)
	}
	return checkSided(tr.side, m, n, lenA, lda, lenB, ldb)
}

// checkSided checks the m×n matrix B and the square A of size m (Left) or
// n (Right) of Dtrsm, Dtrmm and Dsymm, and reports whether there is work.
func checkSided(s blas.Side, m, n int, lenA, lda, lenB, ldb int) bool {
	checkSizes(m, n)
	k := n
	if s == blas.Left {
		k = m
	}
	switch {
	case lda < max(1, k):
		panic(badLdA)
	case ldb < max(1, n):
		panic(badLdB)
	}
	if m == 0 || n == 0 {
		return false
	}
	switch {
	case lenA < minLen(k, k, lda):
		panic(shortA)
	case lenB < minLen(m, n, ldb):
		panic(shortB)
	}
	return true
}

// checkSyrk panics on arguments gonum's Dsyrk would refuse and reports
// whether there is any work.
func checkSyrk(ul blas.Uplo, t blas.Transpose, n, k int, lenA, lda, lenC, ldc int) bool {
	checkUplo(ul)
	transpose(t)
	if n < 0 {
		panic(nLT0)
	}
	if k < 0 {
		panic(kLT0)
	}
	rows, cols := n, k
	if t != blas.NoTrans {
		rows, cols = k, n
	}
	switch {
	case lda < max(1, cols):
		panic(badLdA)
	case ldc < max(1, n):
		panic(badLdC)
	}
	if n == 0 {
		return false
	}
	switch {
	case lenA < minLen(rows, cols, lda):
		panic(shortA)
	case lenC < minLen(n, n, ldc):
		panic(shortC)
	}
	return true
}

// checkSymm panics on arguments gonum's Dsymm would refuse and reports
// whether there is any work.
func checkSymm(s blas.Side, ul blas.Uplo, m, n int, lenA, lda, lenB, ldb, lenC, ldc int) bool {
	checkSide(s)
	checkUplo(ul)
	if ldc < max(1, n) {
		panic(badLdC)
	}
	work := checkSided(s, m, n, lenA, lda, lenB, ldb)
	if work && lenC < minLen(m, n, ldc) {
		panic(shortC)
	}
	return work
}

func checkSide(s blas.Side) {
	if s != blas.Left && s != blas.Right {
		panic(badSide)
	}
}

func checkUplo(ul blas.Uplo) {
	if ul != blas.Upper && ul != blas.Lower {
		panic(badUplo)
	}
}

func checkSizes(m, n int) {
	if m < 0 {
		panic(mLT0)
	}
	if n < 0 {
		panic(nLT0)
	}
}

// minLen is the shortest slice that holds a rows×cols matrix with leading
// dimension ld.
func minLen(rows, cols, ld int) int {
	if rows == 0 || cols == 0 {
		return 0
	}
	return (rows-1)*ld + cols
}
