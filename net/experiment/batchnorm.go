package experiment

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// BatchNormConfig sets up the Batch Normalization experiment (SPEC §5.3).
// Every field means what it holds; BookBatchNormConfig returns the book's
// setup.
type BatchNormConfig struct {
	Samples int   `json:"samples"` // the first Samples training images
	Hidden  []int `json:"hidden"`
	// Sigmas are the initial weight scales, one panel each.
	Sigmas    []float64            `json:"sigmas"`
	Points    int                  `json:"points"` // accuracies recorded per net
	Batch     int                  `json:"batch"`
	Every     int                  `json:"every"` // steps between points
	Optimizer net.OptimizerName    `json:"optimizer"`
	LR        float64              `json:"lr"`
	BN        net.BatchNormOptions `json:"bn"`
	// TrainModeAccuracy also records the BN net's accuracy with batch
	// statistics (train mode), beside the book's test-mode accuracy.
	TrainModeAccuracy bool        `json:"train_mode_accuracy"`
	Seed              uint64      `json:"seed"`
	DType             DType       `json:"dtype"`
	Workers           int         `json:"workers"` // parallel panels; 0 means one per CPU
	Data              *mnist.Data `json:"-"`
}

// BookSigmas returns NumPy's logspace(0, −4, 16): 10^(−4k/15), k = 0…15.
func BookSigmas() []float64 {
	s := make([]float64, 16)
	for k := range s {
		s[k] = math.Pow(10, -4*float64(k)/15)
	}
	return s
}

// BookBatchNormConfig returns the book's setup (batch_norm_test.py): the
// first 1000 training images, 784-100×5-10 ReLU networks with and without
// BN for the 16 σ of BookSigmas, SGD with lr 0.01, batches of 100, an
// accuracy every epoch (10 steps) for 20 points, the book's BN layer;
// float32, seed 1. Data is left nil.
func BookBatchNormConfig() BatchNormConfig {
	return BatchNormConfig{Samples: 1000, Hidden: []int{100, 100, 100, 100, 100}, Sigmas: BookSigmas(),
		Points: 20, Batch: 100, Every: 10, Optimizer: net.OptSGD, LR: 0.01, BN: net.BookBatchNormOptions(),
		Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c BatchNormConfig) Validate() error { return batchNormSpec.validate(c) }

var batchNormSpec = spec[BatchNormConfig, *BatchNormResult, BatchNormEvent]{
	name: "batchnorm", section: "§6.3", order: 6.3,
	summary: "MNIST accuracy with and without Batch Normalization across 16 initial weight scales",
	fields: append([]Field{
		sigmasField(),
		{Key: "points", Kind: Int, Min: 1, Max: 100000, Help: "accuracies recorded per network"},
		{Key: "every", Kind: Int, Unit: "steps", Min: 1, Max: 1_000_000, Help: "training steps between recorded accuracies (book: one epoch)"},
		samplesField("the first training images used"),
		batchField(), lrField(), optimizerField(), hiddenField(),
		{Key: "train_mode_accuracy", Kind: Bool, Help: "also record BN accuracy with batch statistics"},
	}, append(bnFields(), seedField(), dtypeField(), workersField("panels"))...),
	book: BookBatchNormConfig,
	joint: func(c BatchNormConfig) error {
		if steps := mulInt(c.Points, c.Every); steps > 1e7 {
			return fmt.Errorf("%d points every %d steps is more than 10⁷ steps", c.Points, c.Every)
		}
		return checkBNNetworks(c.Optimizer, c.LR, c.Hidden, c.BN)
	},
	memory: func(c BatchNormConfig) int64 {
		return add(pairsBytes(c.DType, c.Samples, c.Hidden, c.Batch, concurrent(c.Workers, len(c.Sigmas))),
			mul(c.Points, len(c.Sigmas), 5, 8))
	},
	data:      func(c BatchNormConfig) (int, int) { return c.Samples, 0 },
	checkData: func(c BatchNormConfig) error { return checkMNIST(c, c.Samples, false) },
	newResult: NewBatchNormResult,
	run:       BatchNorm,
}

func init() { register(batchNormSpec.describe()) }

// checkBNNetworks checks the optimizer and the settings of a BN network
// and its plain twin.
func checkBNNetworks(opt net.OptimizerName, lr float64, hidden []int, bn net.BatchNormOptions) error {
	if _, err := net.NewOptimizer[float32](opt, lr); err != nil {
		return err
	}
	return net.Config{InputSize: mnistPixels, HiddenSizes: hidden, OutputSize: 10, Activation: net.ReLUAct,
		BatchNorm: true, BN: bn}.Validate()
}

// pairsBytes estimates runs that train BN and plain pairs, parallel of
// them at once, on the first samples training images (scored in float).
func pairsBytes(d DType, samples int, hidden []int, batch, parallel int) int64 {
	pair := mul(2, int(min(networkBytes(d, mnistPixels, hidden, batch), math.MaxInt32)))
	return add(mul(parallel, int(min(pair, math.MaxInt32))), datasetBytes(d, samples, true))
}

// concurrent is how many of n jobs may run at once with workers (0: up
// to MaxWorkers; the estimate must not depend on the machine's cores).
func concurrent(workers, n int) int {
	if workers > 0 {
		return min(workers, n, MaxWorkers)
	}
	return min(n, MaxWorkers)
}

// BatchNormResult is the outcome of BatchNorm.
type BatchNormResult struct {
	Experiment string          `json:"experiment"`
	Config     BatchNormConfig `json:"config"`
	Seconds    float64         `json:"seconds"`
	Panels     []Panel         `json:"panels"`
}

// Panel is one weight scale: training accuracy over the Samples images
// after 1, 1+Every, 1+2·Every, … updates, for the BN net (test mode, the
// book's) and the plain net. Points after a net diverged are NaN (null in
// JSON), never a made-up accuracy.
type Panel struct {
	Sigma         float64    `json:"sigma"`
	BN            nullFloats `json:"bn"`
	Plain         nullFloats `json:"plain"`
	BNDiverged    bool       `json:"bn_diverged"`
	PlainDiverged bool       `json:"plain_diverged"`
	// BNTrainMode is the BN net's accuracy with batch statistics, when
	// requested.
	BNTrainMode nullFloats `json:"bn_train_mode,omitempty"`
	// BNLoss and PlainLoss are the batch losses of each recorded step.
	BNLoss    nullFloats `json:"bn_loss"`
	PlainLoss nullFloats `json:"plain_loss"`
}

// BatchNormEvent reports one training step of one panel; at every Every-th
// step it also carries the recorded point of both networks.
type BatchNormEvent struct {
	Work
	Panel int // index into BatchNormResult.Panels
	// Point is the index of the recorded point, or −1 for a step that
	// records none.
	Point     int
	BN, Plain NetPoint
	// BNTrainMode is the BN net's train-mode accuracy, when requested.
	BNTrainMode float64
}

// NetPoint is one network's recorded point: its accuracy and the loss of
// the step's batch, both NaN once it has diverged.
type NetPoint struct {
	Accuracy, Loss float64
	Diverged       bool
}

// NewBatchNormResult returns the result of cfg before the first step:
// every panel with its σ, no points. Apply fills it in.
func NewBatchNormResult(cfg BatchNormConfig) (*BatchNormResult, error) {
	if err := validateForRun("batchnorm", cfg); err != nil {
		return nil, err
	}
	res := &BatchNormResult{Experiment: "batchnorm", Config: cfg, Panels: make([]Panel, len(cfg.Sigmas))}
	for k, s := range cfg.Sigmas {
		res.Panels[k].Sigma = s
	}
	return res, nil
}

// Apply records a point: the next of its panel (steps without a point and
// events of another shape are ignored).
func (r *BatchNormResult) Apply(e BatchNormEvent) {
	if e.Panel < 0 || e.Panel >= len(r.Panels) {
		return
	}
	p := &r.Panels[e.Panel]
	if e.Point < 0 || e.Point != len(p.BN) {
		return
	}
	p.BN, p.BNLoss = append(p.BN, e.BN.Accuracy), append(p.BNLoss, e.BN.Loss)
	p.Plain, p.PlainLoss = append(p.Plain, e.Plain.Accuracy), append(p.PlainLoss, e.Plain.Loss)
	p.BNDiverged = p.BNDiverged || e.BN.Diverged
	p.PlainDiverged = p.PlainDiverged || e.Plain.Diverged
	if r.Config.TrainModeAccuracy {
		p.BNTrainMode = append(p.BNTrainMode, e.BNTrainMode)
	}
}

func (r *BatchNormResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change.
func (r *BatchNormResult) Snapshot() *BatchNormResult {
	c := *r
	c.Panels = slices.Clone(r.Panels)
	return &c
}

// BatchNorm trains, for each σ, a network with Batch Normalization and one
// without on identical batches. Each panel uses a generator seeded with
// (Seed, its σ): the BN net draws its weights first, then the plain net, then
// the batches, as the book's script. Panels run in parallel. A network is
// diverged once its loss or its weights stop being finite: from then on
// its points are NaN. Any other error ends the run.
func BatchNorm(ctx context.Context, cfg BatchNormConfig, progress func(BatchNormEvent)) (*BatchNormResult, error) {
	return execute(cfg, cfg.DType, NewBatchNormResult, func(r *BatchNormResult) error { return batchNorm[float32](ctx, r, progress) },
		func(r *BatchNormResult) error { return batchNorm[float64](ctx, r, progress) })
}

func batchNorm[T net.Float](ctx context.Context, res *BatchNormResult, progress func(BatchNormEvent)) error {
	cfg := res.Config
	rep := newReporter((1 + (cfg.Points-1)*cfg.Every) * len(cfg.Sigmas))
	sub := cfg.Data.Train.Subset(cfg.Samples)
	data, err := toDataset[T](sub)
	if err != nil {
		return fmt.Errorf("experiment: batchnorm: %w", err)
	}
	all := data.all() // accuracy is measured on the whole subset
	return parallel(workerCount(cfg.Workers), len(cfg.Sigmas), func(k int) error {
		sigma := cfg.Sigmas[k]
		label := "σ=" + strconv.FormatFloat(sigma, 'g', 5, 64)
		fail := func(net string, step int, err error) error {
			return fmt.Errorf("experiment: batchnorm: %s %s net, step %d: %w", label, net, step, err)
		}
		rng := rand.New(rand.NewPCG(cfg.Seed, cellStream(sigma, 0)))
		ncfg := net.Config{InputSize: data.cols, HiddenSizes: cfg.Hidden, OutputSize: 10, Activation: net.ReLUAct,
			Init: net.Std(sigma), Workers: kernel.Serial, BN: cfg.BN}
		ncfg.BatchNorm = true
		bnNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return fail("BN", 0, err)
		}
		ncfg.BatchNorm = false
		plainNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return fail("plain", 0, err)
		}
		tr, err := newTrainer(data, rng, cfg.Batch, []netSpec[T]{{"BN", bnNet, cfg.Optimizer, cfg.LR}, {"plain", plainNet, cfg.Optimizer, cfg.LR}})
		if err != nil {
			return err
		}
		nets := tr.nets
		steps := 1 + (cfg.Points-1)*cfg.Every
		for i := range steps {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: batchnorm: %w", err)
			}
			e := BatchNormEvent{Panel: k, Point: -1}
			losses, name, err := tr.step()
			if err != nil {
				return fail(name, i, err)
			}
			if i%cfg.Every == 0 {
				e.Point = i / cfg.Every
				if e.BN, err = nets[0].point(all, data.labels, losses[0]); err != nil {
					return fail("BN", i, err)
				}
				if e.Plain, err = nets[1].point(all, data.labels, losses[1]); err != nil {
					return fail("plain", i, err)
				}
				if cfg.TrainModeAccuracy {
					e.BNTrainMode = math.NaN()
					if !nets[0].diverged {
						if e.BNTrainMode, err = trainModeAccuracy(bnNet, all, data.labels); err != nil {
							return fail("BN", i, err)
						}
					}
				}
			}
			send(rep, 1, e, res.Apply, progress)
		}
		return nil
	})
}

// trainModeAccuracy scores the BN net with batch statistics over the whole
// subset as one batch. It leaves the running statistics as they were.
func trainModeAccuracy[T net.Float](nw *net.Network[T], x *net.Matrix[T], labels []int) (float64, error) {
	var saved [][2][]T
	for _, l := range nw.Layers() {
		if bn, ok := l.(*net.BatchNorm[T]); ok {
			saved = append(saved, [2][]T{append([]T(nil), bn.RunningMean...), append([]T(nil), bn.RunningVar...)})
		}
	}
	y, err := nw.Predict(x, true)
	if err != nil {
		return 0, err
	}
	correct := 0
	for i := 0; i < y.Rows; i++ {
		if net.Argmax(y.Row(i)) == labels[i] {
			correct++
		}
	}
	k := 0
	for _, l := range nw.Layers() {
		if bn, ok := l.(*net.BatchNorm[T]); ok {
			copy(bn.RunningMean, saved[k][0])
			copy(bn.RunningVar, saved[k][1])
			k++
		}
	}
	return float64(correct) / float64(y.Rows), nil
}
