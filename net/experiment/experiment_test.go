package experiment

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"zerokara/net"
	"zerokara/net/mnist"
)

// loadMNIST loads the repository's copy of MNIST once.
var loadMNIST = sync.OnceValues(func() (*mnist.Data, error) { return mnist.Load("../../testdata/mnist") })

// bookInitCompare and bookBatchNorm are the book's setups on the
// repository's MNIST.
func bookInitCompare(t *testing.T) InitCompareConfig {
	c := BookInitCompareConfig()
	c.Data = mnistData(t)
	return c
}

func bookBatchNorm(t *testing.T) BatchNormConfig {
	c := BookBatchNormConfig()
	c.Data = mnistData(t)
	return c
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mnistData(t *testing.T) *mnist.Data {
	t.Helper()
	d, err := loadMNIST()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestActivationsBookClaims(t *testing.T) {
	cfg := BookActivationsConfig()
	cfg.Gradients = true
	res, err := Activations(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Runs) != 12 {
		t.Fatalf("%d runs, want the 3×4 grid", len(res.Runs))
	}
	run := func(act, init string) ActivationRun {
		for _, r := range res.Runs {
			if r.Activation == act && r.Init == init {
				return r
			}
		}
		t.Fatalf("no run %s/%s", act, init)
		return ActivationRun{}
	}
	// Sigmoid with σ=1 saturates: most of layer 5 in the outer bins.
	h := run("sigmoid", "std=1").Layers[4].Hist
	if edge := h.Counts[0] + h.Counts[len(h.Counts)-1]; edge < 40_000 {
		t.Errorf("sigmoid σ=1: %d of 100000 values in the outer bins, want most", edge)
	}
	// Sigmoid with σ=0.01 collapses onto 0.5.
	if l, x := run("sigmoid", "std=0.01").Layers[4], run("sigmoid", "Xavier").Layers[4]; math.Abs(l.Mean-0.5) > 0.01 || l.Std > 0.2*x.Std {
		t.Errorf("sigmoid σ=0.01: mean %g std %g, want ≈0.5 and a spread far below Xavier's %g", l.Mean, l.Std, x.Std)
	}
	// He keeps ReLU's spread across layers; Xavier's halves the variance
	// at every layer.
	ratio := func(r ActivationRun) float64 { return r.Layers[4].Std / r.Layers[0].Std }
	if he, xa := ratio(run("relu", "He")), ratio(run("relu", "Xavier")); !(he > 0.6 && xa < 0.45) {
		t.Errorf("ReLU std ratio layer5/layer1: He %.3f (want > 0.6), Xavier %.3f (want < 0.45)", he, xa)
	}
	// Gradients vanish through sigmoids (σ' ≤ 1/4) with Xavier's scale,
	// and keep their size through ReLU with He's.
	if g := run("sigmoid", "Xavier").Layers; !(g[0].Grad.Norm < 0.01*g[4].Grad.Norm) {
		t.Errorf("sigmoid Xavier gradient norms: layer1 %g, layer5 %g; want vanishing", g[0].Grad.Norm, g[4].Grad.Norm)
	}
	if g := run("relu", "He").Layers; !(g[0].Grad.Norm > 0.7*g[4].Grad.Norm && g[0].Grad.Norm < 1.4*g[4].Grad.Norm) {
		t.Errorf("ReLU He gradient norms: layer1 %g, layer5 %g; want about equal", g[0].Grad.Norm, g[4].Grad.Norm)
	}
	// tanh's fitted histogram shows the negative half.
	if f := run("tanh", "Xavier").Layers[0].Fit; f.Lo != -1 || f.Below != 0 {
		t.Errorf("tanh fit range %g…%g with %d below", f.Lo, f.Hi, f.Below)
	}
}

func TestActivationsDeterministicAcrossWorkers(t *testing.T) {
	encode := func(workers int) string {
		cfg := BookActivationsConfig()
		cfg.Seed, cfg.Workers, cfg.Samples, cfg.DType = 7, workers, 200, Float64
		res, err := Activations(context.Background(), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Seconds, res.Config.Workers = 0, 0
		b, _ := json.Marshal(res)
		return string(b)
	}
	if a, b := encode(1), encode(3); a != b {
		t.Fatal("results differ between 1 and 3 workers")
	}
}

func TestConfigValidation(t *testing.T) {
	ctx := context.Background()
	act := func(f func(*ActivationsConfig)) func() error {
		return func() error { c := BookActivationsConfig(); f(&c); _, err := Activations(ctx, c, nil); return err }
	}
	ic := func(f func(*InitCompareConfig)) func() error {
		return func() error { c := bookInitCompare(t); f(&c); _, err := InitCompare(ctx, c, nil); return err }
	}
	bn := func(f func(*BatchNormConfig)) func() error {
		return func() error { c := bookBatchNorm(t); f(&c); _, err := BatchNorm(ctx, c, nil); return err }
	}
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"no inits", act(func(c *ActivationsConfig) { c.Inits = nil }), "inits: 0 entries"},
		{"bad dtype", act(func(c *ActivationsConfig) { c.DType = "float16" }), "dtype"},
		{"empty dtype", act(func(c *ActivationsConfig) { c.DType = "" }), "dtype"},
		{"zero layers", act(func(c *ActivationsConfig) { c.Layers = 0 }), "layers: 0 is outside [1, 100]"},
		{"missing data", ic(func(c *InitCompareConfig) { c.Data = nil }), "data"},
		{"negative lr", ic(func(c *InitCompareConfig) { c.LR = -1 }), "lr: -1 is outside [0, 1000]"},
		{"zero batch", ic(func(c *InitCompareConfig) { c.Batch = 0 }), "batch"},
		{"empty activation", ic(func(c *InitCompareConfig) { c.Activation = "" }), "activation"},
		{"too many samples", bn(func(c *BatchNormConfig) { c.Samples = 70000 }), "samples"},
		{"unknown optimizer", bn(func(c *BatchNormConfig) { c.Optimizer = "magic" }), "optimizer"},
		{"zero every", bn(func(c *BatchNormConfig) { c.Every = 0 }), "every"},
		{"BN momentum 1", bn(func(c *BatchNormConfig) { c.BN.Momentum = 1 }), "momentum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one about %q", err, tc.want)
			}
		})
	}
}

// Zero means zero: a learning rate of 0 keeps every weight, so the loss
// of a fixed batch never moves, and the all-zero init is the all-zero init.
func TestZeroValuesMeanZero(t *testing.T) {
	cfg := bookInitCompare(t)
	cfg.LR, cfg.Iterations, cfg.Inits, cfg.SkipTestAccuracy = 0, 5, []net.Init{net.He(), net.Zero()}, true
	res, err := InitCompare(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Config.LR != 0 || res.Series[1].Name != "const=0" {
		t.Fatalf("config changed: lr %v, second init %s", res.Config.LR, res.Series[1].Name)
	}
	// All-zero weights give uniform softmax outputs: loss ln 10 exactly
	// (up to the book's 1e-7) on every batch.
	for i, l := range res.Series[1].Loss {
		if math.Abs(l-math.Log(10)) > 1e-5 {
			t.Errorf("zero init, lr 0: loss[%d] = %v, want ln 10", i, l)
		}
	}
}

// A saved config keeps the text form of its typed values and reads back
// to the same config.
func TestConfigJSONRoundTrip(t *testing.T) {
	for _, cfg := range []any{BookActivationsConfig(), BookInitCompareConfig(), BookBatchNormConfig()} {
		b, err := json.Marshal(cfg)
		if err != nil {
			t.Fatal(err)
		}
		back := reflect.New(reflect.TypeOf(cfg))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back.Elem().Interface(), cfg) {
			t.Errorf("%T: round trip through %s changed it", cfg, b)
		}
	}
	b, _ := json.Marshal(BookInitCompareConfig())
	for _, text := range []string{`"inits":["std=0.01","Xavier","He"]`, `"optimizer":"sgd"`, `"activation":"relu"`, `"dtype":"float32"`} {
		if !strings.Contains(string(b), text) {
			t.Errorf("saved config lacks %s: %s", text, b)
		}
	}
	var cfg InitCompareConfig
	for _, bad := range []string{`{"inits":["he","bogus"]}`, `{"optimizer":"lbfgs"}`, `{"activation":"swish"}`, `{"dtype":"float16"}`} {
		if err := json.Unmarshal([]byte(bad), &cfg); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	events := 0
	_, err := InitCompare(ctx, bookInitCompare(t), func(InitCompareEvent) {
		events++
		if events == 10 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if events > 100 {
		t.Errorf("%d events after cancelling at 10: not prompt", events)
	}
}

// TestInitCompareShort runs 150 iterations: the protocol's shape, the
// determinism across workers, and the book's early ordering.
func TestInitCompareShort(t *testing.T) {
	data := mnistData(t)
	run := func(workers int) *InitCompareResult {
		cfg := BookInitCompareConfig()
		cfg.Data, cfg.Seed, cfg.Iterations, cfg.Workers, cfg.SkipTestAccuracy, cfg.GradNorms = data, 3, 150, workers, true, true
		partial, err := NewInitCompareResult(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var points int
		res, err := InitCompare(context.Background(), cfg, func(e InitCompareEvent) {
			points++
			partial.Apply(e)
		})
		if err != nil {
			t.Fatal(err)
		}
		if points != 3*150 {
			t.Errorf("%d points streamed, want 450", points)
		}
		// The consumer's partial result, built from the events alone, holds
		// the final curves.
		for k := range res.Series {
			if !slices.Equal(partial.Series[k].Loss, res.Series[k].Loss) {
				t.Errorf("%s: streamed loss differs from the result's", res.Series[k].Name)
			}
		}
		return res
	}
	// 1 and 2 workers gather batches per network; 3 (and the default)
	// share one ring of batches among the three networks.
	a := run(1)
	for _, workers := range []int{2, 3, 0} {
		b := run(workers)
		for k := range a.Series {
			for i := range a.Series[k].Loss {
				if a.Series[k].Loss[i] != b.Series[k].Loss[i] {
					t.Fatalf("%s loss[%d] differs between 1 and %d workers", a.Series[k].Name, i, workers)
				}
			}
		}
	}
	names := []string{a.Series[0].Name, a.Series[1].Name, a.Series[2].Name}
	if strings.Join(names, ",") != "std=0.01,Xavier,He" {
		t.Errorf("series %v", names)
	}
	// Gradient norms: 5 weight matrices, every 10th iteration; with
	// std=0.01 the first layer's gradient has all but vanished.
	for _, s := range a.Series {
		if len(s.GradNorms) != 5 || len(s.GradNorms[0]) != 15 {
			t.Fatalf("%s: grad norms %d×%d, want 5×15", s.Name, len(s.GradNorms), len(s.GradNorms[0]))
		}
	}
	if std, he := a.Series[0].GradNorms[0][5], a.Series[2].GradNorms[0][5]; !(std < 1e-3*he) {
		t.Errorf("‖dW1‖ at iteration 50: std=0.01 %g, He %g; want vanishing for std=0.01", std, he)
	}
	last := func(s LossSeries) float64 { return s.Smoothed[len(s.Smoothed)-1] }
	if std, he := last(a.Series[0]), last(a.Series[2]); !(math.Abs(std-2.30) < 0.02 && he < 1.5) {
		t.Errorf("after 150 iterations: std=0.01 %.3f (want ≈2.30), He %.3f (want < 1.5)", std, he)
	}
}

// TestInitCompareBookDefaults is the full default run (2000 iterations on
// 60 000 images): He ends lowest, std=0.01 never learns.
func TestInitCompareBookDefaults(t *testing.T) {
	fullExperiment(t)
	res, err := InitCompare(context.Background(), bookInitCompare(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	final := func(i int) float64 { return res.Series[i].Smoothed[1999] }
	t.Logf("final smoothed loss: std=0.01 %.3f, Xavier %.3f, He %.3f; test accuracy He %.3f", final(0), final(1), final(2), *res.Series[2].TestAccuracy)
	if !(math.Abs(final(0)-2.30) < 0.02) {
		t.Errorf("std=0.01 final loss %.3f, want ≈2.30 (no learning)", final(0))
	}
	if !(final(2) < final(1) && final(2) < 0.5) {
		t.Errorf("He final loss %.3f, Xavier %.3f: want He lowest and below 0.5", final(2), final(1))
	}
	if acc := *res.Series[2].TestAccuracy; acc < 0.9 {
		t.Errorf("He test accuracy %.3f, want > 0.9", acc)
	}
	var buf bytes.Buffer
	if err := res.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Count(buf.String(), "\n"); lines != 2001 {
		t.Errorf("CSV has %d lines, want 2001", lines)
	}
}

// TestBatchNormBookDefaults is the full default run: 16 σ, 20 points each.
func TestBatchNormBookDefaults(t *testing.T) {
	fullExperiment(t)
	cfg := bookBatchNorm(t)
	partial, err := NewBatchNormResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := BatchNorm(context.Background(), cfg, partial.Apply)
	if err != nil {
		t.Fatal(err)
	}
	partial.Seconds = res.Seconds
	// JSON, not DeepEqual: diverged points are NaN, which equals nothing.
	if a, b := mustJSON(t, partial), mustJSON(t, res); a != b {
		t.Error("the result built from the streamed events differs from the returned one")
	}
	better := 0
	for _, p := range res.Panels {
		if len(p.BN) != 20 || len(p.Plain) != 20 {
			t.Fatalf("σ=%g: %d and %d points", p.Sigma, len(p.BN), len(p.Plain))
		}
		bn, plain := p.BN[19], p.Plain[19]
		if math.IsNaN(plain) || bn > plain {
			better++
		}
		t.Logf("σ=%-9.3g BN %.3f plain %.3f diverged %v", p.Sigma, bn, plain, p.PlainDiverged)
	}
	if better < 12 {
		t.Errorf("BN beat the plain net in %d of 16 panels, want most", better)
	}
	for _, k := range []int{0, 1} {
		if p := res.Panels[k]; !p.PlainDiverged || !math.IsNaN(p.Plain[19]) {
			t.Errorf("σ=%g: plain net should diverge (reported %v, last %v)", p.Sigma, p.PlainDiverged, p.Plain[19])
		}
	}
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"plain":[`)) || !bytes.Contains(b, []byte("null")) {
		t.Error("JSON lacks the plain series or the nulls of diverged points")
	}
}
