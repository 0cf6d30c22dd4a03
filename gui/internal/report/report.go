// Package report turns experiment results into figures like the book's
// (gui/plot panels), for the headless runner's PNG files and the lab.
package report

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Activations draws one row per run (activation × init) and one column per
// layer: the book's histograms of the activations, 30 bins over [0, 1].
// With fit, each histogram spans the activation's own range instead
// (tanh's negative half, ReLU's tail).
func Activations(r *experiment.ActivationsResult, fit bool, tr *i18n.Localizer) *plot.Figure {
	f := &plot.Figure{Title: tr.T("fig.act.title"), Cols: r.Config.Layers, PanelSize: fyne.NewSize(190, 140), Typeface: typeface(tr)}
	empty := true
	for _, run := range r.Runs {
		empty = empty && len(run.Layers) == 0
	}
	if empty {
		// Nothing computed yet: the book's grid of empty axes.
		for _, run := range r.Runs {
			for l := range r.Config.Layers {
				title := tr.T("fig.act.layer", l+1)
				if l == 0 {
					title = tr.T("fig.act.first", run.Activation, run.Init, title)
				}
				f.Panels = append(f.Panels, &plot.Panel{Title: title, XMin: 0, XMax: 1, YMin: 0, YMax: 1, HideYTicks: true})
			}
		}
		f.Placeholder = runToDraw(len(f.Panels) > 0, tr)
	}
	for i, run := range r.Runs {
		for l, s := range run.Layers {
			h := s.Hist
			if fit {
				h = s.Fit
			}
			title := tr.T("fig.act.layer", l+1)
			if l == 0 {
				title = tr.T("fig.act.first", run.Activation, run.Init, title)
			}
			var yMax float64
			if !fit && run.Activation == "relu" {
				// The book's ylim(0, 7000): ReLU's spike of exact zeros would
				// flatten everything else.
				yMax = 7000
			}
			f.Panels = append(f.Panels, &plot.Panel{
				Title: title, XMin: h.Lo, XMax: h.Hi, YMax: yMax,
				Bars:       &plot.Bars{Lo: h.Lo, Hi: h.Hi, Counts: h.Counts, Color: plot.Palette(i % 3)},
				HideYTicks: l > 0,
			})
		}
	}
	f.FooterText = tr.T("fig.act.footer",
		r.Config.Samples, r.Config.Layers, r.Config.Width, r.Config.Seed, r.Config.DType)
	return f
}

// Gradients draws, like Activations, one histogram per layer of the
// gradient ∂L/∂(pre-activation) from a backward pass, over ±3 standard
// deviations, titled with the gradient's norm.
func Gradients(r *experiment.ActivationsResult, tr *i18n.Localizer) *plot.Figure {
	f := &plot.Figure{Title: tr.T("fig.grad.title"), Cols: r.Config.Layers, PanelSize: fyne.NewSize(190, 140), Typeface: typeface(tr)}
	for i, run := range r.Runs {
		for l, s := range run.Layers {
			if s.Grad == nil {
				continue
			}
			h := s.Grad.Hist
			title := tr.T("fig.grad.layer", l+1, s.Grad.Norm)
			if l == 0 {
				title = tr.T("fig.act.first", run.Activation, run.Init, title)
			}
			f.Panels = append(f.Panels, &plot.Panel{Title: title, XMin: h.Lo, XMax: h.Hi,
				Bars: &plot.Bars{Lo: h.Lo, Hi: h.Hi, Counts: h.Counts, Color: plot.Palette(i % 3)}, HideYTicks: l > 0})
		}
	}
	return f
}

// InitCompare draws the book's figure: the smoothed loss of each
// initializer against iterations, y from 0 to 2.5.
func InitCompare(r *experiment.InitCompareResult, tr *i18n.Localizer) *plot.Figure {
	p := &plot.Panel{Title: tr.T("fig.ic.panel", Architecture(r.Config.Hidden), r.Config.Activation, r.Config.Optimizer, strconv.FormatFloat(r.Config.LR, 'g', -1, 64)),
		XLabel: tr.T("fig.iterations"), YLabel: tr.T("fig.loss"), XMin: 0, XMax: float64(r.Config.Iterations - 1), YMin: 0, YMax: 2.5, Legend: true}
	empty := true
	for i, s := range r.Series {
		empty = empty && len(s.Loss) == 0
		x := make([]float64, len(s.Smoothed))
		for j := range x {
			x[j] = float64(j)
		}
		name := s.Name
		if s.TestAccuracy != nil {
			name += tr.T("fig.ic.testacc", *s.TestAccuracy)
		}
		if s.Diverged {
			name += tr.T("fig.ic.diverged", s.DivergedAt)
		}
		p.Series = append(p.Series, plot.Series{Name: name, X: x, Y: s.Smoothed, Color: plot.Palette(i)})
	}
	return &plot.Figure{Title: tr.T("fig.ic.title"), Cols: 1, PanelSize: fyne.NewSize(760, 460), Panels: []*plot.Panel{p},
		FooterText: tr.T("fig.ic.footer", r.Config.Batch, r.Config.Seed, r.Config.DType), Typeface: typeface(tr),
		Placeholder: runToDraw(empty, tr)}
}

// BatchNorm draws the book's 4×4 grid: training accuracy against epochs
// for each weight scale, BN solid, plain dashed, with a marker where a
// network diverged; one legend above the grid.
func BatchNorm(r *experiment.BatchNormResult, tr *i18n.Localizer) *plot.Figure {
	cols := 4
	f := &plot.Figure{Title: tr.T("fig.bn.title"), Cols: cols, PanelSize: fyne.NewSize(230, 180), Typeface: typeface(tr)}
	rows := (len(r.Panels) + cols - 1) / cols
	empty, trainMode := true, false
	for i, p := range r.Panels {
		empty = empty && len(p.BN) == 0 && len(p.Plain) == 0
		trainMode = trainMode || len(p.BNTrainMode) > 0
		x := make([]float64, len(p.BN))
		for j := range x {
			x[j] = float64(j)
		}
		panel := &plot.Panel{
			Title: tr.T("fig.bn.panel", strconv.FormatFloat(p.Sigma, 'g', 4, 64)), XMin: 0, XMax: float64(max(len(x)-1, 1)), YMin: 0, YMax: 1,
			HideYTicks: i%cols != 0, HideXTicks: i/cols != rows-1,
			Series: []plot.Series{
				{Name: tr.T("fig.bn.bn"), X: x, Y: p.BN, Color: plot.Palette(0)},
				{Name: tr.T("fig.bn.plain"), X: x, Y: p.Plain, Color: plot.Palette(1), Dashed: true},
			},
		}
		if len(p.BNTrainMode) > 0 {
			panel.Series = append(panel.Series, plot.Series{Name: tr.T("fig.bn.trainmode"), X: x, Y: p.BNTrainMode, Color: plot.Palette(2)})
		}
		if i%cols == 0 {
			panel.YLabel = tr.T("fig.accuracy")
		}
		if i/cols == rows-1 {
			panel.XLabel = tr.T("fig.epochs")
		}
		for _, d := range []struct {
			y    []float64
			name string
		}{{p.BN, "fig.bn.bndiverged"}, {p.Plain, "fig.bn.plaindiverged"}} {
			if at := firstNaN(d.y); at >= 0 {
				panel.Marks = append(panel.Marks, plot.Mark{X: float64(at), Y: 0.06, Text: tr.T(d.name), Color: plot.Palette(3)})
			}
		}
		f.Panels = append(f.Panels, panel)
	}
	f.Legend = []plot.Series{{Name: tr.T("fig.bn.bn"), Color: plot.Palette(0)}, {Name: tr.T("fig.bn.plain"), Color: plot.Palette(1), Dashed: true}}
	if trainMode || r.Config.TrainModeAccuracy {
		f.Legend = append(f.Legend, plot.Series{Name: tr.T("fig.bn.trainmode"), Color: plot.Palette(2)})
	}
	f.Placeholder = runToDraw(empty, tr)
	f.FooterText = tr.T("fig.bn.footer",
		r.Config.Samples, r.Config.Batch, r.Config.Optimizer, r.Config.LR, r.Config.Seed, r.Config.DType)
	return f
}

// Architecture names an MNIST network by its layer sizes:
// "784-100-100-10".
func Architecture(hidden []int) string {
	parts := []string{"784"}
	for _, h := range hidden {
		parts = append(parts, strconv.Itoa(h))
	}
	return strings.Join(append(parts, "10"), "-")
}

// runToDraw is the placeholder of a figure whose result holds nothing
// yet (the empty axes of the setup, before the first run): "Run to
// draw" when empty, else "".
func runToDraw(empty bool, tr *i18n.Localizer) string {
	if !empty {
		return ""
	}
	return tr.T("fig.empty")
}

func firstNaN(y []float64) int {
	for i, v := range y {
		if math.IsNaN(v) {
			return i
		}
	}
	return -1
}
