package net

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"zerokara/kernel"
)

// BenchmarkTrainStep times one SGD training step (forward, backward,
// update) of the book's 784-100-100-100-100-10 ReLU network on one worker,
// reporting steps/s, for both precisions, batch 100 and 128, with and
// without BatchNorm.
func BenchmarkTrainStep(b *testing.B) {
	for _, dtype := range []string{"float32", "float64"} {
		for _, batch := range []int{100, 128} {
			for _, bn := range []bool{false, true} {
				name := fmt.Sprintf("dtype=%s/batch=%d/bn=%v", dtype, batch, bn)
				if dtype == "float32" {
					b.Run(name, func(b *testing.B) { benchStep[float32](b, batch, bn) })
				} else {
					b.Run(name, func(b *testing.B) { benchStep[float64](b, batch, bn) })
				}
			}
		}
	}
}

func benchStep[T Float](b *testing.B, batch int, bn bool) {
	rng := rand.New(rand.NewPCG(1, 1))
	nw, err := New[T](Config{InputSize: 784, HiddenSizes: []int{100, 100, 100, 100}, OutputSize: 10, Activation: ReLUAct,
		Init: He(), BatchNorm: bn, BN: BookBatchNormOptions(), Workers: kernel.Serial}, rng)
	if err != nil {
		b.Fatal(err)
	}
	x := NewMatrix[T](batch, 784)
	for i := range x.Data {
		x.Data[i] = T(rng.Float64())
	}
	labels := make([]int, batch)
	for i := range labels {
		labels[i] = rng.IntN(10)
	}
	opt := &SGD[T]{LR: 0.01}
	for b.Loop() {
		if _, err := nw.Step(x, labels, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
}
