package lab

import (
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

func init() { tabExtensions["optimizers"] = newOptimizersTab }

// pathKeys are the settings of the paths, which the tab redraws as they
// are typed (they take microseconds).
var pathKeys = []string{"path.x0", "path.y0", "path.steps", "path.optimizers", "path.lrs"}

// optimizersTab is the Optimizers tab's figure in place of the generic
// one: the paths as the settings stand, beside the MNIST curves of the
// run (live, then the last), in one view; a click on a path panel moves
// the start there. Export writes what it shows: the run's MNIST part
// with the paths of the settings (they do not depend on each other).
type optimizersTab struct {
	s    *ExperimentScreen
	View *optimizersView
	// shown is what the view shows; from is the run result it came from
	// (nil: none yet), so that a newer one is noticed.
	shown   *experiment.OptimizersResult
	from    experiment.Partial
	pathErr string // the status line's path error, while it shows
	// following counts runs being followed, for tests.
	following sync.WaitGroup
}

func newOptimizersTab(s *ExperimentScreen, _ fyne.CanvasObject) fyne.CanvasObject {
	t := &optimizersTab{s: s}
	t.View = newOptimizersView(t)
	for _, key := range pathKeys {
		if f := s.Form.Field(key); f != nil && f.Entry != nil {
			changed := f.Entry.OnChanged
			f.Entry.OnChanged = func(text string) {
				if changed != nil {
					changed(text)
				}
				t.redraw()
			}
		}
	}
	run := s.runner.Run.OnTapped
	s.runner.Run.OnTapped = func() {
		run()
		t.follow()
	}
	s.Export.result = t.export
	t.redraw()
	return t.View
}

// path reads the path settings over the form's last config.
func (t *optimizersTab) path() (experiment.OptimizerPathConfig, error) {
	cfg := t.s.Form.base
	for _, key := range pathKeys {
		f := t.s.Form.Field(key)
		if f == nil {
			continue
		}
		var err error
		if cfg, err = t.s.Desc.Set(cfg, key, f.text()); err != nil {
			return experiment.OptimizerPathConfig{}, err
		}
	}
	c, _ := cfg.(experiment.OptimizersConfig)
	return c.Path, nil
}

// run returns the run's result to draw (its snapshot while it runs) and
// the result it came from, or an empty one of the form's last config.
func (t *optimizersTab) run() (*experiment.OptimizersResult, experiment.Partial) {
	if snap, ok := t.s.live.snapshot(); ok {
		if r, ok := snap.Typed().(*experiment.OptimizersResult); ok {
			last, _ := t.s.live.last()
			return r, last
		}
	}
	// An empty result reads no data, but needs some attached (see
	// drawEmpty).
	stand := &mnist.Data{Train: mnist.Set{N: 60000, Rows: 28, Cols: 28}, Test: mnist.Set{N: 10000, Rows: 28, Cols: 28}}
	for _, cfg := range []experiment.Config{t.s.Form.base, t.s.Desc.Book()} {
		if p, err := t.s.Desc.NewPartial(t.s.Desc.WithData(cfg, stand)); err == nil {
			if r, ok := p.Typed().(*experiment.OptimizersResult); ok {
				return r, nil
			}
		}
	}
	return nil, nil
}

// redraw shows the paths of the settings with the run's MNIST curves; a
// setting that cannot run keeps the last picture (its field, or the
// status line for the lists' lengths, says why).
func (t *optimizersTab) redraw() {
	p, err := t.path()
	if err != nil {
		return
	}
	r, from := t.run()
	if r == nil {
		return
	}
	merged, err := r.WithPath(p)
	if err != nil {
		t.pathErr = t.s.loc.T("opt.patherror", err)
		t.s.Status.SetText(t.pathErr)
		return
	}
	if t.pathErr != "" && t.s.Status.Text == t.pathErr {
		t.s.Status.SetText("")
	}
	t.pathErr = ""
	fig, err := optimizersFigure(merged, t.s.loc.fig)
	if err != nil {
		t.s.Status.SetText(t.s.loc.T("run.error", err))
		return
	}
	t.shown, t.from = merged, from
	t.View.View.SetFigure(fig)
}

// optimizersFigure draws r in tr's language; a panic is an error.
func optimizersFigure(r *experiment.OptimizersResult, tr *i18n.Localizer) (fig *plot.Figure, err error) {
	defer recoverAsError(&err)
	return report.Figure("optimizers", r, report.Options{}, tr)
}

// follow redraws four times a second while a run goes on, and once at
// its end.
func (t *optimizersTab) follow() {
	if t.s.runner.Stop.Disabled() {
		return // the run did not start
	}
	end := make(chan struct{})
	go func() {
		t.s.runner.wait()
		close(end)
	}()
	t.following.Add(1)
	go func() {
		defer t.following.Done()
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-end:
				fyne.Do(t.redraw)
				return
			case <-tick.C:
				fyne.Do(t.redraw)
			}
		}
	}()
}

// stale redraws when the screen holds a newer complete result than the
// one shown (one adopted after a language switch).
func (t *optimizersTab) stale() {
	if last, ok := t.s.live.last(); ok && last != t.from && t.s.runner.Stop.Disabled() {
		t.redraw()
	}
}

// export is the last complete result with the paths of the settings, and
// its figure.
func (t *optimizersTab) export() (results.Result, results.Figure) {
	last, ok := t.s.live.last()
	if !ok {
		return nil, nil
	}
	r, ok := last.Typed().(*experiment.OptimizersResult)
	if !ok {
		return nil, nil
	}
	if p, err := t.path(); err == nil {
		if merged, err := r.WithPath(p); err == nil {
			r = merged
		}
	}
	return r, func(tr *i18n.Localizer) *plot.Figure {
		fig, err := optimizersFigure(r, tr)
		if err != nil {
			return report.ErrorFigure(err)
		}
		return fig
	}
}

// tapped moves the paths' start to a point clicked on a path panel
// (rounded to hundredths).
func (t *optimizersTab) tapped(size fyne.Size, pos fyne.Position) {
	fig := t.View.View.Figure()
	if fig == nil || t.shown == nil {
		return
	}
	i, x, y, ok := fig.DataAt(size, pos)
	if _, cells, _, _ := report.OptimizersCells(len(t.shown.Paths)); !ok || !slices.Contains(cells, i) {
		return
	}
	for key, v := range map[string]float64{"path.x0": x, "path.y0": y} {
		if f := t.s.Form.Field(key); f != nil && f.Entry != nil {
			f.Entry.SetText(strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64))
		}
	}
}

// optimizersView is the tab's figure view answering clicks.
type optimizersView struct {
	widget.BaseWidget
	View *plot.View
	tab  *optimizersTab
}

func newOptimizersView(t *optimizersTab) *optimizersView {
	v := &optimizersView{View: plot.NewView(), tab: t}
	v.ExtendBaseWidget(v)
	return v
}

// Tapped is part of fyne.Tappable.
func (v *optimizersView) Tapped(e *fyne.PointEvent) { v.tab.tapped(v.Size(), e.Position) }

// CreateRenderer is part of fyne.Widget.
func (v *optimizersView) CreateRenderer() fyne.WidgetRenderer { return &optimizersViewRenderer{v} }

type optimizersViewRenderer struct{ v *optimizersView }

// Layout fills the widget with the view and catches up with a result the
// screen took while the tab was not drawn.
func (r *optimizersViewRenderer) Layout(size fyne.Size) {
	r.v.View.Resize(size)
	r.v.tab.stale()
}

func (r *optimizersViewRenderer) MinSize() fyne.Size           { return r.v.View.MinSize() }
func (r *optimizersViewRenderer) Refresh()                     { r.v.View.Refresh() }
func (r *optimizersViewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.View} }
func (r *optimizersViewRenderer) Destroy()                     {}
