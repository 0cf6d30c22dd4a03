package experiment

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// OptimizersConfig sets up the book's §6.1 in one experiment: the paths
// of the update rules on f(x, y) = x²/20 + y² (Path,
// optimizer_compare_naive.py) and the same rules training one MNIST
// network each on shared mini-batches (optimizer_compare_mnist.py). Every
// field means what it holds; BookOptimizersConfig returns the book's.
type OptimizersConfig struct {
	Path OptimizerPathConfig `json:"path"`
	// Optimizers train one network each, with the rates LRs.
	Optimizers []net.OptimizerName `json:"optimizers"`
	LRs        []float64           `json:"lrs"`
	Iterations int                 `json:"iterations"`
	Batch      int                 `json:"batch"` // drawn with replacement
	Hidden     []int               `json:"hidden"`
	Seed       uint64              `json:"seed"`
	DType      DType               `json:"dtype"`
	// Workers are the parallel networks of each iteration; 0 means one
	// per network.
	Workers int         `json:"workers"`
	Data    *mnist.Data `json:"-"`
}

// BookOptimizersConfig returns the book's setup: its paths
// (BookOptimizerPathConfig), and on MNIST a 784-100-100-100-100-10 ReLU
// network with He initial weights for each of SGD (lr 0.01), Momentum
// (0.01), AdaGrad (0.01) and Adam (0.001), 2000 iterations on batches of
// 128 from the whole training set; float32, seed 1. Data is left nil.
func BookOptimizersConfig() OptimizersConfig {
	return OptimizersConfig{Path: BookOptimizerPathConfig(),
		Optimizers: []net.OptimizerName{net.OptSGD, net.OptMomentum, net.OptAdaGrad, net.OptAdam},
		LRs:        []float64{0.01, 0.01, 0.01, 0.001}, Iterations: 2000, Batch: 128,
		Hidden: []int{100, 100, 100, 100}, Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c OptimizersConfig) Validate() error { return optimizersSpec.validate(c) }

// maxOptimizers bounds the optimizer lists: the six rules of net.
const maxOptimizers = 6

var optimizersSpec = spec[OptimizersConfig, *OptimizersResult, OptimizersEvent]{
	name: "optimizers", section: "§6.1", order: 6.1,
	summary: "SGD, Momentum, AdaGrad and Adam: their paths on x²/20 + y², and the MNIST loss curves of one network each",
	fields: []Field{
		{Key: "path.x0", Kind: Float, Min: -10, Max: 10, Help: "paths: start x"},
		{Key: "path.y0", Kind: Float, Min: -10, Max: 10, Help: "paths: start y"},
		{Key: "path.steps", Kind: Int, Unit: "steps", Min: 1, Max: 10000, Help: "paths: updates (positions recorded before each)"},
		{Key: "path.optimizers", Kind: TextList, MinLen: 1, MaxLen: maxOptimizers, Unique: true,
			Help: "paths: update rules (sgd, momentum, nesterov, adagrad, rmsprop, adam), comma-separated"},
		{Key: "path.lrs", Kind: FloatList, Min: 0, Max: 1000, MinLen: 1, MaxLen: maxOptimizers,
			Help: "paths: learning rates, one per path optimizer"},
		{Key: "optimizers", Kind: TextList, MinLen: 1, MaxLen: maxOptimizers, Unique: true,
			Help: "MNIST: update rules, one network each (sgd, momentum, nesterov, adagrad, rmsprop, adam), comma-separated"},
		{Key: "lrs", Kind: FloatList, Min: 0, Max: 1000, MinLen: 1, MaxLen: maxOptimizers,
			Help: "MNIST: learning rates, one per optimizer"},
		{Key: "iterations", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "MNIST: training iterations"},
		batchField(), hiddenField(), seedField(), dtypeField(), workersField("networks"),
	},
	book:  BookOptimizersConfig,
	joint: func(c OptimizersConfig) error { return c.check() },
	memory: func(c OptimizersConfig) int64 {
		// Every network at once, the batch, the training set as bytes, the
		// scored test set, and loss and smoothed loss of every iteration.
		nets := mul(int(min(networkBytes(c.DType, mnistPixels, c.Hidden, c.Batch), math.MaxInt32)), len(c.Optimizers))
		return add(nets, mul(c.Batch, mnistPixels, elemBytes(c.DType)), datasetBytes(c.DType, 60000, false),
			datasetBytes(c.DType, 10000, true), mul(c.Iterations, len(c.Optimizers), 3, 8), mul(c.Path.Steps, len(c.Path.Optimizers), 2, 8))
	},
	data:      func(OptimizersConfig) (int, int) { return -1, -1 },
	checkData: func(c OptimizersConfig) error { return checkMNIST(c, -1, true) },
	newResult: NewOptimizersResult,
	run:       Optimizers,
}

func init() { register(optimizersSpec.describe()) }

// check is the joint check: both parts' lists pair up and name rules
// that take their rates, and the networks can be built.
func (c OptimizersConfig) check() error {
	if err := c.Path.check(); err != nil {
		return err
	}
	if len(c.LRs) != len(c.Optimizers) {
		return fmt.Errorf("%d rates for %d optimizers", len(c.LRs), len(c.Optimizers))
	}
	for i, name := range c.Optimizers {
		if _, err := net.NewOptimizer[float32](name, c.LRs[i]); err != nil {
			return err
		}
	}
	return c.netConfig(mnistPixels).Validate()
}

// netConfig is every network's: the book's ReLU and He initial weights.
func (c OptimizersConfig) netConfig(inputs int) net.Config {
	return net.Config{InputSize: inputs, HiddenSizes: c.Hidden, OutputSize: 10, Activation: net.ReLUAct, Init: net.He(),
		Workers: kernel.Serial}
}

// OptimizersResult is the outcome of Optimizers: the paths, computed at
// once, and the MNIST curves.
type OptimizersResult struct {
	Experiment string           `json:"experiment"`
	Config     OptimizersConfig `json:"config"`
	Seconds    float64          `json:"seconds"`
	Paths      OptimizerPaths   `json:"paths"`
	MNIST      OptimizerCurves  `json:"mnist"`
}

// OptimizerCurve is one optimizer's MNIST training curve.
type OptimizerCurve struct {
	Name net.OptimizerName `json:"-"`
	LR   float64           `json:"lr"`
	// Iterations are the 0-based iterations of the points.
	Iterations []int `json:"iterations"`
	// Loss is the loss of each iteration's batch after its update (test
	// mode, the book's protocol), NaN (null) once diverged; Smoothed is
	// the book's smooth_curve of it.
	Loss     nullFloats `json:"loss"`
	Smoothed nullFloats `json:"smoothed"`
	// TestAccuracy on the 10 000 test images after training (null before
	// the end, or when diverged).
	TestAccuracy *float64 `json:"test_accuracy"`
	Diverged     bool     `json:"diverged"`
	// DivergedAt is the first iteration with a non-finite loss, or −1.
	DivergedAt int `json:"diverged_at"`
}

// OptimizerCurves are the curves in the config's order; in JSON an
// object keyed by optimizer name, in that order.
type OptimizerCurves []OptimizerCurve

// MarshalJSON writes {"sgd": {"iterations": […], "loss": […], …}, …}.
func (c OptimizerCurves) MarshalJSON() ([]byte, error) {
	return marshalByName(c, func(o OptimizerCurve) net.OptimizerName { return o.Name })
}

// OptimizersEvent reports one MNIST iteration of every network.
type OptimizersEvent struct {
	Work
	Iteration int // 0-based
	// Loss holds each network's loss after the update (NaN once
	// diverged), in the config's order.
	Loss []float64
}

// NewOptimizersResult returns the result of cfg before the first MNIST
// iteration: the paths computed, every curve named and empty.
func NewOptimizersResult(cfg OptimizersConfig) (*OptimizersResult, error) {
	if err := validateForRun("optimizers", cfg); err != nil {
		return nil, err
	}
	paths, err := Paths(cfg.Path)
	if err != nil {
		return nil, err
	}
	res := &OptimizersResult{Experiment: "optimizers", Config: cfg, Paths: paths, MNIST: make(OptimizerCurves, len(cfg.Optimizers))}
	for i, name := range cfg.Optimizers {
		res.MNIST[i] = OptimizerCurve{Name: name, LR: cfg.LRs[i], Iterations: []int{}, Loss: nullFloats{}, Smoothed: nullFloats{},
			DivergedAt: -1}
	}
	return res, nil
}

// WithPath returns a copy of r with the path settings p and their paths
// (the MNIST part does not depend on them): a window redraws the paths of
// a finished run as their settings are typed.
func (r *OptimizersResult) WithPath(p OptimizerPathConfig) (*OptimizersResult, error) {
	c := *r
	c.Config.Path = p
	d, err := Lookup("optimizers")
	if err != nil {
		return nil, err
	}
	if err := d.Check(c.Config, 0); err != nil {
		return nil, err
	}
	if c.Paths, err = Paths(p); err != nil {
		return nil, err
	}
	return &c, nil
}

// Apply records one iteration: the next one (others are ignored). A NaN
// loss marks its curve diverged from that iteration on.
func (r *OptimizersResult) Apply(e OptimizersEvent) {
	for k := range min(len(e.Loss), len(r.MNIST)) {
		c := &r.MNIST[k]
		if e.Iteration != len(c.Loss) {
			continue
		}
		c.Iterations = append(c.Iterations, e.Iteration)
		c.Loss = append(c.Loss, e.Loss[k])
		if math.IsNaN(e.Loss[k]) && !c.Diverged {
			c.Diverged, c.DivergedAt = true, e.Iteration
		}
	}
}

func (r *OptimizersResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change, with the
// book's smoothed curves of the points so far.
func (r *OptimizersResult) Snapshot() *OptimizersResult {
	c := *r
	c.MNIST = slices.Clone(r.MNIST)
	for i := range c.MNIST {
		m := &c.MNIST[i]
		n := len(m.Loss)
		m.Iterations, m.Loss = m.Iterations[:n:n], m.Loss[:n:n]
		if len(m.Smoothed) != n {
			m.Smoothed = Smooth(m.Loss)
		}
	}
	return &c
}

// WriteCSV writes one row per recorded value with columns part (path,
// mnist or test), optimizer, lr, step (a path's position or an MNIST
// iteration), x, y, loss, smoothed, test_accuracy; empty cells are values
// a row does not have, or diverged ones.
func (r *OptimizersResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"part", "optimizer", "lr", "step", "x", "y", "loss", "smoothed", "test_accuracy"})
	for _, p := range r.Paths {
		for s := range p.X {
			cw.Write([]string{"path", string(p.Name), num(p.LR), strconv.Itoa(s), num(p.X[s]), num(p.Y[s]), "", "", ""})
		}
	}
	for _, c := range r.MNIST {
		for i, loss := range c.Loss {
			smoothed := math.NaN()
			if i < len(c.Smoothed) {
				smoothed = c.Smoothed[i]
			}
			cw.Write([]string{"mnist", string(c.Name), num(c.LR), strconv.Itoa(i), "", "", num(loss), num(smoothed), ""})
		}
	}
	for _, c := range r.MNIST {
		acc := math.NaN()
		if c.TestAccuracy != nil {
			acc = *c.TestAccuracy
		}
		cw.Write([]string{"test", string(c.Name), num(c.LR), "", "", "", "", "", num(acc)})
	}
	cw.Flush()
	return cw.Error()
}

// Optimizers computes the paths, then trains one network per optimizer
// on the same mini-batches and records each loss after the update, and
// at the end each network's test accuracy. Each network draws its
// weights from a generator seeded with (Seed, its optimizer's name),
// every batch is drawn (uniformly, with replacement, from the whole
// training set) from one seeded with (Seed, 0). Within an iteration the
// networks update in parallel. A network whose loss stops being finite
// is marked diverged and stops; any other error ends the run.
func Optimizers(ctx context.Context, cfg OptimizersConfig, progress func(OptimizersEvent)) (*OptimizersResult, error) {
	return execute(cfg, cfg.DType, NewOptimizersResult,
		func(r *OptimizersResult) error { return optimizersMNIST[float32](ctx, r, progress) },
		func(r *OptimizersResult) error { return optimizersMNIST[float64](ctx, r, progress) })
}

func optimizersMNIST[T net.Float](ctx context.Context, res *OptimizersResult, progress func(OptimizersEvent)) error {
	cfg := res.Config
	train, err := toDataset[T](cfg.Data.Train)
	if err != nil {
		return fmt.Errorf("experiment: optimizers: train set: %w", err)
	}
	test, err := toDataset[T](cfg.Data.Test)
	if err != nil {
		return fmt.Errorf("experiment: optimizers: test set: %w", err)
	}
	specs := make([]netSpec[T], len(cfg.Optimizers))
	for k, name := range cfg.Optimizers {
		nw, err := net.New[T](cfg.netConfig(train.cols), rand.New(rand.NewPCG(cfg.Seed, nameStream(string(name)))))
		if err != nil {
			return fmt.Errorf("experiment: optimizers: %s: %w", name, err)
		}
		specs[k] = netSpec[T]{name: string(name), nw: nw, optimizer: name, lr: cfg.LRs[k]}
	}
	tr, err := newTrainer(train, rand.New(rand.NewPCG(cfg.Seed, 0)), cfg.Batch, specs)
	if err != nil {
		return fmt.Errorf("experiment: optimizers: %w", err)
	}
	n := len(tr.nets)
	workers := cfg.Workers
	if workers == 0 {
		workers = n
	}
	rep := newReporter(cfg.Iterations * n)
	for it := range cfg.Iterations {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("experiment: optimizers: %w", err)
		}
		e := OptimizersEvent{Iteration: it, Loss: make([]float64, n)}
		if err := stepEach(tr, workers, e.Loss); err != nil {
			return fmt.Errorf("experiment: optimizers: iteration %d: %w", it, err)
		}
		send(rep, n, e, res.Apply, progress)
	}
	testX := test.all()
	for k, nt := range tr.nets {
		c := &res.MNIST[k]
		c.Smoothed = Smooth(c.Loss)
		if nt.diverged {
			continue
		}
		acc, err := nt.nw.Accuracy(testX, test.labels)
		if err != nil {
			return fmt.Errorf("experiment: optimizers: network %s, test accuracy: %w", nt.name, err)
		}
		c.TestAccuracy = &acc
	}
	return nil
}

// stepEach draws the trainer's next batch and updates every network on
// it, workers at a time (the trainer's step, with the networks in
// parallel); each then stores in loss[k] the batch's loss after its
// update.
func stepEach[T net.Float](tr *trainer[T], workers int, loss []float64) error {
	tr.nextBatch()
	return parallel(workers, len(tr.nets), func(k int) error {
		nt := tr.nets[k]
		if _, err := nt.step(tr.x, tr.labels); err != nil {
			return fmt.Errorf("network %s: %w", nt.name, err)
		}
		var err error
		if loss[k], err = lossAfterStep(nt, tr.x, tr.labels); err != nil {
			return fmt.Errorf("network %s: %w", nt.name, err)
		}
		return nil
	})
}

// lossAfterStep is the loss of the batch just trained on, after the
// update (test mode), or NaN once the network has diverged: a loss that
// is not finite marks it so.
func lossAfterStep[T net.Float](n *trainee[T], x *net.Matrix[T], labels []int) (float64, error) {
	if n.diverged {
		return math.NaN(), nil
	}
	loss, err := n.nw.Loss(x, labels, false)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		n.diverged = true
		return math.NaN(), nil
	}
	return loss, nil
}
