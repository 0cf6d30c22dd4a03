package net

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// A mis-shaped batch or bad labels must give an error from every Network
// method, never numbers.
func TestNetworkRefusesBadBatches(t *testing.T) {
	good := func(rows, cols int) *Matrix[float32] { return NewMatrix[float32](rows, cols) }
	labels := func(n int) []int { return make([]int, n) }
	cases := []struct {
		name   string
		x      *Matrix[float32]
		labels []int
		want   error
	}{
		{"one column too few", good(4, 783), labels(4), ErrShape},
		{"one column too many", good(4, 785), labels(4), ErrShape},
		{"a single column", good(4, 1), labels(4), ErrShape},
		{"0 rows", good(0, 784), labels(0), ErrShape},
		{"nil batch", nil, labels(4), ErrShape},
		{"Data shorter than Rows×Cols", &Matrix[float32]{Rows: 4, Cols: 784, Data: make([]float32, 4*784-1)}, labels(4), ErrShape},
		{"Data longer than Rows×Cols", &Matrix[float32]{Rows: 4, Cols: 784, Data: make([]float32, 5*784)}, labels(4), ErrShape},
		{"negative rows", &Matrix[float32]{Rows: -1, Cols: 784}, labels(4), ErrShape},
		{"fewer labels than rows", good(4, 784), labels(3), ErrLabels},
		{"more labels than rows", good(4, 784), labels(5), ErrLabels},
		{"label −1", good(4, 784), []int{0, 1, -1, 2}, ErrLabels},
		{"label 10 of 10 classes", good(4, 784), []int{0, 10, 1, 2}, ErrLabels},
	}
	for _, bn := range []bool{false, true} {
		nw, err := New[float32](Config{InputSize: 784, HiddenSizes: []int{20, 20}, OutputSize: 10, Activation: ReLUAct,
			Init: He(), BatchNorm: bn, BN: BookBatchNormOptions(), Dropout: 0.1}, rand.New(rand.NewPCG(1, 1)))
		if err != nil {
			t.Fatal(err)
		}
		opt, _ := NewOptimizer[float32](OptSGD, 0.01)
		before := snapshotParams(nw)
		for _, tc := range cases {
			methods := map[string]func() (any, error){
				"Loss":     func() (any, error) { return nw.Loss(tc.x, tc.labels, true) },
				"Accuracy": func() (any, error) { return nw.Accuracy(tc.x, tc.labels) },
				"Gradient": func() (any, error) { return nw.Gradient(tc.x, tc.labels) },
				"Step":     func() (any, error) { return nw.Step(tc.x, tc.labels, opt) },
			}
			if tc.want == ErrShape { // Predict takes no labels
				methods["Predict"] = func() (any, error) { return nw.Predict(tc.x, false) }
			}
			for name, call := range methods {
				t.Run(fmt.Sprintf("bn=%v/%s/%s", bn, tc.name, name), func(t *testing.T) {
					got, err := call()
					if !errors.Is(err, tc.want) {
						t.Fatalf("error = %v, want one wrapping %v", err, tc.want)
					}
					if !strings.HasPrefix(err.Error(), "net: "+name+": ") {
						t.Errorf("error %q does not name net and the method", err)
					}
					switch v := got.(type) {
					case float64:
						if v != 0 {
							t.Errorf("returned %v with the error", v)
						}
					case *Matrix[float32]:
						if v != nil {
							t.Errorf("returned a matrix with the error")
						}
					}
				})
			}
		}
		if after := snapshotParams(nw); !equalParams(before, after) {
			t.Errorf("bn=%v: a refused batch changed the parameters", bn)
		}
	}
}

func TestIssueExampleMessage(t *testing.T) {
	nw, _ := New[float32](Config{InputSize: 784, OutputSize: 10, Activation: ReLUAct}, rand.New(rand.NewPCG(1, 1)))
	_, err := nw.Predict(NewMatrix[float32](2, 783), false)
	if want := "net: Predict: shape mismatch: batch has 783 columns, expected 784"; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if _, err := nw.Step(NewMatrix[float32](1, 784), []int{0}, nil); err == nil {
		t.Error("Step without an optimizer accepted")
	}
}

func snapshotParams(nw *Network[float32]) [][]float32 {
	var out [][]float32
	for _, p := range nw.Params() {
		out = append(out, append([]float32(nil), p.Value.Data...))
	}
	return out
}

func equalParams(a, b [][]float32) bool {
	for i := range a {
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

// Layers panic with a net: message wrapping ErrShape or ErrNoForward.
func TestLayersPanicOnMisuse(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 2))
	m := func(r, c int) *Matrix[float64] { return NewMatrix[float64](r, c) }
	bad := &Matrix[float64]{Rows: 2, Cols: 3, Data: make([]float64, 5)}
	newAffine := func() *Affine[float64] { return NewAffine("A.", m(3, 4), m(1, 4), 0) }
	forwarded := func(l Layer[float64], x *Matrix[float64], train bool) Layer[float64] {
		l.Forward(x, train)
		return l
	}
	type layerCase struct {
		name string
		call func()
		want error
	}
	cases := []layerCase{
		{"Affine.Forward too narrow", func() { newAffine().Forward(m(2, 2), true) }, ErrShape},
		{"Affine.Forward too wide", func() { newAffine().Forward(m(2, 4), true) }, ErrShape},
		{"Affine.Forward 0 rows", func() { newAffine().Forward(m(0, 3), true) }, ErrShape},
		{"Affine.Forward malformed", func() { newAffine().Forward(bad, true) }, ErrShape},
		{"Affine.Forward nil", func() { newAffine().Forward(nil, true) }, ErrShape},
		{"Affine.Backward before Forward", func() { newAffine().Backward(m(2, 4)) }, ErrNoForward},
		{"Affine.Backward wrong rows", func() { forwarded(newAffine(), m(2, 3), true).Backward(m(3, 4)) }, ErrShape},
		{"Affine.Backward wrong cols", func() { forwarded(newAffine(), m(2, 3), true).Backward(m(2, 3)) }, ErrShape},
		{"NewAffine b of the wrong width", func() { NewAffine("A.", m(3, 4), m(1, 3), 0) }, ErrShape},
		{"BatchNorm.Forward wrong width", func() { NewBatchNorm[float64]("B.", 3, BookBatchNormOptions()).Forward(m(2, 4), true) }, ErrShape},
		{"BatchNorm.Forward 0 rows", func() { NewBatchNorm[float64]("B.", 3, BookBatchNormOptions()).Forward(m(0, 3), true) }, ErrShape},
		{"BatchNorm.Backward before Forward", func() { NewBatchNorm[float64]("B.", 3, BookBatchNormOptions()).Backward(m(2, 3)) }, ErrNoForward},
		{"BatchNorm.Backward after a test Forward", func() {
			forwarded(NewBatchNorm[float64]("B.", 3, BookBatchNormOptions()), m(2, 3), false).Backward(m(2, 3))
		}, ErrNoForward},
		{"BatchNorm.Backward wrong shape", func() {
			forwarded(NewBatchNorm[float64]("B.", 3, BookBatchNormOptions()), m(2, 3), true).Backward(m(4, 3))
		}, ErrShape},
		{"Dropout.Backward before Forward", func() { NewDropout[float64](0.5, rng).Backward(m(2, 3)) }, ErrNoForward},
		{"Dropout.Backward after a test Forward", func() { forwarded(NewDropout[float64](0.5, rng), m(2, 3), false).Backward(m(2, 3)) }, ErrNoForward},
		{"Dropout.Backward wrong shape", func() { forwarded(NewDropout[float64](0.5, rng), m(2, 3), true).Backward(m(2, 2)) }, ErrShape},
		{"Dropout.Forward malformed", func() { NewDropout[float64](0.5, rng).Forward(bad, true) }, ErrShape},
		{"SoftmaxWithLoss.Forward label count", func() { new(SoftmaxWithLoss[float64]).Forward(m(2, 3), []int{0}) }, ErrLabels},
		{"SoftmaxWithLoss.Forward label range", func() { new(SoftmaxWithLoss[float64]).Forward(m(2, 3), []int{0, 3}) }, ErrLabels},
		{"SoftmaxWithLoss.Forward 0 rows", func() { new(SoftmaxWithLoss[float64]).Forward(m(0, 3), nil) }, ErrShape},
		{"SoftmaxWithLoss.Backward before Forward", func() { new(SoftmaxWithLoss[float64]).Backward() }, ErrNoForward},
	}
	for _, act := range Activations() {
		newAct := func() Layer[float64] { return NewActivationLayer[float64](act) }
		cases = append(cases,
			layerCase{string(act) + " Forward malformed", func() { newAct().Forward(bad, true) }, ErrShape},
			layerCase{string(act) + " Forward 0 rows", func() { newAct().Forward(m(0, 3), true) }, ErrShape},
			layerCase{string(act) + " Backward before Forward", func() { newAct().Backward(m(2, 3)) }, ErrNoForward},
			layerCase{string(act) + " Backward wrong shape", func() { forwarded(newAct(), m(2, 3), true).Backward(m(3, 2)) }, ErrShape},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				r := recover()
				err, ok := r.(error)
				if !ok || !errors.Is(err, tc.want) {
					t.Fatalf("panic value %v, want an error wrapping %v", r, tc.want)
				}
				if !strings.HasPrefix(err.Error(), "net: ") {
					t.Errorf("panic message %q lacks the net: prefix", err)
				}
			}()
			tc.call()
			t.Fatal("no panic")
		})
	}
}

func TestFromSliceRefusesMismatch(t *testing.T) {
	for _, tc := range []struct {
		rows, cols, n int
	}{{2, 3, 5}, {2, 3, 7}, {-1, 3, 0}, {0, 0, 1}} {
		if _, err := FromSlice(tc.rows, tc.cols, make([]float32, tc.n)); err == nil {
			t.Errorf("FromSlice(%d, %d, %d values) accepted", tc.rows, tc.cols, tc.n)
		}
	}
	if m, err := FromSlice(2, 3, make([]float32, 6)); err != nil || m.Rows != 2 || m.Cols != 3 {
		t.Errorf("FromSlice(2, 3, 6 values) = %v, %v", m, err)
	}
}
