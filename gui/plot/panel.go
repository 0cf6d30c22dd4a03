package plot

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Colors used by the charts: ink for text and axes, a light grid, and a
// palette for series (the matplotlib defaults the book's figures use).
var (
	Ink     = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	GridInk = color.NRGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
	Paper   = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

// Palette returns the i-th series color.
func Palette(i int) color.Color {
	p := []color.NRGBA{
		{0x1f, 0x77, 0xb4, 0xff}, {0xff, 0x7f, 0x0e, 0xff}, {0x2c, 0xa0, 0x2c, 0xff},
		{0xd6, 0x27, 0x28, 0xff}, {0x94, 0x67, 0xbd, 0xff}, {0x8c, 0x56, 0x4b, 0xff},
	}
	return p[i%len(p)]
}

// Series is one curve of a panel. NaN values break the line.
type Series struct {
	Name   string
	X, Y   []float64
	Color  color.Color
	Dashed bool
}

// Bars is a histogram: Counts in equal bins over [Lo, Hi].
type Bars struct {
	Lo, Hi float64
	Counts []int
	Color  color.Color
}

// Mark is a text marker at a data position, e.g. where a network diverged.
type Mark struct {
	X, Y  float64
	Text  string
	Color color.Color
}

// Panel is one chart: axes with optional fixed ranges, curves, a histogram
// and markers.
type Panel struct {
	Title          string
	XLabel, YLabel string
	// Fixed ranges; when Min == Max the range fits the data.
	XMin, XMax, YMin, YMax float64
	Series                 []Series
	Bars                   *Bars
	Marks                  []Mark
	Legend                 bool
	LegendTop              bool // legend in the upper instead of the lower right corner
	HideXTicks, HideYTicks bool
}

const (
	fontSize   = 11
	titleSize  = 12
	tickLength = 3
)

// Objects returns the canvas objects that draw p inside a size box whose
// top-left corner is at origin.
func (p *Panel) Objects(origin fyne.Position, size fyne.Size) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	left, right, top, bottom := float32(44), float32(10), float32(22), float32(34)
	if p.HideYTicks {
		left = 14
	}
	if p.YLabel != "" {
		left += 14
	}
	plotW, plotH := size.Width-left-right, size.Height-top-bottom
	if plotW < 10 || plotH < 10 {
		return nil
	}
	x0, y0 := origin.X+left, origin.Y+top
	xs, ys := p.ranges()
	sx := Scale{Lo: xs[0], Hi: xs[1], P0: x0, P1: x0 + plotW}
	sy := Scale{Lo: ys[0], Hi: ys[1], P0: y0 + plotH, P1: y0}

	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor, frame.StrokeWidth = Ink, 1
	frame.Move(fyne.NewPos(x0, y0))
	frame.Resize(fyne.NewSize(plotW, plotH))

	for _, v := range Ticks(ys[0], ys[1], 4) {
		y := sy.At(v)
		objs = append(objs, line(x0, y, x0+plotW, y, GridInk, 1))
		if !p.HideYTicks {
			objs = append(objs, line(x0-tickLength, y, x0, y, Ink, 1))
			objs = append(objs, text(Label(v), fyne.NewPos(x0-tickLength-2, y-7), fontSize, fyne.TextAlignTrailing))
		}
	}
	for _, v := range Ticks(xs[0], xs[1], 5) {
		x := sx.At(v)
		objs = append(objs, line(x, y0+plotH, x, y0+plotH+tickLength, Ink, 1))
		if !p.HideXTicks {
			objs = append(objs, text(Label(v), fyne.NewPos(x, y0+plotH+tickLength), fontSize, fyne.TextAlignCenter))
		}
	}
	if b := p.Bars; b != nil {
		objs = append(objs, p.bars(sx, sy)...)
	}
	for _, s := range p.Series {
		objs = append(objs, polyline(s, sx, sy, int(plotW))...)
	}
	for _, m := range p.Marks {
		c := m.Color
		if c == nil {
			c = Ink
		}
		objs = append(objs, text(m.Text, fyne.NewPos(sx.At(m.X), sy.At(m.Y)-8), fontSize, fyne.TextAlignCenter, c))
	}
	objs = append(objs, frame)
	objs = append(objs, text(p.Title, fyne.NewPos(x0+plotW/2, origin.Y+3), titleSize, fyne.TextAlignCenter))
	if p.XLabel != "" {
		objs = append(objs, text(p.XLabel, fyne.NewPos(x0+plotW/2, y0+plotH+17), fontSize, fyne.TextAlignCenter))
	}
	if p.YLabel != "" {
		objs = append(objs, text(p.YLabel, fyne.NewPos(origin.X+2, y0-14), fontSize, fyne.TextAlignLeading))
	}
	if p.Legend {
		objs = append(objs, p.legend(x0+plotW, y0, y0+plotH)...)
	}
	return objs
}

// ranges returns the x and y ranges: fixed, or fitted to the data.
func (p *Panel) ranges() (xs, ys [2]float64) {
	xs, ys = [2]float64{p.XMin, p.XMax}, [2]float64{p.YMin, p.YMax}
	fitX, fitY := xs[0] == xs[1], ys[0] == ys[1]
	if fitX {
		xs = [2]float64{math.Inf(1), math.Inf(-1)}
	}
	if fitY {
		ys = [2]float64{math.Inf(1), math.Inf(-1)}
	}
	grow := func(r *[2]float64, v float64) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			r[0], r[1] = min(r[0], v), max(r[1], v)
		}
	}
	for _, s := range p.Series {
		for i := range min(len(s.X), len(s.Y)) {
			if fitX {
				grow(&xs, s.X[i])
			}
			if fitY {
				grow(&ys, s.Y[i])
			}
		}
	}
	if b := p.Bars; b != nil {
		if fitX {
			grow(&xs, b.Lo)
			grow(&xs, b.Hi)
		}
		if fitY {
			grow(&ys, 0)
			for _, c := range b.Counts {
				grow(&ys, float64(c))
			}
		}
	}
	for _, r := range []*[2]float64{&xs, &ys} {
		if math.IsInf(r[0], 0) {
			r[0], r[1] = 0, 1
		}
		if r[0] == r[1] {
			r[1] = r[0] + 1
		}
	}
	return xs, ys
}

func (p *Panel) bars(sx, sy Scale) []fyne.CanvasObject {
	b := p.Bars
	c := b.Color
	if c == nil {
		c = Palette(0)
	}
	var objs []fyne.CanvasObject
	width := (b.Hi - b.Lo) / float64(len(b.Counts))
	for i, n := range b.Counts {
		if n == 0 {
			continue
		}
		lo := b.Lo + float64(i)*width
		x1, x2 := sx.At(lo), sx.At(lo+width)
		yTop := max(sy.At(float64(n)), sy.P1)
		r := canvas.NewRectangle(c)
		r.Move(fyne.NewPos(x1, yTop))
		r.Resize(fyne.NewSize(max(x2-x1-1, 1), sy.P0-yTop))
		objs = append(objs, r)
	}
	return objs
}

// legend draws the series names in a white box in the lower right corner
// (the upper right with LegendTop).
func (p *Panel) legend(right, top, bottom float32) []fyne.CanvasObject {
	var textW float32
	for _, s := range p.Series {
		textW = max(textW, text(s.Name, fyne.Position{}, fontSize, fyne.TextAlignLeading).MinSize().Width)
	}
	boxW, boxH := textW+32, float32(len(p.Series))*15+6
	x, y := right-boxW-4, bottom-boxH-4
	if p.LegendTop {
		y = top + 4
	}
	box := canvas.NewRectangle(Paper)
	box.StrokeColor, box.StrokeWidth = GridInk, 1
	box.Move(fyne.NewPos(x, y))
	box.Resize(fyne.NewSize(boxW, boxH))
	objs := []fyne.CanvasObject{box}
	x += 5
	y += 3
	for _, s := range p.Series {
		c := s.Color
		if s.Dashed {
			objs = append(objs, line(x, y+8, x+7, y+8, c, 2), line(x+11, y+8, x+18, y+8, c, 2))
		} else {
			objs = append(objs, line(x, y+8, x+18, y+8, c, 2))
		}
		objs = append(objs, text(s.Name, fyne.NewPos(x+22, y), fontSize, fyne.TextAlignLeading))
		y += 15
	}
	return objs
}

// polyline draws a series clipped to the plot's y range, decimated to the
// plot's width, dashed if asked.
func polyline(s Series, sx, sy Scale, width int) []fyne.CanvasObject {
	n := min(len(s.X), len(s.Y)) // a series still being filled may be ragged
	// Segments shorter than about 3 px render faintly; keep fewer points.
	xs, ys := Decimate(s.X[:n], s.Y[:n], max(width/3, 1))
	var objs []fyne.CanvasObject
	var dashPos float32
	for i := 1; i < len(xs); i++ {
		if math.IsNaN(ys[i-1]) || math.IsNaN(ys[i]) {
			continue
		}
		x1, y1 := sx.At(xs[i-1]), clamp(sy.At(ys[i-1]), sy.P1, sy.P0)
		x2, y2 := sx.At(xs[i]), clamp(sy.At(ys[i]), sy.P1, sy.P0)
		if !s.Dashed {
			objs = append(objs, line(x1, y1, x2, y2, s.Color, 1.5))
			continue
		}
		// Dashes of 6 px with 4 px gaps, continuing across segments.
		length := float32(math.Hypot(float64(x2-x1), float64(y2-y1)))
		for t := float32(0); t < length; {
			phase := float32(math.Mod(float64(dashPos), 10))
			on := phase < 6
			step := 10 - phase
			if on {
				step = 6 - phase
			}
			step = min(step, length-t)
			if on {
				a, b := t/length, (t+step)/length
				objs = append(objs, line(x1+(x2-x1)*a, y1+(y2-y1)*a, x1+(x2-x1)*b, y1+(y2-y1)*b, s.Color, 1.5))
			}
			t += step
			dashPos += step
		}
	}
	return objs
}

func clamp(v, lo, hi float32) float32 { return max(lo, min(hi, v)) }

func line(x1, y1, x2, y2 float32, c color.Color, width float32) *canvas.Line {
	l := canvas.NewLine(c)
	l.StrokeWidth = width
	l.Position1, l.Position2 = fyne.NewPos(x1, y1), fyne.NewPos(x2, y2)
	return l
}

// text places s with its anchor at pos: left edge, centre or right edge
// by align, top at pos.Y. An optional color overrides Ink.
func text(s string, pos fyne.Position, size float32, align fyne.TextAlign, c ...color.Color) *canvas.Text {
	ink := color.Color(Ink)
	if len(c) > 0 {
		ink = c[0]
	}
	t := canvas.NewText(s, ink)
	t.TextSize = size
	w := t.MinSize().Width
	switch align {
	case fyne.TextAlignCenter:
		pos.X -= w / 2
	case fyne.TextAlignTrailing:
		pos.X -= w
	}
	t.Move(pos)
	t.Resize(t.MinSize())
	return t
}
