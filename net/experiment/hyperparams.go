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

// HyperparamsConfig sets up the hyper-parameter search (SPEC §13, the
// book's §6.5): random trials of learning rate and weight decay λ, each
// drawn uniformly on a log scale, scored on a validation split of the
// training images. Every field means what it holds;
// BookHyperparamsConfig returns the book's.
type HyperparamsConfig struct {
	Trials  int `json:"trials"`
	Samples int `json:"samples"` // the first Samples training images, shuffled
	// ValidationRate is the share of the shuffled images held out for
	// validation (the first int(Samples·rate) of them).
	ValidationRate float64 `json:"validation_rate"`
	Epochs         int     `json:"epochs"` // points per trial
	Batch          int     `json:"batch"`  // drawn with replacement
	Hidden         []int   `json:"hidden"`
	// The ranges the trials draw log10 lr and log10 λ from.
	LRLog10Min          float64     `json:"lr_log10_min"`
	LRLog10Max          float64     `json:"lr_log10_max"`
	WeightDecayLog10Min float64     `json:"weight_decay_log10_min"`
	WeightDecayLog10Max float64     `json:"weight_decay_log10_max"`
	Seed                uint64      `json:"seed"`
	DType               DType       `json:"dtype"`
	Workers             int         `json:"workers"` // parallel trials; 0 means one per CPU
	Data                *mnist.Data `json:"-"`
}

// BookHyperparamsConfig returns the book's setup: the first 500 training
// images shuffled, 20 % of them (100) for validation and 400 for
// training; 100 trials of λ = 10^U(−8, −4) and lr = 10^U(−6, −2), each a
// 784-100×6-10 ReLU network with He init and weight decay λ, trained by
// SGD for 50 epochs of batches of 100 (4 iterations an epoch); float32,
// seed 1.
func BookHyperparamsConfig() HyperparamsConfig {
	return HyperparamsConfig{Trials: 100, Samples: 500, ValidationRate: 0.2, Epochs: 50, Batch: 100,
		Hidden: []int{100, 100, 100, 100, 100, 100}, LRLog10Min: -6, LRLog10Max: -2,
		WeightDecayLog10Min: -8, WeightDecayLog10Max: -4, Seed: 1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget), and whether the attached
// data serves it.
func (c HyperparamsConfig) Validate() error { return hyperparamsSpec.validate(c) }

// The bounds of the log10 ranges: learning rates up to lrField's 1000,
// λ up to the overfit experiment's 10⁶.
const (
	lrLog10Lo, lrLog10Hi = -10, 3
	wdLog10Lo, wdLog10Hi = -12, 6
)

var hyperparamsSpec = spec[HyperparamsConfig, *HyperparamsResult, HyperparamsEvent]{
	name: "hyperparams", section: "§6.5", order: 6.5,
	summary: "random search of learning rate × weight decay, ranked by validation accuracy",
	fields: []Field{
		{Key: "trials", Kind: Int, Min: 1, Max: 1000, Help: "random (lr, λ) pairs, each one network"},
		{Key: "lr_log10_min", Kind: Float, Min: lrLog10Lo, Max: lrLog10Hi, Help: "lower end of log10 lr (drawn uniformly)"},
		{Key: "lr_log10_max", Kind: Float, Min: lrLog10Lo, Max: lrLog10Hi, Help: "upper end of log10 lr"},
		{Key: "weight_decay_log10_min", Kind: Float, Min: wdLog10Lo, Max: wdLog10Hi, Help: "lower end of log10 λ (drawn uniformly)"},
		{Key: "weight_decay_log10_max", Kind: Float, Min: wdLog10Lo, Max: wdLog10Hi, Help: "upper end of log10 λ"},
		{Key: "epochs", Kind: Int, Unit: "epochs", Min: 1, Max: 100000, Help: "epochs (points) per trial"},
		samplesField("the first training images, shuffled and split"),
		{Key: "validation_rate", Kind: Float, Min: 0.01, Max: 0.99, Help: "share of the images held out for validation"},
		{Key: "batch", Kind: Int, Unit: "images", Min: 1, Max: 60000, Help: "mini-batch size (drawn with replacement)"},
		hiddenField(), seedField(), dtypeField(), workersField("trials"),
	},
	book: BookHyperparamsConfig,
	joint: func(c HyperparamsConfig) error {
		val, train := c.split()
		if val < 1 || train < 1 {
			return fmt.Errorf("%d images at validation rate %g leave %d for validation and %d for training; want at least 1 each",
				c.Samples, c.ValidationRate, val, train)
		}
		if c.LRLog10Min > c.LRLog10Max {
			return fmt.Errorf("lr_log10_min %g is above lr_log10_max %g", c.LRLog10Min, c.LRLog10Max)
		}
		if c.WeightDecayLog10Min > c.WeightDecayLog10Max {
			return fmt.Errorf("weight_decay_log10_min %g is above weight_decay_log10_max %g", c.WeightDecayLog10Min, c.WeightDecayLog10Max)
		}
		if steps := mulInt(c.Trials, c.Epochs, c.iterPerEpoch()); steps > 1e8 {
			return fmt.Errorf("%d trials of %d epochs of %d iterations is more than 10⁸ steps", c.Trials, c.Epochs, c.iterPerEpoch())
		}
		return c.netConfig(0).Validate()
	},
	memory: func(c HyperparamsConfig) int64 {
		nets := mul(concurrent(c.Workers, c.Trials), int(min(networkBytes(c.DType, mnistPixels, c.Hidden, c.Batch), math.MaxInt32)))
		points := mul(c.Trials, c.Epochs, 2*8)
		return add(nets, points, datasetBytes(c.DType, c.Samples, true))
	},
	data:      func(c HyperparamsConfig) (int, int) { return c.Samples, 0 },
	checkData: func(c HyperparamsConfig) error { return checkMNIST(c, c.Samples, false) },
	newResult: NewHyperparamsResult,
	run:       Hyperparams,
}

func init() { register(hyperparamsSpec.describe()) }

// split returns the sizes of the validation and training images, as the
// book: validation int(Samples·ValidationRate), training the rest.
func (c HyperparamsConfig) split() (val, train int) {
	val = int(float64(c.Samples) * c.ValidationRate)
	return val, c.Samples - val
}

// iterPerEpoch is the book's max(train_size / batch_size, 1).
func (c HyperparamsConfig) iterPerEpoch() int {
	_, train := c.split()
	return max(1, train/max(1, c.Batch))
}

// netConfig is a trial's network with weight decay λ.
func (c HyperparamsConfig) netConfig(lambda float64) net.Config {
	return net.Config{InputSize: mnistPixels, HiddenSizes: c.Hidden, OutputSize: 10, Activation: net.ReLUAct,
		Init: net.He(), WeightDecay: lambda, Workers: kernel.Serial}
}

// Draws returns every trial's (lr, λ), in trial order: for each trial λ
// = 10^U(WeightDecayLog10Min, WeightDecayLog10Max), then lr =
// 10^U(LRLog10Min, LRLog10Max) (the book's order), from a generator seeded
// with the run's seed alone, so the pairs are known before any trial runs
// and do not depend on the number of workers.
func (c HyperparamsConfig) Draws() []HyperparamsTrial {
	rng := rand.New(rand.NewPCG(c.Seed, nameStream("hyperparams draws")))
	uniform := func(lo, hi float64) float64 { return lo + (hi-lo)*rng.Float64() }
	trials := make([]HyperparamsTrial, max(0, c.Trials))
	for k := range trials {
		trials[k].WeightDecay = math.Pow(10, uniform(c.WeightDecayLog10Min, c.WeightDecayLog10Max))
		trials[k].LR = math.Pow(10, uniform(c.LRLog10Min, c.LRLog10Max))
	}
	return trials
}

// shuffled returns the order of the Samples images after the book's
// shuffle: a permutation drawn from the run's seed.
func (c HyperparamsConfig) shuffled() []int {
	return rand.New(rand.NewPCG(c.Seed, nameStream("hyperparams shuffle"))).Perm(c.Samples)
}

// HyperparamsResult is the outcome of Hyperparams: every trial in the
// order drawn, and the ranking of the finished ones.
type HyperparamsResult struct {
	Experiment string             `json:"experiment"`
	Config     HyperparamsConfig  `json:"config"`
	Seconds    float64            `json:"seconds"`
	Validation int                `json:"validation_images"`
	Training   int                `json:"training_images"`
	Trials     []HyperparamsTrial `json:"trials"`
	// Ranking holds the indices of the finished trials by final
	// validation accuracy, best first; ties keep the draw order (as
	// Python's stable sort) and diverged trials come last.
	Ranking []int `json:"ranking"`
}

// HyperparamsTrial is one trial: its rates and its accuracies, one point
// per epoch, the first after one update (NaN, null in JSON, once
// diverged).
type HyperparamsTrial struct {
	LR          float64    `json:"lr"`
	WeightDecay float64    `json:"weight_decay"`
	ValAcc      nullFloats `json:"val_acc"`
	TrainAcc    nullFloats `json:"train_acc"`
	Diverged    bool       `json:"diverged"`
}

// Final returns the trial's last validation accuracy, NaN before any
// point or once diverged.
func (t HyperparamsTrial) Final() float64 {
	if len(t.ValAcc) == 0 {
		return math.NaN()
	}
	return t.ValAcc[len(t.ValAcc)-1]
}

// HyperparamsEvent reports one recorded point of one trial.
type HyperparamsEvent struct {
	Work
	Trial, Point     int
	ValAcc, TrainAcc float64
}

// NewHyperparamsResult returns the result of cfg before any point, with
// every trial's (lr, λ) drawn.
func NewHyperparamsResult(cfg HyperparamsConfig) (*HyperparamsResult, error) {
	if err := validateForRun("hyperparams", cfg); err != nil {
		return nil, err
	}
	val, train := cfg.split()
	return &HyperparamsResult{Experiment: "hyperparams", Config: cfg, Validation: val, Training: train,
		Trials: cfg.Draws(), Ranking: []int{}}, nil
}

// Done reports whether trial k has all its points.
func (r *HyperparamsResult) Done(k int) bool {
	return k >= 0 && k < len(r.Trials) && len(r.Trials[k].ValAcc) >= r.Config.Epochs
}

// Apply records a point: the next of its trial (others are ignored). A
// trial's last point enters it into the ranking.
func (r *HyperparamsResult) Apply(e HyperparamsEvent) {
	if e.Trial < 0 || e.Trial >= len(r.Trials) || r.Done(e.Trial) {
		return
	}
	t := &r.Trials[e.Trial]
	if e.Point != len(t.ValAcc) {
		return
	}
	t.ValAcc, t.TrainAcc = append(t.ValAcc, e.ValAcc), append(t.TrainAcc, e.TrainAcc)
	t.Diverged = t.Diverged || math.IsNaN(e.ValAcc)
	if r.Done(e.Trial) {
		r.rank()
	}
}

// rank sorts the finished trials, best final validation accuracy first.
func (r *HyperparamsResult) rank() {
	r.Ranking = r.Ranking[:0]
	for k := range r.Trials {
		if r.Done(k) {
			r.Ranking = append(r.Ranking, k)
		}
	}
	score := func(k int) float64 {
		if v := r.Trials[k].Final(); !math.IsNaN(v) {
			return v
		}
		return math.Inf(-1)
	}
	slices.SortStableFunc(r.Ranking, func(a, b int) int { return -cmpFloat(score(a), score(b)) })
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (r *HyperparamsResult) setSeconds(s float64) { r.Seconds = s }

// Snapshot returns a copy that later Apply calls do not change.
func (r *HyperparamsResult) Snapshot() *HyperparamsResult {
	c := *r
	c.Trials = slices.Clone(r.Trials)
	for i := range c.Trials {
		c.Trials[i].ValAcc = slices.Clip(c.Trials[i].ValAcc)
		c.Trials[i].TrainAcc = slices.Clip(c.Trials[i].TrainAcc)
	}
	c.Ranking = slices.Clone(r.Ranking)
	return &c
}

// WriteCSV writes one row per trial and epoch: trial (its index in the
// draw), rank (1 = best, empty while it runs), lr, weight_decay, epoch,
// train_acc and val_acc (empty where diverged).
func (r *HyperparamsResult) WriteCSV(w io.Writer) error {
	rank := make([]string, len(r.Trials))
	for i, k := range r.Ranking {
		rank[k] = strconv.Itoa(i + 1)
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"trial", "rank", "lr", "weight_decay", "epoch", "train_acc", "val_acc"})
	for k, t := range r.Trials {
		for e := range t.ValAcc {
			cw.Write([]string{strconv.Itoa(k), rank[k], num(t.LR), num(t.WeightDecay), strconv.Itoa(e), num(t.TrainAcc[e]), num(t.ValAcc[e])})
		}
	}
	cw.Flush()
	return cw.Error()
}

// Ranges are log10 ranges of learning rate and λ, as the config's
// fields hold them.
type Ranges struct {
	LRLog10Min, LRLog10Max                   float64
	WeightDecayLog10Min, WeightDecayLog10Max float64
}

// Narrowed returns the ranges that hold the best k finished trials (fewer
// if fewer have finished; diverged ones are left out), each widened by a
// tenth of its span and at least 0.05 on either side, rounded outwards to
// hundredths and kept within the fields' bounds: the book's next step,
// searching again where the best trials were. It reports false when no
// finished trial has a finite accuracy.
func (r *HyperparamsResult) Narrowed(k int) (Ranges, bool) {
	var lr, wd []float64
	for _, i := range r.Ranking {
		if len(lr) == k {
			break
		}
		if t := r.Trials[i]; !math.IsNaN(t.Final()) && t.LR > 0 && t.WeightDecay > 0 {
			lr, wd = append(lr, math.Log10(t.LR)), append(wd, math.Log10(t.WeightDecay))
		}
	}
	if len(lr) == 0 {
		return Ranges{}, false
	}
	widen := func(xs []float64, lo, hi float64) (float64, float64) {
		a, b := slices.Min(xs), slices.Max(xs)
		pad := max(0.1*(b-a), 0.05)
		// The tolerance keeps −3.1 from rounding out to −3.11.
		return max(lo, math.Floor((a-pad)*100+1e-6)/100), min(hi, math.Ceil((b+pad)*100-1e-6)/100)
	}
	var out Ranges
	out.LRLog10Min, out.LRLog10Max = widen(lr, lrLog10Lo, lrLog10Hi)
	out.WeightDecayLog10Min, out.WeightDecayLog10Max = widen(wd, wdLog10Lo, wdLog10Hi)
	return out, true
}

// Hyperparams runs the search: the first Samples training images are
// shuffled, the first int(Samples·ValidationRate) of them held out for
// validation; every trial trains its own network with its drawn (lr, λ)
// on the rest and records, after the update of every iteration i with i %
// iter_per_epoch == 0, the accuracy on the training and the validation
// images, as the book's Trainer. A trial's weights and batches come from a
// generator seeded with (Seed, its index), its (lr, λ) from Draws: results
// do not depend on the number of workers. Trials run in parallel and each
// point streams in as it is recorded. A diverged network (non-finite
// loss) records NaN from then on; any other error ends the run.
func Hyperparams(ctx context.Context, cfg HyperparamsConfig, progress func(HyperparamsEvent)) (*HyperparamsResult, error) {
	return execute(cfg, cfg.DType, NewHyperparamsResult,
		func(r *HyperparamsResult) error { return hyperparams[float32](ctx, r, progress) },
		func(r *HyperparamsResult) error { return hyperparams[float64](ctx, r, progress) })
}

func hyperparams[T net.Float](ctx context.Context, res *HyperparamsResult, progress func(HyperparamsEvent)) error {
	cfg := res.Config
	valSet, trainSet := splitSet(cfg.Data.Train.Subset(cfg.Samples), cfg.shuffled(), res.Validation)
	val, err := toDataset[T](valSet)
	if err != nil {
		return fmt.Errorf("experiment: hyperparams: validation set: %w", err)
	}
	train, err := toDataset[T](trainSet)
	if err != nil {
		return fmt.Errorf("experiment: hyperparams: training set: %w", err)
	}
	trainX, valX := train.all(), val.all()
	ipe := cfg.iterPerEpoch()
	iterations := (cfg.Epochs-1)*ipe + 1 // the book's later iterations record nothing
	rep := newReporter(cfg.Trials * iterations)
	return parallel(workerCount(cfg.Workers), cfg.Trials, func(k int) error {
		trial := res.Trials[k] // drawn before the run: read only
		name := "trial " + strconv.Itoa(k)
		fail := func(it int, err error) error {
			return fmt.Errorf("experiment: hyperparams: %s (lr %g, λ %g), iteration %d: %w", name, trial.LR, trial.WeightDecay, it, err)
		}
		rng := rand.New(rand.NewPCG(cfg.Seed, nameStream(name)))
		nw, err := net.New[T](cfg.netConfig(trial.WeightDecay), rng)
		if err != nil {
			return fail(0, err)
		}
		tr, err := newTrainer(train, rng, cfg.Batch, []netSpec[T]{{name, nw, net.OptSGD, trial.LR}})
		if err != nil {
			return fail(0, err)
		}
		n, work := tr.nets[0], 0
		for it := range iterations {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: hyperparams: %w", err)
			}
			losses, _, err := tr.step()
			if err != nil {
				return fail(it, err)
			}
			work++
			if it%ipe != 0 {
				continue
			}
			p, err := n.point(valX, val.labels, losses[0])
			if err != nil {
				return fail(it, err)
			}
			e := HyperparamsEvent{Trial: k, Point: it / ipe, ValAcc: p.Accuracy, TrainAcc: math.NaN()}
			if !p.Diverged {
				if e.TrainAcc, err = nw.Accuracy(trainX, train.labels); err != nil {
					return fail(it, err)
				}
			}
			send(rep, work, e, res.Apply, progress)
			work = 0
		}
		return nil
	})
}

// splitSet returns the images of s in the order perm, the first nVal as
// one set and the rest as another.
func splitSet(s mnist.Set, perm []int, nVal int) (val, train mnist.Set) {
	size := s.Rows * s.Cols
	pick := func(idx []int) mnist.Set {
		out := mnist.Set{Rows: s.Rows, Cols: s.Cols, N: len(idx), Images: make([]byte, 0, len(idx)*size), Labels: make([]uint8, 0, len(idx))}
		for _, i := range idx {
			out.Images = append(out.Images, s.Pixels(i)...)
			out.Labels = append(out.Labels, s.Labels[i])
		}
		return out
	}
	return pick(perm[:nVal]), pick(perm[nVal:])
}
