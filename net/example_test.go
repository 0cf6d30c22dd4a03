package net_test

import (
	"errors"
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

// A batch of the wrong width is refused with an error, never computed.
func ExampleNetwork_Predict() {
	nw, _ := net.New[float32](net.Config{InputSize: 784, HiddenSizes: []int{100}, OutputSize: 10,
		Activation: net.ReLUAct, Init: net.He()}, rand.New(rand.NewPCG(1, 1)))
	_, err := nw.Predict(net.NewMatrix[float32](2, 783), false)
	fmt.Println(err)
	fmt.Println(errors.Is(err, net.ErrShape))
	// Output:
	// net: Predict: shape mismatch: batch has 783 columns, expected 784
	// true
}

// Configuration values read and write their text form, as flags and
// config files hold them.
func ExampleInit_UnmarshalText() {
	var in net.Init
	if err := in.UnmarshalText([]byte("std=0.01")); err != nil {
		panic(err)
	}
	text, _ := in.MarshalText()
	fmt.Println(string(text), in.Scale(784, 100))
	fmt.Println(in.UnmarshalText([]byte("std=-1")))
	// Output:
	// std=0.01 0.01
	// net: bad initializer "std=-1" (want he, xavier, glorot, zero, const=C, or std=σ with σ ≥ 0)
}
