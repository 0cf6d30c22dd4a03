package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"zerokara/kernel"
	"zerokara/net"
	"zerokara/net/mnist"
)

// InitCompareConfig sets up the weight-initialization comparison on MNIST
// (SPEC §5.2). Zero fields take the book's values.
type InitCompareConfig struct {
	Hidden     []int          `json:"hidden"`     // 100, 100, 100, 100
	Activation net.Activation `json:"activation"` // relu
	// Inits are compared in this order; default std=0.01, Xavier, He.
	Inits      []string `json:"inits"`
	Optimizer  string   `json:"optimizer"` // sgd
	LR         float64  `json:"lr"`        // 0.01
	Batch      int      `json:"batch"`     // 128
	Iterations int      `json:"iterations"`
	// GradNorms records, every GradEvery iterations, the norm of each
	// affine layer's weight gradient ‖∂L/∂W_l‖ (vanishing or exploding
	// gradients over time).
	GradNorms bool `json:"grad_norms"`
	GradEvery int  `json:"grad_every"` // 10
	// SkipTestAccuracy leaves out the final accuracy on the test set
	// (which the book does not compute).
	SkipTestAccuracy bool        `json:"skip_test_accuracy"`
	Seed             uint64      `json:"seed"`
	DType            DType       `json:"dtype"`
	Workers          int         `json:"workers"`
	Data             *mnist.Data `json:"-"`
}

func (c InitCompareConfig) withDefaults() (InitCompareConfig, error) {
	if c.Hidden == nil {
		c.Hidden = []int{100, 100, 100, 100}
	}
	if c.Activation == "" {
		c.Activation = net.ReLUAct
	}
	if len(c.Inits) == 0 {
		c.Inits = []string{"std=0.01", "Xavier", "He"}
	}
	if c.Optimizer == "" {
		c.Optimizer = "sgd"
	}
	if c.LR == 0 {
		c.LR = 0.01
	}
	if c.Batch == 0 {
		c.Batch = 128
	}
	if c.Iterations == 0 {
		c.Iterations = 2000
	}
	if c.GradEvery == 0 {
		c.GradEvery = 10
	}
	switch {
	case c.Data == nil:
		return c, errors.New("experiment: initcompare needs MNIST data")
	case c.GradEvery < 1:
		return c, fmt.Errorf("experiment: grad_every %d must be positive", c.GradEvery)
	case c.Batch < 1 || c.Iterations < 1:
		return c, fmt.Errorf("experiment: batch %d and iterations %d must be positive", c.Batch, c.Iterations)
	case !(c.LR > 0) || math.IsInf(c.LR, 0):
		return c, fmt.Errorf("experiment: learning rate %v must be positive", c.LR)
	case c.Iterations*c.Batch > 1e9:
		return c, fmt.Errorf("experiment: %d iterations of %d samples is too much", c.Iterations, c.Batch)
	}
	for _, s := range c.Inits {
		if _, err := net.ParseInit(s); err != nil {
			return c, err
		}
	}
	if _, err := net.NewOptimizer[float32](c.Optimizer, c.LR); err != nil {
		return c, err
	}
	var err error
	c.DType, err = c.DType.resolve()
	return c, err
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

// InitCompare trains one network per initializer on the same batches and
// records each loss after the update. The networks are built in the order
// of Inits (drawing their weights in turn from a generator seeded with
// Seed), then every batch is drawn (uniformly, with replacement) from the
// same generator; the networks then train in parallel.
func InitCompare(ctx context.Context, cfg InitCompareConfig, progress func(Event)) (*InitCompareResult, error) {
	start := time.Now()
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	var series []LossSeries
	if cfg.DType == Float64 {
		series, err = initCompare[float64](ctx, cfg, progress)
	} else {
		series, err = initCompare[float32](ctx, cfg, progress)
	}
	if err != nil {
		return nil, err
	}
	return &InitCompareResult{Experiment: "initcompare", Config: cfg, Seconds: time.Since(start).Seconds(), Series: series}, nil
}

func initCompare[T net.Float](ctx context.Context, cfg InitCompareConfig, progress func(Event)) ([]LossSeries, error) {
	train, err := toDataset[T](cfg.Data.Train)
	if err != nil {
		return nil, fmt.Errorf("experiment: initcompare: train set: %w", err)
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0))
	nets := make([]*net.Network[T], len(cfg.Inits))
	cols := train.cols
	series := make([]LossSeries, len(cfg.Inits))
	for i, s := range cfg.Inits {
		in, _ := net.ParseInit(s)
		nets[i], err = net.New[T](net.Config{InputSize: cols, HiddenSizes: cfg.Hidden, OutputSize: 10,
			Activation: cfg.Activation, Init: in, Workers: kernel.Serial}, rng)
		if err != nil {
			return nil, err
		}
		series[i] = LossSeries{Name: in.String(), Formula: in.Formula(), Loss: make(nullFloats, cfg.Iterations), DivergedAt: -1}
	}
	batches := make([]int, cfg.Iterations*cfg.Batch)
	for i := range batches {
		batches[i] = rng.IntN(train.rows)
	}
	var testX *net.Matrix[T]
	var testLabels []int
	if !cfg.SkipTestAccuracy {
		test, err := toDataset[T](cfg.Data.Test)
		if err != nil {
			return nil, fmt.Errorf("experiment: initcompare: test set: %w", err)
		}
		testX, testLabels = test.all(), test.labels
	}
	rep := newReporter(progress, cfg.Iterations*len(nets))
	workers := cfg.Workers
	if workers == 0 {
		// One goroutine per network even beyond the core count: three
		// trainings on two cores then finish together (the scheduler shares
		// the cores) instead of the third running alone at the end.
		workers = max(workerCount(0), len(nets))
	}
	err = parallel(workers, len(nets), func(k int) error {
		opt, _ := net.NewOptimizer[T](cfg.Optimizer, cfg.LR)
		x := net.NewMatrix[T](cfg.Batch, cols)
		var labels []int
		s := &series[k]
		for it := range cfg.Iterations {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("experiment: initcompare: %w", err)
			}
			labels = train.batch(x, labels, batches[it*cfg.Batch:(it+1)*cfg.Batch])
			loss := math.NaN()
			if !s.Diverged {
				if _, err := nets[k].Step(x, labels, opt); err == nil {
					loss, _ = nets[k].Loss(x, labels, false)
				}
				if math.IsNaN(loss) || math.IsInf(loss, 0) {
					s.Diverged, s.DivergedAt, loss = true, it, math.NaN()
				}
			}
			s.Loss[it] = loss
			if cfg.GradNorms && it%cfg.GradEvery == 0 {
				recordGradNorms(s, nets[k])
			}
			rep.point(s.Name, k, 0, it, loss, 1)
		}
		s.Smoothed = Smooth(s.Loss)
		if !cfg.SkipTestAccuracy && !s.Diverged {
			acc, err := nets[k].Accuracy(testX, testLabels)
			if err != nil {
				return err
			}
			s.TestAccuracy = &acc
		}
		return nil
	})
	return series, err
}

// recordGradNorms appends the Frobenius norm of every weight gradient left
// by the last step (NaN once the network has diverged).
func recordGradNorms[T net.Float](s *LossSeries, nw *net.Network[T]) {
	l := 0
	for _, p := range nw.Params() {
		if !strings.HasSuffix(p.Name, ".W") {
			continue
		}
		if len(s.GradNorms) <= l {
			s.GradNorms = append(s.GradNorms, nil)
		}
		norm := math.NaN()
		if !s.Diverged {
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
