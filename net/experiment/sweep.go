package experiment

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// SweepConfig sets up the sensitivity sweep (SPEC §11): the Batch
// Normalization experiment's BN and plain networks over a grid of initial
// weight scale σ × learning rate, each cell scored by its final training
// accuracy. Every field means what it holds; BookSweepConfig returns the
// setup of §11.
type SweepConfig struct {
	Samples       int                  `json:"samples"`
	Hidden        []int                `json:"hidden"`
	Sigmas        []float64            `json:"sigmas"`
	LearningRates []float64            `json:"learning_rates"`
	Batch         int                  `json:"batch"`
	Steps         int                  `json:"steps"` // updates per network
	Optimizer     net.OptimizerName    `json:"optimizer"`
	BN            net.BatchNormOptions `json:"bn"`
	Seed          uint64               `json:"seed"`
	DType         DType                `json:"dtype"`
	Workers       int                  `json:"workers"` // parallel cells; 0 means one per CPU
	Data          *mnist.Data          `json:"-"`
}

// SweepLearningRates returns n learning rates log-spaced from 1e-3 to 1.
func SweepLearningRates(n int) []float64 {
	lr := make([]float64, n)
	for k := range lr {
		lr[k] = math.Pow(10, -3+3*float64(k)/float64(max(1, n-1)))
	}
	return lr
}

// BookSweepConfig returns §11's grid on §5.3's networks: the 16 σ of
// BookSigmas × 8 learning rates from 1e-3 to 1, the first 1000 images,
// batches of 100, the 191 updates of the BN experiment's 20 points; float32,
// seed 1. Data is left nil.
func BookSweepConfig() SweepConfig {
	bn := BookBatchNormConfig()
	return SweepConfig{Samples: bn.Samples, Hidden: bn.Hidden, Sigmas: bn.Sigmas, LearningRates: SweepLearningRates(8),
		Batch: bn.Batch, Steps: 1 + (bn.Points-1)*bn.Every, Optimizer: bn.Optimizer, BN: bn.BN, Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c SweepConfig) Validate() error { return sweepSpec.validate(c) }

var sweepSpec = spec[SweepConfig, *SweepResult, SweepEvent]{
	name: "sweep", section: "§6.3", order: 6.45, // last: it extends BN beyond the book
	summary: "final training accuracy over initial weight scale σ × learning rate, with and without BN",
	fields: append([]Field{
		sigmasField(),
		{Key: "learning_rates", Kind: FloatList, Min: 0, Max: 1000, MinLen: 1, MaxLen: 64, Unique: true, Help: "learning rates, comma-separated"},
		{Key: "steps", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "updates per network"},
		samplesField("the first training images used"),
		batchField(), optimizerField(), hiddenField(),
	}, append(bnFields(), seedField(), dtypeField(), workersField("cells"))...),
	book: BookSweepConfig,
	joint: func(c SweepConfig) error {
		if work := mulInt(len(c.Sigmas), len(c.LearningRates), c.Steps); work > 1e8 {
			return fmt.Errorf("%d × %d cells of %d steps is more than 10⁸ steps", len(c.Sigmas), len(c.LearningRates), c.Steps)
		}
		for _, lr := range c.LearningRates {
			if err := checkBNNetworks(c.Optimizer, lr, c.Hidden, c.BN); err != nil {
				return err
			}
		}
		return nil
	},
	memory: func(c SweepConfig) int64 {
		cells := len(c.Sigmas) * len(c.LearningRates)
		return add(pairsBytes(c.DType, c.Samples, c.Hidden, c.Batch, concurrent(c.Workers, cells)), mul(cells, 4, 8))
	},
	data:      func(c SweepConfig) (int, int) { return c.Samples, 0 },
	checkData: func(c SweepConfig) error { return checkMNIST(c, c.Samples, false) },
	newResult: NewSweepResult,
	run:       Sweep,
}

func init() { register(sweepSpec.describe()) }

// SweepResult is the outcome of Sweep: accuracies indexed [σ][lr], NaN
// (null in JSON) where the network diverged or the cell has not run yet.
type SweepResult struct {
	Experiment    string       `json:"experiment"`
	Config        SweepConfig  `json:"config"`
	Seconds       float64      `json:"seconds"`
	Sigmas        []float64    `json:"sigmas"`
	LearningRates []float64    `json:"learning_rates"`
	BN            []nullFloats `json:"bn"`
	Plain         []nullFloats `json:"plain"`
	BNDiverged    [][]bool     `json:"bn_diverged"`
	PlainDiverged [][]bool     `json:"plain_diverged"`
	Finished      [][]bool     `json:"-"` // cells done, for live figures
}

// SweepEvent reports one finished cell.
type SweepEvent struct {
	Work
	Sigma, LR int // indices
	BN, Plain NetPoint
}

// NewSweepResult returns the result of cfg before any cell has run.
func NewSweepResult(cfg SweepConfig) (*SweepResult, error) {
	if err := validateForRun("sweep", cfg); err != nil {
		return nil, err
	}
	res := &SweepResult{Experiment: "sweep", Config: cfg, Sigmas: cfg.Sigmas, LearningRates: cfg.LearningRates}
	for range cfg.Sigmas {
		nan := make(nullFloats, len(cfg.LearningRates))
		for j := range nan {
			nan[j] = math.NaN()
		}
		res.BN = append(res.BN, nan)
		res.Plain = append(res.Plain, slices.Clone(nan))
		res.BNDiverged = append(res.BNDiverged, make([]bool, len(cfg.LearningRates)))
		res.PlainDiverged = append(res.PlainDiverged, make([]bool, len(cfg.LearningRates)))
		res.Finished = append(res.Finished, make([]bool, len(cfg.LearningRates)))
	}
	return res, nil
}

// Apply records a finished cell.
func (r *SweepResult) Apply(e SweepEvent) {
	if e.Sigma < 0 || e.Sigma >= len(r.BN) || e.LR < 0 || e.LR >= len(r.BN[e.Sigma]) {
		return
	}
	i, j := e.Sigma, e.LR
	r.BN[i][j], r.Plain[i][j] = e.BN.Accuracy, e.Plain.Accuracy
	r.BNDiverged[i][j], r.PlainDiverged[i][j] = e.BN.Diverged, e.Plain.Diverged
	r.Finished[i][j] = true
}

func (r *SweepResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change.
func (r *SweepResult) Snapshot() *SweepResult {
	c := *r
	copyRows := func(m []nullFloats) []nullFloats {
		out := make([]nullFloats, len(m))
		for i := range m {
			out[i] = slices.Clone(m[i])
		}
		return out
	}
	copyBools := func(m [][]bool) [][]bool {
		out := make([][]bool, len(m))
		for i := range m {
			out[i] = slices.Clone(m[i])
		}
		return out
	}
	c.BN, c.Plain = copyRows(r.BN), copyRows(r.Plain)
	c.BNDiverged, c.PlainDiverged, c.Finished = copyBools(r.BNDiverged), copyBools(r.PlainDiverged), copyBools(r.Finished)
	return &c
}

// Sweep trains, for every cell (σ_i, lr_j), a BN and a plain network as
// the Batch Normalization experiment does (a generator seeded with
// (Seed, the cell's σ and lr) draws the BN net, the plain net, then the
// batches), and records each network's final accuracy on the training
// images. A network that diverges stops training and stays diverged. Cells
// run in parallel and stream in as they finish.
func Sweep(ctx context.Context, cfg SweepConfig, progress func(SweepEvent)) (*SweepResult, error) {
	return execute(cfg, cfg.DType, NewSweepResult, func(r *SweepResult) error { return sweep[float32](ctx, r, progress) },
		func(r *SweepResult) error { return sweep[float64](ctx, r, progress) })
}

func sweep[T net.Float](ctx context.Context, res *SweepResult, progress func(SweepEvent)) error {
	cfg := res.Config
	data, err := toDataset[T](cfg.Data.Train.Subset(cfg.Samples))
	if err != nil {
		return fmt.Errorf("experiment: sweep: %w", err)
	}
	all := data.all()
	nLR := len(cfg.LearningRates)
	cells := len(cfg.Sigmas) * nLR
	rep := newReporter(cells * 2 * cfg.Steps)
	return parallel(workerCount(cfg.Workers), cells, func(c int) error {
		i, j := c/nLR, c%nLR
		sigma, lr := cfg.Sigmas[i], cfg.LearningRates[j]
		fail := func(name string, step int, err error) error {
			return fmt.Errorf("experiment: sweep: σ=%g lr=%g %s net, step %d: %w", sigma, lr, name, step, err)
		}
		rng := rand.New(rand.NewPCG(cfg.Seed, cellStream(sigma, lr)))
		ncfg := net.Config{InputSize: data.cols, HiddenSizes: cfg.Hidden, OutputSize: 10, Activation: net.ReLUAct,
			Init: net.Std(sigma), Workers: kernel.Serial, BN: cfg.BN, BatchNorm: true}
		bnNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return fail("BN", 0, err)
		}
		ncfg.BatchNorm = false
		plainNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return fail("plain", 0, err)
		}
		tr, err := newTrainer(data, rng, cfg.Batch, []netSpec[T]{{"BN", bnNet, cfg.Optimizer, lr}, {"plain", plainNet, cfg.Optimizer, lr}})
		if err != nil {
			return err
		}
		nets := tr.nets
		losses := []float64{math.NaN(), math.NaN()}
		for step := range cfg.Steps {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: sweep: %w", err)
			}
			if tr.allDiverged() {
				break // all stopped early: nothing left to train
			}
			var name string
			if losses, name, err = tr.step(); err != nil {
				return fail(name, step, err)
			}
		}
		e := SweepEvent{Sigma: i, LR: j}
		if e.BN, err = nets[0].point(all, data.labels, losses[0]); err != nil {
			return fail("BN", cfg.Steps, err)
		}
		if e.Plain, err = nets[1].point(all, data.labels, losses[1]); err != nil {
			return fail("plain", cfg.Steps, err)
		}
		send(rep, 2*cfg.Steps, e, res.Apply, progress)
		return nil
	})
}
