package net

import (
	"math"
	"testing"
)

// TestOptimizerSteps checks the first three steps of every update rule of
// the book's §6.1 on one parameter p = 1 with the gradients 1, 2, −1
// given (no loss involved). The expected values are written out by hand
// from the rules, all state starting at 0 (momentum 0.9, RMSprop decay
// 0.99, Adam β1 0.9 and β2 0.999). Errors are relative to the
// parameter's scale, 1 (RMSprop's first step lands near 0).
func TestOptimizerSteps(t *testing.T) {
	const eps = 1e-7
	sqrt := math.Sqrt
	// AdaGrad: h = 1, 5, 6.
	ada1 := 1 - 0.1*1/(sqrt(1)+eps)
	ada2 := ada1 - 0.1*2/(sqrt(5)+eps)
	// RMSprop: h = 0.01, 0.0499, 0.059401.
	rms1 := 1 - 0.1*1/(sqrt(0.01)+eps)
	rms2 := rms1 - 0.1*2/(sqrt(0.0499)+eps)
	// Adam: m = 0.1, 0.29, 0.161; v = 0.001, 0.004999, 0.005994001;
	// lr_t = 0.1·√(1 − 0.999^t)/(1 − 0.9^t).
	adam1 := 1 - 0.1*sqrt(1-0.999)/(1-0.9)*0.1/(sqrt(0.001)+eps)
	adam2 := adam1 - 0.1*sqrt(1-0.999*0.999)/(1-0.81)*0.29/(sqrt(0.004999)+eps)
	adam3 := adam2 - 0.1*sqrt(1-0.999*0.999*0.999)/(1-0.729)*0.161/(sqrt(0.005994001)+eps)
	for _, tc := range []struct {
		name OptimizerName
		want [3]float64
	}{
		{OptSGD, [3]float64{0.9, 0.7, 0.8}},
		// v = −0.1, −0.29, −0.161.
		{OptMomentum, [3]float64{0.9, 0.61, 0.449}},
		// The book's order: p += m²·v with the velocity before the step,
		// p −= (1+m)·lr·g, then v = m·v − lr·g (v = −0.1, −0.29, −0.161):
		// 1 − 0.19 = 0.81; 0.81 − 0.081 − 0.38 = 0.349;
		// 0.349 − 0.2349 + 0.19 = 0.3041. (Adding m²·v after updating v
		// gives 0.729 at the first step.)
		{OptNesterov, [3]float64{0.81, 0.349, 0.3041}},
		{OptAdaGrad, [3]float64{ada1, ada2, ada2 + 0.1*1/(sqrt(6)+eps)}},
		{OptRMSprop, [3]float64{rms1, rms2, rms2 + 0.1*1/(sqrt(0.059401)+eps)}},
		{OptAdam, [3]float64{adam1, adam2, adam3}},
	} {
		t.Run(string(tc.name), func(t *testing.T) {
			got64 := optimizerSteps[float64](t, tc.name)
			got32 := optimizerSteps[float32](t, tc.name)
			for i, want := range tc.want {
				if d := math.Abs(got64[i] - want); d > 1e-12*max(1, math.Abs(want)) {
					t.Errorf("float64 step %d: p = %.17g, want %.17g", i+1, got64[i], want)
				}
				if d := math.Abs(got32[i] - want); d > 1e-5*max(1, math.Abs(want)) {
					t.Errorf("float32 step %d: p = %.9g, want %.9g", i+1, got32[i], want)
				}
			}
		})
	}
}

// optimizerSteps makes three updates of p = 1 with the gradients 1, 2, −1
// and returns p after each.
func optimizerSteps[T Float](t *testing.T, name OptimizerName) [3]float64 {
	t.Helper()
	opt, err := NewOptimizer[T](name, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	p := Param[T]{Name: "p", Value: NewMatrix[T](1, 1), Grad: NewMatrix[T](1, 1)}
	p.Value.Data[0] = 1
	var out [3]float64
	for i, g := range []T{1, 2, -1} {
		p.Grad.Data[0] = g
		opt.Update([]Param[T]{p})
		out[i] = float64(p.Value.Data[0])
	}
	return out
}

// BenchmarkOptimizerUpdate measures one update of the §6.1 MNIST
// network's parameters (784-100-100-100-100-10: 109 810 values) in
// float32, reported per value.
func BenchmarkOptimizerUpdate(b *testing.B) {
	sizes := []int{784 * 100, 100, 100 * 100, 100, 100 * 100, 100, 100 * 100, 100, 100 * 10, 10}
	for _, name := range OptimizerNames() {
		b.Run(string(name), func(b *testing.B) {
			var params []Param[float32]
			n := 0
			for i, s := range sizes {
				p := Param[float32]{Name: string(rune('a' + i)), Value: NewMatrix[float32](1, s), Grad: NewMatrix[float32](1, s)}
				for j := range p.Grad.Data {
					p.Grad.Data[j] = float32(j%7) * 0.01
				}
				params, n = append(params, p), n+s
			}
			opt, err := NewOptimizer[float32](name, 0.01)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				opt.Update(params)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/value")
		})
	}
}
