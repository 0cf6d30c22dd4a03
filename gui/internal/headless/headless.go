// Package headless is the lab's command-line mode: it runs one experiment
// without opening a window and writes its JSON, CSV and PNG files.
package headless

import (
	"context"
	"encoding"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"zerokara/gui/internal/datasource"
	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/gui/internal/textlist"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// Experiments lists the names -run accepts.
func Experiments() []string {
	return []string{"activations", "initcompare", "batchnorm", "symmetry", "overfit", "sweep"}
}

// options are the parsed command-line flags. Only the flags given on the
// command line (set) change an experiment's config, which starts from the
// book's setup.
type options struct {
	run, out, data             string
	dtype                      experiment.DType
	seed                       uint64
	workers                    int
	iterations, batch, points  int
	every, samples             int
	lr                         float64
	optimizer                  net.OptimizerName
	inits, acts                string
	sigmas                     string
	gradients, fit             bool
	runningVarOne, trainModeAc bool
	cpuProfile                 string
	epochs                     int
	weightDecay, dropout       float64
	variants, lrs              string
	formats                    []plot.Format
	dpi                        int
	lang                       i18n.Lang
	set                        map[string]bool
}

// Main runs the command line args (without the program name) and returns
// the exit status: 0 on success, 2 for bad usage, 1 for a failed run.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zerokara", flag.ContinueOnError)
	fs.SetOutput(stderr)
	act, ic, bn := experiment.BookActivationsConfig(), experiment.BookInitCompareConfig(), experiment.BookBatchNormConfig()
	sym, of, sw := experiment.BookSymmetryConfig(), experiment.BookOverfitConfig(), experiment.BookSweepConfig()
	o := options{dtype: act.DType, optimizer: ic.Optimizer}
	fs.StringVar(&o.run, "run", "", "experiment to run headless: "+strings.Join(Experiments(), ", "))
	fs.StringVar(&o.out, "out", ".", "directory for <experiment>.json, .csv and .png")
	fs.StringVar(&o.data, "data", "", "directory with the four MNIST (or Fashion-MNIST) IDX files; default: testdata/mnist of the checkout, then the user cache directory")
	fs.TextVar(&o.dtype, "dtype", act.DType, "element type: float32 or float64 (the book's arithmetic)")
	fs.Uint64Var(&o.seed, "seed", act.Seed, "random seed; the same seed and dtype give the same results")
	fs.IntVar(&o.workers, "workers", 0, "parallel trainings (0: one per CPU); results do not depend on it")
	fs.IntVar(&o.iterations, "iterations", 0, fmt.Sprintf("initcompare, symmetry: training iterations (book: %d); sweep: updates per network (%d)", ic.Iterations, sw.Steps))
	fs.IntVar(&o.batch, "batch", 0, fmt.Sprintf("initcompare, batchnorm: batch size (book: %d, %d)", ic.Batch, bn.Batch))
	fs.IntVar(&o.points, "points", 0, fmt.Sprintf("batchnorm: accuracies recorded per network (book: %d)", bn.Points))
	fs.IntVar(&o.every, "every", 0, fmt.Sprintf("batchnorm: training steps between recorded accuracies (book: %d, one epoch; default samples/batch); symmetry: updates between points (%d)", bn.Every, sym.Every))
	fs.IntVar(&o.samples, "samples", 0, fmt.Sprintf("activations: inputs (book: %d); batchnorm: training images used (book: %d); overfit: training images (book: %d)", act.Samples, bn.Samples, of.Samples))
	fs.Float64Var(&o.lr, "lr", 0, fmt.Sprintf("initcompare, batchnorm: learning rate, 0 allowed (book: %g, %g)", ic.LR, bn.LR))
	fs.TextVar(&o.optimizer, "optimizer", ic.Optimizer, "initcompare, batchnorm: "+textlist.Format(net.OptimizerNames()))
	fs.StringVar(&o.inits, "inits", "", "comma-separated initializers: std=σ, xavier, glorot, he, zero, const=C (book: activations "+textlist.Format(act.Inits)+"; initcompare "+textlist.Format(ic.Inits)+"; symmetry "+textlist.Format(sym.Inits)+")")
	fs.StringVar(&o.acts, "activations", "", "activations: comma-separated "+textlist.Format(net.Activations())+" (book: "+textlist.Format(act.Activations)+"); initcompare: the one hidden activation (book: "+string(ic.Activation)+")")
	fs.IntVar(&o.epochs, "epochs", 0, fmt.Sprintf("overfit: epochs (points) of every variant (book: %d, dropout %d)", of.Epochs, of.DropoutEpochs))
	fs.Float64Var(&o.weightDecay, "weight-decay", 0, fmt.Sprintf("overfit: λ of the weight_decay variant (book: %g)", of.WeightDecay))
	fs.Float64Var(&o.dropout, "dropout", 0, fmt.Sprintf("overfit: drop ratio of the dropout variant (book: %g)", of.DropoutRatio))
	fs.StringVar(&o.variants, "variants", "", "overfit: comma-separated plain, weight_decay, dropout, batchnorm (default: all)")
	fs.StringVar(&o.lrs, "learning-rates", "", fmt.Sprintf("sweep: comma-separated learning rates (default: %d from %g to %g)", len(sw.LearningRates), sw.LearningRates[0], sw.LearningRates[len(sw.LearningRates)-1]))
	fs.StringVar(&o.sigmas, "sigmas", "", fmt.Sprintf("batchnorm, sweep: comma-separated initial weight scales (book: %d from %g to %g)", len(bn.Sigmas), bn.Sigmas[0], bn.Sigmas[len(bn.Sigmas)-1]))
	fs.BoolVar(&o.gradients, "gradients", false, fmt.Sprintf("activations: also record per-layer gradients; initcompare: record ‖dW‖ of every layer every %d iterations (JSON grad_norms)", ic.GradEvery))
	fs.BoolVar(&o.fit, "fit", false, "activations: histograms over each activation's range instead of the book's [0, 1]")
	fs.BoolVar(&o.runningVarOne, "running-var-one", false, "batchnorm: start BN's running variance at 1 instead of the book's 0")
	fs.BoolVar(&o.trainModeAc, "train-mode-accuracy", false, "batchnorm: also record BN accuracy with batch statistics")
	fs.Func("format", "figure formats, comma-separated: png, svg, pdf (default png)", func(v string) (err error) {
		o.formats, err = plot.ParseFormats(v)
		return err
	})
	o.lang = i18n.English
	fs.Func("lang", "language of the PNG and SVG figures: en or ja (PDF figures are always English; ja needs a Japanese .ttf font, e.g. Debian's fonts-ipafont-gothic)", func(v string) (err error) {
		o.lang, err = i18n.ParseLang(v)
		return err
	})
	fs.IntVar(&o.dpi, "dpi", plot.DefaultDPI, "PNG resolution; the figure's size in points is fixed, so 144 is twice 72 dpi")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./gui -run %s [flags]\n\nRuns an experiment of Deep Learning from Scratch §6.2–6.4 without a window and writes\nDIR/<experiment>.json, .csv and .png. Flags not given keep the book's values.\n\n", strings.Join(Experiments(), "|"))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if o.dpi < 18 || o.dpi > 1200 {
		fmt.Fprintf(stderr, "zerokara: -dpi %d outside [18, 1200]\n", o.dpi)
		return 2
	}
	if o.formats == nil {
		o.formats = []plot.Format{plot.PNG}
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "zerokara: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if o.run == "" {
		fmt.Fprintln(stderr, "zerokara: the desktop window is not built yet; run an experiment headless with -run (see -h)")
		return 2
	}
	start := time.Now()
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "zerokara: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "zerokara: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	files, err := run(ctx, o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "zerokara: %v\n", err)
		var usage usageError
		if errors.As(err, &usage) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s: wrote %s in %.2f s\n", o.run, strings.Join(files, ", "), time.Since(start).Seconds())
	return 0
}

// usageError marks errors in the flags (exit status 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

func run(ctx context.Context, o options, stderr io.Writer) ([]string, error) {
	prog := newProgress(o.run, stderr)
	var (
		res    results.Result
		figure results.Figure
		err    error
	)
	switch o.run {
	case "activations":
		cfg, cerr := activationsConfig(o)
		if cerr != nil {
			return nil, usageError{cerr}
		}
		r, rerr := experiment.Activations(ctx, cfg, progressOf[experiment.ActivationsEvent](prog))
		res, err = r, rerr
		if err == nil {
			figure = func(tr *i18n.Localizer) *plot.Figure { return report.Activations(r, o.fit, tr) }
		}
	case "initcompare", "batchnorm", "symmetry", "overfit", "sweep":
		train, test := dataNeeded(o)
		data, derr := datasource.New(o.data).LoadFirst(train, test)
		if derr != nil {
			return nil, derr
		}
		if o.run == "sweep" {
			cfg, cerr := sweepConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.Sweep(ctx, cfg, progressOf[experiment.SweepEvent](prog))
			res, err = r, rerr
			if err == nil {
				figure = func(tr *i18n.Localizer) *plot.Figure { return report.Sweep(r, tr) }
			}
		} else if o.run == "overfit" {
			cfg, cerr := overfitConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.Overfit(ctx, cfg, progressOf[experiment.OverfitEvent](prog))
			res, err = r, rerr
			if err == nil {
				figure = func(tr *i18n.Localizer) *plot.Figure { return report.Overfit(r, tr) }
			}
		} else if o.run == "symmetry" {
			cfg, cerr := symmetryConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.Symmetry(ctx, cfg, progressOf[experiment.SymmetryEvent](prog))
			res, err = r, rerr
			if err == nil {
				figure = func(tr *i18n.Localizer) *plot.Figure { return report.Symmetry(r, tr) }
			}
		} else if o.run == "initcompare" {
			cfg, cerr := initCompareConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.InitCompare(ctx, cfg, progressOf[experiment.InitCompareEvent](prog))
			res, err = r, rerr
			if err == nil {
				figure = func(tr *i18n.Localizer) *plot.Figure { return report.InitCompare(r, tr) }
			}
		} else {
			cfg, cerr := batchNormConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.BatchNorm(ctx, cfg, progressOf[experiment.BatchNormEvent](prog))
			res, err = r, rerr
			if err == nil {
				figure = func(tr *i18n.Localizer) *plot.Figure { return report.BatchNorm(r, tr) }
			}
		}
	default:
		return nil, usageError{fmt.Errorf("unknown experiment %q (want %s)", o.run, strings.Join(Experiments(), ", "))}
	}
	prog.finish()
	if err != nil {
		return nil, err
	}
	tr, err := report.Localizer(o.lang)
	if err != nil {
		fmt.Fprintf(stderr, "zerokara: -lang %s: figures in English: %v\n", o.lang, err)
	}
	return results.Write(o.out, o.run, res, figure, tr, o.formats, o.dpi)
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// listFlag reads a comma-separated flag value of typed values.
func listFlag[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](name, s string) ([]T, error) {
	v, err := textlist.Parse[T, P](s)
	if err != nil {
		return nil, fmt.Errorf("-%s: %w", name, err)
	}
	return v, nil
}

// setInt copies a given integer flag into the config.
func (o options) setInt(name string, v int, dst *int) {
	if o.set[name] {
		*dst = v
	}
}

func activationsConfig(o options) (experiment.ActivationsConfig, error) {
	cfg := experiment.BookActivationsConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	o.setInt("samples", o.samples, &cfg.Samples)
	o.setInt("workers", o.workers, &cfg.Workers)
	cfg.Gradients, cfg.Seed, cfg.DType = o.gradients, o.seed, o.dtype
	var err error
	if o.set["inits"] {
		if cfg.Inits, err = listFlag[net.Init]("inits", o.inits); err != nil {
			return cfg, err
		}
	}
	if o.set["activations"] {
		if cfg.Activations, err = listFlag[net.Activation]("activations", o.acts); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func initCompareConfig(o options, data *mnist.Data) (experiment.InitCompareConfig, error) {
	cfg := experiment.BookInitCompareConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	cfg.Data, cfg.GradNorms, cfg.Seed, cfg.DType, cfg.Optimizer = data, o.gradients, o.seed, o.dtype, o.optimizer
	o.setInt("iterations", o.iterations, &cfg.Iterations)
	o.setInt("batch", o.batch, &cfg.Batch)
	o.setInt("workers", o.workers, &cfg.Workers)
	if o.set["lr"] {
		cfg.LR = o.lr
	}
	var err error
	if o.set["inits"] {
		if cfg.Inits, err = listFlag[net.Init]("inits", o.inits); err != nil {
			return cfg, err
		}
	}
	if o.set["activations"] {
		acts, err := listFlag[net.Activation]("activations", o.acts)
		if err != nil {
			return cfg, err
		}
		if len(acts) > 1 {
			return cfg, errors.New("initcompare takes one -activations value")
		}
		cfg.Activation = acts[0]
	}
	return cfg, nil
}

func sweepConfig(o options, data *mnist.Data) (experiment.SweepConfig, error) {
	cfg := experiment.BookSweepConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	cfg.Data, cfg.Seed, cfg.DType, cfg.Optimizer = data, o.seed, o.dtype, o.optimizer
	cfg.BN.RunningVarOne = o.runningVarOne
	o.setInt("samples", o.samples, &cfg.Samples)
	o.setInt("batch", o.batch, &cfg.Batch)
	o.setInt("iterations", o.iterations, &cfg.Steps)
	o.setInt("workers", o.workers, &cfg.Workers)
	var err error
	if o.set["sigmas"] {
		if cfg.Sigmas, err = floatFlag("sigmas", o.sigmas); err != nil {
			return cfg, err
		}
	}
	if o.set["learning-rates"] {
		if cfg.LearningRates, err = floatFlag("learning-rates", o.lrs); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// floatFlag reads a comma-separated list of numbers.
func floatFlag(name, s string) ([]float64, error) {
	var out []float64
	for _, f := range splitList(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, fmt.Errorf("bad -%s value %q", name, f)
		}
		out = append(out, v)
	}
	return out, nil
}

func overfitConfig(o options, data *mnist.Data) (experiment.OverfitConfig, error) {
	cfg := experiment.BookOverfitConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	cfg.Data, cfg.Seed, cfg.DType, cfg.Optimizer = data, o.seed, o.dtype, o.optimizer
	o.setInt("samples", o.samples, &cfg.Samples)
	o.setInt("batch", o.batch, &cfg.Batch)
	o.setInt("epochs", o.epochs, &cfg.Epochs)
	o.setInt("epochs", o.epochs, &cfg.DropoutEpochs)
	o.setInt("workers", o.workers, &cfg.Workers)
	if o.set["lr"] {
		cfg.LR = o.lr
	}
	if o.set["weight-decay"] {
		cfg.WeightDecay = o.weightDecay
	}
	if o.set["dropout"] {
		cfg.DropoutRatio = o.dropout
	}
	if o.set["variants"] {
		var err error
		if cfg.Variants, err = listFlag[experiment.OverfitVariant]("variants", o.variants); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func symmetryConfig(o options, data *mnist.Data) (experiment.SymmetryConfig, error) {
	cfg := experiment.BookSymmetryConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	cfg.Data, cfg.Seed, cfg.DType, cfg.Optimizer = data, o.seed, o.dtype, o.optimizer
	o.setInt("iterations", o.iterations, &cfg.Iterations)
	o.setInt("batch", o.batch, &cfg.Batch)
	o.setInt("every", o.every, &cfg.Every)
	o.setInt("workers", o.workers, &cfg.Workers)
	if o.set["lr"] {
		cfg.LR = o.lr
	}
	if o.set["inits"] {
		var err error
		if cfg.Inits, err = listFlag[net.Init]("inits", o.inits); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

func batchNormConfig(o options, data *mnist.Data) (experiment.BatchNormConfig, error) {
	cfg := experiment.BookBatchNormConfig()
	if err := checkCommon(o); err != nil {
		return cfg, err
	}
	cfg.Data, cfg.Seed, cfg.DType, cfg.Optimizer = data, o.seed, o.dtype, o.optimizer
	cfg.BN.RunningVarOne, cfg.TrainModeAccuracy = o.runningVarOne, o.trainModeAc
	o.setInt("samples", o.samples, &cfg.Samples)
	o.setInt("batch", o.batch, &cfg.Batch)
	o.setInt("points", o.points, &cfg.Points)
	o.setInt("workers", o.workers, &cfg.Workers)
	if o.set["every"] {
		cfg.Every = o.every
	} else if o.set["samples"] || o.set["batch"] {
		cfg.Every = max(1, cfg.Samples/max(1, cfg.Batch)) // one epoch, as the book
	}
	if o.set["lr"] {
		cfg.LR = o.lr
	}
	if o.set["sigmas"] {
		var err error
		if cfg.Sigmas, err = floatFlag("sigmas", o.sigmas); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// dataNeeded returns how many training and test images run o reads (−1:
// all): the BN experiment and the sweep use the first Samples training
// images and no test set, the overfitting run the first Samples and the
// whole test set, the others all of both. Samples is the config's own,
// flags applied (a config error is reported once the data is loaded).
func dataNeeded(o options) (train, test int) {
	prefix := func(samples int) int {
		if samples < 1 {
			return -1 // all: the config's check then names the real range
		}
		return samples
	}
	switch o.run {
	case "batchnorm":
		cfg, _ := batchNormConfig(o, nil)
		return prefix(cfg.Samples), 0
	case "sweep":
		cfg, _ := sweepConfig(o, nil)
		return prefix(cfg.Samples), 0
	case "overfit":
		cfg, _ := overfitConfig(o, nil)
		return prefix(cfg.Samples), -1
	}
	return -1, -1
}

// checkCommon rejects negative counts, which no experiment accepts.
func checkCommon(o options) error {
	for name, v := range map[string]int{"-workers": o.workers, "-iterations": o.iterations, "-batch": o.batch, "-points": o.points, "-samples": o.samples, "-every": o.every, "-epochs": o.epochs} {
		if v < 0 {
			return fmt.Errorf("%s must not be negative (got %d)", name, v)
		}
	}
	if o.lr < 0 {
		return fmt.Errorf("-lr must not be negative (got %g)", o.lr)
	}
	if o.weightDecay < 0 || !(o.dropout >= 0 && o.dropout < 1) {
		return fmt.Errorf("-weight-decay %g must be ≥ 0 and -dropout %g in [0, 1)", o.weightDecay, o.dropout)
	}
	return nil
}
