// Package gonumblas plugs zerokara's GEMM into gonum: Implementation
// satisfies gonum's blas.Float32 and blas.Float64, so a program switches
// gonum's mat and lapack packages onto zerokara's kernels with one line:
//
//	blas64.Use(gonumblas.Implementation{})
//	blas32.Use(gonumblas.Implementation{})
//
// The level-3 routines run on kernel's GEMM: Sgemm/Dgemm directly, and
// the triangular and symmetric ones (Strsm/Dtrsm, Strmm/Dtrmm, Ssyrk/Dsyrk,
// Ssymm/Dsymm) recursively, as GEMMs on blocks around small triangles that
// gonum's own code solves. Every other routine (levels 1 and 2, Ssyr2k and
// the complex types) is gonum's pure-Go implementation, embedded.
//
// Results agree with gonum's to rounding, not bitwise: the products are
// summed in a different order. Misuse panics as gonum's BLAS does, with
// messages starting "gonumblas:" or, from the delegated routines, "blas:".
//
// kernel itself never imports gonum; only this package does.
package gonumblas
