package experiment

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"zerokara/net"
)

// Divergence and other errors stay apart: a non-finite loss is a NaN
// point, a mis-shaped batch is an error that ends the run. stepThenLoss is
// checked through Step and through its keepGrads path (Gradient, Update).
func TestDivergenceIsNotAnError(t *testing.T) {
	newNet := func(sigma float64) *net.Network[float32] {
		nw, err := net.New[float32](net.Config{InputSize: 8, HiddenSizes: []int{16, 16}, OutputSize: 3, Activation: net.ReLUAct,
			Init: net.Std(sigma)}, rand.New(rand.NewPCG(5, 5)))
		if err != nil {
			t.Fatal(err)
		}
		return nw
	}
	x := net.NewMatrix[float32](4, 8)
	for i := range x.Data {
		x.Data[i] = float32(i%7) - 3
	}
	labels := []int{0, 1, 2, 0}
	sgd := func(lr float64) net.Optimizer[float32] { o, _ := net.NewOptimizer[float32](net.OptSGD, lr); return o }

	cases := []struct {
		name      string
		sigma     float64
		x         *net.Matrix[float32]
		lr        float64
		wantNaN   bool
		wantError error
	}{
		{"healthy", 0.1, x, 0.01, false, nil},
		{"overflowing", 1e30, x, 1e30, true, nil},
		{"mis-shaped batch", 0.1, net.NewMatrix[float32](4, 7), 0.01, false, net.ErrShape},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, keep := range []bool{false, true} {
				loss, err := stepThenLoss(newNet(tc.sigma), tc.x, labels, sgd(tc.lr), keep)
				if !errors.Is(err, tc.wantError) || (tc.wantError == nil) != (err == nil) {
					t.Fatalf("keepGrads %v: stepThenLoss error = %v, want %v", keep, err, tc.wantError)
				}
				if err == nil && math.IsNaN(loss) != tc.wantNaN {
					t.Errorf("keepGrads %v: stepThenLoss loss = %v, want NaN: %v", keep, loss, tc.wantNaN)
				}
			}
			tr := &trainee[float32]{nw: newNet(tc.sigma), opt: sgd(tc.lr)}
			_, err := tr.step(tc.x, labels)
			if !errors.Is(err, tc.wantError) || (tc.wantError == nil) != (err == nil) {
				t.Fatalf("trainee.step error = %v, want %v", err, tc.wantError)
			}
			if tr.diverged != tc.wantNaN {
				t.Errorf("trainee diverged = %v, want %v", tr.diverged, tc.wantNaN)
			}
		})
	}
}

// Weights that overflow in an update whose loss (computed before it) was
// finite: step does not look at the weights, the next point does, and
// records NaN as a check after every step would have.
func TestNonFiniteWeightsDivergeAtThePoint(t *testing.T) {
	nw, err := net.New[float32](net.Config{InputSize: 8, HiddenSizes: []int{16}, OutputSize: 3, Activation: net.ReLUAct,
		Init: net.Std(0.1)}, rand.New(rand.NewPCG(5, 5)))
	if err != nil {
		t.Fatal(err)
	}
	x := net.NewMatrix[float32](4, 8)
	for i := range x.Data {
		x.Data[i] = float32(i%7) - 3
	}
	labels := []int{0, 1, 2, 0}
	opt, err := net.NewOptimizer[float32](net.OptSGD, 1e300) // +Inf in float32
	if err != nil {
		t.Fatal(err)
	}
	tr := &trainee[float32]{nw: nw, opt: opt}
	loss, err := tr.step(x, labels)
	if err != nil || math.IsNaN(loss) || tr.diverged {
		t.Fatalf("step = %v, %v, diverged %v; want the finite loss before the update", loss, err, tr.diverged)
	}
	if nw.Finite() {
		t.Fatal("the update with lr 1e300 left the weights finite: the case is not tested")
	}
	p, err := tr.point(x, labels, loss)
	if err != nil {
		t.Fatal(err)
	}
	if !tr.diverged || !p.Diverged || !math.IsNaN(p.Accuracy) || !math.IsNaN(p.Loss) {
		t.Errorf("point = %+v, diverged %v; want a NaN point of a diverged network", p, tr.diverged)
	}
}
