package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// BatchNormConfig sets up the Batch Normalization experiment (SPEC §5.3).
// Zero fields take the book's values.
type BatchNormConfig struct {
	Samples int   `json:"samples"` // first N training images; 1000
	Hidden  []int `json:"hidden"`  // 100 ×5
	// Sigmas are the initial weight scales, one panel each; default
	// logspace(0, −4, 16).
	Sigmas    []float64            `json:"sigmas"`
	Points    int                  `json:"points"`    // accuracies recorded per net; 20
	Batch     int                  `json:"batch"`     // 100
	Every     int                  `json:"every"`     // steps between points; Samples/Batch = 10
	Optimizer string               `json:"optimizer"` // sgd
	LR        float64              `json:"lr"`        // 0.01
	BN        net.BatchNormOptions `json:"bn"`        // the book's: running var starts at 0
	// TrainModeAccuracy also records the BN net's accuracy with batch
	// statistics (train mode), beside the book's test-mode accuracy.
	TrainModeAccuracy bool        `json:"train_mode_accuracy"`
	Seed              uint64      `json:"seed"`
	DType             DType       `json:"dtype"`
	Workers           int         `json:"workers"`
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

func (c BatchNormConfig) withDefaults() (BatchNormConfig, error) {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Samples, 1000)
	def(&c.Points, 20)
	def(&c.Batch, 100)
	if c.Hidden == nil {
		c.Hidden = []int{100, 100, 100, 100, 100}
	}
	if len(c.Sigmas) == 0 {
		c.Sigmas = BookSigmas()
	}
	if c.Optimizer == "" {
		c.Optimizer = "sgd"
	}
	if c.LR == 0 {
		c.LR = 0.01
	}
	switch {
	case c.Data == nil:
		return c, errors.New("experiment: batchnorm needs MNIST data")
	case c.Samples < 1 || c.Samples > c.Data.Train.N:
		return c, fmt.Errorf("experiment: samples %d not in [1, %d]", c.Samples, c.Data.Train.N)
	case c.Batch < 1 || c.Points < 1:
		return c, fmt.Errorf("experiment: batch %d and points %d must be positive", c.Batch, c.Points)
	case !(c.LR > 0) || math.IsInf(c.LR, 0):
		return c, fmt.Errorf("experiment: learning rate %v must be positive", c.LR)
	}
	def(&c.Every, max(1, c.Samples/c.Batch))
	if c.Every < 1 || c.Every*c.Points > 1e7 {
		return c, fmt.Errorf("experiment: %d points every %d steps is out of range", c.Points, c.Every)
	}
	for _, s := range c.Sigmas {
		if !(s >= 0) || math.IsInf(s, 0) {
			return c, fmt.Errorf("experiment: weight scale %v must be finite and ≥ 0", s)
		}
	}
	if _, err := net.NewOptimizer[float32](c.Optimizer, c.LR); err != nil {
		return c, err
	}
	var err error
	c.DType, err = c.DType.resolve()
	return c, err
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

// BatchNorm trains, for each σ, a network with Batch Normalization and one
// without on identical batches. Panel k uses a generator seeded with
// (Seed, k): the BN net draws its weights first, then the plain net, then
// the batches, as the book's script. Panels run in parallel.
func BatchNorm(ctx context.Context, cfg BatchNormConfig, progress func(Event)) (*BatchNormResult, error) {
	start := time.Now()
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	res := &BatchNormResult{Experiment: "batchnorm", Config: cfg, Panels: make([]Panel, len(cfg.Sigmas))}
	steps := 1 + (cfg.Points-1)*cfg.Every
	rep := newReporter(progress, steps*len(cfg.Sigmas))
	sub := cfg.Data.Train.Subset(cfg.Samples)
	if cfg.DType == Float64 {
		err = batchNorm[float64](ctx, cfg, sub, res.Panels, rep)
	} else {
		err = batchNorm[float32](ctx, cfg, sub, res.Panels, rep)
	}
	if err != nil {
		return nil, err
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

func batchNorm[T net.Float](ctx context.Context, cfg BatchNormConfig, sub mnist.Set, panels []Panel, rep *reporter) error {
	data, err := toDataset[T](sub)
	if err != nil {
		return fmt.Errorf("experiment: batchnorm: %w", err)
	}
	all := data.all() // accuracy is measured on the whole subset
	return parallel(workerCount(cfg.Workers), len(cfg.Sigmas), func(k int) error {
		sigma := cfg.Sigmas[k]
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(k)))
		ncfg := net.Config{InputSize: data.cols, HiddenSizes: cfg.Hidden, OutputSize: 10,
			Init: net.Std(sigma), Workers: kernel.Serial, BN: cfg.BN}
		ncfg.BatchNorm = true
		bnNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return err
		}
		ncfg.BatchNorm = false
		plainNet, err := net.New[T](ncfg, rng)
		if err != nil {
			return err
		}
		p := &panels[k]
		p.Sigma = sigma
		nets := []struct {
			nw       *net.Network[T]
			opt      net.Optimizer[T]
			acc      *nullFloats
			loss     *nullFloats
			diverged *bool
			name     string
		}{
			{bnNet, nil, &p.BN, &p.BNLoss, &p.BNDiverged, "BN"},
			{plainNet, nil, &p.Plain, &p.PlainLoss, &p.PlainDiverged, "plain"},
		}
		for i := range nets {
			nets[i].opt, _ = net.NewOptimizer[T](cfg.Optimizer, cfg.LR)
		}
		label := "σ=" + strconv.FormatFloat(sigma, 'g', 5, 64)
		x := net.NewMatrix[T](cfg.Batch, data.cols)
		var labels []int
		idx := make([]int, cfg.Batch)
		steps := 1 + (cfg.Points-1)*cfg.Every
		for i := range steps {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: batchnorm: %w", err)
			}
			for j := range idx {
				idx[j] = rng.IntN(data.rows)
			}
			labels = data.batch(x, labels, idx)
			losses := [2]float64{}
			for n := range nets {
				losses[n] = math.NaN()
				if *nets[n].diverged {
					continue
				}
				loss, err := nets[n].nw.Step(x, labels, nets[n].opt)
				if errors.Is(err, net.ErrDiverged) || !nets[n].nw.Finite() {
					*nets[n].diverged = true
					continue
				}
				losses[n] = loss
			}
			if i%cfg.Every != 0 {
				rep.point("", k, 0, 0, 0, 1)
				continue
			}
			point := i / cfg.Every
			for n := range nets {
				acc := math.NaN()
				if !*nets[n].diverged {
					acc, _ = nets[n].nw.Accuracy(all, data.labels)
				}
				*nets[n].acc = append(*nets[n].acc, acc)
				*nets[n].loss = append(*nets[n].loss, losses[n])
				rep.point(label+"/"+nets[n].name, k, n, point, acc, 0)
			}
			if cfg.TrainModeAccuracy {
				acc := math.NaN()
				if !p.BNDiverged {
					acc = trainModeAccuracy(bnNet, all, data.labels)
				}
				p.BNTrainMode = append(p.BNTrainMode, acc)
			}
			rep.point("", k, 0, 0, 0, 1)
		}
		return nil
	})
}

// trainModeAccuracy scores the BN net with batch statistics over the whole
// subset as one batch. It leaves the running statistics as they were.
func trainModeAccuracy[T net.Float](nw *net.Network[T], x *net.Matrix[T], labels []int) float64 {
	var saved [][2][]T
	for _, l := range nw.Layers() {
		if bn, ok := l.(*net.BatchNorm[T]); ok {
			saved = append(saved, [2][]T{append([]T(nil), bn.RunningMean...), append([]T(nil), bn.RunningVar...)})
		}
	}
	y := nw.Predict(x, true)
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
	return float64(correct) / float64(y.Rows)
}
