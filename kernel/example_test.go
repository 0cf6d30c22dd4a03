package kernel_test

import (
	"fmt"

	"zerokara/kernel"
)

// Multiply a 2×3 matrix by a 3×2 matrix: C = A·B.
func ExampleSgemm() {
	a := []float32{
		1, 2, 3,
		4, 5, 6,
	}
	b := []float32{
		7, 8,
		9, 10,
		11, 12,
	}
	c := make([]float32, 2*2)
	kernel.Sgemm(kernel.NoTrans, kernel.NoTrans, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2)
	fmt.Println(c)
	// Output: [58 64 139 154]
}

// Accumulate Aᵀ·B into C (beta = 1), the form of a weight gradient xᵀ·dout.
func ExampleDgemm() {
	a := []float64{ // stored 2×3, used transposed as 3×2
		1, 2, 3,
		4, 5, 6,
	}
	b := []float64{ // 2×2
		1, 0,
		0, 1,
	}
	c := []float64{ // 3×2, kept and added to
		10, 10,
		10, 10,
		10, 10,
	}
	kernel.Dgemm(kernel.Trans, kernel.NoTrans, 3, 2, 2, 1, a, 3, b, 2, 1, c, 2)
	fmt.Println(c)
	// Output: [11 14 12 15 13 16]
}

// Run one product on the calling goroutine only, as a worker that already
// owns a core should.
func ExampleWorkers() {
	a := []float64{1, 2, 3, 4}
	b := []float64{5, 6, 7, 8}
	c := make([]float64, 4)
	kernel.Serial.Dgemm(kernel.NoTrans, kernel.Trans, 2, 2, 2, 2, a, 2, b, 2, 0, c, 2)
	fmt.Println(c)
	// Output: [34 46 78 106]
}

// The generic entry point serves code written over both element types.
func ExampleGemm() {
	square := func(x []float32, n int) []float32 {
		y := make([]float32, n*n)
		kernel.Gemm(kernel.Auto, kernel.NoTrans, kernel.NoTrans, n, n, n, 1, x, n, x, n, 0, y, n)
		return y
	}
	fmt.Println(square([]float32{0, 1, 1, 0}, 2))
	// Output: [1 0 0 1]
}

// Report the path the package-level functions use.
func ExampleImplementation() {
	switch kernel.Implementation() {
	case "avx512", "avx2fma", "purego":
		fmt.Println("known implementation")
	}
	// Output: known implementation
}

// Compare every implementation on the same product.
func ExampleLookup() {
	a := []float32{1, 2, 3, 4}
	for _, name := range kernel.Implementations() {
		k, err := kernel.Lookup(name)
		if err != nil {
			panic(err)
		}
		c := make([]float32, 4)
		k.WithWorkers(kernel.Serial).Sgemm(kernel.NoTrans, kernel.NoTrans, 2, 2, 2, 1, a, 2, a, 2, 0, c, 2)
		if c[0] != 7 || c[3] != 22 {
			fmt.Println(name, "is wrong:", c)
		}
	}
	_, err := kernel.Lookup("quantum")
	fmt.Println(err != nil)
	// Output: true
}

// The zero Kernel is the active implementation on Auto workers, the same
// as the package-level functions.
func ExampleKernel() {
	var k kernel.Kernel
	a := []float64{1, 2, 3, 4}
	c := make([]float64, 4)
	k.WithWorkers(kernel.Serial).Dgemm(kernel.NoTrans, kernel.NoTrans, 2, 2, 2, 1, a, 2, a, 2, 0, c, 2)
	fmt.Println(k.Name() == kernel.Implementation(), c)
	// Output: true [7 10 15 22]
}
