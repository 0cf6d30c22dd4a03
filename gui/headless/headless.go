// Package headless is the lab's command-line mode: it runs one experiment
// without opening a window and writes its JSON, CSV and PNG files.
package headless

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"zerokara/gui/plot"
	"zerokara/gui/report"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// Experiments lists the names -run accepts.
func Experiments() []string { return []string{"activations", "initcompare", "batchnorm"} }

// options are the parsed command-line flags.
type options struct {
	run, out, data, dtype      string
	seed                       uint64
	workers                    int
	iterations, batch, points  int
	samples                    int
	lr                         float64
	optimizer, inits, acts     string
	sigmas                     string
	gradients, fit             bool
	runningVarOne, trainModeAc bool
	cpuProfile                 string
}

// Main runs the command line args (without the program name) and returns
// the exit status: 0 on success, 2 for bad usage, 1 for a failed run.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("zerokara", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.run, "run", "", "experiment to run headless: "+strings.Join(Experiments(), ", "))
	fs.StringVar(&o.out, "out", ".", "directory for <experiment>.json, .csv and .png")
	fs.StringVar(&o.data, "data", "", "directory with the four MNIST (or Fashion-MNIST) IDX files; default: testdata/mnist of the checkout, then the user cache directory")
	fs.StringVar(&o.dtype, "dtype", "float32", "element type: float32 or float64 (the book's arithmetic)")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed; the same seed and dtype give the same results")
	fs.IntVar(&o.workers, "workers", 0, "parallel trainings (0: one per CPU); results do not depend on it")
	fs.IntVar(&o.iterations, "iterations", 0, "initcompare: training iterations (book: 2000)")
	fs.IntVar(&o.batch, "batch", 0, "initcompare, batchnorm: batch size (book: 128, 100)")
	fs.IntVar(&o.points, "points", 0, "batchnorm: accuracies recorded per network (book: 20)")
	fs.IntVar(&o.samples, "samples", 0, "activations: inputs (book: 1000); batchnorm: training images used (book: 1000)")
	fs.Float64Var(&o.lr, "lr", 0, "initcompare, batchnorm: learning rate (book: 0.01)")
	fs.StringVar(&o.optimizer, "optimizer", "", "initcompare, batchnorm: "+strings.Join(net.OptimizerNames(), ", ")+" (book: sgd)")
	fs.StringVar(&o.inits, "inits", "", "activations, initcompare: comma-separated initializers: std=σ, xavier, glorot, he, zero, const=C")
	fs.StringVar(&o.acts, "activations", "", "activations: comma-separated sigmoid, relu, tanh; initcompare: the one hidden activation")
	fs.StringVar(&o.sigmas, "sigmas", "", "batchnorm: comma-separated initial weight scales (book: 16 from 1 to 1e-4)")
	fs.BoolVar(&o.gradients, "gradients", false, "activations: also record per-layer gradients; initcompare: record ‖dW‖ of every layer every 10 iterations (JSON grad_norms)")
	fs.BoolVar(&o.fit, "fit", false, "activations: histograms over each activation's range instead of the book's [0, 1]")
	fs.BoolVar(&o.runningVarOne, "running-var-one", false, "batchnorm: start BN's running variance at 1 instead of the book's 0")
	fs.BoolVar(&o.trainModeAc, "train-mode-accuracy", false, "batchnorm: also record BN accuracy with batch statistics")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: go run ./gui -run %s [flags]\n\nRuns an experiment of Deep Learning from Scratch §6.2–6.3 without a window and writes\nDIR/<experiment>.json, .csv and .png. Zero or empty flags take the book's values.\n\n", strings.Join(Experiments(), "|"))
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
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

// Result is what every experiment result offers the writers: JSON (by
// encoding/json) and CSV.
type Result interface {
	WriteCSV(io.Writer) error
}

func run(ctx context.Context, o options, stderr io.Writer) ([]string, error) {
	prog := newProgress(o.run, stderr)
	var (
		res    Result
		figure *plot.Figure
		err    error
	)
	switch o.run {
	case "activations":
		cfg, cerr := activationsConfig(o)
		if cerr != nil {
			return nil, usageError{cerr}
		}
		r, rerr := experiment.Activations(ctx, cfg, prog.event)
		res, err = r, rerr
		if err == nil {
			figure = report.Activations(r, o.fit)
		}
	case "initcompare", "batchnorm":
		data, derr := FindMNIST(o.data)
		if derr != nil {
			return nil, derr
		}
		if o.run == "initcompare" {
			cfg, cerr := initCompareConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.InitCompare(ctx, cfg, prog.event)
			res, err = r, rerr
			if err == nil {
				figure = report.InitCompare(r)
			}
		} else {
			cfg, cerr := batchNormConfig(o, data)
			if cerr != nil {
				return nil, usageError{cerr}
			}
			r, rerr := experiment.BatchNorm(ctx, cfg, prog.event)
			res, err = r, rerr
			if err == nil {
				figure = report.BatchNorm(r)
			}
		}
	default:
		return nil, usageError{fmt.Errorf("unknown experiment %q (want %s)", o.run, strings.Join(Experiments(), ", "))}
	}
	prog.finish()
	if err != nil {
		return nil, err
	}
	return WriteResults(o.out, o.run, res, figure)
}

// WriteResults writes dir/name.json, .csv and .png, each to a temporary
// name first and renamed only when complete, so no partial file ever looks
// finished. It returns the paths written.
func WriteResults(dir, name string, res Result, figure *plot.Figure) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	writers := []struct {
		ext   string
		write func(io.Writer) error
	}{
		{".json", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", " ")
			return enc.Encode(res)
		}},
		{".csv", res.WriteCSV},
		{".png", figure.WritePNG},
	}
	var files []string
	for _, wr := range writers {
		path := filepath.Join(dir, name+wr.ext)
		if err := writeAtomic(path, wr.write); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// CreateTemp makes the file private (0600); results are ordinary files.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// FindMNIST loads MNIST from dir, or from the directory LocateMNIST finds.
func FindMNIST(dir string) (*mnist.Data, error) {
	if dir != "" {
		return mnist.Load(dir)
	}
	found, err := LocateMNIST()
	if err != nil {
		return nil, err
	}
	return mnist.Load(found)
}

// LocateMNIST finds a directory holding the MNIST training images without
// loading it: testdata/mnist in the current directory or a parent (a
// checkout), then CacheDir().
func LocateMNIST() (string, error) {
	var tried []string
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			cand := filepath.Join(d, "testdata", "mnist")
			tried = append(tried, cand)
			if _, err := os.Stat(filepath.Join(cand, mnist.TrainImages)); err == nil {
				return cand, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if cand, err := CacheDir(); err == nil {
		tried = append(tried, cand)
		if _, err := os.Stat(filepath.Join(cand, mnist.TrainImages)); err == nil {
			return cand, nil
		}
	}
	return "", fmt.Errorf("MNIST not found (looked in %s); pass -data DIR with %s, %s, %s and %s",
		strings.Join(tried, ", "), mnist.TrainImages, mnist.TrainLabels, mnist.TestImages, mnist.TestLabels)
}

// CacheDir is where the lab downloads MNIST: the user cache directory's
// zerokara/mnist.
func CacheDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cache, "zerokara", "mnist"), nil
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

func activationsConfig(o options) (experiment.ActivationsConfig, error) {
	cfg := experiment.ActivationsConfig{Samples: o.samples, Inits: splitList(o.inits), Gradients: o.gradients,
		Seed: o.seed, DType: experiment.DType(o.dtype), Workers: o.workers}
	for _, a := range splitList(o.acts) {
		act, err := net.ParseActivation(a)
		if err != nil {
			return cfg, err
		}
		cfg.Activations = append(cfg.Activations, act)
	}
	return cfg, checkCommon(o)
}

func initCompareConfig(o options, data *mnist.Data) (experiment.InitCompareConfig, error) {
	cfg := experiment.InitCompareConfig{Inits: splitList(o.inits), Optimizer: o.optimizer, LR: o.lr, Batch: o.batch,
		Iterations: o.iterations, GradNorms: o.gradients, Seed: o.seed, DType: experiment.DType(o.dtype), Workers: o.workers, Data: data}
	if acts := splitList(o.acts); len(acts) > 1 {
		return cfg, errors.New("initcompare takes one -activations value")
	} else if len(acts) == 1 {
		act, err := net.ParseActivation(acts[0])
		if err != nil {
			return cfg, err
		}
		cfg.Activation = act
	}
	return cfg, checkCommon(o)
}

func batchNormConfig(o options, data *mnist.Data) (experiment.BatchNormConfig, error) {
	cfg := experiment.BatchNormConfig{Samples: o.samples, Points: o.points, Batch: o.batch, Optimizer: o.optimizer, LR: o.lr,
		BN: net.BatchNormOptions{RunningVarOne: o.runningVarOne}, TrainModeAccuracy: o.trainModeAc,
		Seed: o.seed, DType: experiment.DType(o.dtype), Workers: o.workers, Data: data}
	for _, s := range splitList(o.sigmas) {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return cfg, fmt.Errorf("bad -sigmas value %q", s)
		}
		cfg.Sigmas = append(cfg.Sigmas, v)
	}
	return cfg, checkCommon(o)
}

// checkCommon rejects flag values that are wrong whatever the experiment:
// negative numbers (which the configs would take as "use the default"),
// unknown dtypes, initializers and optimizers.
func checkCommon(o options) error {
	for name, v := range map[string]int{"-workers": o.workers, "-iterations": o.iterations, "-batch": o.batch, "-points": o.points, "-samples": o.samples} {
		if v < 0 {
			return fmt.Errorf("%s must not be negative (got %d)", name, v)
		}
	}
	if o.lr < 0 {
		return fmt.Errorf("-lr must not be negative (got %g)", o.lr)
	}
	if o.dtype != string(experiment.Float32) && o.dtype != string(experiment.Float64) {
		return fmt.Errorf("-dtype %q: want float32 or float64", o.dtype)
	}
	for _, s := range splitList(o.inits) {
		if _, err := net.ParseInit(s); err != nil {
			return err
		}
	}
	if o.optimizer != "" {
		if _, err := net.NewOptimizer[float32](o.optimizer, 0); err != nil {
			return err
		}
	}
	return nil
}
