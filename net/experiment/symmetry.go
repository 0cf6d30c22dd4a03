package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"zerokara/net"
	"zerokara/net/mnist"
)

// SymmetryConfig sets up the symmetry experiment (SPEC §10): the slides'
// claim that all-zero or constant weights make every neuron of a layer
// change the same way. Every field means what it holds;
// BookSymmetryConfig returns the setup of §10.
type SymmetryConfig struct {
	Hidden     []int             `json:"hidden"`
	Activation net.Activation    `json:"activation"`
	Inits      []net.Init        `json:"inits"`
	Optimizer  net.OptimizerName `json:"optimizer"`
	LR         float64           `json:"lr"`
	Batch      int               `json:"batch"`
	Iterations int               `json:"iterations"`
	// Every is the number of updates between recorded points; the first
	// point is before any update.
	Every int `json:"every"`
	// HeatLayer is the affine layer (1 = input layer) whose W is kept after
	// training for the heat map, every HeatRowStep-th row of it (the input
	// layer has 784 rows).
	HeatLayer        int         `json:"heat_layer"`
	HeatRowStep      int         `json:"heat_row_step"`
	SkipTestAccuracy bool        `json:"skip_test_accuracy"`
	Seed             uint64      `json:"seed"`
	DType            DType       `json:"dtype"`
	Workers          int         `json:"workers"` // parallel trainings; 0 means one per network
	Data             *mnist.Data `json:"-"`
}

// BookSymmetryConfig returns §10's setup: the init comparison's network
// (784-100×4-10 ReLU, SGD 0.01, batches of 128, 2000 iterations) for the
// inits zero, const=0.01, std=0.01 and He, a point every 100 updates, the
// input layer's W kept (every 8th of its 784 rows: each input pixel's
// weights, where constant init leaves identical columns, i.e. stripes);
// float32, seed 1. Data is left nil.
func BookSymmetryConfig() SymmetryConfig {
	return SymmetryConfig{Hidden: []int{100, 100, 100, 100}, Activation: net.ReLUAct,
		Inits:     []net.Init{net.Zero(), net.Constant(0.01), net.Std(0.01), net.He()},
		Optimizer: net.OptSGD, LR: 0.01, Batch: 128, Iterations: 2000, Every: 100, HeatLayer: 1, HeatRowStep: 8,
		Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c SymmetryConfig) Validate() error { return symmetrySpec.validate(c) }

var symmetrySpec = spec[SymmetryConfig, *SymmetryResult, SymmetryEvent]{
	name: "symmetry", section: "§6.2.1", order: 6.35, // after BN, as the slides add it
	summary: "whether the neurons of each layer stay alike when every weight starts equal (zero or constant init)",
	fields: []Field{
		initsField("initializers compared"),
		{Key: "iterations", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "training iterations"},
		lrField(), optimizerField(), batchField(),
		{Key: "every", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "updates between recorded points"},
		hiddenField(), activationField(),
		{Key: "heat_layer", Kind: Int, Min: 1, Max: maxLayers + 1, Help: "affine layer whose W the heat map shows (1 = input layer)"},
		{Key: "heat_row_step", Kind: Int, Min: 1, Max: mnistPixels, Help: "every n-th row of W in the heat map"},
		{Key: "skip_test_accuracy", Kind: Bool, Help: "leave out the final test accuracy"},
		seedField(), dtypeField(), workersField("networks"),
	},
	book: BookSymmetryConfig,
	joint: func(c SymmetryConfig) error {
		if c.HeatLayer > len(c.Hidden)+1 {
			return fmt.Errorf("heat_layer %d: the network has %d affine layers", c.HeatLayer, len(c.Hidden)+1)
		}
		return c.compare().checkNetworks()
	},
	memory: func(c SymmetryConfig) int64 {
		points := c.Iterations/c.Every + 2
		heat := mul(mnistPixels, maxHidden, 8) // at most one W, every row
		return add(c.compare().comparisonBytes(), mul(points, len(c.Hidden)+2, len(c.Inits), 3, 8), mul(len(c.Inits), int(heat)))
	},
	data: func(c SymmetryConfig) (int, int) {
		if c.SkipTestAccuracy {
			return -1, 0
		}
		return -1, -1
	},
	checkData: func(c SymmetryConfig) error { return checkMNIST(c, -1, !c.SkipTestAccuracy) },
	newResult: NewSymmetryResult,
	run:       Symmetry,
}

func init() { register(symmetrySpec.describe()) }

// compare is the init comparison with the same networks and batches.
func (c SymmetryConfig) compare() InitCompareConfig {
	return InitCompareConfig{Hidden: c.Hidden, Activation: c.Activation, Inits: c.Inits, Optimizer: c.Optimizer, LR: c.LR,
		Batch: c.Batch, Iterations: c.Iterations, GradEvery: 1, SkipTestAccuracy: c.SkipTestAccuracy, Seed: c.Seed,
		DType: c.DType, Workers: c.Workers, Data: c.Data}
}

// SymmetryResult is the outcome of Symmetry.
type SymmetryResult struct {
	Experiment string         `json:"experiment"`
	Config     SymmetryConfig `json:"config"`
	Seconds    float64        `json:"seconds"`
	Runs       []SymmetryRun  `json:"runs"`
}

// SymmetryRun is one initializer's training.
type SymmetryRun struct {
	Init    string `json:"init"`
	Formula string `json:"formula"`
	// Iterations holds the number of updates before each point: 0, Every,
	// 2·Every, …
	Iterations []int `json:"iterations"`
	// Loss is the batch loss at each point (NaN, null in JSON, once
	// diverged).
	Loss   nullFloats     `json:"loss"`
	Layers []NeuronCounts `json:"layers"`
	// TestAccuracy on the test set after training, or null.
	TestAccuracy *float64 `json:"test_accuracy"`
	// Heat is the HeatLayer's W after training (every HeatRowStep-th of
	// its fan_in rows, fan_out columns, row-major), for the heat map.
	Heat *HeatMap `json:"heat,omitempty"`
}

// NeuronCounts follows one affine layer: per point, how many of its
// neurons (columns of W) are distinct, and the spread across neurons.
type NeuronCounts struct {
	Distinct []int      `json:"distinct"`
	Spread   nullFloats `json:"spread"`
}

// HeatMap is a matrix of values for a heat-map figure.
type HeatMap struct {
	Rows   int        `json:"rows"`
	Cols   int        `json:"cols"`
	Values nullFloats `json:"values"` // row-major
}

// SymmetryEvent reports one recorded point of one run (and, with the
// last point, the run's final W for the heat map).
type SymmetryEvent struct {
	Work
	Run, Point, Iteration int
	Loss                  float64
	Distinct              []int
	Spread                []float64
	// Heat and TestAccuracy come with the run's last point.
	Heat         *HeatMap
	TestAccuracy *float64
}

// NewSymmetryResult returns the result of cfg before the first point.
func NewSymmetryResult(cfg SymmetryConfig) (*SymmetryResult, error) {
	if err := validateForRun("symmetry", cfg); err != nil {
		return nil, err
	}
	res := &SymmetryResult{Experiment: "symmetry", Config: cfg, Runs: make([]SymmetryRun, len(cfg.Inits))}
	for i, in := range cfg.Inits {
		res.Runs[i] = SymmetryRun{Init: in.String(), Formula: in.Formula(), Layers: make([]NeuronCounts, len(cfg.Hidden)+1)}
	}
	return res, nil
}

// Apply records a point: the next of its run (others are ignored).
func (r *SymmetryResult) Apply(e SymmetryEvent) {
	if e.Run < 0 || e.Run >= len(r.Runs) {
		return
	}
	run := &r.Runs[e.Run]
	if e.Point != len(run.Loss) || len(e.Distinct) != len(run.Layers) {
		return
	}
	run.Iterations = append(run.Iterations, e.Iteration)
	run.Loss = append(run.Loss, e.Loss)
	for l := range run.Layers {
		run.Layers[l].Distinct = append(run.Layers[l].Distinct, e.Distinct[l])
		run.Layers[l].Spread = append(run.Layers[l].Spread, e.Spread[l])
	}
	if e.Heat != nil {
		run.Heat = e.Heat
	}
	if e.TestAccuracy != nil {
		run.TestAccuracy = e.TestAccuracy
	}
}

func (r *SymmetryResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change.
func (r *SymmetryResult) Snapshot() *SymmetryResult {
	c := *r
	c.Runs = slices.Clone(r.Runs)
	for i := range c.Runs {
		c.Runs[i].Layers = slices.Clone(r.Runs[i].Layers)
	}
	return &c
}

// Symmetry trains one network per initializer on the same batches, as
// InitCompare does (each network's weights from a generator seeded with
// (Seed, its initializer's name), the batches from (Seed, 0)), and records the batch loss and,
// per affine layer, the distinct neurons and their spread before the first
// update and after every Every-th. A diverged network (non-finite loss)
// records NaN losses from then on; any other error ends the run.
func Symmetry(ctx context.Context, cfg SymmetryConfig, progress func(SymmetryEvent)) (*SymmetryResult, error) {
	return execute(cfg, cfg.DType, NewSymmetryResult, func(r *SymmetryResult) error { return symmetry[float32](ctx, r, progress) },
		func(r *SymmetryResult) error { return symmetry[float64](ctx, r, progress) })
}

func symmetry[T net.Float](ctx context.Context, res *SymmetryResult, progress func(SymmetryEvent)) error {
	cfg := res.Config
	cmp, err := newComparison[T]("symmetry", cfg.compare())
	if err != nil {
		return err
	}
	nets, testX, testLabels := cmp.nets, cmp.testX, cmp.testLabels
	rep := newReporter(cfg.Iterations * len(nets))
	last := cfg.Iterations / cfg.Every
	return cmp.run(cfg.Batch, func(k int, ring *batchRing[T]) error {
		nw, name := nets[k], res.Runs[k].Init
		opt, err := net.NewOptimizer[T](cfg.Optimizer, cfg.LR)
		if err != nil {
			return err
		}
		diverged := false
		record := func(point, it, work int, loss float64) error {
			e := SymmetryEvent{Run: k, Point: point, Iteration: it, Loss: loss}
			for _, a := range affineWeights(nw) {
				d, s := neuronStats(a)
				e.Distinct, e.Spread = append(e.Distinct, d), append(e.Spread, s)
			}
			if point == last {
				e.Heat = heatMap(affineWeights(nw)[cfg.HeatLayer-1], cfg.HeatRowStep)
				if !cfg.SkipTestAccuracy && !diverged {
					acc, err := nw.Accuracy(testX, testLabels)
					if err != nil {
						return fmt.Errorf("experiment: symmetry: network %s, test accuracy: %w", name, err)
					}
					e.TestAccuracy = &acc
				}
			}
			send(rep, work, e, res.Apply, progress)
			return nil
		}
		for it := range cfg.Iterations {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: symmetry: %w", err)
			}
			x, labels, ok := ring.get(it)
			if !ok {
				return nil // another network failed and reports why
			}
			if it == 0 { // the loss before any update, on the first batch
				loss0, err := nw.Loss(x, labels, false)
				if err != nil {
					return fmt.Errorf("experiment: symmetry: network %s: %w", name, err)
				}
				if err := record(0, 0, 0, finiteOrNaN(loss0)); err != nil {
					return err
				}
			}
			if !diverged {
				switch _, err := nw.StepFolded(x, labels, opt); {
				case errors.Is(err, net.ErrDiverged):
					diverged = true
				case err != nil:
					return fmt.Errorf("experiment: symmetry: network %s, iteration %d: %w", name, it, err)
				}
			}
			recorded := (it+1)%cfg.Every == 0
			// The batch loss after the update, computed only where it is
			// recorded (a forward pass a step saved).
			loss := math.NaN()
			if recorded && !diverged {
				if loss, err = nw.Loss(x, labels, false); err != nil {
					return fmt.Errorf("experiment: symmetry: network %s, iteration %d: %w", name, it, err)
				}
				loss = finiteOrNaN(loss)
				diverged = math.IsNaN(loss)
			}
			ring.release(it)
			if !recorded {
				continue
			}
			if err := record((it+1)/cfg.Every, it+1, cfg.Every, loss); err != nil {
				return err
			}
		}
		return nil
	})
}

func finiteOrNaN(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return math.NaN()
	}
	return v
}

// affineWeights returns the W of every affine layer, input layer first.
func affineWeights[T net.Float](nw *net.Network[T]) []*net.Matrix[T] {
	var ws []*net.Matrix[T]
	for _, l := range nw.Layers() {
		if a, ok := l.(*net.Affine[T]); ok {
			ws = append(ws, a.W)
		}
	}
	return ws
}

// neuronStats counts the distinct neurons of W (fan_in × fan_out): a
// column joins the first earlier distinct column it is within 1e-6·max|W|
// of in every row (an all-zero W has one). A tolerance, not rounding to a
// grid: columns an ulp apart (the kernel's tail columns round their sums in
// another order) could straddle a grid step and count twice. spread is the
// standard deviation over neurons of each neuron's mean weight. Non-finite
// weights give (0, NaN).
func neuronStats[T net.Float](w *net.Matrix[T]) (distinct int, spread float64) {
	var top float64
	for _, v := range w.Data {
		f := math.Abs(float64(v))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, math.NaN()
		}
		top = max(top, f)
	}
	tol := 1e-6 * top
	near := func(a, b int) bool {
		for i := range w.Rows {
			if math.Abs(float64(w.At(i, a))-float64(w.At(i, b))) > tol {
				return false
			}
		}
		return true
	}
	var reps []int // the first column of each distinct neuron
	means := make([]float64, w.Cols)
	for j := range w.Cols {
		if !slices.ContainsFunc(reps, func(r int) bool { return near(r, j) }) {
			reps = append(reps, j)
		}
		var sum float64
		for i := range w.Rows {
			sum += float64(w.At(i, j))
		}
		means[j] = sum / float64(w.Rows)
	}
	_, sd := moments(means)
	return len(reps), sd
}

// heatMap copies every step-th row of W for the figure.
func heatMap[T net.Float](w *net.Matrix[T], step int) *HeatMap {
	h := &HeatMap{Rows: (w.Rows + step - 1) / step, Cols: w.Cols}
	for i := 0; i < w.Rows; i += step {
		for _, v := range w.Row(i) {
			h.Values = append(h.Values, float64(v))
		}
	}
	return h
}
