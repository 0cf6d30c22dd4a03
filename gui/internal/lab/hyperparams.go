package lab

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// narrowBest is how many of the best trials "Narrow" searches around.
const narrowBest = 10

func init() { tabExtensions["hyperparams"] = hyperparamsTab }

// hyperparamsTab adds the book's next step above the figure: a button
// that sets the lr and λ ranges to where the best trials of the last run
// were (Narrowed: their span, slightly widened), so that Run searches
// again there. The ranges stay ordinary settings: the user may edit them
// further, or reset them to the book's. The figure's five rows keep their
// shape and scroll (see fitFigure).
func hyperparamsTab(s *ExperimentScreen, _ fyne.CanvasObject) fyne.CanvasObject {
	narrow := widget.NewButton(s.loc.T("hp.narrow", narrowBest), func() { narrowRanges(s) })
	fit := &fitFigure{view: s.View, minWidth: figureMinWidth}
	fit.scroll = container.NewScroll(container.New(fit, s.View))
	return container.NewBorder(container.NewHBox(narrow), nil, nil, nil, fit.scroll)
}

// figureMinWidth is the narrowest the figure is drawn: at 70 % of its
// natural width its text reaches plot's smallest size, and much narrower
// (below about 650 units) plot's grid has no room left for the panels.
const figureMinWidth = 820

// fitFigure lays the figure view out at the scroll's width, never
// narrower than minWidth, and as tall as the figure's shape makes it, so
// that the view is never drawn squeezed: not at the view's small default
// size before the first layout, nor into the room left under the
// settings. Its MinSize follows the last width, so the scroll reaches the
// bottom.
type fitFigure struct {
	view     *plot.View
	scroll   *container.Scroll
	minWidth float32
	width    float32 // the last width laid out
}

// ratio is the figure's height over its width.
func (f *fitFigure) ratio() float32 {
	if fig := f.view.Figure(); fig != nil {
		if n := fig.Size(); n.Width > 0 {
			return n.Height / n.Width
		}
	}
	return 1
}

// MinSize is part of fyne.Layout.
func (f *fitFigure) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(f.minWidth, max(f.minWidth, f.width)*f.ratio())
}

// Layout is part of fyne.Layout.
func (f *fitFigure) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := max(f.minWidth, size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, w*f.ratio()))
	}
	if w != f.width {
		f.width = w
		if f.scroll != nil {
			fyne.Do(f.scroll.Refresh) // the height follows the new width
		}
	}
}

// narrowRanges fills the four range fields from the last run's result
// (complete, or stopped with some trials finished) and says so in the
// status line; without a finished trial it says that instead.
func narrowRanges(s *ExperimentScreen) {
	snap, ok := s.live.snapshot()
	var r *experiment.HyperparamsResult
	if ok {
		r, _ = snap.Typed().(*experiment.HyperparamsResult)
	}
	var n experiment.Ranges
	if r != nil {
		n, ok = r.Narrowed(narrowBest)
	}
	if r == nil || !ok {
		s.Status.SetText(s.loc.T("hp.nonarrow"))
		return
	}
	for key, v := range map[string]float64{"lr_log10_min": n.LRLog10Min, "lr_log10_max": n.LRLog10Max,
		"weight_decay_log10_min": n.WeightDecayLog10Min, "weight_decay_log10_max": n.WeightDecayLog10Max} {
		if f := s.Form.Field(key); f != nil {
			f.Entry.SetText(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	s.Status.SetText(s.loc.T("hp.narrowed", min(narrowBest, len(r.Ranking)), n.LRLog10Min, n.LRLog10Max, n.WeightDecayLog10Min, n.WeightDecayLog10Max))
}
