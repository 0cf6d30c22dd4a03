package plot

import (
	"cmp"
	"image/color"
	"math"
	"strconv"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Draw draws the figure onto dc with gonum/plot: the title at the top, the
// panels on a grid of aligned plots, the footer at the bottom. text maps
// every string before it is drawn (PDF spells out what cp1252 lacks); nil
// keeps them.
func (f *Figure) Draw(dc draw.Canvas, text func(string) string) {
	if text == nil {
		text = func(s string) string { return s }
	}
	white := dc
	white.SetColor(Paper)
	white.Fill(dc.Rectangle.Path())

	scale, fnt := f.scale(dc), f.fontOf()
	titleSize, footSize := 14*scale, 9*scale
	body := dc
	if f.Title != "" {
		sty := textStyle(fnt, titleSize, draw.XCenter, draw.YTop)
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - 4*scale}, text(f.Title))
		body.Max.Y -= titleSize + 10*scale
	}
	if f.FooterText != "" {
		sty := textStyle(fnt, footSize, draw.XLeft, draw.YBottom)
		dc.FillText(sty, vg.Point{X: dc.Min.X + 6*scale, Y: dc.Min.Y + 4*scale}, text(f.FooterText))
		body.Min.Y += footSize + 10*scale
	}
	plots, canvases := f.grid(body, text, scale)
	for r := range plots {
		for c, p := range plots[r] {
			if p != nil {
				p.Draw(canvases[r][c])
			}
		}
	}
}

// grid builds the panels' plots and aligns them on body.
func (f *Figure) grid(body draw.Canvas, text func(string) string, scale vg.Length) ([][]*gplot.Plot, [][]draw.Canvas) {
	if text == nil {
		text = func(s string) string { return s }
	}
	cols := max(1, f.Cols)
	rows := (len(f.Panels) + cols - 1) / cols
	if rows == 0 {
		return nil, nil
	}
	plots := make([][]*gplot.Plot, rows)
	for r := range plots {
		plots[r] = make([]*gplot.Plot, cols)
	}
	xLabel, yLabel := f.sharedLabels()
	for i, p := range f.Panels {
		if p == nil {
			continue // an empty cell of the grid
		}
		p.axisLabels.x, p.axisLabels.y = xLabel, yLabel
		plots[i/cols][i%cols] = p.plot(text, f.fontOf(), scale)
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: 6 * scale, PadY: 6 * scale,
		PadLeft: 4 * scale, PadRight: 8 * scale, PadTop: 2 * scale, PadBottom: 2 * scale}
	return plots, gplot.Align(plots, tiles, body)
}

// sharedLabels returns the longest x and y axis labels of the panels: the
// room every panel keeps for them.
func (f *Figure) sharedLabels() (x, y string) {
	for _, p := range f.Panels {
		if p == nil {
			continue
		}
		if len(p.XLabel) > len(x) {
			x = p.XLabel
		}
		if len(p.YLabel) > len(y) {
			y = p.YLabel
		}
	}
	return x, y
}

// scale grows or shrinks text and lines with the drawing: 1 at the
// figure's natural Size, by the tighter of the width and height ratios
// elsewhere, within [0.9, 2]: a short wide window does not get text too
// tall for its panels, nor text too small to read.
func (f *Figure) scale(dc draw.Canvas) vg.Length {
	nat := f.Size()
	if nat.Width <= 0 || nat.Height <= 0 {
		return 1
	}
	w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
	r := math.Min(w/float64(nat.Width), h/float64(nat.Height))
	return vg.Length(math.Max(0.9, math.Min(2, r)))
}

func textStyle(fnt font.Font, size vg.Length, x draw.XAlignment, y draw.YAlignment) draw.TextStyle {
	return draw.TextStyle{Color: Ink, Font: font.From(fnt, size), XAlign: x, YAlign: y,
		Handler: gplot.DefaultTextHandler}
}

// plot builds one panel as a gonum plot, its text in fnt.
func (p *Panel) plot(text func(string) string, fnt font.Font, scale vg.Length) *gplot.Plot {
	pl := gplot.New()
	pl.Title.TextStyle.Font, pl.Legend.TextStyle.Font = font.From(fnt, 0), font.From(fnt, 0)
	for _, ax := range []*gplot.Axis{&pl.X, &pl.Y} {
		ax.Label.TextStyle.Font, ax.Tick.Label.Font = font.From(fnt, 0), font.From(fnt, 0)
	}
	pl.BackgroundColor = color.Transparent
	pl.Title.Text = text(p.Title)
	pl.Title.TextStyle.Font.Size = 10 * scale
	pl.X.Label.Text, pl.Y.Label.Text = text(p.XLabel), text(p.YLabel)
	for _, ax := range []*gplot.Axis{&pl.X, &pl.Y} {
		ax.Label.TextStyle.Font.Size = 9 * scale
		ax.Tick.Label.Font.Size = 8 * scale
		ax.Color, ax.Tick.Color, ax.Label.TextStyle.Color, ax.Tick.Label.Color = Ink, Ink, Ink, Ink
		ax.LineStyle.Width, ax.Tick.LineStyle.Width = 0.6*scale, 0.6*scale
	}
	pl.X.Tick.Marker, pl.Y.Tick.Marker = plainLabels{gplot.DefaultTicks{}}, plainLabels{gplot.DefaultTicks{}}
	if p.XLog {
		pl.X.Scale, pl.X.Tick.Marker = gplot.LogScale{}, gplot.LogTicks{Prec: -1}
	}
	if p.YLog {
		pl.Y.Scale, pl.Y.Tick.Marker = gplot.LogScale{}, gplot.LogTicks{Prec: -1}
	}
	// Hidden tick labels and axis labels are drawn transparent, not left
	// out: every panel of a grid then has the same geometry, and
	// gonum's Align, which cannot always reconcile different ones in
	// small panels, lines the data areas up exactly.
	if len(p.XTicks) > 0 {
		pl.X.Tick.Marker = constTicks(p.XTicks, domain{log: p.XLog})
	}
	if len(p.YTicks) > 0 {
		pl.Y.Tick.Marker = constTicks(p.YTicks, domain{log: p.YLog})
	}
	if p.HideXTicks {
		pl.X.Tick.Label.Color = color.Transparent
	}
	if p.HideYTicks {
		pl.Y.Tick.Label.Color = color.Transparent
	}
	if p.XLabel == "" && p.axisLabels.x != "" {
		pl.X.Label.Text, pl.X.Label.TextStyle.Color = text(p.axisLabels.x), color.Transparent
	}
	if p.YLabel == "" && p.axisLabels.y != "" {
		pl.Y.Label.Text, pl.Y.Label.TextStyle.Color = text(p.axisLabels.y), color.Transparent
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal.Color = GridInk, GridInk
	grid.Vertical.Width, grid.Horizontal.Width = 0.5*scale, 0.5*scale
	pl.Add(grid)
	pl.Legend.Top, pl.Legend.TextStyle.Font.Size = p.LegendTop, 8*scale
	pl.Legend.ThumbnailWidth = 18 * scale

	dx, dy := domain{log: p.XLog}, domain{log: p.YLog}
	if b := p.Bars; b != nil && len(b.Counts) > 0 && dx.holds(b.Lo) && dx.holds(b.Hi) && b.Lo < b.Hi && !p.YLog {
		pl.Add(histogram(b, scale))
	}
	if h := p.Heat; h != nil && h.Rows > 0 && h.Cols > 0 && len(h.Values) == h.Rows*h.Cols && !p.XLog && !p.YLog {
		// A grey backdrop shows the cells without a value (NaN: not run
		// yet, or diverged).
		if back, err := plotter.NewPolygon(plotter.XYs{{X: -0.5, Y: 0.5}, {X: float64(h.Cols) - 0.5, Y: 0.5},
			{X: float64(h.Cols) - 0.5, Y: -float64(h.Rows) + 0.5}, {X: -0.5, Y: -float64(h.Rows) + 0.5}}); err == nil {
			back.Color, back.LineStyle.Width = color.NRGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff}, 0
			pl.Add(back)
		}
		pl.Add(heatMap(h))
	}
	var crosses []Mark // points off the axes' domains, marked where they leave them
	for _, s := range p.Series {
		parts, clamped := segments(s.X, s.Y, dx, dy)
		for _, xy := range clamped {
			crosses = append(crosses, Mark{X: xy.X, Y: xy.Y, Color: cmp.Or[color.Color](s.Color, Ink)})
		}
		for i, part := range parts {
			line, err := plotter.NewLine(part)
			if err != nil {
				continue
			}
			line.Color = s.Color
			line.Width = 1.4 * scale
			if s.Dashed {
				line.Dashes = []vg.Length{5 * scale, 3 * scale}
			}
			if s.Dotted {
				line.Width, line.Dashes = 1*scale, []vg.Length{1.5 * scale, 2 * scale}
			}
			pl.Add(line)
			if i == 0 && p.Legend && s.Name != "" {
				pl.Legend.Add(text(s.Name), line)
			}
		}
	}
	// The axes' ranges: the fixed ones after the plotters (Add widens the
	// axes to the data), and drawable whatever the data hold.
	yMin := p.YMin
	if p.YMax > 0 && p.YMin == p.YMax {
		yMin = 0
	}
	pl.X.Min, pl.X.Max = dx.axis(p.XMin, p.XMax, pl.X.Min, pl.X.Max)
	pl.Y.Min, pl.Y.Max = dy.axis(yMin, p.YMax, pl.Y.Min, pl.Y.Max)
	xr, yr := [2]float64{pl.X.Min, pl.X.Max}, [2]float64{pl.Y.Min, pl.Y.Max}
	if len(crosses) > 0 {
		xys := make(plotter.XYs, len(crosses))
		for i, m := range crosses {
			xys[i] = plotter.XY{X: dx.clamp(m.X, xr[0], xr[1]), Y: dy.clamp(m.Y, yr[0], yr[1])}
		}
		if sc, err := plotter.NewScatter(xys); err == nil {
			sc.GlyphStyleFunc = func(i int) draw.GlyphStyle {
				return draw.GlyphStyle{Color: crosses[i].Color, Radius: 3 * scale, Shape: draw.CrossGlyph{}}
			}
			pl.Add(sc)
		}
	}
	for _, m := range p.Marks {
		if !finite(m.X) || !finite(m.Y) {
			continue
		}
		at := plotter.XYs{{X: dx.clamp(m.X, xr[0], xr[1]), Y: dy.clamp(m.Y, yr[0], yr[1])}}
		if labels, err := plotter.NewLabels(plotter.XYLabels{XYs: at, Labels: []string{text(m.Text)}}); err == nil {
			col := m.Color
			if col == nil {
				col = Ink
			}
			labels.TextStyle[0].Color = col
			labels.TextStyle[0].Font = font.From(fnt, 8*scale)
			pl.Add(labels)
		}
	}
	pl.X.Min, pl.X.Max, pl.Y.Min, pl.Y.Max = xr[0], xr[1], yr[0], yr[1]
	return pl
}

// constTicks are fixed, labelled ticks: those the axis can draw.
func constTicks(ts []Tick, d domain) gplot.ConstantTicks {
	var out gplot.ConstantTicks
	for _, t := range ts {
		if d.holds(t.Value) {
			out = append(out, gplot.Tick{Value: t.Value, Label: t.Label})
		}
	}
	return out
}

// plainLabels writes tick values in their shortest form ("250", not
// "250.00").
type plainLabels struct{ gplot.Ticker }

// Ticks returns the wrapped ticker's ticks, relabelled.
func (p plainLabels) Ticks(min, max float64) []gplot.Tick {
	ticks := p.Ticker.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = strconv.FormatFloat(ticks[i].Value, 'g', 6, 64)
		}
	}
	return ticks
}

// heatGrid adapts Heat to gonum's GridXYZ: column c at x = c, row r at
// y = −r, so row 0 is at the top.
type heatGrid struct{ h *Heat }

func (g heatGrid) Dims() (c, r int)   { return g.h.Cols, g.h.Rows }
func (g heatGrid) Z(c, r int) float64 { return g.h.Values[r*g.h.Cols+c] }
func (g heatGrid) X(c int) float64    { return float64(c) }
func (g heatGrid) Y(r int) float64    { return -float64(r) }

// heatMap draws h on a blue–red scale symmetric around 0; a constant or
// all-zero matrix gets a range of its own magnitude (or ±1).
func heatMap(h *Heat) *plotter.HeatMap {
	var top float64
	for _, v := range h.Values {
		if (domain{}).holds(v) { // larger values overflow the scale: blank
			top = max(top, math.Abs(v))
		}
	}
	if top == 0 {
		top = 1
	}
	var hm *plotter.HeatMap
	if (domain{}).holds(h.Min) && (domain{}).holds(h.Max) && h.Min < h.Max {
		// Kindlmann runs from black to white; Max maps a little below
		// white so that it stands apart from the page.
		hm = plotter.NewHeatMap(heatGrid{h}, moreland.Kindlmann().Palette(255))
		hm.Min, hm.Max = h.Min, h.Max+0.15*(h.Max-h.Min)
	} else {
		hm = plotter.NewHeatMap(heatGrid{h}, moreland.SmoothBlueRed().Palette(255))
		hm.Min, hm.Max = -top, top
	}
	// Few cells (a sweep's grid) as rectangles, which stay sharp; many (a
	// weight matrix) as one raster, which has no seams between thousands
	// of antialiased rectangles.
	hm.Rasterized = h.Rows*h.Cols > 1000
	return hm
}

// histogram turns counts in equal bins into gonum's histogram plotter.
func histogram(b *Bars, scale vg.Length) *plotter.Histogram {
	width := (b.Hi - b.Lo) / float64(len(b.Counts))
	bins := make([]plotter.HistogramBin, len(b.Counts))
	for i, c := range b.Counts {
		lo := b.Lo + float64(i)*width
		bins[i] = plotter.HistogramBin{Min: lo, Max: lo + width, Weight: float64(c)}
	}
	col := b.Color
	if col == nil {
		col = Palette(0)
	}
	h := &plotter.Histogram{Bins: bins, Width: width, FillColor: col}
	h.LineStyle = draw.LineStyle{Color: Paper, Width: 0.3 * scale}
	return h
}

// PDFText spells out what gonum/plot's PDF backend cannot show: its text
// is meant for cp1252, and UTF-8 beyond ASCII comes out garbled (× read
// back by pdftotext as "Ã—"). Greek letters and symbols become words
// or ASCII; any other non-ASCII rune becomes "?".
func PDFText(s string) string {
	s = pdfReplacer.Replace(s)
	var b strings.Builder
	for _, c := range s {
		if c > 0x7e {
			c = '?'
		}
		b.WriteRune(c)
	}
	return b.String()
}

var pdfReplacer = strings.NewReplacer("σ", "sigma", "λ", "lambda", "μ", "mu", "−", "-", "×", "x", "✕", "x",
	"‖", "|", "√", "sqrt", "…", "...", "→", "->", "≥", ">=", "≤", "<=", "·", "*", "²", "^2", "–", "-", "—", "-")
