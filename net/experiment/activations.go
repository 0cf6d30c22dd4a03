package experiment

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"zerokara/kernel"
	"zerokara/net"
)

// ActivationsConfig sets up the activation-histogram experiment (SPEC
// §5.1). Zero fields take the book's values.
type ActivationsConfig struct {
	Samples int `json:"samples"` // inputs drawn from N(0, 1); 1000
	Width   int `json:"width"`   // neurons per layer; 100
	Layers  int `json:"layers"`  // 5
	// Activations and Inits span the grid of runs; default {sigmoid, relu,
	// tanh} × {std=1, std=0.01, Xavier, He}.
	Activations []net.Activation `json:"activations"`
	Inits       []string         `json:"inits"`
	Bins        int              `json:"bins"` // 30, over [0, 1] as the book
	// Gradients also runs a backward pass from a N(0, 1) upstream gradient
	// and records per-layer gradient statistics (the vanishing-gradient
	// picture).
	Gradients bool   `json:"gradients"`
	Seed      uint64 `json:"seed"`
	DType     DType  `json:"dtype"`
	Workers   int    `json:"workers"`
}

func (c ActivationsConfig) withDefaults() (ActivationsConfig, error) {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Samples, 1000)
	def(&c.Width, 100)
	def(&c.Layers, 5)
	def(&c.Bins, 30)
	if len(c.Activations) == 0 {
		c.Activations = []net.Activation{net.SigmoidAct, net.ReLUAct, net.TanhAct}
	}
	if len(c.Inits) == 0 {
		c.Inits = []string{"std=1", "std=0.01", "Xavier", "He"}
	}
	if c.Samples < 1 || c.Width < 1 || c.Layers < 1 || c.Bins < 1 {
		return c, fmt.Errorf("experiment: samples, width, layers and bins must be positive (%d, %d, %d, %d)", c.Samples, c.Width, c.Layers, c.Bins)
	}
	if c.Samples*c.Width > 50_000_000 {
		return c, fmt.Errorf("experiment: %d samples × %d neurons is too large", c.Samples, c.Width)
	}
	for _, a := range c.Activations {
		if _, err := net.ParseActivation(string(a)); err != nil {
			return c, err
		}
	}
	for _, s := range c.Inits {
		if _, err := net.ParseInit(s); err != nil {
			return c, err
		}
	}
	var err error
	c.DType, err = c.DType.resolve()
	return c, err
}

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

// Activations runs the activation-histogram grid. Run i draws its inputs
// X, then W1 … W_L, from a generator seeded with (Seed, i).
func Activations(ctx context.Context, cfg ActivationsConfig, progress func(Event)) (*ActivationsResult, error) {
	start := time.Now()
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	type job struct {
		act  net.Activation
		init net.Init
	}
	var jobs []job
	for _, a := range cfg.Activations {
		for _, s := range cfg.Inits {
			in, _ := net.ParseInit(s)
			jobs = append(jobs, job{a, in})
		}
	}
	res := &ActivationsResult{Experiment: "activations", Config: cfg, Runs: make([]ActivationRun, len(jobs))}
	rep := newReporter(progress, len(jobs)*cfg.Layers)
	err = parallel(workerCount(cfg.Workers), len(jobs), func(i int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng := rand.New(rand.NewPCG(cfg.Seed, uint64(i)))
		var layers []LayerStats
		if cfg.DType == Float64 {
			layers = activationRun[float64](cfg, jobs[i].act, jobs[i].init, rng)
		} else {
			layers = activationRun[float32](cfg, jobs[i].act, jobs[i].init, rng)
		}
		run := ActivationRun{Activation: string(jobs[i].act), Init: jobs[i].init.String(), Formula: jobs[i].init.Formula(), Layers: layers}
		res.Runs[i] = run
		for l, s := range layers {
			rep.point(run.Activation+"/"+run.Init, i, 0, l, s.Std, 1)
		}
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
