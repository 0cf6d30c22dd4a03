// Command gui is the zerokara lab: a desktop window that runs and plots the
// experiments of Deep Learning from Scratch §6.2–6.4 in English or Japanese, or, with -run, the
// same experiments headless, writing JSON, CSV and figures:
//
//	go run ./gui                       # the window
//	go run ./gui -run batchnorm -out results -format png,svg,pdf
//
// See -h (window) and -run X -h (headless) for the flags.
package main

import (
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"zerokara/gui/internal/datasource"
	"zerokara/gui/internal/headless"
	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/lab"
	"zerokara/net/experiment"
)

// icon is the app's icon (drawn by gui/internal/appicon), also used by
// `fyne package` through FyneApp.toml.
//
//go:embed Icon.png
var icon []byte

func main() {
	if headlessArgs(os.Args[1:]) {
		ctx, stop := headless.SignalContext(context.Background(), os.Stderr)
		code := headless.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	var opt lab.WindowOptions
	fs := flag.NewFlagSet("zerokara", flag.ExitOnError)
	data := fs.String("data", "", "directory with the MNIST IDX files (default: testdata/mnist of the checkout, then the user cache directory)")
	fs.StringVar(&opt.Tab, "tab", "", "tab to open, by the start of its title: Activations, Init, Batch, Symmetry, Overfitting, σ (the sweep), Optimizers, Hyper (the search) or Kernel (default: the last one used)")
	fs.BoolVar(&opt.Autorun, "autorun", false, "press Run on the opened tab once the app has started (demos, smoke tests)")
	fs.DurationVar(&opt.QuitAfter, "quit-after", 0, "close the lab after this long (smoke tests)")
	fs.StringVar(&opt.Out, "out", "", "with -autorun: export the run's JSON, CSV and figures into this directory when it completes")
	configFile := fs.String("config", "", "open the tab of this config file's experiment with its settings (a file a tab saved, or a result JSON)")
	fs.BoolVar(&opt.QuitWhenDone, "quit-when-done", false, "with -autorun: close the lab when the run (and its export) has finished")
	fs.BoolVar(&opt.OpenGuides, "guide", false, "open every tab's guide (what the book set up, what to look for, the formula)")
	fs.BoolVar(&opt.Fresh, "fresh", false, "ignore and keep the remembered window size, tab and language (reproducible runs)")
	fs.Func("lang", "window language: en or ja (default: the last one picked in the window, else the system locale's)", func(s string) (err error) {
		opt.Lang, err = i18n.ParseLang(s)
		return err
	})
	fs.Func("size", fmt.Sprintf("window size WxH (default: the last one used, first %gx%g)", lab.DefaultSize.Width, lab.DefaultSize.Height), func(s string) (err error) {
		opt.Size, err = lab.ParseSize(s)
		return err
	})
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the session to this file (go tool pprof)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: zerokara [flags]   (the desktop window)")
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output())
		headless.Main(context.Background(), []string{"-h"}, os.Stdout, fs.Output()) // the experiments, headless
	}
	fs.Parse(os.Args[1:])

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "zerokara: %v\n", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if *configFile != "" {
		b, err := experiment.ReadConfigFile(*configFile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "zerokara: -config: %v\n", err)
			os.Exit(2)
		}
		opt.Config = b
	}
	a := app.NewWithID("dev.zerokara.lab")
	a.SetIcon(fyne.NewStaticResource("Icon.png", icon))
	if _, err := lab.New(datasource.New(*data), lab.StartLanguage(a, opt)).Show(a, opt); err != nil {
		fmt.Fprintf(os.Stderr, "zerokara: %v\n", err)
		os.Exit(2)
	}
	a.Run()
}

// headlessArgs reports whether the command line asks for a headless run.
func headlessArgs(args []string) bool {
	for _, a := range args {
		if a == "-run" || a == "--run" || strings.HasPrefix(a, "-run=") || strings.HasPrefix(a, "--run=") {
			return true
		}
	}
	return false
}
