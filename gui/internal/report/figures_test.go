package report

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/kernelbench"
	"zerokara/gui/internal/plot"
	"zerokara/kernel"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// figureCase is one figure of one experiment, built from a small result
// whose measured values are v where the experiment would record a
// diverged network (v = 0.5 gives a healthy-looking result).
type figureCase struct {
	name  string
	build func(v float64, tr *i18n.Localizer) *plot.Figure
}

// everyFigure lists every figure the report package draws.
func everyFigure() []figureCase {
	return []figureCase{
		{"activations", func(v float64, tr *i18n.Localizer) *plot.Figure { return Activations(activationsResult(v), false, tr) }},
		{"activations-fit", func(v float64, tr *i18n.Localizer) *plot.Figure { return Activations(activationsResult(v), true, tr) }},
		{"gradients", func(v float64, tr *i18n.Localizer) *plot.Figure { return Gradients(activationsResult(v), tr) }},
		{"initcompare", func(v float64, tr *i18n.Localizer) *plot.Figure { return InitCompare(initCompareResult(v), tr) }},
		{"batchnorm", func(v float64, tr *i18n.Localizer) *plot.Figure { return BatchNorm(batchNormResult(v), tr) }},
		{"symmetry", func(v float64, tr *i18n.Localizer) *plot.Figure { return Symmetry(symmetryResult(v), tr) }},
		{"overfit", func(v float64, tr *i18n.Localizer) *plot.Figure { return Overfit(overfitResult(v), tr) }},
		{"sweep", func(v float64, tr *i18n.Localizer) *plot.Figure { return Sweep(sweepResult(v), tr) }},
		{"kernel", func(v float64, tr *i18n.Localizer) *plot.Figure { return Kernel(kernelResult(v), tr) }},
	}
}

// divergedValues are what a diverged network leaves in a result, and a
// healthy value for comparison.
var divergedValues = []struct {
	name string
	v    float64
}{{"healthy", 0.5}, {"NaN", math.NaN()}, {"zero", 0}, {"+Inf", math.Inf(1)}, {"-Inf", math.Inf(-1)},
	{"huge", 1e300}, {"-max", -math.MaxFloat64}, {"denormal", 5e-324}}

func activationsResult(v float64) *experiment.ActivationsResult {
	cfg := experiment.BookActivationsConfig()
	cfg.Layers = 3
	r := &experiment.ActivationsResult{Experiment: "activations", Config: cfg}
	for _, act := range []string{"sigmoid", "relu"} {
		run := experiment.ActivationRun{Activation: act, Init: "std=1"}
		for l := range cfg.Layers {
			counts := []int{40, 10 * l, 0, 5}
			run.Layers = append(run.Layers, experiment.LayerStats{Mean: v, Std: v,
				Hist: experiment.Histogram{Lo: 0, Hi: 1, Counts: counts},
				Fit:  experiment.Histogram{Lo: -v, Hi: v, Counts: counts},
				Grad: &experiment.GradStats{Mean: v, Std: v, Norm: v, Hist: experiment.Histogram{Lo: -3 * v, Hi: 3 * v, Counts: counts}}})
		}
		r.Runs = append(r.Runs, run)
	}
	return r
}

func initCompareResult(v float64) *experiment.InitCompareResult {
	cfg := experiment.BookInitCompareConfig()
	cfg.Iterations, cfg.LR = 6, v
	r := &experiment.InitCompareResult{Experiment: "initcompare", Config: cfg}
	for i, name := range []string{"std=0.01", "he"} {
		acc := v
		loss := []float64{2.3, 1.5, v, v, v, v}
		r.Series = append(r.Series, experiment.LossSeries{Name: name, Loss: loss, Smoothed: loss,
			TestAccuracy: &acc, Diverged: i == 1, DivergedAt: 2})
	}
	return r
}

func batchNormResult(v float64) *experiment.BatchNormResult {
	cfg := experiment.BookBatchNormConfig()
	r := &experiment.BatchNormResult{Experiment: "batchnorm", Config: cfg}
	for _, s := range []float64{1, v, 0.01, 1e-4, v} {
		r.Panels = append(r.Panels, experiment.Panel{Sigma: s, BN: []float64{0.1, 0.5, v}, Plain: []float64{v, v, v},
			BNTrainMode: []float64{0.2, v, v}, BNDiverged: v != 0.5, PlainDiverged: true})
	}
	return r
}

func symmetryResult(v float64) *experiment.SymmetryResult {
	cfg := experiment.BookSymmetryConfig()
	cfg.Hidden, cfg.Iterations, cfg.LR = []int{4, 4}, 10, v
	r := &experiment.SymmetryResult{Experiment: "symmetry", Config: cfg}
	for _, init := range []string{"zero", "he"} {
		acc := v
		// A diverged network's weights are NaN: no two neurons compare
		// equal, and the experiment counts 0 distinct neurons.
		// 40 × 30 cells: more than the plot draws as rectangles, so the
		// heat map is a raster image.
		heat := &experiment.HeatMap{Rows: 40, Cols: 30}
		for k := range heat.Rows * heat.Cols {
			r, c := k/heat.Cols, k%heat.Cols // diagonal stripes: a flip shows
			heat.Values = append(heat.Values, []float64{v, -v, 0, 1, -0.5}[(r+c)%5])
		}
		run := experiment.SymmetryRun{Init: init, Iterations: []int{0, 5, 10}, Loss: []float64{2.3, v, v}, TestAccuracy: &acc, Heat: heat}
		for range cfg.Hidden {
			run.Layers = append(run.Layers, experiment.NeuronCounts{Distinct: []int{4, 0, 0}, Spread: []float64{v, v, v}})
		}
		r.Runs = append(r.Runs, run)
	}
	return r
}

func overfitResult(v float64) *experiment.OverfitResult {
	cfg := experiment.BookOverfitConfig()
	cfg.Epochs, cfg.LR = 3, v
	r := &experiment.OverfitResult{Experiment: "overfit", Config: cfg}
	for _, name := range cfg.Variants {
		r.Variants = append(r.Variants, experiment.OverfitHistory{Name: name, Epochs: []float64{0, 1, v},
			TrainAcc: []float64{0.3, v, v}, TestAcc: []float64{v, 0.2, v}, FinalGap: v, MaxTestAcc: v, Diverged: v != 0.5})
	}
	return r
}

func sweepResult(v float64) *experiment.SweepResult {
	cfg := experiment.BookSweepConfig()
	cfg.Sigmas, cfg.LearningRates = []float64{1, v, 0.01}, []float64{v, 0.1}
	r := &experiment.SweepResult{Experiment: "sweep", Config: cfg, Sigmas: cfg.Sigmas, LearningRates: cfg.LearningRates}
	for i := range cfg.Sigmas {
		r.BN = append(r.BN, []float64{v, 0.9 - 0.3*float64(i)})
		r.Plain = append(r.Plain, []float64{v, v})
		r.BNDiverged = append(r.BNDiverged, []bool{v != 0.5, false})
		r.PlainDiverged = append(r.PlainDiverged, []bool{true, true})
	}
	return r
}

func kernelResult(v float64) *kernelbench.Result {
	r := &kernelbench.Result{Experiment: "kernel", CPU: "test CPU", Cores: 2,
		Config: kernelbench.Config{Sizes: []int{0, 64, 128}, Paths: []string{"avx2", "generic"}},
		Peaks:  map[string]kernel.Peak{"avx2": {Float32: v, Float64: 40}}}
	for _, path := range r.Config.Paths {
		for _, n := range r.Config.Sizes {
			for _, dt := range []string{"float32", "float64"} {
				r.Points = append(r.Points, kernelbench.Point{Path: path, DType: dt, Workers: 1, N: n, GFLOPS: v, OfPeak: v},
					kernelbench.Point{Path: path, DType: dt, Workers: 2, N: n, GFLOPS: 10, OfPeak: v})
			}
		}
	}
	return r
}

// Every figure draws a diverged result (NaN, 0, ±Inf where numbers were
// measured) in every format: no panic, and a file with something in it.
func TestDivergedResultsDraw(t *testing.T) {
	tr := i18n.For(i18n.English)
	for _, fc := range everyFigure() {
		for _, dv := range divergedValues {
			for _, format := range plot.Formats() {
				t.Run(fmt.Sprintf("%s/%s/%s", fc.name, dv.name, format), func(t *testing.T) {
					b, err := writeFigure(fc.build(dv.v, tr), format)
					if err != nil {
						t.Fatal(err)
					}
					if len(b) < 500 {
						t.Errorf("%d bytes", len(b))
					}
				})
			}
		}
	}
}

// writeFigure writes f in format (PNG at 72 dpi), turning a panic into
// an error.
func writeFigure(f *plot.Figure, format plot.Format) ([]byte, error) {
	return writeFigureAt(f, format, 72)
}

// writeFigureAt writes f in format (PNG at dpi), turning a panic into an
// error.
func writeFigureAt(f *plot.Figure, format plot.Format, dpi int) (b []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	var buf bytes.Buffer
	if err := f.Write(&buf, format, dpi); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Every figure draws an empty result (nothing run yet, no sizes, no
// layers), in every format.
func TestEmptyResultsDraw(t *testing.T) {
	tr := i18n.For(i18n.English)
	for _, tc := range []struct {
		name string
		fig  *plot.Figure
	}{
		{"activations", Activations(&experiment.ActivationsResult{}, false, tr)},
		{"gradients", Gradients(&experiment.ActivationsResult{}, tr)},
		{"initcompare", InitCompare(&experiment.InitCompareResult{}, tr)},
		{"batchnorm", BatchNorm(&experiment.BatchNormResult{}, tr)},
		{"symmetry", Symmetry(&experiment.SymmetryResult{}, tr)},
		{"overfit", Overfit(&experiment.OverfitResult{}, tr)},
		{"sweep", Sweep(&experiment.SweepResult{}, tr)},
		{"sweep-without-marks", Sweep(func() *experiment.SweepResult { r := sweepResult(0.5); r.BNDiverged = nil; return r }(), tr)},
		{"kernel", Kernel(&kernelbench.Result{}, tr)},
	} {
		for _, format := range plot.Formats() {
			t.Run(tc.name+"/"+string(format), func(t *testing.T) {
				b, err := writeFigure(tc.fig, format)
				if err != nil {
					t.Fatal(err)
				}
				if len(b) < 200 {
					t.Errorf("%d bytes", len(b))
				}
			})
		}
	}
}

// Before the first run the lab draws each experiment's empty result (the
// book's setup, nothing recorded): its figure shows the setup's axes and
// says "Run to draw". A result with data says nothing of the kind.
func TestEmptyResultsSayRunToDraw(t *testing.T) {
	tr := i18n.For(i18n.English)
	stand := &mnist.Data{Train: mnist.Set{N: 60000}, Test: mnist.Set{N: 10000}}
	for _, name := range []string{"activations", "initcompare", "batchnorm", "symmetry", "overfit", "sweep"} {
		t.Run(name, func(t *testing.T) {
			d, err := experiment.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := d.NewPartial(d.WithData(d.Book(), stand))
			if err != nil {
				t.Fatal(err)
			}
			fig, err := Figure(d.Name, p.Typed(), Options{}, tr)
			if err != nil {
				t.Fatal(err)
			}
			if fig.Placeholder != tr.T("fig.empty") {
				t.Errorf("placeholder %q, want %q", fig.Placeholder, tr.T("fig.empty"))
			}
			if len(fig.Panels) == 0 {
				t.Error("no axes: the empty figure shows nothing of the setup")
			}
		})
	}
	for _, fc := range everyFigure() {
		if fig := fc.build(0.5, tr); fig.Placeholder != "" {
			t.Errorf("%s with data says %q", fc.name, fig.Placeholder)
		}
	}
	if fig := Kernel(&kernelbench.Result{Config: kernelbench.DefaultConfig()}, tr); fig.Placeholder == "" {
		t.Error("kernel: an empty measurement has no placeholder")
	}
}

// No figure leaves a cell of its grid empty, and legends name things in
// words, not identifiers ("weight decay λ = 0.1", not "weight_decay").
func TestFiguresFillTheirGridAndUseWords(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.English, i18n.Japanese} {
		tr := i18n.For(lang)
		for _, fc := range everyFigure() {
			fig := fc.build(0.5, tr)
			names := []string{}
			for _, s := range fig.Legend {
				names = append(names, s.Name)
			}
			for i, p := range fig.Panels {
				if p == nil {
					t.Errorf("%s/%s: cell %d of the grid is empty", lang, fc.name, i)
					continue
				}
				for _, s := range p.Series {
					names = append(names, s.Name)
				}
			}
			for _, n := range names {
				if strings.Contains(n, "_") || strings.Contains(n, "%!") {
					t.Errorf("%s/%s: legend entry %q", lang, fc.name, n)
				}
			}
		}
	}
}
