package plot

import (
	"cmp"
	"image/color"
	"math"
	"strconv"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Draw draws the figure onto dc with gonum/plot: the title at the top,
// the figure's legend under it, the panels on a grid of aligned plots,
// the footer at the bottom, and the placeholder over the panels. text maps
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
	ts := textAt(scale)
	body := dc
	margin := 6 * scale
	if f.Title != "" {
		sty := textStyle(fnt, ts.title, draw.XCenter, draw.YTop)
		title := wrap(text(f.Title), sty, dc.Max.X-dc.Min.X-2*margin)
		dc.FillText(sty, vg.Point{X: (dc.Min.X + dc.Max.X) / 2, Y: dc.Max.Y - 4*scale}, title)
		body.Max.Y -= sty.Height(title) + 8*scale
	}
	if len(f.Legend) > 0 {
		l := newLegend(fnt, ts, scale)
		for _, s := range f.Legend {
			l.keys = append(l.keys, key{name: text(s.Name), style: lineStyle(s, scale)})
		}
		body.Max.Y -= l.drawRows(dc, body.Min.X+8*scale, body.Max.X-8*scale, body.Max.Y) + 4*scale
	}
	if f.FooterText != "" {
		sty := textStyle(fnt, ts.footer, draw.XLeft, draw.YBottom)
		footer := wrap(text(f.FooterText), sty, dc.Max.X-dc.Min.X-2*margin)
		dc.FillText(sty, vg.Point{X: dc.Min.X + margin, Y: dc.Min.Y + 4*scale}, footer)
		body.Min.Y += sty.Height(footer) + 8*scale
	}
	plots, canvases := f.grid(body, text, scale)
	for r := range plots {
		for c, p := range plots[r] {
			if p != nil && drawable(canvases[r][c].Rectangle) {
				p.draw(canvases[r][c])
			}
		}
	}
	if f.Placeholder != "" {
		placeholder(body, text(f.Placeholder), fnt, ts.placeholder)
	}
}

// grid builds the panels' plots and aligns them on body.
func (f *Figure) grid(body draw.Canvas, text func(string) string, scale vg.Length) ([][]*panelPlot, [][]draw.Canvas) {
	if text == nil {
		text = func(s string) string { return s }
	}
	cols := max(1, f.Cols)
	rows := (len(f.Panels) + cols - 1) / cols
	if rows == 0 {
		return nil, nil
	}
	plots := make([][]*panelPlot, rows)
	aligned := make([][]*gplot.Plot, rows)
	for r := range plots {
		plots[r], aligned[r] = make([]*panelPlot, cols), make([]*gplot.Plot, cols)
	}
	xLabel, yLabel := f.sharedLabels()
	dropX, dropY := make([]bool, rows), make([]bool, cols)
	for i := range dropX {
		dropX[i] = true
	}
	for i := range dropY {
		dropY[i] = true
	}
	for i, p := range f.Panels {
		if p != nil {
			dropX[i/cols] = dropX[i/cols] && p.HideXTicks && p.XLabel == ""
			dropY[i%cols] = dropY[i%cols] && p.HideYTicks && p.YLabel == ""
		}
	}
	for i, p := range f.Panels {
		if p == nil {
			continue // an empty cell of the grid
		}
		p.axisLabels.x, p.axisLabels.y = xLabel, yLabel
		p.axisLabels.dropX, p.axisLabels.dropY = dropX[i/cols], dropY[i%cols]
		pp := p.plot(text, f.fontOf(), scale)
		plots[i/cols][i%cols], aligned[i/cols][i%cols] = pp, pp.Plot
	}
	tiles := draw.Tiles{Rows: rows, Cols: cols, PadX: 6 * scale, PadY: 6 * scale,
		PadLeft: 4 * scale, PadRight: 8 * scale, PadTop: 2 * scale, PadBottom: 2 * scale}
	return plots, gplot.Align(aligned, tiles, body)
}

// sharedLabels returns stand-ins for the x and y axis labels of the
// panels: as many lines as the tallest, the room every panel keeps for
// them, but short. A long invisible label would push the data area down
// on a log y axis: gonum centres its box on the axis' arithmetic middle,
// high up on a log scale, and Align then cannot quite line the panels up.
func (f *Figure) sharedLabels() (x, y string) {
	standIn := func(label, was string) string {
		if label == "" {
			return was
		}
		return strings.Repeat("x\n", max(strings.Count(label, "\n"), strings.Count(was, "\n"))) + "x"
	}
	for _, p := range f.Panels {
		if p == nil {
			continue
		}
		x, y = standIn(p.XLabel, x), standIn(p.YLabel, y)
	}
	return x, y
}

// squeeze is how far below its natural size a drawing keeps natural-size
// text: the window's figure area at 1200×900 is 75 % of the batch-norm
// figure's height, and its 4 rows of panels then still have room for
// their data. A drawing smaller still shrinks text with it, or the
// panels' titles and labels would leave their data no room at all.
const squeeze = 0.7

// scale grows text and lines with the drawing: 1 at the figure's natural
// Size, by the tighter of the width and height ratios r above it, at most
// 2: a short wide window does not get text too tall for its panels. It
// keeps 1 for r down to squeeze, so text stays as legible in the window
// as in a PNG (see MinTextPoints), and is r/squeeze below (at least 1/4:
// a figure squeezed into a sliver draws nothing readable either way).
func (f *Figure) scale(dc draw.Canvas) vg.Length {
	nat := f.Size()
	if nat.Width <= 0 || nat.Height <= 0 {
		return 1
	}
	w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
	r := math.Min(w/float64(nat.Width), h/float64(nat.Height))
	return vg.Length(math.Max(min(1, max(0.25, r/squeeze)), math.Min(2, r)))
}

func textStyle(fnt font.Font, size vg.Length, x draw.XAlignment, y draw.YAlignment) draw.TextStyle {
	return draw.TextStyle{Color: Ink, Font: font.From(fnt, size), XAlign: x, YAlign: y,
		Handler: gplot.DefaultTextHandler}
}

// placeholder writes s in the middle of c on a white box.
func placeholder(c draw.Canvas, s string, fnt font.Font, size vg.Length) {
	sty := textStyle(fnt, size, draw.XCenter, draw.YCenter)
	sty.Color = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	mid := c.Center()
	w, h := sty.Width(s)/2+size, sty.Height(s)/2+size/2
	box := rect(mid.X-w, mid.Y-h, mid.X+w, mid.Y+h)
	c.SetColor(Paper)
	c.Fill(box)
	c.SetLineStyle(draw.LineStyle{Color: GridInk, Width: size / 12})
	c.Stroke(box)
	c.FillText(sty, mid, s)
}

// panelPlot is a panel built for drawing: gonum's plot, and what gonum
// does not draw: the title centred over the data area (gonum centres it
// over the whole panel, colour bar and legend included), and the colour
// bar and legend right of the data area, in the room a room plotter keeps.
type panelPlot struct {
	*gplot.Plot
	title  string
	style  draw.TextStyle
	bar    *colorBar
	legend *legend
	gap    vg.Length
}

// draw draws the panel into its aligned canvas c.
func (pp *panelPlot) draw(c draw.Canvas) {
	pp.Plot.Draw(c)
	data := pp.DataCanvas(c).Rectangle
	if pp.title != "" {
		// On the data area, as gonum's layout leaves room for it: gonum's
		// Align leaves the panels' tops a little apart where their axes
		// differ, their data areas not.
		pp.style.YAlign = draw.YBottom
		c.FillText(pp.style, vg.Point{X: (data.Min.X + data.Max.X) / 2, Y: data.Max.Y + pp.Title.Padding}, pp.title)
	}
	x := data.Max.X + pp.gap
	if pp.bar != nil {
		pp.bar.draw(c, x, data)
		x += pp.bar.width() + pp.gap
	}
	if pp.legend != nil {
		pp.legend.draw(c, x, data)
	}
}

// plot builds one panel as a gonum plot, its text in fnt.
func (p *Panel) plot(text func(string) string, fnt font.Font, scale vg.Length) *panelPlot {
	ts := textAt(scale)
	pl := gplot.New()
	pl.Title.TextStyle.Font, pl.Legend.TextStyle.Font = font.From(fnt, 0), font.From(fnt, 0)
	for _, ax := range []*gplot.Axis{&pl.X, &pl.Y} {
		ax.Label.TextStyle.Font, ax.Tick.Label.Font = font.From(fnt, 0), font.From(fnt, 0)
	}
	pl.BackgroundColor = color.Transparent
	// The title keeps its room in gonum's layout, invisible: panelPlot
	// draws it over the data area.
	pl.Title.Text = text(p.Title)
	pl.Title.TextStyle.Font.Size, pl.Title.Padding = ts.panelTitle, ts.panelTitle/2
	pp := &panelPlot{Plot: pl, title: pl.Title.Text, style: pl.Title.TextStyle, gap: 8 * scale}
	pp.style.Color = Ink
	pl.Title.TextStyle.Color = color.Transparent
	pl.X.Label.Text, pl.Y.Label.Text = text(p.XLabel), text(p.YLabel)
	for _, ax := range []*gplot.Axis{&pl.X, &pl.Y} {
		ax.Label.TextStyle.Font.Size = ts.axisLabel
		ax.Tick.Label.Font.Size = ts.tick
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
	// small panels, lines the data areas up exactly. A row (column) where
	// every panel hides them leaves them out: its panels are all alike,
	// and their data get the room.
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
	// The grid follows the labelled ticks, whether their labels show.
	grid := gridLines{x: pl.X.Tick.Marker, y: pl.Y.Tick.Marker, style: draw.LineStyle{Color: GridInk, Width: 0.5 * scale}}
	pl.Add(grid)
	switch {
	case p.axisLabels.dropX:
		pl.X.Tick.Marker = blankLabels{pl.X.Tick.Marker}
	case p.XLabel == "" && p.axisLabels.x != "":
		pl.X.Label.Text, pl.X.Label.TextStyle.Color = text(p.axisLabels.x), color.Transparent
	}
	switch {
	case p.axisLabels.dropY:
		pl.Y.Tick.Marker = blankLabels{pl.Y.Tick.Marker}
	case p.YLabel == "" && p.axisLabels.y != "":
		pl.Y.Label.Text, pl.Y.Label.TextStyle.Color = text(p.axisLabels.y), color.Transparent
	}
	var side vg.Length // the room right of the data area
	if h := p.Heat; h != nil && h.Label != "" {
		pp.bar = newColorBar(h, fnt, ts, scale)
		side += pp.gap + pp.bar.width()
	}
	if p.Legend {
		pp.legend = newLegend(fnt, ts, scale)
	}

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
		for _, part := range parts {
			line, err := plotter.NewLine(part)
			if err != nil {
				continue
			}
			line.LineStyle = lineStyle(s, scale)
			pl.Add(line)
		}
	}
	if pp.legend != nil {
		// Every named series has a key, drawn or not yet: the legend of
		// a run in progress does not grow.
		for _, s := range p.Series {
			if s.Name != "" {
				pp.legend.keys = append(pp.legend.keys, key{name: text(s.Name), style: lineStyle(s, scale)})
			}
		}
		if len(pp.legend.keys) == 0 {
			pp.legend = nil
		} else {
			side += pp.gap + pp.legend.width()
		}
	}
	if side > 0 {
		pl.Add(room{width: side})
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
			labels.TextStyle[0].Font = font.From(fnt, ts.mark)
			pl.Add(labels)
		}
	}
	pl.X.Min, pl.X.Max, pl.Y.Min, pl.Y.Max = xr[0], xr[1], yr[0], yr[1]
	return pp
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

// blankLabels keeps the wrapped ticker's ticks without their labels.
type blankLabels struct{ gplot.Ticker }

// Ticks returns the wrapped ticker's ticks, unlabelled.
func (b blankLabels) Ticks(min, max float64) []gplot.Tick {
	ticks := b.Ticker.Ticks(min, max)
	for i := range ticks {
		ticks[i].Label = ""
	}
	return ticks
}

// gridLines is gonum's grid drawn at the labelled ticks of the markers x
// and y: those of the axes before blankLabels took their labels.
type gridLines struct {
	x, y  gplot.Ticker
	style draw.LineStyle
}

// Plot draws the grid's lines across the data area.
func (g gridLines) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, t := range g.x.Ticks(p.X.Min, p.X.Max) {
		if x := trX(t.Value); !t.IsMinor() && x >= c.Min.X && x <= c.Max.X {
			c.StrokeLine2(g.style, x, c.Min.Y, x, c.Max.Y)
		}
	}
	for _, t := range g.y.Ticks(p.Y.Min, p.Y.Max) {
		if y := trY(t.Value); !t.IsMinor() && y >= c.Min.Y && y <= c.Max.Y {
			c.StrokeLine2(g.style, c.Min.X, y, c.Max.X, y)
		}
	}
}

// heatGrid adapts Heat to gonum's GridXYZ: column c at x = c, row r at
// y = −r, so row 0 is at the top.
type heatGrid struct{ h *Heat }

func (g heatGrid) Dims() (c, r int)   { return g.h.Cols, g.h.Rows }
func (g heatGrid) Z(c, r int) float64 { return g.h.Values[r*g.h.Cols+c] }
func (g heatGrid) X(c int) float64    { return float64(c) }
func (g heatGrid) Y(r int) float64    { return -float64(r) }

// heatMap draws h on its scale (see scaleOf).
func heatMap(h *Heat) *plotter.HeatMap {
	s := scaleOf(h)
	hm := plotter.NewHeatMap(heatGrid{h}, s.pal)
	hm.Min, hm.Max = s.palLo, s.palHi
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
