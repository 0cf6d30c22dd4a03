package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"zerokara/kernel"
	"zerokara/net"
)

// ActivationsConfig sets up the activation-histogram experiment (SPEC
// §5.1). Every field means what it holds; BookActivationsConfig returns
// the book's setup.
type ActivationsConfig struct {
	Samples int `json:"samples"` // inputs drawn from N(0, 1)
	Width   int `json:"width"`   // neurons per layer
	Layers  int `json:"layers"`
	// Activations and Inits span the grid of runs.
	Activations []net.Activation `json:"activations"`
	Inits       []net.Init       `json:"inits"`
	Bins        int              `json:"bins"` // histogram bins over [0, 1], as the book
	// Gradients also runs a backward pass from a N(0, 1) upstream gradient
	// and records per-layer gradient statistics (the vanishing-gradient
	// picture).
	Gradients bool   `json:"gradients"`
	Seed      uint64 `json:"seed"`
	DType     DType  `json:"dtype"`
	Workers   int    `json:"workers"` // parallel runs; 0 means one per CPU
}

// BookActivationsConfig returns the book's setup: 1000 samples through 5
// layers of 100 neurons, {sigmoid, relu, tanh} × {std=1, std=0.01, Xavier,
// He}, 30 bins, float32, seed 1.
func BookActivationsConfig() ActivationsConfig {
	return ActivationsConfig{Samples: 1000, Width: 100, Layers: 5, Bins: 30,
		Activations: []net.Activation{net.SigmoidAct, net.ReLUAct, net.TanhAct},
		Inits:       []net.Init{net.Std(1), net.Std(0.01), net.Xavier(), net.He()},
		Seed:        1, DType: Float32}
}

// Validate reports the first setting that cannot run (see
// Description.Check and DefaultMemoryBudget).
func (c ActivationsConfig) Validate() error { return activationsSpec.validate(c) }

var activationsSpec = spec[ActivationsConfig, *ActivationsResult, ActivationsEvent]{
	name: "activations", section: "§6.2", order: 6.2,
	summary: "activation histograms of a 5-layer network for several activations and initializers",
	fields: []Field{
		{Key: "activations", Kind: TextList, MinLen: 1, MaxLen: 3, Unique: true, Help: "activations: relu, sigmoid, tanh, comma-separated"},
		initsField("weight initializers"),
		{Key: "samples", Kind: Int, Unit: "inputs", Min: 1, Max: 100000, Help: "inputs drawn from N(0, 1)"},
		{Key: "width", Kind: Int, Unit: "neurons", Min: 1, Max: maxHidden, Help: "neurons per layer"},
		{Key: "layers", Kind: Int, Min: 1, Max: 100, Help: "layers"},
		{Key: "bins", Kind: Int, Min: 1, Max: 1000, Help: "histogram bins"},
		{Key: "gradients", Kind: Bool, Help: "also record per-layer gradients"},
		seedField(), dtypeField(), workersField("runs"),
	},
	book: BookActivationsConfig,
	joint: func(c ActivationsConfig) error {
		for _, a := range c.Activations {
			if !a.Valid() {
				return fmt.Errorf("unknown activation %q", string(a))
			}
		}
		return nil
	},
	memory: func(c ActivationsConfig) int64 {
		// Each worker holds X, the weights and every layer's
		// activations (and gradients); the result holds the histograms.
		run := mul(c.Samples, c.Width, c.Layers+1, 3, elemBytes(c.DType))
		run = add(run, mul(c.Width, c.Width, c.Layers, elemBytes(c.DType)))
		runs := len(c.Activations) * len(c.Inits)
		workers := concurrent(c.Workers, runs)
		return add(mul(int(min(run, math.MaxInt32)), workers), mul(runs, c.Layers, c.Bins, 3, 8))
	},
	newResult: NewActivationsResult,
	run:       Activations,
}

func init() { register(activationsSpec.describe()) }

// ActivationsResult is the outcome of Activations.
type ActivationsResult struct {
	Experiment string            `json:"experiment"`
	Config     ActivationsConfig `json:"config"`
	Seconds    float64           `json:"seconds"`
	Runs       []ActivationRun   `json:"runs"`
}

// ActivationRun is one (activation, initializer) pair.
type ActivationRun struct {
	Activation string       `json:"activation"`
	Init       string       `json:"init"`
	Formula    string       `json:"formula"`
	Layers     []LayerStats `json:"layers"`
}

// LayerStats describes the activations of one layer: mean, std, the book's
// histogram (Bins bins over [0, 1]) and one over a range that fits the
// activation (tanh's negative half, ReLU's tail).
type LayerStats struct {
	Mean float64   `json:"mean"`
	Std  float64   `json:"std"`
	Hist Histogram `json:"hist"`
	Fit  Histogram `json:"fit"`
	// Grad describes ∂L/∂(pre-activation) of this layer when gradients
	// were requested.
	Grad *GradStats `json:"grad,omitempty"`
}

// GradStats summarises one layer's gradient.
type GradStats struct {
	Mean float64   `json:"mean"`
	Std  float64   `json:"std"`
	Norm float64   `json:"norm"`
	Hist Histogram `json:"hist"`
}

// ActivationsEvent reports one finished run of the grid.
type ActivationsEvent struct {
	Work
	Run    int           // index into ActivationsResult.Runs
	Result ActivationRun // the run, layers included
}

// NewActivationsResult returns the result of cfg before any run has
// finished: every run named, none with layers. Apply fills it in.
func NewActivationsResult(cfg ActivationsConfig) (*ActivationsResult, error) {
	if err := validateForRun("activations", cfg); err != nil {
		return nil, err
	}
	res := &ActivationsResult{Experiment: "activations", Config: cfg}
	for _, a := range cfg.Activations {
		for _, in := range cfg.Inits {
			res.Runs = append(res.Runs, ActivationRun{Activation: string(a), Init: in.String(), Formula: in.Formula()})
		}
	}
	return res, nil
}

// Apply records a finished run; events of another shape are ignored.
func (r *ActivationsResult) Apply(e ActivationsEvent) {
	if e.Run >= 0 && e.Run < len(r.Runs) {
		r.Runs[e.Run] = e.Result
	}
}

// Snapshot returns a copy that later Apply calls do not change.
func (r *ActivationsResult) Snapshot() *ActivationsResult {
	c := *r
	c.Runs = slices.Clone(r.Runs)
	return &c
}

// Activations runs the activation-histogram grid. Each run draws its
// inputs X, then W1 … W_L, from a generator seeded with (Seed, its
// activation and initializer), whatever else the grid holds.
func Activations(ctx context.Context, cfg ActivationsConfig, progress func(ActivationsEvent)) (*ActivationsResult, error) {
	start := time.Now()
	res, err := NewActivationsResult(cfg)
	if err != nil {
		return nil, err
	}
	rep := newReporter(len(res.Runs) * cfg.Layers)
	nInits := len(cfg.Inits)
	err = parallel(workerCount(cfg.Workers), len(res.Runs), func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		act, init := cfg.Activations[i/nInits], cfg.Inits[i%nInits]
		rng := rand.New(rand.NewPCG(cfg.Seed, nameStream(string(act)+"/"+init.String())))
		run := res.Runs[i] // names only; this goroutine owns run i
		if cfg.DType == Float64 {
			run.Layers = activationRun[float64](cfg, act, init, rng)
		} else {
			run.Layers = activationRun[float32](cfg, act, init, rng)
		}
		send(rep, cfg.Layers, ActivationsEvent{Run: i, Result: run}, res.Apply, progress)
		return nil
	})
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("experiment: activations: %w", err)
		}
		return nil, err
	}
	res.Seconds = time.Since(start).Seconds()
	return res, nil
}

// activationRun pushes N(0, 1) inputs through the layers (no bias) and
// returns each layer's statistics.
func activationRun[T net.Float](cfg ActivationsConfig, act net.Activation, init net.Init, rng *rand.Rand) []LayerStats {
	x := net.NewMatrix[T](cfg.Samples, cfg.Width)
	for i := range x.Data {
		x.Data[i] = T(rng.NormFloat64())
	}
	ws := make([]*net.Matrix[T], cfg.Layers)
	for l := range ws {
		ws[l] = net.NewMatrix[T](cfg.Width, cfg.Width)
		net.Fill(ws[l], init, rng)
	}
	acts := make([]net.Layer[T], cfg.Layers)
	stats := make([]LayerStats, cfg.Layers)
	in := x
	for l := range ws {
		a := net.NewMatrix[T](cfg.Samples, cfg.Width)
		kernel.Gemm(kernel.Serial, kernel.NoTrans, kernel.NoTrans, cfg.Samples, cfg.Width, cfg.Width, 1, in.Data, cfg.Width, ws[l].Data, cfg.Width, 0, a.Data, cfg.Width)
		acts[l] = net.NewActivationLayer[T](act)
		z := acts[l].Forward(a, true)
		mean, std := moments(z.Data)
		lo, hi := fitRange(act, z.Data)
		stats[l] = LayerStats{Mean: mean, Std: std,
			Hist: newHistogram(z.Data, cfg.Bins, 0, 1),
			Fit:  newHistogram(z.Data, cfg.Bins, lo, hi)}
		in = z.Clone()
	}
	if cfg.Gradients {
		dout := net.NewMatrix[T](cfg.Samples, cfg.Width)
		for i := range dout.Data {
			dout.Data[i] = T(rng.NormFloat64())
		}
		for l := cfg.Layers - 1; l >= 0; l-- {
			da := acts[l].Backward(dout) // ∂L/∂a of layer l
			mean, std := moments(da.Data)
			norm := math.Sqrt(float64(len(da.Data))) * math.Hypot(mean, std)
			lim := max(3*std, 1e-12)
			stats[l].Grad = &GradStats{Mean: mean, Std: std, Norm: norm, Hist: newHistogram(da.Data, cfg.Bins, -lim, lim)}
			next := net.NewMatrix[T](cfg.Samples, cfg.Width)
			kernel.Gemm(kernel.Serial, kernel.NoTrans, kernel.Trans, cfg.Samples, cfg.Width, cfg.Width, 1, da.Data, cfg.Width, ws[l].Data, cfg.Width, 0, next.Data, cfg.Width)
			dout = next
		}
	}
	return stats
}

// fitRange is a histogram range that shows all of an activation's output:
// [0, 1] for sigmoid, [−1, 1] for tanh, [0, max] for ReLU.
func fitRange[T net.Float](act net.Activation, z []T) (lo, hi float64) {
	switch act {
	case net.SigmoidAct:
		return 0, 1
	case net.TanhAct:
		return -1, 1
	}
	var m float64
	for _, v := range z {
		m = max(m, float64(v))
	}
	if m == 0 || math.IsNaN(m) || math.IsInf(m, 0) {
		m = 1
	}
	return 0, m
}
