package report

import (
	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Symmetry draws the symmetry experiment: the batch loss of every init
// (first row), the distinct neurons of each affine layer per init on a log
// axis (second row), and each init's W of the kept layer after training
// as a heat map (third row), where identical neurons show as stripes.
func Symmetry(r *experiment.SymmetryResult, tr *i18n.Localizer) *plot.Figure {
	cols := max(1, len(r.Runs))
	f := &plot.Figure{Title: tr.T("fig.sym.title"), Cols: cols, PanelSize: fyne.NewSize(260, 220), Typeface: typeface(tr)}
	xMax := float64(r.Config.Iterations)
	loss := &plot.Panel{Title: tr.T("fig.sym.loss"), XLabel: tr.T("fig.iterations"), YLabel: tr.T("fig.loss"), XMin: 0, XMax: xMax, YMin: 0, YMax: 2.5,
		Legend: true, LegendTop: true}
	for i, run := range r.Runs {
		loss.Series = append(loss.Series, plot.Series{Name: run.Init, X: ints(run.Iterations), Y: run.Loss, Color: plot.Palette(i)})
	}
	f.Panels = append(f.Panels, loss)
	for range cols - 1 {
		f.Panels = append(f.Panels, nil)
	}
	widest := 1
	for _, h := range r.Config.Hidden {
		widest = max(widest, h)
	}
	for _, run := range r.Runs {
		p := &plot.Panel{Title: tr.T("fig.sym.distinct", run.Init), XLabel: tr.T("fig.iterations"), YLabel: tr.T("fig.sym.neurons"), XMin: 0, XMax: xMax,
			YMin: 0.8, YMax: float64(widest) * 1.5, YLog: true, Legend: true, LegendTop: true}
		for l, layer := range run.Layers {
			y := make([]float64, len(layer.Distinct))
			for i, d := range layer.Distinct {
				y[i] = float64(d)
			}
			p.Series = append(p.Series, plot.Series{Name: tr.T("fig.sym.layer", l+1), X: ints(run.Iterations), Y: y,
				Color: plot.Palette(l), Dashed: l == len(run.Layers)-1})
		}
		f.Panels = append(f.Panels, p)
	}
	for _, run := range r.Runs {
		p := &plot.Panel{Title: tr.T("fig.sym.heat", run.Init, r.Config.HeatLayer), XLabel: tr.T("fig.sym.neuron"),
			YLabel:     tr.T("fig.sym.input", r.Config.HeatRowStep),
			HideYTicks: true}
		if h := run.Heat; h != nil {
			p.Heat = &plot.Heat{Rows: h.Rows, Cols: h.Cols, Values: h.Values}
			p.XMin, p.XMax, p.YMin, p.YMax = -0.5, float64(h.Cols)-0.5, -float64(h.Rows)+0.5, 0.5
		}
		f.Panels = append(f.Panels, p)
	}
	f.FooterText = tr.T("fig.sym.footer",
		Architecture(r.Config.Hidden), r.Config.Activation, r.Config.Optimizer, r.Config.LR, r.Config.Batch, r.Config.Seed, r.Config.DType)
	return f
}

func ints(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}
