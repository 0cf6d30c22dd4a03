package net_test

import (
	"fmt"
	"math/rand/v2"

	"zerokara/kernel"
	"zerokara/net"
)

// Train a tiny network to tell whether a point lies above the line y = x.
func Example() {
	rng := rand.New(rand.NewPCG(1, 2))
	nw, err := net.New[float64](net.Config{
		InputSize: 2, HiddenSizes: []int{16}, OutputSize: 2,
		Activation: net.ReLUAct, Init: net.He(), Workers: kernel.Serial,
	}, rng)
	if err != nil {
		panic(err)
	}
	x := net.NewMatrix[float64](200, 2)
	labels := make([]int, 200)
	for i := range labels {
		a, b := rng.Float64()*2-1, rng.Float64()*2-1
		x.Set(i, 0, a)
		x.Set(i, 1, b)
		if b > a {
			labels[i] = 1
		}
	}
	opt, _ := net.NewOptimizer[float64](net.OptAdam, 0.01)
	for range 500 {
		if _, err := nw.Step(x, labels, opt); err != nil {
			panic(err)
		}
	}
	acc, _ := nw.Accuracy(x, labels)
	fmt.Println("accuracy above 95%:", acc > 0.95)
	// Output: accuracy above 95%: true
}

// The book's initializers and their formulas.
func ExampleInit() {
	for _, in := range []net.Init{net.Std(0.01), net.Xavier(), net.He()} {
		fmt.Printf("%-8s σ for a 100×100 layer: %.4f\n", in, in.Scale(100, 100))
	}
	// Output:
	// std=0.01 σ for a 100×100 layer: 0.0100
	// Xavier   σ for a 100×100 layer: 0.1000
	// He       σ for a 100×100 layer: 0.1414
}
