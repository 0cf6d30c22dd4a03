package plot

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// heatScale is how a heat map turns values into colours: pal spread over
// [palLo, palHi], of which [lo, hi] is the part the values use.
type heatScale struct {
	pal          palette.Palette
	palLo, palHi float64
	lo, hi       float64
	diverging    bool
}

// scaleOf returns h's scale: blue–red symmetric around 0 sized by the
// largest magnitude (±1 for a constant or all-zero matrix), or the
// sequential [Min, Max] when Min < Max.
func scaleOf(h *Heat) heatScale {
	if (domain{}).holds(h.Min) && (domain{}).holds(h.Max) && h.Min < h.Max {
		// Kindlmann runs from black to white; Max maps a little below
		// white so that it stands apart from the page.
		return heatScale{pal: moreland.Kindlmann().Palette(255),
			palLo: h.Min, palHi: h.Max + 0.15*(h.Max-h.Min), lo: h.Min, hi: h.Max}
	}
	var top float64
	for _, v := range h.Values {
		if (domain{}).holds(v) { // larger values overflow the scale: blank
			top = max(top, math.Abs(v))
		}
	}
	if top == 0 {
		top = 1
	}
	return heatScale{pal: moreland.SmoothBlueRed().Palette(255),
		palLo: -top, palHi: top, lo: -top, hi: top, diverging: true}
}

// at returns the colour of v, as gonum's HeatMap picks it.
func (s heatScale) at(v float64) color.Color {
	cs := s.pal.Colors()
	i := int((v - s.palLo) * float64(len(cs)-1) / (s.palHi - s.palLo))
	return cs[min(max(i, 0), len(cs)-1)]
}

// ticks are the values the colour bar labels: its ends and its middle
// (0 on a diverging scale).
func (s heatScale) ticks() []float64 { return []float64{s.lo, (s.lo + s.hi) / 2, s.hi} }

// colorBar is a heat map's scale drawn right of its data area: a
// vertical bar of the colours from lo (bottom) to hi, the values at its
// ends and middle, and the label along it.
type colorBar struct {
	scale      heatScale
	label      string
	tick, name draw.TextStyle
	bar, pad   vg.Length
}

// newColorBar returns h's colour bar in font fnt at the text sizes ts.
func newColorBar(h *Heat, fnt font.Font, ts textSizes, scale vg.Length) *colorBar {
	tick := textStyle(fnt, ts.tick, draw.XLeft, draw.YCenter)
	name := textStyle(fnt, ts.axisLabel, draw.XCenter, draw.YTop)
	name.Rotation = math.Pi / 2 // read upwards, its top to the left
	return &colorBar{scale: scaleOf(h), label: h.Label, tick: tick, name: name, bar: 12 * scale, pad: 4 * scale}
}

// tickLabel writes a colour bar value in its shortest form.
func tickLabel(v float64) string {
	if math.Abs(v) < 1e-12 {
		v = 0 // the middle of a symmetric scale, not −1e-17
	}
	return strconv.FormatFloat(v, 'g', 2, 64)
}

// width returns the room the bar takes: the bar, its values and label.
func (b *colorBar) width() vg.Length {
	var labels vg.Length
	for _, v := range b.scale.ticks() {
		labels = max(labels, b.tick.Width(tickLabel(v)))
	}
	return b.bar + b.pad + labels + 2*b.pad + b.name.Height(b.label)
}

// draw draws the bar from x rightwards, as tall as the data area data.
func (b *colorBar) draw(c draw.Canvas, x vg.Length, data vg.Rectangle) {
	s := b.scale
	const steps = 128
	h := data.Max.Y - data.Min.Y
	// Each step from its place to the top, painted bottom up: the next
	// one covers all but its own slice, and no seam shows between two.
	for i := range steps {
		y := data.Min.Y + h*vg.Length(i)/steps
		c.SetColor(s.at(s.lo + (s.hi-s.lo)*(float64(i)+0.5)/steps))
		c.Fill(rect(x, y, x+b.bar, data.Max.Y))
	}
	c.SetLineStyle(draw.LineStyle{Color: Ink, Width: 0.6 * b.pad / 4})
	c.Stroke(rect(x, data.Min.Y, x+b.bar, data.Max.Y))
	var labels vg.Length
	for _, v := range s.ticks() {
		y := data.Min.Y + h*vg.Length((v-s.lo)/(s.hi-s.lo))
		c.StrokeLine2(draw.LineStyle{Color: Ink, Width: 0.6 * b.pad / 4}, x+b.bar, y, x+b.bar+b.pad/2, y)
		label := tickLabel(v)
		c.FillText(b.tick, vg.Point{X: x + b.bar + b.pad, Y: y}, label)
		labels = max(labels, b.tick.Width(label))
	}
	c.FillText(b.name, vg.Point{X: x + b.bar + 2*b.pad + labels, Y: (data.Min.Y + data.Max.Y) / 2}, b.label)
}

// rect is the rectangle path with corners (x0, y0) and (x1, y1).
func rect(x0, y0, x1, y1 vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x0, Y: y0})
	p.Line(vg.Point{X: x1, Y: y0})
	p.Line(vg.Point{X: x1, Y: y1})
	p.Line(vg.Point{X: x0, Y: y1})
	p.Close()
	return p
}
