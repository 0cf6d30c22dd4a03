package net

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"zerokara/kernel"
)

func TestBatchNormStatistics(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	x := NewMatrix[float64](64, 3)
	for i := 0; i < x.Rows; i++ {
		for j := 0; j < 3; j++ {
			x.Set(i, j, 5*float64(j+1)+float64(j+1)*rng.NormFloat64())
		}
	}
	bn := NewBatchNorm[float64]("bn.", 3, BookBatchNormOptions())
	out := bn.Forward(x, true)
	for j := 0; j < 3; j++ {
		var mean, sq, xm, xv float64
		for i := 0; i < x.Rows; i++ {
			mean += out.At(i, j)
			xm += x.At(i, j)
		}
		mean /= 64
		xm /= 64
		for i := 0; i < x.Rows; i++ {
			sq += (out.At(i, j) - mean) * (out.At(i, j) - mean)
			xv += (x.At(i, j) - xm) * (x.At(i, j) - xm)
		}
		variance := sq / 64
		xv /= 64
		if math.Abs(mean) > 1e-12 || math.Abs(variance-xv/(xv+1e-6)) > 1e-12 {
			t.Errorf("feature %d: train output mean %g, variance %g; want 0 and %g", j, mean, variance, xv/(xv+1e-6))
		}
		// Running statistics start at 0 and move 10 % of the way.
		if math.Abs(bn.RunningMean[j]-0.1*xm) > 1e-12 || math.Abs(bn.RunningVar[j]-0.1*xv) > 1e-12 {
			t.Errorf("feature %d: running mean/var %g/%g, want %g/%g", j, bn.RunningMean[j], bn.RunningVar[j], 0.1*xm, 0.1*xv)
		}
	}
	// A second step: running = 0.9·running + 0.1·batch.
	bn.Forward(x, true)
	for j := 0; j < 3; j++ {
		var xm float64
		for i := 0; i < x.Rows; i++ {
			xm += x.At(i, j)
		}
		xm /= 64
		if want := 0.9*0.1*xm + 0.1*xm; math.Abs(bn.RunningMean[j]-want) > 1e-12 {
			t.Errorf("feature %d: running mean after 2 steps %g, want %g", j, bn.RunningMean[j], want)
		}
	}
	// γ and β scale and shift; test mode uses the running statistics.
	bn.Gamma.Data[1], bn.Beta.Data[1] = 2, 3
	test := bn.Forward(x, false)
	want := 2*(x.At(0, 1)-bn.RunningMean[1])/math.Sqrt(bn.RunningVar[1]+1e-6) + 3
	if math.Abs(test.At(0, 1)-want) > 1e-12 {
		t.Errorf("test-mode output %g, want %g", test.At(0, 1), want)
	}
	one := NewBatchNorm[float64]("bn.", 3, BatchNormOptions{RunningVarOne: true, Momentum: 0.5, Eps: 1e-6})
	if one.RunningVar[0] != 1 {
		t.Errorf("RunningVarOne: running variance starts at %g", one.RunningVar[0])
	}
	one.Forward(x, true)
	if math.Abs(one.RunningMean[0]-0.5*5) > 2 {
		t.Errorf("momentum 0.5: running mean %g, want about 2.5", one.RunningMean[0])
	}
}

func TestInitScales(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	for _, tc := range []struct {
		init Init
		want float64
		name string
	}{
		{Std(0.01), 0.01, "std=0.01"},
		{Xavier(), math.Sqrt(1.0 / 300), "Xavier"},
		{Glorot(), math.Sqrt(2.0 / 500), "Glorot"},
		{He(), math.Sqrt(2.0 / 300), "He"},
		{Zero(), 0, "const=0"},
	} {
		w := NewMatrix[float64](300, 200)
		Fill(w, tc.init, rng)
		var sq float64
		for _, v := range w.Data {
			sq += v * v
		}
		got := math.Sqrt(sq / float64(len(w.Data)))
		if math.Abs(got-tc.want) > 0.01*tc.want+1e-15 {
			t.Errorf("%v: sample std %g, want %g", tc.init, got, tc.want)
		}
		if tc.init.String() != tc.name {
			t.Errorf("String() = %q, want %q", tc.init.String(), tc.name)
		}
		if got, err := ParseInit(tc.name); err != nil || got != tc.init {
			t.Errorf("ParseInit(%q) = %v, %v", tc.name, got, err)
		}
	}
	for _, s := range []string{"", "std=-1", "bogus", "std=NaN"} {
		if _, err := ParseInit(s); err == nil {
			t.Errorf("ParseInit(%q) accepted", s)
		}
	}
	if got, _ := ParseInit("relu"); got != He() {
		t.Error(`ParseInit("relu") is not He, as the book's 'relu' setting`)
	}
	if got, _ := ParseInit("0.01"); got != Std(0.01) {
		t.Error(`ParseInit("0.01") is not Std(0.01)`)
	}
}

// TestZeroInitSymmetry trains a Zero-initialized network: every hidden
// neuron of a layer receives the same gradient, so they stay identical.
func TestZeroInitSymmetry(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	nw, err := New[float64](Config{InputSize: 4, HiddenSizes: []int{6}, OutputSize: 3, Activation: SigmoidAct, Init: Constant(0.3)}, rng)
	if err != nil {
		t.Fatal(err)
	}
	x := randMatrix(rng, 8, 4)
	labels := []int{0, 1, 2, 0, 1, 2, 0, 1}
	opt := &SGD[float64]{LR: 0.5}
	for range 20 {
		if _, err := nw.Step(x, labels, opt); err != nil {
			t.Fatal(err)
		}
	}
	w1 := nw.Params()[0].Value
	for i := 0; i < w1.Rows; i++ {
		for j := 1; j < w1.Cols; j++ {
			if w1.At(i, j) != w1.At(i, 0) {
				t.Fatalf("W1[%d,%d] = %g differs from W1[%d,0] = %g: neurons diverged", i, j, w1.At(i, j), i, w1.At(i, 0))
			}
		}
	}
	if w1.At(0, 0) == 0.3 {
		t.Fatal("W1 did not change at all")
	}
}

// TestFloat32MatchesFloat64 builds the same network in both precisions.
func TestFloat32MatchesFloat64(t *testing.T) {
	for _, bn := range []bool{false, true} {
		cfg := Config{InputSize: 30, HiddenSizes: []int{20, 20}, OutputSize: 5, Activation: ReLUAct, Init: He(), BatchNorm: bn, BN: BookBatchNormOptions(), Workers: kernel.Serial}
		n64, _ := New[float64](cfg, rand.New(rand.NewPCG(10, 10)))
		n32, _ := New[float32](cfg, rand.New(rand.NewPCG(10, 10)))
		rng := rand.New(rand.NewPCG(11, 11))
		x64 := randMatrix(rng, 16, 30)
		x32 := NewMatrix[float32](16, 30)
		for i, v := range x64.Data {
			x32.Data[i] = float32(v)
		}
		labels := []int{0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0}
		l64, _ := n64.Gradient(x64, labels)
		l32, _ := n32.Gradient(x32, labels)
		if math.Abs(l64-l32) > 1e-5*math.Abs(l64) {
			t.Errorf("bn=%v: loss float64 %g, float32 %g", bn, l64, l32)
		}
		for k, p := range n64.Params() {
			g32 := n32.Params()[k].Grad.Data
			var scale float64
			for _, g := range p.Grad.Data {
				scale = max(scale, math.Abs(g))
			}
			for i, g := range p.Grad.Data {
				if d := math.Abs(g - float64(g32[i])); d > 1e-4*scale+1e-6 {
					t.Fatalf("bn=%v %s[%d]: float64 %g, float32 %g", bn, p.Name, i, g, g32[i])
				}
			}
		}
	}
}

func TestOptimizersDescend(t *testing.T) {
	for _, name := range OptimizerNames() {
		t.Run(string(name), func(t *testing.T) {
			opt, err := NewOptimizer[float64](name, name.BookLR())
			if err != nil {
				t.Fatal(err)
			}
			nw, _ := New[float64](Config{InputSize: 5, HiddenSizes: []int{8}, OutputSize: 3, Activation: ReLUAct, Init: He()}, rand.New(rand.NewPCG(12, 12)))
			x := randMatrix(rand.New(rand.NewPCG(13, 13)), 30, 5)
			labels := make([]int, 30)
			for i := range labels {
				if x.At(i, 0) > 0 {
					labels[i] = 1
				}
			}
			first, _ := nw.Step(x, labels, opt)
			var last float64
			for range 300 {
				last, _ = nw.Step(x, labels, opt)
			}
			if !(last < 0.7*first) {
				t.Errorf("loss %g → %g after 300 steps", first, last)
			}
		})
	}
	if _, err := NewOptimizer[float32](OptimizerName("lbfgs"), 0.1); err == nil {
		t.Error("unknown optimizer accepted")
	}
	// SGD is exactly p − lr·g.
	p := Param[float64]{Value: &Matrix[float64]{1, 2, []float64{1, 2}}, Grad: &Matrix[float64]{1, 2, []float64{10, -20}}}
	(&SGD[float64]{LR: 0.01}).Update([]Param[float64]{p})
	if p.Value.Data[0] != 0.9 || p.Value.Data[1] != 2.2 {
		t.Errorf("SGD step gave %v", p.Value.Data)
	}
}

func TestArgmax(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		x    []float64
		want int
	}{
		{[]float64{1, 3, 2}, 1},
		{[]float64{3, 3, 1}, 0},
		{[]float64{nan, nan, nan}, 0},
		{[]float64{1, nan, 5}, 1},
		{[]float64{math.Inf(-1), math.Inf(-1)}, 0},
	} {
		if got := Argmax(tc.x); got != tc.want {
			t.Errorf("Argmax(%v) = %d, want %d", tc.x, got, tc.want)
		}
	}
}

// TestDivergenceIsReported trains a plain network with σ = 1 at a huge
// learning rate: the loss must become non-finite and be reported, and the
// accuracy of an all-NaN network is the share of class 0.
func TestDivergenceIsReported(t *testing.T) {
	nw, _ := New[float32](Config{InputSize: 50, HiddenSizes: []int{100, 100, 100}, OutputSize: 4, Activation: ReLUAct, Init: Std(1)}, rand.New(rand.NewPCG(14, 14)))
	x := NewMatrix[float32](8, 50)
	for i := range x.Data {
		x.Data[i] = float32(i%11) / 11
	}
	labels := []int{1, 2, 3, 0, 1, 2, 3, 1}
	var err error
	for i := 0; i < 50 && err == nil; i++ {
		_, err = nw.Step(x, labels, &SGD[float32]{LR: 10})
	}
	if !errors.Is(err, ErrDiverged) {
		t.Fatalf("no divergence reported, last error %v", err)
	}
	for range 3 {
		nw.Step(x, labels, &SGD[float32]{LR: 10})
	}
	if nw.Finite() {
		t.Fatal("parameters still finite after divergence")
	}
	if acc, _ := nw.Accuracy(x, labels); acc != 1.0/8 {
		t.Errorf("accuracy of a NaN network = %g, want the share of class 0 (0.125)", acc)
	}
}

func TestConfigErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{InputSize: 0, OutputSize: 2, Activation: ReLUAct}, "sizes"},
		{Config{InputSize: 2, HiddenSizes: []int{3, 0}, OutputSize: 2, Activation: ReLUAct}, "hidden"},
		{Config{InputSize: 2, OutputSize: 2, Activation: "swish"}, "activation"},
		{Config{InputSize: 2, Activation: ReLUAct, OutputSize: 2, Dropout: 1}, "dropout"},
		{Config{InputSize: 2, Activation: ReLUAct, OutputSize: 2, WeightDecay: math.NaN()}, "decay"},
		{Config{InputSize: 2, Activation: ReLUAct, OutputSize: 2, BatchNorm: true, BN: BatchNormOptions{Momentum: 1}}, "momentum"},
	} {
		if _, err := New[float32](tc.cfg, rng); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) error = %v, want one about %q", tc.cfg, err, tc.want)
		}
	}
	nw, _ := New[float32](Config{InputSize: 3, Activation: ReLUAct, OutputSize: 2}, rng)
	x := NewMatrix[float32](2, 3)
	for _, labels := range [][]int{{0}, {0, 2}, {-1, 0}} {
		if _, err := nw.Loss(x, labels, false); err == nil {
			t.Errorf("labels %v accepted", labels)
		}
	}
	if _, err := nw.Loss(NewMatrix[float32](2, 4), []int{0, 1}, false); err == nil {
		t.Error("wrong feature count accepted")
	}
}

func TestReLUEdgeValues(t *testing.T) {
	nan32, nan64 := float32(math.NaN()), math.NaN()
	negNaN64 := math.Float64frombits(0xfff8000000000000)
	negNaN32 := math.Float32frombits(0xffc00000)
	in64 := []float64{-2, -0.0, 0, 3, math.Inf(1), math.Inf(-1), nan64, negNaN64, 1e-310, -1e-310}
	in32 := []float32{-2, float32(math.Copysign(0, -1)), 0, 3, float32(math.Inf(1)), float32(math.Inf(-1)), nan32, negNaN32, 1e-40, -1e-40}
	want := []float64{0, 0, 0, 3, math.Inf(1), 0, nan64, nan64, 1e-310, 0}
	out64 := (&ReLU[float64]{}).Forward(&Matrix[float64]{1, len(in64), in64}, true)
	out32 := (&ReLU[float32]{}).Forward(&Matrix[float32]{1, len(in32), in32}, true)
	for i, w := range want {
		g64, g32 := out64.Data[i], float64(out32.Data[i])
		if math.IsNaN(w) {
			if !math.IsNaN(g64) || !math.IsNaN(g32) {
				t.Errorf("ReLU(%v) = %v / %v, want NaN kept", in64[i], g64, g32)
			}
			continue
		}
		if g64 != w || math.Signbit(g64) || (in32[i] != -1e-40 && in32[i] != 1e-40 && g32 != w) || math.Signbit(g32) {
			t.Errorf("ReLU(%v) = %v (float64), %v (float32); want +%v", in64[i], g64, g32, w)
		}
	}
}
