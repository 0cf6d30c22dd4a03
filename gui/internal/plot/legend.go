package plot

import (
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// lineStyle is how a series is drawn: solid, dashed, or dotted and
// thinner (a reference line).
func lineStyle(s Series, scale vg.Length) draw.LineStyle {
	st := draw.LineStyle{Color: s.Color, Width: 1.4 * scale}
	if st.Color == nil {
		st.Color = Ink
	}
	if s.Dashed {
		st.Dashes = []vg.Length{5 * scale, 3 * scale}
	}
	if s.Dotted {
		st.Width, st.Dashes = 1*scale, []vg.Length{1.5 * scale, 2 * scale}
	}
	return st
}

// key is one entry of a legend: a short stroke of the series' line and
// its name.
type key struct {
	name  string
	style draw.LineStyle
}

// legend is a column of keys drawn right of a panel's data area, top
// first: outside the data, so that it hides no curve.
type legend struct {
	keys  []key
	text  draw.TextStyle
	thumb vg.Length
}

// newLegend returns an empty legend in font fnt at the text sizes ts.
func newLegend(fnt font.Font, ts textSizes, scale vg.Length) *legend {
	return &legend{text: textStyle(fnt, ts.legend, draw.XLeft, draw.YCenter), thumb: 22 * scale}
}

// gap is the room between a thumbnail and its text, and around a legend.
func (l *legend) gap() vg.Length { return l.text.Font.Size / 2 }

// line is the height of one key.
func (l *legend) line() vg.Length { return 1.3 * l.text.Font.Size }

// keyWidth is the width of one key: its stroke, a gap and its name.
func (l *legend) keyWidth(k key) vg.Length { return l.thumb + l.gap() + l.text.Width(k.name) }

// width returns the room the legend takes.
func (l *legend) width() vg.Length {
	var w vg.Length
	for _, k := range l.keys {
		w = max(w, l.keyWidth(k))
	}
	return w
}

// drawKey draws k with its left end at x, centred on y.
func (l *legend) drawKey(c draw.Canvas, k key, x, y vg.Length) {
	c.StrokeLine2(k.style, x, y, x+l.thumb, y)
	c.FillText(l.text, vg.Point{X: x + l.thumb + l.gap(), Y: y}, k.name)
}

// draw draws the legend's keys one under the other from x, the first at
// the top of the data area data.
func (l *legend) draw(c draw.Canvas, x vg.Length, data vg.Rectangle) {
	y := data.Max.Y - l.line()/2
	for _, k := range l.keys {
		l.drawKey(c, k, x, y)
		y -= l.line()
	}
}

// drawRows draws the keys in rows under top, each row centred on
// [minX, maxX] and as full as fits, and returns the height they took.
func (l *legend) drawRows(c draw.Canvas, minX, maxX, top vg.Length) vg.Length {
	space := 2 * l.text.Font.Size // between two keys of a row
	var rows [][]key
	var widths []vg.Length
	for _, k := range l.keys {
		w := l.keyWidth(k)
		if n := len(rows); n > 0 && widths[n-1]+space+w <= maxX-minX {
			rows[n-1], widths[n-1] = append(rows[n-1], k), widths[n-1]+space+w
			continue
		}
		rows, widths = append(rows, []key{k}), append(widths, w)
	}
	y := top - l.line()/2
	for i, row := range rows {
		x := (minX + maxX - widths[i]) / 2
		for _, k := range row {
			l.drawKey(c, k, x, y)
			x += l.keyWidth(k) + space
		}
		y -= l.line()
	}
	return vg.Length(len(rows)) * l.line()
}

// room is an invisible plotter that keeps room right of a panel's data
// area (for its colour bar and legend): gonum pads the data area to fit
// its glyph box, and Align gives every panel of the column the same.
type room struct{ width vg.Length }

// Plot draws nothing.
func (room) Plot(draw.Canvas, *gplot.Plot) {}

// GlyphBoxes is a box of the width at the data area's right edge.
func (r room) GlyphBoxes(*gplot.Plot) []gplot.GlyphBox {
	return []gplot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: r.width}}}}
}
