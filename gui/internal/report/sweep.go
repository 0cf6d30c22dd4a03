package report

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Sweep draws two heat maps of final training accuracy on one colour scale
// [0, 1], whose bar is right of them: BN left, plain right; σ descends
// down the rows, the learning rate grows along the columns (index axes
// labelled with the values), and × marks a diverged network. Cells not
// run yet are blank.
func Sweep(r *experiment.SweepResult, tr *i18n.Localizer) *plot.Figure {
	f := &plot.Figure{Title: tr.T("fig.sw.title"), Cols: 2, PanelSize: fyne.NewSize(420, 460), Typeface: typeface(tr)}
	var xt, yt []plot.Tick
	for j, lr := range r.LearningRates {
		xt = append(xt, plot.Tick{Value: float64(j), Label: strconv.FormatFloat(lr, 'g', 2, 64)})
	}
	for i, s := range r.Sigmas {
		label := ""
		if i%3 == 0 || i == len(r.Sigmas)-1 {
			label = strconv.FormatFloat(s, 'g', 2, 64)
		}
		yt = append(yt, plot.Tick{Value: -float64(i), Label: label})
	}
	empty := true
	for k, side := range []struct {
		name     string
		acc      [][]float64
		diverged [][]bool
	}{{tr.T("fig.sw.bn"), toFloats(r.BN), r.BNDiverged}, {tr.T("fig.sw.plain"), toFloats(r.Plain), r.PlainDiverged}} {
		h := &plot.Heat{Rows: len(r.Sigmas), Cols: len(r.LearningRates), Min: 0, Max: 1}
		if k == 1 {
			h.Label = tr.T("fig.sw.bar") // one bar for both: the scale is the same
		}
		p := &plot.Panel{Title: side.name, XLabel: tr.T("fig.sw.lr"), YLabel: tr.T("fig.sw.sigma"), XTicks: xt, YTicks: yt,
			XMin: -0.5, XMax: float64(len(r.LearningRates)) - 0.5, YMin: -float64(len(r.Sigmas)) + 0.5, YMax: 0.5, Heat: h}
		for i := range side.acc {
			h.Values = append(h.Values, side.acc[i]...)
			for _, v := range side.acc[i] {
				empty = empty && math.IsNaN(v)
			}
			if i >= len(side.diverged) {
				continue // a result without its marks still draws
			}
			for j, d := range side.diverged[i] {
				empty = empty && !d
				if d {
					p.Marks = append(p.Marks, plot.Mark{X: float64(j) - 0.15, Y: -float64(i) - 0.2, Text: "×", Color: plot.Paper})
				}
			}
		}
		f.Panels = append(f.Panels, p)
	}
	f.Placeholder = runToDraw(empty, tr)
	c := r.Config
	f.FooterText = tr.T("fig.sw.footer",
		c.Samples, c.Steps, Architecture(c.Hidden), c.Optimizer, c.Batch, c.Seed, c.DType)
	return f
}

func toFloats[T ~[]float64](rows []T) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out
}
