package report

import (
	"slices"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/kernelbench"
	"zerokara/gui/internal/plot"
)

// Kernel draws GFLOP/s against n for square Sgemm (top) and Dgemm
// (bottom): one colour per path, solid with one worker, dashed with all,
// and each SIMD path's one-core FMA peak as a dotted line. The legend,
// right of each panel, gives each curve's best fraction of peak.
func Kernel(r *kernelbench.Result, tr *i18n.Localizer) *plot.Figure {
	f := &plot.Figure{Title: tr.T("fig.kernel.title"), Cols: 1, PanelSize: fyne.NewSize(800, 300),
		FooterText: tr.T("fig.kernel.footer", r.CPU, r.Cores), Typeface: typeface(tr), Placeholder: runToDraw(len(r.Points) == 0, tr)}
	var lo, hi float64 // 0, 0 (no sizes) fits the axis to the points
	if sizes := r.Config.Sizes; len(sizes) > 0 {
		lo, hi = float64(slices.Min(sizes)), float64(slices.Max(sizes))
	}
	for _, dt := range []string{"float32", "float64"} {
		p := &plot.Panel{Title: tr.T("fig.kernel." + dt),
			XLabel: tr.T("fig.kernel.n"), YLabel: tr.T("fig.kernel.gflops"), XMin: lo, XMax: hi, XLog: true, Legend: true}
		for i, path := range r.Config.Paths {
			col := plot.Palette(i)
			for _, one := range []bool{true, false} {
				var x, y []float64
				best := 0.0
				for _, pt := range r.Points {
					if pt.Path == path && pt.DType == dt && (pt.Workers == 1) == one {
						x, y = append(x, float64(pt.N)), append(y, pt.GFLOPS)
						best = max(best, pt.OfPeak)
					}
				}
				if len(x) == 0 {
					continue
				}
				name := tr.T("fig.kernel.oneworker", path)
				if !one {
					name = tr.T("fig.kernel.workers", path, r.Cores)
				}
				if best > 0 {
					name += tr.T("fig.kernel.best", 100*best)
				}
				p.Series = append(p.Series, plot.Series{Name: name, X: x, Y: y, Color: col, Dashed: !one})
			}
			peak := r.Peaks[path].Float32
			if dt == "float64" {
				peak = r.Peaks[path].Float64
			}
			if peak > 0 {
				p.Series = append(p.Series, plot.Series{Name: tr.T("fig.kernel.peak", path, peak),
					X: []float64{lo, hi}, Y: []float64{peak, peak}, Color: col, Dotted: true})
			}
		}
		top := 0.0
		for _, s := range p.Series {
			for _, v := range s.Y {
				top = max(top, v)
			}
		}
		if top > 0 {
			p.YMin, p.YMax = 0, 1.05*top
		}
		f.Panels = append(f.Panels, p)
	}
	return f
}
