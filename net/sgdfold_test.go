package net

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"zerokara/kernel"
)

// foldCase is one network and batch for the folded-SGD tests.
type foldCase struct {
	in, out, batch int
	hidden         []int
	bn             bool
	dropout        float64
	act            Activation
}

func (c foldCase) String() string {
	return fmt.Sprintf("%d-%v-%d/batch=%d/bn=%v/dropout=%v/%s", c.in, c.hidden, c.out, c.batch, c.bn, c.dropout, c.act)
}

// build returns a network for c on w workers (seeded, so two calls give
// identical networks) and a batch for it.
func (c foldCase) build(t *testing.T, w kernel.Workers, decay float64) (*Network[float64], *Matrix[float64], []int) {
	t.Helper()
	nw, err := New[float64](Config{InputSize: c.in, HiddenSizes: c.hidden, OutputSize: c.out, Activation: c.act, Init: He(),
		BatchNorm: c.bn, BN: BookBatchNormOptions(), Dropout: c.dropout, WeightDecay: decay, Workers: w}, rand.New(rand.NewPCG(21, 21)))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(22, 22))
	x := randMatrix(rng, c.batch, c.in)
	labels := make([]int, c.batch)
	for i := range labels {
		labels[i] = rng.IntN(c.out)
	}
	return nw, x, labels
}

// foldPair is a network in both precisions; step and unfused run the same
// update on each.
type foldPair struct {
	n64 *Network[float64]
	n32 *Network[float32]
}

func newFoldPair(t *testing.T, c foldCase, w kernel.Workers) (foldPair, *Matrix[float64], *Matrix[float32], []int) {
	n64, x64, labels := c.build(t, w, 0)
	n32, err := New[float32](n64.Config(), rand.New(rand.NewPCG(21, 21)))
	if err != nil {
		t.Fatal(err)
	}
	x32 := NewMatrix[float32](x64.Rows, x64.Cols)
	for i, v := range x64.Data {
		x32.Data[i] = float32(v)
	}
	return foldPair{n64, n32}, x64, x32, labels
}

// unfusedStep is Step without the fold: Gradient, then SGD.Update on every
// parameter.
func unfusedStep[T Float](nw *Network[T], x *Matrix[T], labels []int, lr float64) (float64, error) {
	loss, err := nw.Gradient(x, labels)
	if err != nil {
		return 0, err
	}
	(&SGD[T]{LR: lr}).Update(nw.Params())
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return loss, ErrDiverged
	}
	return loss, nil
}

// compareParams fails when a parameter of a differs from b's by more than
// tol·max|b| in any element (tol 0: bitwise, NaN equal to NaN).
func compareParams[T Float](t *testing.T, what string, a, b *Network[T], tol float64) {
	t.Helper()
	for k, pb := range b.Params() {
		pa := a.Params()[k]
		var scale float64
		for _, v := range pb.Value.Data {
			scale = max(scale, math.Abs(float64(v)))
		}
		for i, vb := range pb.Value.Data {
			va := pa.Value.Data[i]
			same := math.Float64bits(float64(va)) == math.Float64bits(float64(vb)) || (va != va && vb != vb)
			if !same && !(math.Abs(float64(va-vb)) <= tol*scale) {
				t.Fatalf("%s: %s[%d] = %v folded, %v unfused (tolerance %g·%g)", what, pb.Name, i, va, vb, tol, scale)
			}
		}
	}
}

var foldCases = []foldCase{
	{in: 12, hidden: []int{9}, out: 4, batch: 1, act: ReLUAct},
	{in: 12, hidden: []int{9}, out: 4, batch: 1, bn: true, act: ReLUAct},
	{in: 30, hidden: []int{20, 17}, out: 5, batch: 7, act: TanhAct},
	{in: 30, hidden: []int{20, 17}, out: 5, batch: 7, bn: true, dropout: 0.2, act: ReLUAct},
	{in: 64, hidden: []int{100, 100}, out: 10, batch: 100, act: ReLUAct},
	{in: 64, hidden: []int{100, 100}, out: 10, batch: 100, bn: true, act: ReLUAct},
	{in: 64, hidden: []int{100, 100}, out: 10, batch: 100, dropout: 0.3, act: SigmoidAct},
	{in: 40, hidden: []int{33}, out: 10, batch: 256, bn: true, act: ReLUAct},
	{in: 40, hidden: []int{33}, out: 10, batch: 301, act: ReLUAct},
	{in: 40, hidden: []int{33}, out: 10, batch: 301, bn: true, dropout: 0.1, act: ReLUAct},
}

// TestSGDFoldMatchesUnfused runs StepFolded with plain SGD (folded) and Gradient
// + SGD.Update (unfused) from identical networks in both precisions.
//
// With a power-of-two rate lr·g is exact, so W − lr·g rounds once whether
// the kernel uses a fused multiply-add or not; and a batch of at most 256
// rows (the kernels' kc) is one block of the sum over rows, so the folded
// product's sum is the one dW holds. Then every step is bitwise the same.
// Otherwise (rate 0.01, or 301 rows summed in two blocks) one step may
// differ in W by the rounding of the last bits: within 4 ulp of max|W|;
// biases, γ and β are updated by the same axpy and stay bitwise equal.
func TestSGDFoldMatchesUnfused(t *testing.T) {
	const kc = 256
	for _, c := range foldCases {
		for _, lr := range []float64{1.0 / 128, 0.01} {
			t.Run(fmt.Sprintf("%v/lr=%v", c, lr), func(t *testing.T) {
				exact := lr == 1.0/128 && c.batch <= kc
				steps := 1
				if exact {
					steps = 3
				}
				folded, x64, x32, labels := newFoldPair(t, c, kernel.Serial)
				unfused, _, _, _ := newFoldPair(t, c, kernel.Serial)
				for s := range steps {
					lf64, ef64 := folded.n64.StepFolded(x64, labels, &SGD[float64]{LR: lr})
					lu64, eu64 := unfusedStep(unfused.n64, x64, labels, lr)
					lf32, ef32 := folded.n32.StepFolded(x32, labels, &SGD[float32]{LR: lr})
					lu32, eu32 := unfusedStep(unfused.n32, x32, labels, lr)
					if ef64 != nil || eu64 != nil || ef32 != nil || eu32 != nil {
						t.Fatalf("step %d: errors %v %v %v %v", s, ef64, eu64, ef32, eu32)
					}
					// Each step's loss comes before its update: bitwise
					// equal while the parameters are.
					if lf64 != lu64 || lf32 != lu32 {
						t.Fatalf("step %d: loss %v / %v (float64), %v / %v (float32)", s, lf64, lu64, lf32, lu32)
					}
				}
				if exact {
					compareParams(t, "float64", folded.n64, unfused.n64, 0)
					compareParams(t, "float32", folded.n32, unfused.n32, 0)
					return
				}
				compareParams(t, "float64", folded.n64, unfused.n64, 4*0x1p-52)
				compareParams(t, "float32", folded.n32, unfused.n32, 4*0x1p-23)
				compareUnfolded(t, folded.n64, unfused.n64)
				compareUnfolded(t, folded.n32, unfused.n32)
			})
		}
	}
}

// compareUnfolded fails unless the parameters a folded step leaves to the
// optimizer (biases, γ, β) are bitwise equal in a and b.
func compareUnfolded[T Float](t *testing.T, a, b *Network[T]) {
	t.Helper()
	for k, pb := range b.unfolded {
		for i, v := range pb.Value.Data {
			if got := a.unfolded[k].Value.Data[i]; math.Float64bits(float64(got)) != math.Float64bits(float64(v)) {
				t.Fatalf("%s[%d] = %v folded, %v unfused: want bitwise equal", pb.Name, i, got, v)
			}
		}
	}
}

// TestSGDFoldSkipsGradients checks where StepFolded folds (Step never does): with plain SGD the
// affine dW is never filled (left as built, zero), while weight decay, a
// zero rate or another optimizer take the unfused path, whose dW is the one
// Gradient leaves and whose result is bitwise that of Gradient + Update.
func TestSGDFoldSkipsGradients(t *testing.T) {
	c := foldCase{in: 30, hidden: []int{20, 17}, out: 5, batch: 9, bn: true, act: ReLUAct}
	for _, tc := range []struct {
		name  string
		decay float64
		opt   func() Optimizer[float64]
		fold  bool
		plain bool // Step, which never folds, instead of StepFolded
	}{
		{"sgd", 0, func() Optimizer[float64] { return &SGD[float64]{LR: 0.01} }, true, false},
		{"sgd through Step", 0, func() Optimizer[float64] { return &SGD[float64]{LR: 0.01} }, false, true},
		{"sgd+decay", 0.1, func() Optimizer[float64] { return &SGD[float64]{LR: 0.01} }, false, false},
		{"sgd lr=0", 0, func() Optimizer[float64] { return &SGD[float64]{LR: 0} }, false, false},
		{"momentum", 0, func() Optimizer[float64] { return &Momentum[float64]{LR: 0.01, Momentum: 0.9} }, false, false},
		{"adam", 0, func() Optimizer[float64] { return &Adam[float64]{LR: 0.001, Beta1: 0.9, Beta2: 0.999} }, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stepped, x, labels := c.build(t, kernel.Serial, tc.decay)
			ref, _, _ := c.build(t, kernel.Serial, tc.decay)
			step := stepped.StepFolded
			if tc.plain {
				step = stepped.Step
			}
			if _, err := step(x, labels, tc.opt()); err != nil {
				t.Fatal(err)
			}
			if _, err := ref.Gradient(x, labels); err != nil {
				t.Fatal(err)
			}
			for k, a := range stepped.affines {
				want := ref.affines[k].dW.Data
				for i, g := range a.dW.Data {
					if tc.fold && g != 0 {
						t.Fatalf("%sW: dW[%d] = %v after a folded step, want it never written (0)", a.name, i, g)
					}
					if !tc.fold && g != want[i] {
						t.Fatalf("%sW: dW[%d] = %v after Step, %v from Gradient", a.name, i, g, want[i])
					}
				}
			}
			if !tc.fold {
				tc.opt().Update(ref.Params())
				compareParams(t, tc.name, stepped, ref, 0)
			}
		})
	}
}

// TestSGDFoldWorkers checks that folded steps give bitwise the same
// network on 1, 2 and 3 workers (the hidden layers' weight products are
// large enough for the kernel to give each of 3 workers a band).
func TestSGDFoldWorkers(t *testing.T) {
	for _, bn := range []bool{false, true} {
		c := foldCase{in: 300, hidden: []int{128, 100}, out: 10, batch: 150, bn: bn, dropout: 0.1, act: ReLUAct}
		var nets []foldPair
		for _, w := range []kernel.Workers{1, 2, 3} {
			p, x64, x32, labels := newFoldPair(t, c, w)
			for range 3 {
				if _, err := p.n64.StepFolded(x64, labels, &SGD[float64]{LR: 0.01}); err != nil {
					t.Fatal(err)
				}
				if _, err := p.n32.StepFolded(x32, labels, &SGD[float32]{LR: 0.01}); err != nil {
					t.Fatal(err)
				}
			}
			nets = append(nets, p)
		}
		for i, p := range nets[1:] {
			compareParams(t, fmt.Sprintf("bn=%v float64 %d workers", bn, i+2), p.n64, nets[0].n64, 0)
			compareParams(t, fmt.Sprintf("bn=%v float32 %d workers", bn, i+2), p.n32, nets[0].n32, 0)
		}
	}
}

// TestSGDFoldNaN feeds a batch with one NaN: the folded step must report
// ErrDiverged and leave NaN exactly where the unfused one does (W1 entirely,
// as the NaN reaches every column of dY), for a nonzero and a zero rate.
func TestSGDFoldNaN(t *testing.T) {
	c := foldCase{in: 12, hidden: []int{9, 8}, out: 4, batch: 5, bn: true, act: ReLUAct}
	for _, lr := range []float64{0.01, 0} {
		folded, x, labels := c.build(t, kernel.Serial, 0)
		unfused, _, _ := c.build(t, kernel.Serial, 0)
		x.Data[3] = math.NaN()
		if _, err := folded.StepFolded(x, labels, &SGD[float64]{LR: lr}); !errors.Is(err, ErrDiverged) {
			t.Fatalf("lr=%v: Step error %v, want ErrDiverged", lr, err)
		}
		if _, err := unfusedStep(unfused, x, labels, lr); !errors.Is(err, ErrDiverged) {
			t.Fatalf("lr=%v: unfused error %v, want ErrDiverged", lr, err)
		}
		w1 := folded.affines[0].W.Data
		if nans := countNaN(w1); nans != len(w1) {
			t.Errorf("lr=%v: %d of %d entries of W1 are NaN after the folded step, want all", lr, nans, len(w1))
		}
		for k, p := range unfused.Params() {
			if got, want := countNaN(folded.Params()[k].Value.Data), countNaN(p.Value.Data); got != want {
				t.Errorf("lr=%v: %s has %d NaN folded, %d unfused", lr, p.Name, got, want)
			}
		}
	}
}

func countNaN[T Float](xs []T) int {
	n := 0
	for _, v := range xs {
		if v != v {
			n++
		}
	}
	return n
}
