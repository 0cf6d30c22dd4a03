package headless

import (
	"fmt"
	"io"
	"time"

	"zerokara/net/experiment"
)

// progress prints a line to stderr at most every second: percentage,
// elapsed time, ETA and rate.
type progress struct {
	name      string
	w         io.Writer
	start     time.Time
	last      time.Time
	done, tot int
}

func newProgress(name string, w io.Writer) *progress {
	now := time.Now()
	return &progress{name: name, w: w, start: now, last: now}
}

// work is the experiments' progress callback (never called concurrently).
func (p *progress) work(w experiment.Work) {
	p.done, p.tot = w.Done, w.Total
	if time.Since(p.last) < time.Second {
		return
	}
	p.last = time.Now()
	p.print()
}

// progressOf adapts p to an experiment's typed progress callback.
func progressOf[E interface{ Progress() experiment.Work }](p *progress) func(E) {
	return func(e E) { p.work(e.Progress()) }
}

func (p *progress) print() {
	elapsed := time.Since(p.start).Seconds()
	if p.tot == 0 || p.done == 0 {
		return
	}
	rate := float64(p.done) / elapsed
	eta := float64(p.tot-p.done) / rate
	fmt.Fprintf(p.w, "%s: %3.0f%% (%d/%d, %.1f s elapsed, ETA %.1f s, %.0f/s)\n",
		p.name, 100*float64(p.done)/float64(p.tot), p.done, p.tot, elapsed, eta, rate)
}

// finish prints the final state.
func (p *progress) finish() { p.print() }
