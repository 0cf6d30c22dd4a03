// Package headless is the lab's command-line mode: it runs one experiment
// without opening a window and writes its result set (JSON with a run
// manifest, CSV and figures). Its flags come from the experiment's
// description (experiment.Description): one flag per setting, with the
// book's default and the allowed range in -run NAME -h.
package headless

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"zerokara/gui/internal/datasource"
	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/net/experiment"
)

// Experiments lists the names -run accepts.
func Experiments() []string { return experiment.Names() }

// options are the flags every experiment shares.
type options struct {
	out, data, config, cpuProfile string
	formats                       []plot.Format
	dpi                           int
	lang                          i18n.Lang
	budget                        int64
	figure                        report.Options
	help                          bool // -h was given: Usage prints the flags
	dryRun                        bool
	// settings are the experiment's flags in command-line order: key and
	// the text given.
	settings [][2]string
}

// usageError marks errors in the command line (exit status 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// Main runs the command line args (without the program name) and returns
// the exit status: 0 on success, 2 for bad usage, 1 for a failed run. A
// panic in the run is reported as one line and status 1.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "zerokara: internal error: %v\n", p)
			code = 1
		}
	}()
	name, ok := runName(args)
	if !ok {
		return overview(args, stderr)
	}
	d, err := experiment.Lookup(name)
	if err != nil {
		fmt.Fprintf(stderr, "zerokara: %v\n", err)
		return 2
	}
	fs, o := newFlags(d, stderr)
	o.help = helpAsked(args)
	if !o.help {
		fs.SetOutput(io.Discard) // the one line below says what is wrong
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if flagName, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -"); ok {
			fmt.Fprintf(stderr, "zerokara: -%s does not apply to %s%s; `-run %s -h` lists its flags\n", flagName, name, elsewhere(flagName), name)
		} else {
			fmt.Fprintf(stderr, "zerokara: %v\n", err)
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "zerokara: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if o.out == "" {
		o.out = filepath.Join("results", name)
	}
	start := time.Now()
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "zerokara: -cpuprofile: %v\n", err)
			return 1
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	if o.dryRun {
		cfg, err := config(d, o)
		if err == nil {
			var b []byte
			if b, err = d.EncodeConfig(cfg); err == nil {
				_, err = stdout.Write(b)
				fmt.Fprintf(stderr, "%s: estimated memory %.0f MiB (budget %.0f MiB)\n", d.Name, float64(d.Memory(cfg))/(1<<20), float64(o.budget)/(1<<20))
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "zerokara: %v\n", err)
			return 2
		}
		return 0
	}
	files, err := run(ctx, d, o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "zerokara: %v\n", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s: wrote %s in %.2f s\n", name, strings.Join(files, ", "), time.Since(start).Seconds())
	return 0
}

// runName finds -run NAME (or -run=NAME) among args.
func runName(args []string) (string, bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if v, ok := strings.CutPrefix(a, "run="); ok {
			return v, true
		}
		if a == "run" && i+1 < len(args) {
			return args[i+1], true
		}
	}
	return "", false
}

// helpAsked reports whether args ask for help.
func helpAsked(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--h", "--help":
			return true
		}
	}
	return false
}

// overview handles a command line without -run: help lists the
// experiments, anything else is a usage error.
func overview(args []string, stderr io.Writer) int {
	if !helpAsked(args) {
		fmt.Fprintln(stderr, "zerokara: -run NAME runs an experiment headless; -h lists them")
		return 2
	}
	fmt.Fprintln(stderr, "Usage: zerokara -run NAME [flags]   (without -run: the desktop window)")
	fmt.Fprintln(stderr, "\nRuns an experiment of Deep Learning from Scratch chapter 6 without a window and writes")
	fmt.Fprintln(stderr, "its result set (NAME.json with a run manifest, NAME.csv, figures) into -out DIR")
	fmt.Fprintln(stderr, "(default results/NAME). Experiments:")
	for _, d := range experiment.Experiments() {
		fmt.Fprintf(stderr, "  %-12s %-8s %s\n", d.Name, d.Section, d.Summary)
	}
	fmt.Fprintln(stderr, "\n`zerokara -run NAME -h` lists NAME's flags with the book's values and their ranges.")
	return 0
}

// elsewhere names the experiments that have a flag, for the error about
// one that does not apply.
func elsewhere(flagName string) string {
	var in []string
	for _, d := range experiment.Experiments() {
		if fs, _ := newFlags(d, io.Discard); fs.Lookup(flagName) != nil {
			in = append(in, d.Name)
		}
	}
	if len(in) == 0 {
		return " (no experiment has it)"
	}
	return " (it is a flag of " + strings.Join(in, ", ") + ")"
}

// newFlags builds the flag set of experiment d: the shared flags, then one
// per setting, whose default is the book's.
func newFlags(d *experiment.Description, stderr io.Writer) (*flag.FlagSet, *options) {
	o := &options{dpi: plot.DefaultDPI, lang: i18n.English, budget: experiment.DefaultMemoryBudget, formats: []plot.Format{plot.PNG}}
	fs := flag.NewFlagSet("zerokara", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.String("run", d.Name, "experiment to run: "+strings.Join(Experiments(), ", "))
	fs.StringVar(&o.out, "out", "", "directory that holds the result set (default results/"+d.Name+"); replaced as a whole")
	fs.StringVar(&o.config, "config", "", "JSON config saved from the window (or a result JSON) to start from instead of the book's setup; flags change it further")
	fs.Func("format", "figure formats, comma-separated: png, svg, pdf (default png)", func(v string) (err error) {
		o.formats, err = plot.ParseFormats(v)
		return err
	})
	fs.Func("lang", "language of the PNG and SVG figures: en or ja (PDF figures are always English; ja needs a Japanese .ttf font, e.g. Debian's fonts-ipafont-gothic)", func(v string) (err error) {
		o.lang, err = i18n.ParseLang(v)
		return err
	})
	fs.Func("dpi", fmt.Sprintf("PNG resolution in [18, 1200] (default %d)", plot.DefaultDPI), func(v string) error {
		var dpi int
		if _, err := fmt.Sscan(v, &dpi); err != nil || dpi < 18 || dpi > 1200 {
			return fmt.Errorf("want a whole number in [18, 1200]")
		}
		o.dpi = dpi
		return nil
	})
	fs.Func("memory-budget", fmt.Sprintf("refuse a run estimated to need more memory than this many MiB (default %d)", experiment.DefaultMemoryBudget>>20), func(v string) error {
		var mib int64
		if _, err := fmt.Sscan(v, &mib); err != nil || mib < 1 || mib > 1<<30 {
			return fmt.Errorf("want a whole number of MiB ≥ 1")
		}
		o.budget = mib << 20
		return nil
	})
	if d.UsesMNIST {
		fs.StringVar(&o.data, "data", "", "directory with the four MNIST (or Fashion-MNIST) IDX files; default: testdata/mnist of the checkout, then the user cache directory")
	}
	if d.Name == "activations" {
		fs.BoolVar(&o.figure.Fit, "fit", false, "figure: histograms over each activation's range instead of the book's [0, 1]")
	}
	fs.BoolVar(&o.dryRun, "dry-run", false, "check the settings and print the config as it would run (the JSON -config reads), without running")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (go tool pprof)")
	book := d.Book()
	for _, f := range d.Fields {
		def, _ := d.Text(book, f.Key)
		help := f.Help
		if r := f.Range(); r != "" {
			help += "; " + r
		}
		set := func(v string) error {
			o.settings = append(o.settings, [2]string{f.Key, v})
			return nil
		}
		if f.Kind == experiment.Bool {
			fs.BoolFunc(f.Flag(), fmt.Sprintf("%s (book: %s)", help, def), set)
		} else {
			fs.Func(f.Flag(), fmt.Sprintf("%s (book: %s)", help, quoteEmpty(def)), set)
		}
	}
	fs.Usage = func() {
		if !o.help {
			return // the error says what to do
		}
		fmt.Fprintf(fs.Output(), "Usage: zerokara -run %s [flags]\n\n%s (%s). Flags not given keep the book's values.\n\n", d.Name, d.Summary, d.Section)
		fs.PrintDefaults()
	}
	return fs, o
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// config builds the run's config: the book's setup or -config's, then the
// flags in the order given, checked against the description and budget.
func config(d *experiment.Description, o *options) (experiment.Config, error) {
	cfg := d.Book()
	if o.config != "" {
		b, err := experiment.ReadConfigFile(o.config)
		if err != nil {
			return nil, fmt.Errorf("-config: %w", err)
		}
		if cfg, err = d.DecodeConfig(b, 0); err != nil {
			return nil, fmt.Errorf("-config %s: %w", o.config, err)
		}
	}
	for _, s := range o.settings {
		var err error
		if cfg, err = d.Set(cfg, s[0], s[1]); err != nil {
			return nil, fmt.Errorf("-%s: %w", d.Field(s[0]).Flag(), err)
		}
	}
	if err := d.Check(cfg, o.budget); err != nil {
		return nil, err
	}
	return cfg, nil
}

// run checks everything it can before any work — the config, the memory
// estimate, -out — then loads the data the run reads, runs it and writes
// the set.
func run(ctx context.Context, d *experiment.Description, o *options, stderr io.Writer) ([]string, error) {
	cfg, err := config(d, o)
	if err != nil {
		return nil, usageError{err}
	}
	if err := results.CheckWritable(o.out); err != nil {
		return nil, usageError{fmt.Errorf("-out: %w", err)}
	}
	if d.UsesMNIST {
		train, test := d.DataNeeded(cfg)
		data, err := datasource.New(o.data).LoadFirstContext(ctx, train, test)
		if err != nil {
			return nil, err
		}
		cfg = d.WithData(cfg, data)
		if err := d.CheckData(cfg); err != nil {
			return nil, err
		}
	}
	prog := newProgress(d.Name, stderr)
	res, err := d.Run(ctx, cfg, func(e experiment.Event) { prog.work(e.Progress()) })
	prog.finish()
	if err != nil {
		return nil, err
	}
	tr, err := report.Localizer(o.lang)
	if err != nil {
		fmt.Fprintf(stderr, "zerokara: -lang %s: figures in English: %v\n", o.lang, err)
	}
	// Drawn once up front: a figure that cannot be drawn fails before any
	// file is touched.
	if _, err := report.Figure(d.Name, res.Typed(), o.figure, tr); err != nil {
		return nil, err
	}
	figure := func(tr *i18n.Localizer) *plot.Figure {
		f, _ := report.Figure(d.Name, res.Typed(), o.figure, tr)
		return f
	}
	return results.WriteSet(ctx, o.out, results.Set{Name: d.Name, Result: res, Figure: figure, Lang: tr,
		Formats: o.formats, DPI: o.dpi, Manifest: results.NewManifest(seedOf(d, cfg), workersOf(d, cfg))})
}

// seedOf and workersOf read the run's seed and worker settings for the
// manifest.
func seedOf(d *experiment.Description, cfg experiment.Config) uint64 {
	var seed uint64
	if s, err := d.Text(cfg, "seed"); err == nil {
		fmt.Sscan(s, &seed)
	}
	return seed
}

func workersOf(d *experiment.Description, cfg experiment.Config) int {
	var w int
	if s, err := d.Text(cfg, "workers"); err == nil {
		fmt.Sscan(s, &w)
	}
	return w
}
