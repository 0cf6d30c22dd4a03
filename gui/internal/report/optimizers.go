package report

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net"
	"zerokara/net/experiment"
)

func init() { register("optimizers", ignoreOptions(Optimizers)) }

// pathBox is the book's view of f(x, y) = x²/20 + y²: the axes
// [−10, 10]², the contour lines over x ∈ [−10, 10], y ∈ [−5, 5], where the
// book's script masks f > 7.
const (
	pathBox     = 10.0
	contourYMax = 5.0
	contourMax  = 7
)

// OptimizersCells is the layout of the optimizers figure for n paths,
// three panels a row: the paths first (path i in cell paths[i]), then the
// smoothed MNIST loss (cell loss) and the raw one (cell raw); cols is the
// figure's number of columns. The book's four paths and the two losses
// fill two rows.
func OptimizersCells(n int) (cols int, paths []int, loss, raw int) {
	for i := range n {
		paths = append(paths, i)
	}
	return 3, paths, n, n + 1
}

// Optimizers draws the book's two figures of §6.1 together: each
// optimizer's path on the contour lines of x²/20 + y² (red dots joined
// by lines, + at the minimum); the MNIST training loss of each optimizer
// smoothed as the book (y ∈ [0, 1], a marker every 100 iterations), and
// the raw loss of every iteration; the figure's legend names the MNIST
// curves with their test accuracy.
func Optimizers(r *experiment.OptimizersResult, tr *i18n.Localizer) *plot.Figure {
	cols, cells, loss, raw := OptimizersCells(len(r.Paths))
	panels := make([]*plot.Panel, raw+1)
	for i, p := range r.Paths {
		panels[cells[i]] = pathPanel(p, tr)
	}
	panels[loss], panels[raw] = lossPanels(r, tr)
	c := r.Config
	f := &plot.Figure{Title: tr.T("fig.opt.title"), Cols: cols, PanelSize: fyne.NewSize(300, 280), Panels: panels,
		Typeface: typeface(tr),
		FooterText: tr.T("fig.opt.footer", c.Path.Steps, asTyped(c.Path.X0), asTyped(c.Path.Y0),
			Architecture(c.Hidden), c.Batch, c.Seed, c.DType)}
	for i, m := range r.MNIST {
		name := tr.T("fig.opt.name", BookOptimizerName(m.Name), asTyped(m.LR))
		if m.TestAccuracy != nil {
			name += tr.T("fig.opt.testacc", *m.TestAccuracy)
		}
		if m.Diverged {
			name += tr.T("fig.opt.diverged", m.DivergedAt)
		}
		f.Legend = append(f.Legend, plot.Series{Name: name, Color: plot.Palette(i)})
	}
	return f
}

// asTyped writes a setting's value as typed ("0.95", "-7").
func asTyped(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// BookOptimizerName is the book's spelling of an optimizer ("AdaGrad").
func BookOptimizerName(n net.OptimizerName) string {
	switch n {
	case net.OptSGD:
		return "SGD"
	case net.OptMomentum:
		return "Momentum"
	case net.OptNesterov:
		return "Nesterov"
	case net.OptAdaGrad:
		return "AdaGrad"
	case net.OptRMSprop:
		return "RMSprop"
	case net.OptAdam:
		return "Adam"
	}
	return string(n)
}

// contourInk is the contour lines' grey: behind the path, above the grid.
var contourInk = color.NRGBA{R: 0xaa, G: 0xaa, B: 0xaa, A: 0xff}

// pathPanel is one optimizer's path on the contour lines, a dot at each
// of its first maxDots positions.
func pathPanel(p experiment.OptimizerPath, tr *i18n.Localizer) *plot.Panel {
	panel := &plot.Panel{Title: tr.T("fig.opt.name", BookOptimizerName(p.Name), asTyped(p.LR)),
		XLabel: "x", YLabel: "y", // i18n:ignore (the variables of f)
		XMin: -pathBox, XMax: pathBox, YMin: -pathBox, YMax: pathBox}
	for level := 1; level <= contourMax; level++ {
		x, y := ellipse(math.Sqrt(20*float64(level)), math.Sqrt(float64(level)))
		panel.Series = append(panel.Series, plot.Series{X: x, Y: y, Color: contourInk})
	}
	red := plot.Palette(3)
	panel.Series = append(panel.Series, plot.Series{X: p.X, Y: p.Y, Color: red})
	dx, dy := markerSize(2*pathBox, 2*pathBox)
	for i := range min(len(p.X), len(p.Y), maxDots) {
		x, y := circle(p.X[i], p.Y[i], dx, dy)
		panel.Series = append(panel.Series, plot.Series{X: x, Y: y, Color: red})
	}
	x, y := plus(0, 0, 2*dx, 2*dy)
	panel.Series = append(panel.Series, plot.Series{X: x, Y: y, Color: plot.Ink})
	return panel
}

// maxDots is how many positions of a path get a dot: the book's 30 and
// more, while a path of thousands of updates stays a line that draws at
// once.
const maxDots = 100

// ellipse returns the contour x²/a² + y²/b² = 1 as a closed line, broken
// (NaN) where it leaves x ∈ [−10, 10] or y ∈ [−5, 5].
func ellipse(a, b float64) (xs, ys []float64) {
	const n = 240
	for k := range n + 1 {
		t := 2 * math.Pi * float64(k) / n
		x, y := a*math.Cos(t), b*math.Sin(t)
		if math.Abs(x) > pathBox || math.Abs(y) > contourYMax {
			x, y = math.NaN(), math.NaN()
		}
		xs, ys = append(xs, x), append(ys, y)
	}
	return xs, ys
}

// markerSize is a marker's half-width in data units on axes spanning
// w × h: a few pixels in a panel of the figure's size.
func markerSize(w, h float64) (dx, dy float64) { return 0.012 * w, 0.012 * h }

// circle is a small ring around (x, y) of half-widths dx, dy, drawn as a
// line: at the line's width it reads as a dot. A non-finite centre gives
// no ring.
func circle(x, y, dx, dy float64) (xs, ys []float64) {
	if math.IsNaN(x+y) || math.IsInf(x+y, 0) {
		return nil, nil
	}
	const n = 10
	for k := range n + 1 {
		t := 2 * math.Pi * float64(k) / n
		xs, ys = append(xs, x+dx*math.Cos(t)), append(ys, y+dy*math.Sin(t))
	}
	return xs, ys
}

// plus is a + of half-widths dx, dy at (x, y).
func plus(x, y, dx, dy float64) (xs, ys []float64) {
	nan := math.NaN()
	return []float64{x - dx, x + dx, nan, x, x}, []float64{y, y, nan, y - dy, y + dy}
}

// marker is the book's marker of the i-th curve (o, x, s, D, then ^ and
// +) at (x, y), as a line.
func marker(i int, x, y, dx, dy float64) (xs, ys []float64) {
	nan := math.NaN()
	switch i % 6 {
	case 0:
		return circle(x, y, dx, dy)
	case 1:
		return []float64{x - dx, x + dx, nan, x - dx, x + dx}, []float64{y - dy, y + dy, nan, y + dy, y - dy}
	case 2:
		return []float64{x - dx, x + dx, x + dx, x - dx, x - dx}, []float64{y - dy, y - dy, y + dy, y + dy, y - dy}
	case 3:
		return []float64{x, x + dx, x, x - dx, x}, []float64{y - 1.3*dy, y, y + 1.3*dy, y, y - 1.3*dy}
	case 4:
		return []float64{x - dx, x + dx, x, x - dx}, []float64{y - dy, y - dy, y + dy, y - dy}
	}
	return plus(x, y, dx, dy)
}

// markEvery is the book's markevery: a marker every 100 iterations.
const markEvery = 100

// lossPanels are the MNIST loss of every optimizer: smoothed as the
// book's figure (y ∈ [0, 1], with its markers), and raw (every
// iteration, y ∈ [0, 2.5]: the start at ln 10 ≈ 2.3 and the noise of the
// batches). Before a run the smoothed one says what Run does.
func lossPanels(r *experiment.OptimizersResult, tr *i18n.Localizer) (smoothed, raw *plot.Panel) {
	c := r.Config
	xMax := float64(max(c.Iterations-1, 1))
	smoothed = &plot.Panel{Title: tr.T("fig.opt.mnist"), XLabel: tr.T("fig.iterations"),
		YLabel: tr.T("fig.loss"), XMin: 0, XMax: xMax, YMin: 0, YMax: 1}
	raw = &plot.Panel{Title: tr.T("fig.opt.raw"), XLabel: tr.T("fig.iterations"), YLabel: tr.T("fig.loss"),
		XMin: 0, XMax: xMax, YMin: 0, YMax: 2.5}
	dx, dy := markerSize(xMax, 1)
	empty := true
	for i, m := range r.MNIST {
		col := plot.Palette(i)
		x := make([]float64, len(m.Loss))
		for j := range x {
			x[j] = float64(j)
		}
		empty = empty && len(x) == 0
		raw.Series = append(raw.Series, plot.Series{X: x, Y: m.Loss, Color: col})
		y := m.Smoothed
		if len(y) != len(x) {
			y = experiment.Smooth(m.Loss)
		}
		smoothed.Series = append(smoothed.Series, plot.Series{X: x, Y: y, Color: col})
		for j := 0; j < len(x); j += markEvery {
			mx, my := marker(i, x[j], y[j], dx, dy)
			smoothed.Series = append(smoothed.Series, plot.Series{X: mx, Y: my, Color: col})
		}
	}
	if empty {
		smoothed.Marks = append(smoothed.Marks, plot.Mark{X: 0.05 * xMax, Y: 0.5, Text: tr.T("fig.opt.empty")})
	}
	return smoothed, raw
}
