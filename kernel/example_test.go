package kernel_test

import (
	"fmt"
	"math"

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
	case "avx512", "avx2fma", "neon", "purego":
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

// Update parameters in place with a gradient step: w += -lr·grad.
func ExampleAxpy() {
	w := []float32{1, 2, 3}
	grad := []float32{10, -20, 0}
	kernel.Axpy(len(w), -0.5, grad, w)
	fmt.Println(w)
	// Output: [-4 12 3]
}

// ReLU keeps positive values and NaN; negatives and −0 become +0.
func ExampleReLU() {
	x := []float64{-2, 3, math.Copysign(0, -1), math.NaN(), math.Inf(1)}
	y := make([]float64, len(x))
	kernel.ReLU(len(x), x, y)
	fmt.Println(y, math.Signbit(y[2]))
	// Output: [0 3 0 NaN +Inf] false
}

// ReLU's backward pass zeroes the gradient where the output was 0.
func ExampleReLUMask() {
	y := []float32{0, 3, 0, 1}
	d := []float32{5, 6, 7, 8}
	kernel.ReLUMask(len(d), y, d)
	fmt.Println(d)
	// Output: [0 6 0 8]
}

// The bias gradient of a batch is the sum of the rows of the output
// gradient: here 3 rows of 2 columns stored with a leading dimension of 3.
func ExampleColSums() {
	dout := []float64{
		1, 2, -1,
		3, 4, -1,
		5, 6,
	}
	db := make([]float64, 2)
	kernel.ColSums(3, 2, dout, 3, db)
	fmt.Println(db)
	// Output: [9 12]
}

// Broadcast a bias over the rows of a batch.
func ExampleAddRow() {
	out := []float32{
		1, 2,
		3, 4,
	}
	kernel.AddRow(2, 2, []float32{10, 20}, out, 2)
	fmt.Println(out)
	// Output: [11 22 13 24]
}

// Run the vector routines of every implementation side by side.
func ExampleVecOf() {
	for _, name := range kernel.Implementations() {
		k, err := kernel.Lookup(name)
		if err != nil {
			panic(err)
		}
		y := []float32{1, 1, 1}
		kernel.VecOf[float32](k).Axpy(3, 2, []float32{1, 2, 3}, y)
		if fmt.Sprint(y) != "[3 5 7]" {
			fmt.Println(k.Name(), y)
		}
	}
	fmt.Println("all agree")
	// Output: all agree
}

// The γ gradient of a BatchNorm layer: Σ_rows xn·dout per column.
func ExampleColDots() {
	xn := []float32{
		1, 2,
		3, 4,
	}
	dout := []float32{
		10, 1,
		20, 2,
	}
	dGamma := make([]float32, 2)
	kernel.ColDots(2, 2, xn, dout, 2, dGamma)
	fmt.Println(dGamma)
	// Output: [70 10]
}

// A batch normalisation's forward pass: column means by ColSums, then the
// centred values and sums of squares, then scaling and shifting.
func ExampleBatchNormScale() {
	const m, n = 2, 2
	x := []float64{
		1, 10,
		3, 30,
	}
	mu := make([]float64, n)
	kernel.ColSums(m, n, x, n, mu)
	for j := range mu {
		mu[j] /= m
	}
	xc, ss := make([]float64, m*n), make([]float64, n)
	kernel.BatchNormCenter(m, n, x, n, mu, xc, ss)
	invStd := make([]float64, n)
	for j := range invStd {
		invStd[j] = 1 / math.Sqrt(ss[j]/m)
	}
	gamma, beta := []float64{1, 2}, []float64{0, 5}
	out := make([]float64, m*n)
	kernel.BatchNormScale(m, n, xc, n, invStd, gamma, beta, out)
	fmt.Println(mu, ss, out)
	// Output: [2 20] [2 200] [-1 3 1 7]
}

// The input gradient of a batch normalisation, in its compact form.
func ExampleBatchNormGrad() {
	const m, n = 2, 1
	dout := []float64{1, 3}
	xn := []float64{-1, 1}
	s := []float64{0.25} // γ/(m·std)
	p := []float64{4}    // Σ dout
	q := []float64{2}    // Σ xn·dout
	dx := make([]float64, m*n)
	kernel.BatchNormGrad(m, n, m, dout, xn, n, s, p, q, dx)
	fmt.Println(dx)
	// Output: [0 0]
}

// Centre the columns of a batch and sum their squares.
func ExampleBatchNormCenter() {
	x := []float32{
		1, 4,
		3, 8,
	}
	mu := []float32{2, 6}
	xc, ss := make([]float32, 4), make([]float32, 2)
	kernel.BatchNormCenter(2, 2, x, 2, mu, xc, ss)
	fmt.Println(xc, ss)
	// Output: [-1 -2 1 2] [2 8]
}
