package gonumblas_test

import (
	"fmt"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/mat"

	"zerokara/kernel/gonumblas"
)

// gonum's mat and lapack packages call the BLAS installed with blas64.Use:
// one line switches them onto zerokara's kernels.
func Example() {
	blas64.Use(gonumblas.Implementation{})
	defer blas64.Use(gonum.Implementation{}) // back to gonum's own

	a := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	b := mat.NewDense(3, 2, []float64{7, 8, 9, 10, 11, 12})
	var c mat.Dense
	c.Mul(a, b)
	fmt.Println(mat.Formatted(&c))
	// Output:
	// ⎡ 58   64⎤
	// ⎣139  154⎦
}
