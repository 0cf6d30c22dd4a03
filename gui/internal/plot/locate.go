package plot

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// DataAt returns the panel under pos in a drawing of f at size (in fyne
// units, y downwards: a position in a View of that size) and the data
// coordinates there. Only panels with fixed linear ranges (XMin < XMax,
// YMin < YMax, no log axis) answer; ok is false off their data areas.
//
// It asks the drawing itself instead of repeating its layout: f is drawn
// once, without pixels, with a probe line of a colour of its own in each
// such panel from one known data point to another, and the probes'
// positions give each panel's scale. It takes about as long as drawing
// the figure's lines.
func (f *Figure) DataAt(size fyne.Size, pos fyne.Position) (panel int, x, y float64, ok bool) {
	probe := *f
	probe.Panels = slices.Clone(f.Panels)
	for i, p := range f.Panels {
		if i > maxProbes || !fixedLinear(p) {
			continue
		}
		q := *p
		w, h := p.XMax-p.XMin, p.YMax-p.YMin
		q.Series = append(slices.Clone(p.Series), Series{X: []float64{p.XMin + w/4, p.XMin + 3*w/4},
			Y: []float64{p.YMin + h/4, p.YMin + 3*h/4}, Color: probeColor(i)})
		probe.Panels[i] = &q
	}
	rec := &recorder.Canvas{}
	dc := draw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: vg.Length(size.Width), Y: vg.Length(size.Height)}}}
	if probe.drawGuarded(dc, nil) != nil {
		return 0, 0, 0, false
	}
	at := vg.Point{X: vg.Length(pos.X), Y: vg.Length(size.Height - pos.Y)}
	var cur color.Color
	for _, a := range rec.Actions {
		switch a := a.(type) {
		case *recorder.SetColor:
			cur = a.Color
		case *recorder.Stroke:
			i, isProbe := probeIndex(cur, len(f.Panels))
			if !isProbe || len(a.Path) != 2 {
				continue
			}
			p := f.Panels[i]
			from, to := a.Path[0].Pos, a.Path[len(a.Path)-1].Pos
			if from.X == to.X || from.Y == to.Y {
				continue
			}
			w, h := p.XMax-p.XMin, p.YMax-p.YMin
			x = p.XMin + w/4 + float64((at.X-from.X)/(to.X-from.X))*w/2
			y = p.YMin + h/4 + float64((at.Y-from.Y)/(to.Y-from.Y))*h/2
			if x >= p.XMin && x <= p.XMax && y >= p.YMin && y <= p.YMax {
				return i, x, y, true
			}
		}
	}
	return 0, 0, 0, false
}

// fixedLinear reports whether a panel has fixed linear ranges.
func fixedLinear(p *Panel) bool {
	return p != nil && !p.XLog && !p.YLog && finite(p.XMin) && finite(p.XMax) && finite(p.YMin) && finite(p.YMax) &&
		p.XMin < p.XMax && p.YMin < p.YMax
}

// maxProbes is the last panel index a probe colour can hold.
const maxProbes = 255

// probeColor is the colour of panel i's probe line: the index in red,
// green 0x7b and blue 0x3d (a probe is also told apart by being a line of
// two points).
func probeColor(i int) color.NRGBA { return color.NRGBA{R: uint8(i), G: 0x7b, B: 0x3d, A: 0xff} }

// probeIndex is the panel whose probe colour c is, if it is one.
func probeIndex(c color.Color, panels int) (int, bool) {
	if c == nil {
		return 0, false
	}
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	if n.G != 0x7b || n.B != 0x3d || n.A != 0xff || int(n.R) >= panels {
		return 0, false
	}
	return int(n.R), true
}
