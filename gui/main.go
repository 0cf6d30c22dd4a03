// Command gui is the zerokara lab: a desktop window that runs and plots the
// experiments of Deep Learning from Scratch §6.2–6.3, or, with -run, the
// same experiments headless, writing JSON, CSV and PNG:
//
//	go run ./gui                       # the window
//	go run ./gui -run batchnorm -out results
//
// See -h (window) and -run X -h (headless) for the flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"zerokara/gui/internal/headless"
	"zerokara/gui/internal/lab"
	"zerokara/net/mnist"
)

func main() {
	if headlessArgs(os.Args[1:]) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := headless.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	fs := flag.NewFlagSet("zerokara", flag.ExitOnError)
	data := fs.String("data", "", "directory with the MNIST IDX files (default: testdata/mnist of the checkout, then the user cache directory)")
	tab := fs.String("tab", "", "tab to open: Activations, Init, Batch or Kernel")
	autorun := fs.Bool("autorun", false, "press Run on the opened tab once the window is up (demos, smoke tests)")
	quitAfter := fs.Duration("quit-after", 0, "close the lab after this long (smoke tests)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: go run ./gui [flags]   (or -run activations|initcompare|batchnorm … for headless runs)")
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:])

	// Load MNIST once, when an experiment first needs it; a failed attempt
	// (no data yet) is not cached, so a download can fix it.
	var (
		mu     sync.Mutex
		loaded *mnist.Data
	)
	loader := func() (*mnist.Data, error) {
		mu.Lock()
		defer mu.Unlock()
		if loaded != nil {
			return loaded, nil
		}
		d, err := headless.FindMNIST(*data)
		if err == nil {
			loaded = d
		}
		return d, err
	}
	useDir := func(dir string) error {
		d, err := mnist.Load(dir)
		if err != nil {
			return err
		}
		mu.Lock()
		loaded = d
		mu.Unlock()
		return nil
	}
	a := app.NewWithID("dev.zerokara.lab")
	w := a.NewWindow("zerokara lab — Deep Learning from Scratch §6.2–6.3")
	l := lab.New(loader, useDir)
	l.SetWindow(w)
	w.SetContent(l.Content())
	w.Resize(fyne.NewSize(1200, 900))
	if *tab != "" && !l.SelectTab(*tab) {
		fmt.Fprintf(os.Stderr, "zerokara: no tab %q\n", *tab)
		os.Exit(2)
	}
	if *data == "" {
		if _, err := headless.LocateMNIST(); err != nil {
			if dir, cerr := headless.CacheDir(); cerr == nil {
				lab.OfferDownload(w, err, dir, func(error) {})
			}
		}
	}
	if *autorun {
		go func() {
			time.Sleep(time.Second)
			fyne.Do(func() { l.RunSelected() })
		}()
	}
	if *quitAfter > 0 {
		go func() {
			time.Sleep(*quitAfter)
			fyne.Do(a.Quit)
		}()
	}
	w.ShowAndRun()
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
