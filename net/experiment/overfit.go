package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// OverfitVariant names one network of the overfitting experiment.
type OverfitVariant string

// The variants of SPEC §9.
const (
	Plain       OverfitVariant = "plain"
	WeightDecay OverfitVariant = "weight_decay"
	DropoutNet  OverfitVariant = "dropout"
	BatchNormed OverfitVariant = "batchnorm"
)

// OverfitVariants lists every variant, in the order they are drawn.
func OverfitVariants() []OverfitVariant {
	return []OverfitVariant{Plain, WeightDecay, DropoutNet, BatchNormed}
}

// UnmarshalText reads a variant name.
func (v *OverfitVariant) UnmarshalText(b []byte) error {
	n := OverfitVariant(b)
	if !slices.Contains(OverfitVariants(), n) {
		return fmt.Errorf("experiment: unknown overfit variant %q (want plain, weight_decay, dropout or batchnorm)", string(b))
	}
	*v = n
	return nil
}

// MarshalText writes the variant's name.
func (v OverfitVariant) MarshalText() ([]byte, error) {
	if !slices.Contains(OverfitVariants(), v) {
		return nil, fmt.Errorf("experiment: unknown overfit variant %q", string(v))
	}
	return []byte(v), nil
}

// OverfitConfig sets up the overfitting experiment (SPEC §9, the book's
// overfit_weight_decay.py and overfit_dropout.py side by side, plus BN).
// Every field means what it holds; BookOverfitConfig returns the book's.
type OverfitConfig struct {
	Samples    int               `json:"samples"` // the first Samples training images
	Hidden     []int             `json:"hidden"`
	Activation net.Activation    `json:"activation"`
	Init       net.Init          `json:"init"`
	Optimizer  net.OptimizerName `json:"optimizer"`
	LR         float64           `json:"lr"`
	Batch      int               `json:"batch"` // drawn with replacement
	Variants   []OverfitVariant  `json:"variants"`
	// Epochs is the number of points of plain, weight_decay and batchnorm;
	// DropoutEpochs that of dropout (the book's Trainer runs 301).
	Epochs        int                  `json:"epochs"`
	DropoutEpochs int                  `json:"dropout_epochs"`
	WeightDecay   float64              `json:"weight_decay"`  // λ of weight_decay
	DropoutRatio  float64              `json:"dropout_ratio"` // of dropout (not inverted)
	BN            net.BatchNormOptions `json:"bn"`
	Seed          uint64               `json:"seed"`
	DType         DType                `json:"dtype"`
	Workers       int                  `json:"workers"` // parallel variants; 0 means one per variant
	Data          *mnist.Data          `json:"-"`
}

// BookOverfitConfig returns the book's setup: the first 300 training
// images, 784-100×6-10 ReLU with He init, SGD lr 0.01, batches of 100
// drawn with replacement (3 iterations an epoch), 201 epochs (301 for
// dropout), λ 0.1, dropout ratio 0.2, the book's BN; float32, seed 1.
func BookOverfitConfig() OverfitConfig {
	return OverfitConfig{Samples: 300, Hidden: []int{100, 100, 100, 100, 100, 100}, Activation: net.ReLUAct, Init: net.He(),
		Optimizer: net.OptSGD, LR: 0.01, Batch: 100, Variants: OverfitVariants(), Epochs: 201, DropoutEpochs: 301,
		WeightDecay: 0.1, DropoutRatio: 0.2, BN: net.BookBatchNormOptions(), Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see Description.Check
// and DefaultMemoryBudget), and whether the attached data serves it.
func (c OverfitConfig) Validate() error { return overfitSpec.validate(c) }

var overfitSpec = spec[OverfitConfig, *OverfitResult, OverfitEvent]{
	name: "overfit", section: "§6.4", order: 6.4,
	summary: "overfitting on 300 images, and what weight decay, dropout and Batch Normalization do to it",
	fields: append([]Field{
		{Key: "variants", Kind: TextList, MinLen: 1, MaxLen: 4, Unique: true, Help: "networks: plain, weight_decay, dropout, batchnorm, comma-separated"},
		{Key: "epochs", Kind: Int, Unit: "epochs", Min: 1, Max: 100000, Help: "epochs (points) of plain, weight_decay and batchnorm"},
		{Key: "dropout_epochs", Kind: Int, Unit: "epochs", Min: 1, Max: 100000, Help: "epochs (points) of dropout (the book's Trainer runs 301)"},
		samplesField("the first training images used"),
		{Key: "weight_decay", Kind: Float, Min: 0, Max: 1e6, Help: "λ of the weight_decay network"},
		{Key: "dropout_ratio", Kind: Float, Min: 0, Max: 1, OpenMax: true, Help: "drop ratio of the dropout network"},
		hiddenField(), activationField(),
		{Key: "init", Kind: Text, Help: "weight initializer: std=σ, xavier, glorot, he, zero or const=C"},
		optimizerField(), lrField(),
		{Key: "batch", Kind: Int, Unit: "images", Min: 1, Max: 60000, Help: "mini-batch size (drawn with replacement)"},
	}, append(bnFields(), seedField(), dtypeField(), workersField("networks"))...),
	book: BookOverfitConfig,
	joint: func(c OverfitConfig) error {
		ipe := c.iterPerEpoch()
		if steps := mulInt(max(c.Epochs, c.DropoutEpochs), ipe); steps > 1e7 {
			return fmt.Errorf("%d epochs of %d iterations is more than 10⁷ steps", max(c.Epochs, c.DropoutEpochs), ipe)
		}
		if _, err := net.NewOptimizer[float32](c.Optimizer, c.LR); err != nil {
			return err
		}
		for _, v := range c.Variants {
			if _, err := v.MarshalText(); err != nil {
				return err
			}
			if err := c.netConfig(v, mnistPixels).Validate(); err != nil {
				return fmt.Errorf("%s: %w", v, err)
			}
		}
		return nil
	},
	memory: func(c OverfitConfig) int64 {
		// Every variant trains at once; accuracy scores the training
		// images and the whole test set in float.
		nets := mul(int(min(networkBytes(c.DType, mnistPixels, c.Hidden, c.Batch), math.MaxInt32)), len(c.Variants))
		points := mul(max(c.Epochs, c.DropoutEpochs), len(c.Variants), 3*8)
		return add(nets, points, datasetBytes(c.DType, c.Samples, true), datasetBytes(c.DType, 10000, true))
	},
	data:      func(c OverfitConfig) (int, int) { return c.Samples, -1 },
	checkData: func(c OverfitConfig) error { return checkMNIST(c, c.Samples, true) },
	newResult: NewOverfitResult,
	run:       Overfit,
}

func init() { register(overfitSpec.describe()) }

// iterPerEpoch is the book's max(train_size / batch_size, 1).
func (c OverfitConfig) iterPerEpoch() int { return max(1, c.Samples/max(1, c.Batch)) }

// epochs returns the number of points of variant v.
func (c OverfitConfig) epochs(v OverfitVariant) int {
	if v == DropoutNet {
		return c.DropoutEpochs
	}
	return c.Epochs
}

// netConfig is variant v's network.
func (c OverfitConfig) netConfig(v OverfitVariant, inputs int) net.Config {
	cfg := net.Config{InputSize: inputs, HiddenSizes: c.Hidden, OutputSize: 10, Activation: c.Activation, Init: c.Init,
		Workers: kernel.Serial}
	switch v {
	case WeightDecay:
		cfg.WeightDecay = c.WeightDecay
	case DropoutNet:
		cfg.Dropout = c.DropoutRatio
	case BatchNormed:
		cfg.BatchNorm, cfg.BN = true, c.BN
	}
	return cfg
}

// OverfitResult is the outcome of Overfit.
type OverfitResult struct {
	Experiment string           `json:"experiment"`
	Config     OverfitConfig    `json:"config"`
	Seconds    float64          `json:"seconds"`
	Variants   []OverfitHistory `json:"variants"`
}

// OverfitHistory is one variant's accuracies, one point per epoch, the
// first after one update.
type OverfitHistory struct {
	Name     OverfitVariant `json:"name"`
	Epochs   []float64      `json:"epochs"` // the x value of each point
	TrainAcc nullFloats     `json:"train_acc"`
	TestAcc  nullFloats     `json:"test_acc"`
	// FinalGap is the last train − test accuracy; MaxTestAcc the best test
	// accuracy (NaN, null in JSON, before any point or once diverged).
	FinalGap   float64 `json:"final_gap"`
	MaxTestAcc float64 `json:"max_test_acc"`
	Diverged   bool    `json:"diverged"`
}

// OverfitEvent reports one training step of one variant and, at every
// epoch, its point.
type OverfitEvent struct {
	Work
	Variant int
	// Point is the index of the recorded point, or −1 for a step that
	// records none.
	Point             int
	TrainAcc, TestAcc float64
}

// NewOverfitResult returns the result of cfg before any point.
func NewOverfitResult(cfg OverfitConfig) (*OverfitResult, error) {
	if err := validateForRun("overfit", cfg); err != nil {
		return nil, err
	}
	res := &OverfitResult{Experiment: "overfit", Config: cfg}
	for _, v := range cfg.Variants {
		res.Variants = append(res.Variants, OverfitHistory{Name: v, FinalGap: math.NaN(), MaxTestAcc: math.NaN()})
	}
	return res, nil
}

// Apply records a point: the next of its variant (others are ignored).
func (r *OverfitResult) Apply(e OverfitEvent) {
	if e.Variant < 0 || e.Variant >= len(r.Variants) {
		return
	}
	h := &r.Variants[e.Variant]
	if e.Point < 0 || e.Point != len(h.TrainAcc) {
		return
	}
	h.Epochs = append(h.Epochs, float64(e.Point))
	h.TrainAcc, h.TestAcc = append(h.TrainAcc, e.TrainAcc), append(h.TestAcc, e.TestAcc)
	h.FinalGap = e.TrainAcc - e.TestAcc
	if math.IsNaN(e.TestAcc) {
		h.Diverged = true
	} else if !(h.MaxTestAcc >= e.TestAcc) {
		h.MaxTestAcc = e.TestAcc
	}
}

func (r *OverfitResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change.
func (r *OverfitResult) Snapshot() *OverfitResult {
	c := *r
	c.Variants = slices.Clone(r.Variants)
	return &c
}

// Overfit trains each variant on the first Samples training images and
// records, after the update of every iteration i with i % iter_per_epoch
// == 0, the accuracy on those images and on the whole test set (test
// mode), as the book's scripts. Each variant draws its weights, dropout
// masks and batches from a generator seeded with (Seed, its name), so its
// curve does not depend on which other variants run; variants run in
// parallel. A diverged network (non-finite loss) records NaN from then on;
// any other error ends the run.
func Overfit(ctx context.Context, cfg OverfitConfig, progress func(OverfitEvent)) (*OverfitResult, error) {
	return execute(cfg, cfg.DType, NewOverfitResult, func(r *OverfitResult) error { return overfit[float32](ctx, r, progress) },
		func(r *OverfitResult) error { return overfit[float64](ctx, r, progress) })
}

func overfit[T net.Float](ctx context.Context, res *OverfitResult, progress func(OverfitEvent)) error {
	cfg := res.Config
	train, err := toDataset[T](cfg.Data.Train.Subset(cfg.Samples))
	if err != nil {
		return fmt.Errorf("experiment: overfit: train set: %w", err)
	}
	test, err := toDataset[T](cfg.Data.Test)
	if err != nil {
		return fmt.Errorf("experiment: overfit: test set: %w", err)
	}
	trainX, testX := train.all(), test.all()
	ipe := cfg.iterPerEpoch()
	total := 0
	for _, v := range cfg.Variants {
		total += (cfg.epochs(v)-1)*ipe + 1
	}
	rep := newReporter(total)
	workers := cfg.Workers
	if workers == 0 {
		workers = max(workerCount(0), len(cfg.Variants))
	}
	return parallel(workers, len(cfg.Variants), func(k int) error {
		v := cfg.Variants[k]
		fail := func(it int, err error) error {
			return fmt.Errorf("experiment: overfit: %s, iteration %d: %w", v, it, err)
		}
		rng := rand.New(rand.NewPCG(cfg.Seed, nameStream(string(v))))
		nw, err := net.New[T](cfg.netConfig(v, train.cols), rng)
		if err != nil {
			return fail(0, err)
		}
		opt, err := net.NewOptimizer[T](cfg.Optimizer, cfg.LR)
		if err != nil {
			return fail(0, err)
		}
		x := net.NewMatrix[T](cfg.Batch, train.cols)
		idx := make([]int, cfg.Batch)
		var labels []int
		diverged := false
		iterations := (cfg.epochs(v)-1)*ipe + 1
		for it := range iterations {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: overfit: %w", err)
			}
			for j := range idx {
				idx[j] = rng.IntN(train.rows)
			}
			labels = train.batch(x, labels, idx)
			if !diverged {
				_, err := nw.StepFolded(x, labels, opt)
				switch {
				case errors.Is(err, net.ErrDiverged):
					diverged = true
				case err != nil:
					return fail(it, err)
				}
			}
			e := OverfitEvent{Variant: k, Point: -1}
			if it%ipe == 0 {
				// Weights are checked where points are recorded (as in the
				// BN experiment): the result is the same as after every step.
				diverged = diverged || !nw.Finite()
				e.Point, e.TrainAcc, e.TestAcc = it/ipe, math.NaN(), math.NaN()
				if !diverged {
					if e.TrainAcc, err = nw.Accuracy(trainX, train.labels); err != nil {
						return fail(it, err)
					}
					if e.TestAcc, err = nw.Accuracy(testX, test.labels); err != nil {
						return fail(it, err)
					}
				}
			}
			send(rep, 1, e, res.Apply, progress)
		}
		return nil
	})
}
