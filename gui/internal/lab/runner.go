package lab

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/experiment"
)

// runner holds the controls every experiment screen shares: Run and Stop,
// a seed field with its validation message, a progress bar and a status
// line with elapsed time, ETA and rate. Exported fields are what tests
// drive.
type runner struct {
	Run, Stop *widget.Button
	Seed      *widget.Entry
	SeedError *widget.Label
	Progress  *widget.ProgressBar
	Status    *widget.Label

	loc    *loc
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	last   experiment.Work
}

func newRunner(l *loc, onRun func()) *runner {
	r := &runner{
		Seed:      widget.NewEntry(),
		SeedError: widget.NewLabel(""),
		Progress:  widget.NewProgressBar(),
		Status:    widget.NewLabel(l.T("run.ready")),
		loc:       l,
	}
	// An error or an export's file list can be long: the line wraps
	// rather than widen the window.
	r.Status.Wrapping = fyne.TextWrapWord
	r.Seed.OnChanged = func(string) { r.seed() }
	r.Run = widget.NewButton(l.T("run.run"), onRun)
	r.Stop = widget.NewButton(l.T("run.stop"), r.stop)
	r.Stop.Disable()
	return r
}

// seed parses the seed field, showing any error next to it.
func (r *runner) seed() (uint64, bool) {
	v, err := strconv.ParseUint(strings.TrimSpace(r.Seed.Text), 10, 64)
	if err != nil {
		r.SeedError.SetText(r.loc.T("run.seederr"))
		return 0, false
	}
	r.SeedError.SetText("")
	return v, true
}

// object lays the controls out in one row above the progress bar.
func (r *runner) object() fyne.CanvasObject {
	return container.NewVBox(container.NewHBox(r.Run, r.Stop, r.seedRow()), r.Progress, r.Status)
}

// seedRow is the seed field with its label and message.
func (r *runner) seedRow() fyne.CanvasObject {
	return container.NewHBox(widget.NewLabel(r.loc.T("run.seed")), container.NewGridWrap(fyne.NewSize(90, r.Seed.MinSize().Height), r.Seed), r.SeedError)
}

// start runs job on a worker goroutine. Work counts are kept and shown
// by a 4 Hz ticker together with redraw (also on the UI goroutine: each
// tick repaints the window, which under a software GL costs the run
// itself CPU, so no faster than the eye needs);
// finish runs on the UI goroutine at the end. It returns false when a run
// is already going.
func (r *runner) start(job func(ctx context.Context, progress func(experiment.Work)) error, redraw func(), finish func(error)) bool {
	r.mu.Lock()
	if r.cancel != nil {
		r.mu.Unlock()
		return false
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel, r.done, r.last = cancel, make(chan struct{}), experiment.Work{}
	done := r.done
	r.mu.Unlock()

	r.Run.Disable()
	r.Stop.Enable()
	r.Progress.SetValue(0)
	r.Status.SetText(r.loc.T("run.starting"))
	start := time.Now()
	ticker := time.NewTicker(250 * time.Millisecond)
	stopTick, tickDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(tickDone)
		for {
			select {
			case <-stopTick:
				return
			case <-ticker.C:
				fyne.DoAndWait(func() {
					r.show(start)
					redraw()
				})
			}
		}
	}()
	go func() {
		err := job(ctx, func(w experiment.Work) {
			r.mu.Lock()
			r.last = w
			r.mu.Unlock()
		})
		ticker.Stop()
		close(stopTick)
		<-tickDone
		r.mu.Lock()
		r.cancel = nil
		r.mu.Unlock()
		fyne.DoAndWait(func() {
			r.show(start)
			redraw()
			r.Run.Enable()
			r.Stop.Disable()
			switch {
			case err == nil:
				r.Progress.SetValue(1)
				r.Status.SetText(r.loc.T("run.done", time.Since(start).Seconds()))
			case ctx.Err() != nil:
				r.Status.SetText(r.loc.T("run.stopped", time.Since(start).Seconds()))
			default:
				r.Status.SetText(r.loc.T("run.error", err))
			}
			finish(err)
		})
		close(done)
	}()
	return true
}

// show updates the progress bar and status line from the last counts.
func (r *runner) show(start time.Time) {
	r.mu.Lock()
	e := r.last
	r.mu.Unlock()
	if e.Total == 0 {
		return
	}
	elapsed := time.Since(start).Seconds()
	frac := float64(e.Done) / float64(e.Total)
	r.Progress.SetValue(frac)
	status := r.loc.T("run.steps", e.Done, e.Total, elapsed)
	if e.Done > 0 {
		rate := float64(e.Done) / elapsed
		status += r.loc.T("run.eta", float64(e.Total-e.Done)/rate, rate)
	}
	r.Status.SetText(status)
}

func (r *runner) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		r.cancel()
	}
}

// wait blocks until the current run (if any) has finished its worker.
func (r *runner) wait() {
	r.mu.Lock()
	done := r.done
	r.mu.Unlock()
	if done != nil {
		<-done
	}
}
