package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// InitCompareConfig sets up the weight-initialization comparison on MNIST
// (SPEC §5.2). Every field means what it holds; BookInitCompareConfig
// returns the book's setup.
type InitCompareConfig struct {
	Hidden     []int          `json:"hidden"`
	Activation net.Activation `json:"activation"`
	// Inits are compared in this order.
	Inits      []net.Init        `json:"inits"`
	Optimizer  net.OptimizerName `json:"optimizer"`
	LR         float64           `json:"lr"`
	Batch      int               `json:"batch"`
	Iterations int               `json:"iterations"`
	// GradNorms records, every GradEvery iterations, the norm of each
	// affine layer's weight gradient ‖∂L/∂W_l‖ (vanishing or exploding
	// gradients over time).
	GradNorms bool `json:"grad_norms"`
	GradEvery int  `json:"grad_every"`
	// SkipTestAccuracy leaves out the final accuracy on the test set
	// (which the book does not compute).
	SkipTestAccuracy bool        `json:"skip_test_accuracy"`
	Seed             uint64      `json:"seed"`
	DType            DType       `json:"dtype"`
	Workers          int         `json:"workers"` // parallel trainings; 0 means one per network
	Data             *mnist.Data `json:"-"`
}

// BookInitCompareConfig returns the book's setup (weight_init_compare.py):
// a 784-100-100-100-100-10 ReLU network per initializer (std=0.01, Xavier,
// He), SGD with lr 0.01, 2000 iterations of 128 samples; gradient norms
// every 10 iterations when asked; float32, seed 1. Data is left nil.
func BookInitCompareConfig() InitCompareConfig {
	return InitCompareConfig{Hidden: []int{100, 100, 100, 100}, Activation: net.ReLUAct,
		Inits:     []net.Init{net.Std(0.01), net.Xavier(), net.He()},
		Optimizer: net.OptSGD, LR: 0.01, Batch: 128, Iterations: 2000, GradEvery: 10,
		Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c InitCompareConfig) Validate() error { return initCompareSpec.validate(c) }

var initCompareSpec = spec[InitCompareConfig, *InitCompareResult, InitCompareEvent]{
	name: "initcompare", section: "§6.2.4", order: 6.24,
	summary: "MNIST loss curves of a 5-layer ReLU network with std=0.01, Xavier and He initial weights",
	fields: []Field{
		initsField("initializers compared"),
		{Key: "iterations", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "training iterations"},
		lrField(), optimizerField(), batchField(), hiddenField(), activationField(),
		{Key: "grad_norms", Kind: Bool, Help: "record ‖dW‖ of every layer every grad_every iterations"},
		{Key: "grad_every", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "iterations between gradient norms"},
		{Key: "skip_test_accuracy", Kind: Bool, Help: "leave out the final test accuracy"},
		seedField(), dtypeField(), workersField("networks"),
	},
	book:  BookInitCompareConfig,
	joint: func(c InitCompareConfig) error { return c.checkNetworks() },
	memory: func(c InitCompareConfig) int64 {
		return add(c.comparisonBytes(), mul(c.Iterations, len(c.Inits), 2, 8),
			mul(c.Iterations/c.GradEvery+1, len(c.Hidden)+1, len(c.Inits), 8))
	},
	data: func(c InitCompareConfig) (int, int) {
		if c.SkipTestAccuracy {
			return -1, 0
		}
		return -1, -1
	},
	checkData: func(c InitCompareConfig) error { return checkMNIST(c, -1, !c.SkipTestAccuracy) },
	newResult: NewInitCompareResult,
	run:       InitCompare,
}

func init() { register(initCompareSpec.describe()) }

// checkNetworks checks the optimizer and the networks' settings.
func (c InitCompareConfig) checkNetworks() error {
	if _, err := net.NewOptimizer[float32](c.Optimizer, c.LR); err != nil {
		return err
	}
	return net.Config{InputSize: mnistPixels, HiddenSizes: c.Hidden, OutputSize: 10, Activation: c.Activation}.Validate()
}

// comparisonBytes estimates a comparison's memory: the batch indices of
// every iteration, the networks, the batch ring, the training set and the
// scored test set.
func (c InitCompareConfig) comparisonBytes() int64 {
	nets := mul(int(min(networkBytes(c.DType, mnistPixels, c.Hidden, c.Batch), math.MaxInt32)), len(c.Inits))
	ring := mul(ringDepth, c.Batch, mnistPixels, elemBytes(c.DType))
	return add(mul(c.Iterations, c.Batch, 8), nets, ring, datasetBytes(c.DType, 60000, false),
		datasetBytes(c.DType, 10000, !c.SkipTestAccuracy))
}

// InitCompareResult is the outcome of InitCompare.
type InitCompareResult struct {
	Experiment string            `json:"experiment"`
	Config     InitCompareConfig `json:"config"`
	Seconds    float64           `json:"seconds"`
	Series     []LossSeries      `json:"series"`
}

// LossSeries is one network's training curve.
type LossSeries struct {
	Name    string `json:"name"`
	Formula string `json:"formula"`
	// Loss is the loss on each iteration's batch after that iteration's
	// update (the book's protocol); NaN (null in JSON) once diverged.
	Loss     nullFloats `json:"loss"`
	Smoothed nullFloats `json:"smoothed"`
	// TestAccuracy on the 10 000 test images after training, or null.
	TestAccuracy *float64 `json:"test_accuracy"`
	Diverged     bool     `json:"diverged"`
	// GradNorms[l][t] is ‖∂L/∂W_{l+1}‖ at iteration t·GradEvery, when
	// recorded (null once diverged).
	GradNorms []nullFloats `json:"grad_norms,omitempty"`
	// DivergedAt is the first iteration with a non-finite loss, or −1.
	DivergedAt int `json:"diverged_at"`
}

// InitCompareEvent reports one iteration of one network.
type InitCompareEvent struct {
	Work
	Series    int     // index into InitCompareResult.Series
	Iteration int     // 0-based
	Loss      float64 // after the iteration's update; NaN once diverged
}

// NewInitCompareResult returns the result of cfg before the first
// iteration: every series named, no points. Apply fills it in.
func NewInitCompareResult(cfg InitCompareConfig) (*InitCompareResult, error) {
	if err := validateForRun("initcompare", cfg); err != nil {
		return nil, err
	}
	res := &InitCompareResult{Experiment: "initcompare", Config: cfg, Series: make([]LossSeries, len(cfg.Inits))}
	for i, in := range cfg.Inits {
		res.Series[i] = LossSeries{Name: in.String(), Formula: in.Formula(), Loss: make(nullFloats, 0, cfg.Iterations), DivergedAt: -1}
	}
	return res, nil
}

// Apply records one point: the next of its series (others are ignored). A
// NaN loss marks the series diverged from that iteration on.
func (r *InitCompareResult) Apply(e InitCompareEvent) {
	if e.Series < 0 || e.Series >= len(r.Series) {
		return
	}
	s := &r.Series[e.Series]
	if e.Iteration != len(s.Loss) {
		return
	}
	s.Loss = append(s.Loss, e.Loss)
	if math.IsNaN(e.Loss) && !s.Diverged {
		s.Diverged, s.DivergedAt = true, e.Iteration
	}
}

func (r *InitCompareResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change, with the
// book's smoothed curves of the points so far.
func (r *InitCompareResult) Snapshot() *InitCompareResult {
	c := *r
	c.Series = slices.Clone(r.Series)
	for i := range c.Series {
		s := &c.Series[i]
		s.Loss = s.Loss[:len(s.Loss):len(s.Loss)]
		if len(s.Smoothed) != len(s.Loss) {
			s.Smoothed = Smooth(s.Loss)
		}
	}
	return &c
}

// InitCompare trains one network per initializer on the same batches and
// records each loss after the update. Each network draws its weights from
// a generator seeded with (Seed, its initializer's name), every batch is
// drawn (uniformly, with replacement) from one seeded with (Seed, 0); the
// networks then train in parallel. A network whose
// loss stops being finite is marked diverged and stops; any other error
// ends the run.
func InitCompare(ctx context.Context, cfg InitCompareConfig, progress func(InitCompareEvent)) (*InitCompareResult, error) {
	return execute(cfg, cfg.DType, NewInitCompareResult, func(r *InitCompareResult) error { return initCompare[float32](ctx, r, progress) },
		func(r *InitCompareResult) error { return initCompare[float64](ctx, r, progress) })
}

func initCompare[T net.Float](ctx context.Context, res *InitCompareResult, progress func(InitCompareEvent)) error {
	cfg := res.Config
	cmp, err := newComparison[T]("initcompare", cfg)
	if err != nil {
		return err
	}
	nets, testX, testLabels := cmp.nets, cmp.testX, cmp.testLabels
	rep := newReporter(cfg.Iterations * len(nets))
	return cmp.run(cfg.Batch, func(k int, rings *batchRing[T]) error {
		opt, err := net.NewOptimizer[T](cfg.Optimizer, cfg.LR)
		if err != nil {
			return err
		}
		s := &res.Series[k] // this goroutine's; Apply below touches only Loss and the divergence fields
		name := s.Name
		diverged := false
		for it := range cfg.Iterations {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: initcompare: %w", err)
			}
			x, labels, ok := rings.get(it)
			if !ok {
				return nil // another network failed and reports why
			}
			loss := math.NaN()
			if !diverged {
				loss, err = stepThenLoss(nets[k], x, labels, opt, cfg.GradNorms && it%cfg.GradEvery == 0)
				if err != nil {
					return fmt.Errorf("experiment: initcompare: network %s, iteration %d: %w", name, it, err)
				}
				diverged = math.IsNaN(loss)
			}
			rings.release(it)
			if cfg.GradNorms && it%cfg.GradEvery == 0 {
				recordGradNorms(s, nets[k], diverged)
			}
			send(rep, 1, InitCompareEvent{Series: k, Iteration: it, Loss: loss}, res.Apply, progress)
		}
		s.Smoothed = Smooth(s.Loss)
		if !cfg.SkipTestAccuracy && !diverged {
			acc, err := nets[k].Accuracy(testX, testLabels)
			if err != nil {
				return fmt.Errorf("experiment: initcompare: network %s, test accuracy: %w", name, err)
			}
			s.TestAccuracy = &acc
		}
		return nil
	})
}

// comparison is what the init comparison and the symmetry experiment set
// up alike: one network per initializer, each drawn from a generator
// seeded with (Seed, the initializer's name), so that a network does not
// depend on the others in the list; every batch drawn from a generator
// seeded with (Seed, 0), uniformly with replacement, shared by all; and
// the test set when it is scored.
type comparison[T net.Float] struct {
	train      *dataset[T]
	nets       []*net.Network[T]
	batches    []int // Iterations·Batch sample indices
	testX      *net.Matrix[T]
	testLabels []int
	workers    int
}

func newComparison[T net.Float](name string, cfg InitCompareConfig) (*comparison[T], error) {
	train, err := toDataset[T](cfg.Data.Train)
	if err != nil {
		return nil, fmt.Errorf("experiment: %s: train set: %w", name, err)
	}
	c := &comparison[T]{train: train, nets: make([]*net.Network[T], len(cfg.Inits)), workers: cfg.Workers}
	for i, in := range cfg.Inits {
		c.nets[i], err = net.New[T](net.Config{InputSize: train.cols, HiddenSizes: cfg.Hidden, OutputSize: 10,
			Activation: cfg.Activation, Init: in, Workers: kernel.Serial}, rand.New(rand.NewPCG(cfg.Seed, nameStream(in.String()))))
		if err != nil {
			return nil, fmt.Errorf("experiment: %s: %s: %w", name, in, err)
		}
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0))
	c.batches = make([]int, cfg.Iterations*cfg.Batch)
	for i := range c.batches {
		c.batches[i] = rng.IntN(train.rows)
	}
	if !cfg.SkipTestAccuracy {
		test, err := toDataset[T](cfg.Data.Test)
		if err != nil {
			return nil, fmt.Errorf("experiment: %s: test set: %w", name, err)
		}
		c.testX, c.testLabels = test.all(), test.labels
	}
	if c.workers == 0 {
		// One goroutine per network even beyond the core count: three
		// trainings on two cores then finish together (the scheduler shares
		// the cores) instead of the third running alone at the end.
		c.workers = max(workerCount(0), len(c.nets))
	}
	return c, nil
}

// ringDepth is how many batches a comparison's networks may be apart
// (128×784 float32: 0.4 MB each).
const ringDepth = 8

// run trains every network with job(k, ring) on parallel goroutines. When
// all networks run at once they share one ring, so each batch is gathered
// once; with fewer workers than networks each network has a ring of its
// own (a shared one would wait for networks not yet started). A failing
// job stops the shared ring, so that the others end too.
func (c *comparison[T]) run(batch int, job func(k int, ring *batchRing[T]) error) error {
	rings := make([]*batchRing[T], len(c.nets))
	if c.workers >= len(c.nets) {
		shared := newBatchRing(c.train, c.batches, batch, len(c.nets), ringDepth)
		for k := range rings {
			rings[k] = shared
		}
	} else {
		for k := range rings {
			rings[k] = newBatchRing(c.train, c.batches, batch, 1, 1)
		}
	}
	return parallel(c.workers, len(c.nets), func(k int) error {
		err := job(k, rings[k])
		if err != nil {
			rings[k].stop()
		}
		return err
	})
}

// stepThenLoss makes one update and returns the batch loss after it (the
// book's protocol), or NaN when the network has diverged: its loss before
// or after the update is not finite. Other errors are returned. keepGrads
// leaves the gradients in Params for recordGradNorms (Step); otherwise
// plain SGD is folded into the weight products (StepFolded).
func stepThenLoss[T net.Float](nw *net.Network[T], x *net.Matrix[T], labels []int, opt net.Optimizer[T], keepGrads bool) (float64, error) {
	step := nw.StepFolded
	if keepGrads {
		step = nw.Step
	}
	if _, err := step(x, labels, opt); errors.Is(err, net.ErrDiverged) {
		return math.NaN(), nil
	} else if err != nil {
		return 0, err
	}
	loss, err := nw.Loss(x, labels, false)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return math.NaN(), nil
	}
	return loss, nil
}

// recordGradNorms appends the Frobenius norm of every weight gradient left
// by the last step (NaN once the network has diverged).
func recordGradNorms[T net.Float](s *LossSeries, nw *net.Network[T], diverged bool) {
	l := 0
	for _, p := range nw.Params() {
		if !strings.HasSuffix(p.Name, ".W") {
			continue
		}
		if len(s.GradNorms) <= l {
			s.GradNorms = append(s.GradNorms, nil)
		}
		norm := math.NaN()
		if !diverged {
			var sq float64
			for _, g := range p.Grad.Data {
				sq += float64(g) * float64(g)
			}
			norm = math.Sqrt(sq)
		}
		s.GradNorms[l] = append(s.GradNorms[l], norm)
		l++
	}
}
