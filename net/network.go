package net

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"zerokara/kernel"
)

// Config describes a fully connected network: the book's MultiLayerNet
// (BatchNorm false, Dropout 0) and MultiLayerNetExtend.
type Config struct {
	InputSize   int
	HiddenSizes []int
	OutputSize  int
	// Activation of every hidden layer (required).
	Activation Activation
	// Init of every affine layer, the output one included.
	Init Init
	// BatchNorm inserts Affine → BatchNorm → activation in every hidden
	// layer, with options BN (start from BookBatchNormOptions).
	BatchNorm bool
	BN        BatchNormOptions
	// Dropout is the drop ratio after each hidden activation; 0 means none.
	Dropout float64
	// WeightDecay λ adds 0.5·λ·Σ‖W‖² to the loss (weights only).
	WeightDecay float64
	// Workers for the network's matrix products; kernel.Auto (0) lets the
	// kernel choose, kernel.Serial suits one network per core.
	Workers kernel.Workers
}

// ErrDiverged reports a non-finite loss: the network's arithmetic has
// overflowed (e.g. the plain network at σ ≥ 0.5 in the book's Batch
// Normalization experiment).
var ErrDiverged = errors.New("net: diverged (loss is not finite)")

// Network is a fully connected classifier:
// Affine → [BatchNorm →] activation [→ Dropout] … → Affine → softmax loss.
type Network[T Float] struct {
	cfg     Config
	layers  []Layer[T]
	affines []*Affine[T]
	loss    SoftmaxWithLoss[T]
	params  []Param[T]
	// unfolded are the params a folded SGD step (Step) leaves to the
	// optimizer: all but the affine weights.
	unfolded []Param[T]
}

// New builds a network from cfg, drawing W1, W2, … in that order (each
// fan_in×fan_out, row-major) from rng, the book's draw order. Biases, γ and
// β draw nothing (0, 0, 1 and 0). rng also drives Dropout.
func New[T Float](cfg Config, rng *rand.Rand) (*Network[T], error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if rng == nil {
		return nil, errors.New("net: New needs a *rand.Rand")
	}
	act := cfg.Activation
	nw := &Network[T]{cfg: cfg}
	sizes := append(append([]int{cfg.InputSize}, cfg.HiddenSizes...), cfg.OutputSize)
	for i := 1; i < len(sizes); i++ {
		w := NewMatrix[T](sizes[i-1], sizes[i])
		Fill(w, cfg.Init, rng)
		aff := NewAffine(fmt.Sprintf("Affine%d.", i), w, NewMatrix[T](1, sizes[i]), cfg.Workers)
		aff.SkipInputGrad = i == 1
		nw.affines = append(nw.affines, aff)
		nw.layers = append(nw.layers, aff)
		if i == len(sizes)-1 {
			break
		}
		if cfg.BatchNorm {
			nw.layers = append(nw.layers, NewBatchNorm[T](fmt.Sprintf("BatchNorm%d.", i), sizes[i], cfg.BN))
		}
		nw.layers = append(nw.layers, NewActivationLayer[T](act))
		if cfg.Dropout > 0 {
			nw.layers = append(nw.layers, NewDropout[T](cfg.Dropout, rng))
		}
	}
	for _, l := range nw.layers {
		nw.params = append(nw.params, l.Params()...)
	}
	for _, p := range nw.params {
		if !slices.ContainsFunc(nw.affines, func(a *Affine[T]) bool { return a.W == p.Value }) {
			nw.unfolded = append(nw.unfolded, p)
		}
	}
	return nw, nil
}

// Validate reports the first setting New would refuse, without building
// the network (nor allocating its weights).
func (cfg Config) Validate() error { return cfg.validate() }

func (cfg Config) validate() error {
	if cfg.InputSize <= 0 || cfg.OutputSize <= 0 {
		return fmt.Errorf("net: input and output sizes must be positive (got %d, %d)", cfg.InputSize, cfg.OutputSize)
	}
	for _, h := range cfg.HiddenSizes {
		if h <= 0 {
			return fmt.Errorf("net: hidden sizes must be positive (got %v)", cfg.HiddenSizes)
		}
	}
	if !cfg.Activation.Valid() {
		return fmt.Errorf("net: unknown activation %q (want relu, sigmoid or tanh)", string(cfg.Activation))
	}
	if !(cfg.Dropout >= 0 && cfg.Dropout < 1) {
		return fmt.Errorf("net: dropout ratio %v is not in [0, 1)", cfg.Dropout)
	}
	if !(cfg.WeightDecay >= 0) || math.IsInf(cfg.WeightDecay, 0) {
		return fmt.Errorf("net: weight decay %v must be finite and ≥ 0", cfg.WeightDecay)
	}
	if cfg.BatchNorm {
		if err := cfg.BN.validate(); err != nil {
			return err
		}
	}
	if cfg.Workers < 0 {
		return fmt.Errorf("net: negative worker count %d", cfg.Workers)
	}
	return nil
}

// Config returns the configuration the network was built from.
func (nw *Network[T]) Config() Config { return nw.cfg }

// Layers returns the layers in forward order (without the loss).
func (nw *Network[T]) Layers() []Layer[T] { return nw.layers }

// Params returns every trainable parameter, in layer order: W and b of each
// affine layer, γ and β of each BatchNorm. Their Grad holds what the last
// Gradient left; a Step with plain SGD leaves the weights' Grad stale (see
// Step).
func (nw *Network[T]) Params() []Param[T] { return nw.params }

// Predict returns the logits for a batch x (no softmax), or an error
// wrapping ErrShape when x is not a well-formed batch of InputSize
// columns. The result belongs to the network and is overwritten by its
// next call.
func (nw *Network[T]) Predict(x *Matrix[T], train bool) (*Matrix[T], error) {
	if err := checkInput(x, nw.cfg.InputSize); err != nil {
		return nil, fmt.Errorf("net: Predict: %w", err)
	}
	return nw.forward(x, train), nil
}

// forward runs the layers on a checked batch.
func (nw *Network[T]) forward(x *Matrix[T], train bool) *Matrix[T] {
	for _, l := range nw.layers {
		x = l.Forward(x, train)
	}
	return x
}

// Loss returns the mean cross-entropy of x against labels plus the weight
// decay term. train selects BatchNorm and Dropout's training behaviour.
func (nw *Network[T]) Loss(x *Matrix[T], labels []int, train bool) (float64, error) {
	if err := nw.checkBatch(x, labels); err != nil {
		return 0, fmt.Errorf("net: Loss: %w", err)
	}
	return nw.loss.Forward(nw.forward(x, train), labels) + nw.decay(), nil
}

// decay returns 0.5·λ·Σ‖W‖².
func (nw *Network[T]) decay() float64 {
	if nw.cfg.WeightDecay == 0 {
		return 0
	}
	var sum float64
	for _, a := range nw.affines {
		for _, w := range a.W.Data {
			sum += float64(w) * float64(w)
		}
	}
	return 0.5 * nw.cfg.WeightDecay * sum
}

// Gradient runs a training-mode forward and backward pass on the batch,
// leaving the gradients in Params, and returns the loss (before any
// update). λ·W is added to each dW.
func (nw *Network[T]) Gradient(x *Matrix[T], labels []int) (float64, error) {
	if err := nw.checkBatch(x, labels); err != nil {
		return 0, fmt.Errorf("net: Gradient: %w", err)
	}
	loss := nw.pass(x, labels, nil) + nw.decay()
	if lambda := T(nw.cfg.WeightDecay); lambda != 0 {
		for _, a := range nw.affines {
			for i, w := range a.W.Data {
				a.dW.Data[i] += lambda * w
			}
		}
	}
	return loss, nil
}

// pass runs a training-mode forward and backward pass on a checked batch
// and returns the loss without the weight decay term. With sgd nil the
// gradients are left in Params; otherwise every affine layer updates its W
// by sgd during the pass (Affine.backwardSGD) and only the other gradients
// are left.
func (nw *Network[T]) pass(x *Matrix[T], labels []int, sgd *SGD[T]) float64 {
	loss := nw.loss.Forward(nw.forward(x, true), labels)
	dout := nw.loss.Backward()
	for i := len(nw.layers) - 1; i >= 0; i-- {
		if a, ok := nw.layers[i].(*Affine[T]); ok && sgd != nil {
			dout = a.backwardSGD(dout, T(sgd.LR))
		} else {
			dout = nw.layers[i].Backward(dout)
		}
	}
	return loss
}

// Step computes the gradient on the batch and lets opt update the
// parameters: Gradient then opt.Update, so every gradient in Params is the
// one this step used. It returns the loss before the update, and
// ErrDiverged (with the update applied, as the book's code would) when
// that loss is not finite.
func (nw *Network[T]) Step(x *Matrix[T], labels []int, opt Optimizer[T]) (float64, error) {
	return nw.step(x, labels, opt, false)
}

// StepFolded is Step with plain SGD folded into the weight products: when
// opt is an *SGD with a nonzero rate and the network has no weight decay,
// each affine layer updates W ← W − lr·xᵀ·dout as one GEMM (no dW pass, no
// axpy over W), and its dW in Params is left stale; the other parameters
// go through opt as usual. With any other optimizer it is Step. The result
// can differ from Step by rounding (the kernel may add lr·g to W in a
// fused multiply-add). The experiments that train plain SGD without
// reading gradients use it.
func (nw *Network[T]) StepFolded(x *Matrix[T], labels []int, opt Optimizer[T]) (float64, error) {
	return nw.step(x, labels, opt, true)
}

func (nw *Network[T]) step(x *Matrix[T], labels []int, opt Optimizer[T], fold bool) (float64, error) {
	if opt == nil {
		return 0, errors.New("net: Step needs an Optimizer")
	}
	if err := nw.checkBatch(x, labels); err != nil {
		return 0, fmt.Errorf("net: Step: %w", err)
	}
	var loss float64
	// A zero rate is left unfolded: the GEMM skips the product when α = 0,
	// so a NaN gradient would not reach W as it does through the axpy.
	if sgd, ok := opt.(*SGD[T]); ok && fold && nw.cfg.WeightDecay == 0 && T(sgd.LR) != 0 {
		loss = nw.pass(x, labels, sgd)
		sgd.Update(nw.unfolded)
	} else {
		loss, _ = nw.Gradient(x, labels) // checked above
		opt.Update(nw.params)
	}
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return loss, ErrDiverged
	}
	return loss, nil
}

// Accuracy returns the fraction of rows of x whose largest logit (test
// mode: BatchNorm uses running statistics) is at the label. Rows of NaN
// logits count as class 0, as NumPy's argmax does.
func (nw *Network[T]) Accuracy(x *Matrix[T], labels []int) (float64, error) {
	if err := nw.checkBatch(x, labels); err != nil {
		return 0, fmt.Errorf("net: Accuracy: %w", err)
	}
	// Test mode treats rows independently, so large sets go through in
	// chunks whose buffers stay in cache (one 10 000-row pass allocated and
	// first-touched 4 MB per layer and took 10× longer).
	const chunk = 500
	correct := 0
	for r0 := 0; r0 < x.Rows; r0 += chunk {
		r1 := min(r0+chunk, x.Rows)
		part := &Matrix[T]{Rows: r1 - r0, Cols: x.Cols, Data: x.Data[r0*x.Cols : r1*x.Cols]}
		y := nw.forward(part, false)
		for i := 0; i < y.Rows; i++ {
			if Argmax(y.Row(i)) == labels[r0+i] {
				correct++
			}
		}
	}
	return float64(correct) / float64(x.Rows), nil
}

// Finite reports whether every parameter is finite.
func (nw *Network[T]) Finite() bool {
	for _, p := range nw.params {
		if !allFinite(p.Value.Data) {
			return false
		}
	}
	return true
}

// allFinite reports whether xs holds no NaN or ±Inf, without a branch per
// element (the experiments check every weight after every step): x−x is
// +0 for a finite x and NaN otherwise, and NaN survives any sum.
func allFinite[T Float](xs []T) bool {
	var s0, s1, s2, s3 T
	for len(xs) >= 4 {
		s0 += xs[0] - xs[0]
		s1 += xs[1] - xs[1]
		s2 += xs[2] - xs[2]
		s3 += xs[3] - xs[3]
		xs = xs[4:]
	}
	for _, x := range xs {
		s0 += x - x
	}
	return s0+s1+s2+s3 == 0
}

// checkBatch reports whether x is a well-formed batch of InputSize columns
// with one label in [0, OutputSize) per row.
func (nw *Network[T]) checkBatch(x *Matrix[T], labels []int) error {
	if err := checkInput(x, nw.cfg.InputSize); err != nil {
		return err
	}
	return checkLabels(labels, x.Rows, nw.cfg.OutputSize)
}

// NumericalGradient returns, for each parameter in Params order, the
// central difference (L(p+h) − L(p−h))/2h of the training-mode loss for
// every element (the book's numerical_gradient, h = 1e-4 there). It moves
// BatchNorm's running statistics as the book's does. Slow: for tests.
func (nw *Network[T]) NumericalGradient(x *Matrix[T], labels []int, h float64) ([][]float64, error) {
	var grads [][]float64
	for _, p := range nw.params {
		g := make([]float64, len(p.Value.Data))
		for i := range p.Value.Data {
			orig := p.Value.Data[i]
			p.Value.Data[i] = orig + T(h)
			plus, err := nw.Loss(x, labels, true)
			if err != nil {
				return nil, err
			}
			p.Value.Data[i] = orig - T(h)
			minus, _ := nw.Loss(x, labels, true)
			p.Value.Data[i] = orig
			g[i] = (plus - minus) / (2 * h)
		}
		grads = append(grads, g)
	}
	return grads, nil
}
