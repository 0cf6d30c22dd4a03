package report

import (
	"image/color"
	"math"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"gonum.org/v1/plot/palette/moreland"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

func init() { register("hyperparams", ignoreOptions(Hyperparams)) }

// hpBest is how many of the best trials get a panel (the book's 20 in 5
// columns), hpNarrow how many the scatter marks and the tab narrows to.
const (
	hpBest, hpCols = 20, 5
	hpNarrow       = 10
)

// Hyperparams draws the book's figure of the search and, beyond the
// book, where the trials were. The first four rows are the best 20
// finished trials, best first, each a small panel of validation (solid)
// and training (dashed) accuracy per epoch on [0, 1], titled "Best-k"
// with its lr and λ. The last row shows every trial by its final
// validation accuracy: against log10 lr, against log10 λ, as a histogram,
// and as a scatter of log10 lr × log10 λ coloured by it (the ranges the
// best 10 span, widened, dashed: what "Narrow to the best 10" searches
// next), with its colour bar. Trials not finished yet
// are grey rings; all pairs are drawn before the run, so the empty
// figure shows them.
func Hyperparams(r *experiment.HyperparamsResult, tr *i18n.Localizer) *plot.Figure {
	c := r.Config
	f := &plot.Figure{Cols: hpCols, PanelSize: fyne.NewSize(230, 185), Typeface: typeface(tr),
		Title:  tr.T("fig.hp.title", min(hpBest, len(r.Trials)), len(r.Trials)),
		Legend: []plot.Series{{Name: tr.T("fig.hp.val"), Color: plot.Palette(0)}, {Name: tr.T("fig.hp.train"), Color: plot.Palette(1), Dashed: true}}}
	empty := true
	for _, t := range r.Trials {
		empty = empty && len(t.ValAcc) == 0
	}
	f.Placeholder = runToDraw(empty, tr)
	for i := range hpBest {
		f.Panels = append(f.Panels, hpBestPanel(r, i, tr))
	}
	lr, wd := hpAxis(c.LRLog10Min, c.LRLog10Max), hpAxis(c.WeightDecayLog10Min, c.WeightDecayLog10Max)
	f.Panels = append(f.Panels,
		hpAgainst(r, tr.T("fig.hp.vslr"), tr.T("fig.hp.loglr"), lr, func(t experiment.HyperparamsTrial) float64 { return t.LR }),
		hpAgainst(r, tr.T("fig.hp.vswd"), tr.T("fig.hp.logwd"), wd, func(t experiment.HyperparamsTrial) float64 { return t.WeightDecay }),
		hpHistogram(r, tr), hpScatter(r, lr, wd, tr), hpColorBar(tr))
	val, train := r.Validation, r.Training
	f.FooterText = tr.T("fig.hp.footer", Architecture(c.Hidden), c.Batch, c.Epochs, train, val, c.Samples,
		c.LRLog10Min, c.LRLog10Max, c.WeightDecayLog10Min, c.WeightDecayLog10Max, len(r.Ranking), len(r.Trials), c.Seed, c.DType)
	return f
}

// hpBestPanel is the panel of the i-th best finished trial, or empty axes
// titled "Best-k" while fewer have finished.
func hpBestPanel(r *experiment.HyperparamsResult, i int, tr *i18n.Localizer) *plot.Panel {
	p := &plot.Panel{Title: tr.T("fig.hp.best0", i+1), XMin: 0, XMax: float64(max(1, r.Config.Epochs-1)), YMin: 0, YMax: 1,
		HideXTicks: true, HideYTicks: i%hpCols != 0}
	if i >= len(r.Ranking) {
		return p
	}
	t := r.Trials[r.Ranking[i]]
	p.Title = tr.T("fig.hp.best", i+1, t.Final(), t.LR, t.WeightDecay)
	x := make([]float64, len(t.ValAcc))
	for e := range x {
		x[e] = float64(e)
	}
	p.Series = []plot.Series{{X: x, Y: t.ValAcc, Color: plot.Palette(0)}, {X: x, Y: t.TrainAcc, Color: plot.Palette(1), Dashed: true}}
	return p
}

// hpAxis is the range an axis shows for a log10 range: a little wider, so
// that dots at its ends are whole.
func hpAxis(lo, hi float64) [2]float64 {
	pad := max(0.05*(hi-lo), 0.25)
	return [2]float64{lo - pad, hi + pad}
}

// hpAgainst plots every finished trial's final validation accuracy
// against log10 of one of its rates.
func hpAgainst(r *experiment.HyperparamsResult, title, xLabel string, xr [2]float64, rate func(experiment.HyperparamsTrial) float64) *plot.Panel {
	p := &plot.Panel{Title: title, XLabel: xLabel, XMin: xr[0], XMax: xr[1], YMin: 0, YMax: 1}
	rx, ry := hpDotSize(xr[1]-xr[0], 1)
	for _, k := range r.Ranking {
		t := r.Trials[k]
		if a := t.Final(); !math.IsNaN(a) {
			p.Series = append(p.Series, hpDot(math.Log10(rate(t)), a, rx, ry, hpColor(a))...)
		}
	}
	p.Series = append(p.Series, plot.Series{X: xr[:], Y: []float64{0.5, 0.5}, Color: plot.Ink, Dotted: true})
	return p
}

// hpHistogram counts the finished trials' final validation accuracies in
// bins of 0.05; its title says how many exceed 0.5.
func hpHistogram(r *experiment.HyperparamsResult, tr *i18n.Localizer) *plot.Panel {
	counts := make([]int, 20)
	above := 0
	for _, k := range r.Ranking {
		a := r.Trials[k].Final()
		if math.IsNaN(a) {
			continue
		}
		counts[min(len(counts)-1, max(0, int(a*float64(len(counts)))))]++
		if a > 0.5 {
			above++
		}
	}
	return &plot.Panel{Title: tr.T("fig.hp.hist", above, len(r.Ranking)), XLabel: tr.T("fig.hp.final"), YLabel: tr.T("fig.hp.trials"),
		XMin: 0, XMax: 1, YMin: 0, YMax: 1.05 * float64(max(1, slices.Max(counts))),
		Bars: &plot.Bars{Lo: 0, Hi: 1, Counts: counts, Color: plot.Palette(0)}}
}

// hpScatter places every trial at (log10 lr, log10 λ): finished ones as
// dots coloured by final validation accuracy, the others (not finished,
// or diverged: red) as rings; the ranges Narrowed gives for the best
// hpNarrow are drawn dashed.
func hpScatter(r *experiment.HyperparamsResult, xr, yr [2]float64, tr *i18n.Localizer) *plot.Panel {
	p := &plot.Panel{Title: tr.T("fig.hp.scatter", hpNarrow), XLabel: tr.T("fig.hp.loglr"), YLabel: tr.T("fig.hp.logwd"),
		XMin: xr[0], XMax: xr[1], YMin: yr[0], YMax: yr[1]}
	rx, ry := hpDotSize(xr[1]-xr[0], yr[1]-yr[0])
	done := map[int]bool{}
	for _, k := range r.Ranking {
		done[k] = true
	}
	for k, t := range r.Trials {
		if !(t.LR > 0 && t.WeightDecay > 0) {
			continue
		}
		x, y := math.Log10(t.LR), math.Log10(t.WeightDecay)
		switch {
		case !done[k]:
			p.Series = append(p.Series, hpRing(x, y, rx, ry, color.NRGBA{R: 0xaa, G: 0xaa, B: 0xaa, A: 0xff}))
		case math.IsNaN(t.Final()):
			p.Series = append(p.Series, hpRing(x, y, rx, ry, plot.Palette(3)))
		default:
			p.Series = append(p.Series, hpDot(x, y, rx, ry, hpColor(t.Final()))...)
		}
	}
	if n, ok := r.Narrowed(hpNarrow); ok {
		p.Series = append(p.Series, plot.Series{Color: plot.Ink, Dashed: true,
			X: []float64{n.LRLog10Min, n.LRLog10Max, n.LRLog10Max, n.LRLog10Min, n.LRLog10Min},
			Y: []float64{n.WeightDecayLog10Min, n.WeightDecayLog10Min, n.WeightDecayLog10Max, n.WeightDecayLog10Max, n.WeightDecayLog10Min}})
	}
	return p
}

// hpColorBar is the scatter's colour scale: final validation accuracy
// from 0 (bottom) to 1, the colours of hpColor.
func hpColorBar(tr *i18n.Localizer) *plot.Panel {
	const rows = 100
	h := &plot.Heat{Rows: rows, Cols: 1, Min: 0, Max: 1}
	for r := range rows {
		h.Values = append(h.Values, 1-(float64(r)+0.5)/rows)
	}
	var ticks []plot.Tick
	for _, a := range []float64{0, 0.25, 0.5, 0.75, 1} {
		ticks = append(ticks, plot.Tick{Value: 0.5 - (1-a)*rows, Label: strconv.FormatFloat(a, 'g', -1, 64)})
	}
	return &plot.Panel{Title: tr.T("fig.hp.bar"), YLabel: tr.T("fig.hp.final"), Heat: h, YTicks: ticks, HideXTicks: true,
		XMin: -0.5, XMax: 2.5, YMin: 0.5 - rows, YMax: 0.5}
}

// hpPalette is the heat maps' sequential scale (plot.Heat with Min <
// Max): Kindlmann's black to white, 1 mapped a little below white.
var hpPalette = moreland.Kindlmann().Palette(255).Colors()

// hpColor is the colour a heat map on [0, 1] gives accuracy a, as gonum's
// heat map picks it from the scale [0, 1.15].
func hpColor(a float64) color.Color {
	i := int(min(1, max(0, a))/1.15*float64(len(hpPalette)-1) + 0.5)
	return hpPalette[i]
}

// hpDotSize is a dot's radius in data units on axes spanning w × h: about
// 2.5 points in a panel's data area.
func hpDotSize(w, h float64) (rx, ry float64) { return w * 2.5 / 170, h * 2.5 / 125 }

// hpRing is a ring of radius (rx, ry) around (x, y).
func hpRing(x, y, rx, ry float64, col color.Color) plot.Series {
	const n = 16
	s := plot.Series{Color: col}
	for i := range n + 1 {
		a := 2 * math.Pi * float64(i) / n
		s.X, s.Y = append(s.X, x+rx*math.Cos(a)), append(s.Y, y+ry*math.Sin(a))
	}
	return s
}

// hpDot is a dot filled with col inside a dark ring (light colours stay
// visible on the page): rings drawn inwards until they meet.
func hpDot(x, y, rx, ry float64, col color.Color) []plot.Series {
	out := []plot.Series{hpRing(x, y, rx, ry, plot.Ink)}
	for _, f := range []float64{0.7, 0.4, 0.1} {
		out = append(out, hpRing(x, y, f*rx, f*ry, col))
	}
	return out
}
