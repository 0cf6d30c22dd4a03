package net

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestDropout(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	d := NewDropout[float64](0.3, rng)
	x := NewMatrix[float64](100, 50)
	for i := range x.Data {
		x.Data[i] = 1 + rng.Float64()
	}
	out := d.Forward(x, true)
	kept := 0
	for i, v := range out.Data {
		switch v {
		case x.Data[i]:
			kept++
		case 0:
		default:
			t.Fatalf("train output %g is neither the input %g nor 0", v, x.Data[i])
		}
	}
	if frac := float64(kept) / float64(len(x.Data)); math.Abs(frac-0.7) > 0.02 {
		t.Errorf("kept %.3f of the inputs, want 0.7", frac)
	}
	dout := NewMatrix[float64](100, 50)
	for i := range dout.Data {
		dout.Data[i] = 2
	}
	dx := d.Backward(dout)
	for i, v := range dx.Data {
		if (out.Data[i] == 0) != (v == 0) {
			t.Fatalf("gradient %g at %d does not follow the mask", v, i)
		}
	}
	test := d.Forward(x, false)
	if want := x.Data[0] * 0.7; math.Abs(test.Data[0]-want) > 1e-15 {
		t.Errorf("test-mode output %g, want %g", test.Data[0], want)
	}
}
