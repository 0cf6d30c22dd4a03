package report

import (
	"image/color"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// otherLoss is the colour of the other inits' loss behind each init's
// own: there for comparison, in the background.
var otherLoss = color.NRGBA{R: 0xbb, G: 0xbb, B: 0xbb, A: 0xff}

// Symmetry draws the symmetry experiment with one column per init: its
// batch loss over the other inits' in grey (first row), the distinct
// neurons of each affine layer on a log axis (second row), and W of the
// kept layer after training as a heat map with its colour bar (third
// row), where identical neurons show as stripes. One legend above the
// panels names the layers' colours.
func Symmetry(r *experiment.SymmetryResult, tr *i18n.Localizer) *plot.Figure {
	cols := max(1, len(r.Runs))
	f := &plot.Figure{Title: tr.T("fig.sym.title"), Cols: cols, PanelSize: fyne.NewSize(280, 220), Typeface: typeface(tr)}
	xMax := float64(r.Config.Iterations)
	empty := true
	for i, run := range r.Runs {
		loss := &plot.Panel{Title: tr.T("fig.sym.loss", run.Init), XLabel: tr.T("fig.iterations"), XMin: 0, XMax: xMax, YMin: 0, YMax: 2.5,
			HideYTicks: i > 0}
		if i == 0 {
			loss.YLabel = tr.T("fig.loss")
		}
		for j, other := range r.Runs {
			if j != i {
				loss.Series = append(loss.Series, plot.Series{X: ints(other.Iterations), Y: other.Loss, Color: otherLoss})
			}
		}
		loss.Series = append(loss.Series, plot.Series{X: ints(run.Iterations), Y: run.Loss, Color: plot.Ink})
		f.Panels = append(f.Panels, loss)
		if len(run.Iterations) > 0 {
			empty = false
		}
	}
	widest, layers := 1, 0
	for _, h := range r.Config.Hidden {
		widest = max(widest, h)
	}
	for i, run := range r.Runs {
		p := &plot.Panel{Title: tr.T("fig.sym.distinct", run.Init), XLabel: tr.T("fig.iterations"), XMin: 0, XMax: xMax,
			YMin: 0.8, YMax: float64(widest) * 1.5, YLog: true, HideYTicks: i > 0}
		if i == 0 {
			p.YLabel = tr.T("fig.sym.neurons")
		}
		for l, layer := range run.Layers {
			y := make([]float64, len(layer.Distinct))
			for i, d := range layer.Distinct {
				y[i] = float64(d)
			}
			p.Series = append(p.Series, plot.Series{X: ints(run.Iterations), Y: y, Color: plot.Palette(l), Dashed: l == len(run.Layers)-1})
		}
		layers = max(layers, len(run.Layers))
		f.Panels = append(f.Panels, p)
	}
	for i, run := range r.Runs {
		p := &plot.Panel{Title: tr.T("fig.sym.heat", run.Init, r.Config.HeatLayer), XLabel: tr.T("fig.sym.neuron"), HideYTicks: true}
		if i == 0 {
			p.YLabel = tr.T("fig.sym.input", r.Config.HeatRowStep)
		}
		rows, cols := heatShape(r.Config)
		if h := run.Heat; h != nil {
			p.Heat = &plot.Heat{Rows: h.Rows, Cols: h.Cols, Values: h.Values, Label: tr.T("fig.sym.bar")}
			rows, cols = h.Rows, h.Cols
		}
		p.XMin, p.XMax, p.YMin, p.YMax = -0.5, float64(cols)-0.5, -float64(rows)+0.5, 0.5
		f.Panels = append(f.Panels, p)
	}
	for l := range layers {
		name := tr.T("fig.sym.layer", l+1)
		if l == layers-1 {
			name = tr.T("fig.sym.output", l+1)
		}
		f.Legend = append(f.Legend, plot.Series{Name: name, Color: plot.Palette(l), Dashed: l == layers-1})
	}
	f.Legend = append(f.Legend, plot.Series{Name: tr.T("fig.sym.lossthis"), Color: plot.Ink},
		plot.Series{Name: tr.T("fig.sym.lossothers"), Color: otherLoss})
	f.Placeholder = runToDraw(empty, tr)
	f.FooterText = tr.T("fig.sym.footer",
		Architecture(r.Config.Hidden), r.Config.Activation, r.Config.Optimizer, r.Config.LR, r.Config.Batch, r.Config.Seed, r.Config.DType)
	return f
}

// heatShape is the shape of the heat map the config asks for: W of the
// kept affine layer, every HeatRowStep-th row (the axes before the run).
func heatShape(c experiment.SymmetryConfig) (rows, cols int) {
	sizes := append(append([]int{28 * 28}, c.Hidden...), 10)
	l := min(max(c.HeatLayer, 1), len(sizes)-1)
	return (sizes[l-1] + max(c.HeatRowStep, 1) - 1) / max(c.HeatRowStep, 1), sizes[l]
}

func ints(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}
