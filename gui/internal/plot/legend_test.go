package plot

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// canvasOf is a drawing surface of w × h points.
func canvasOf(w, h float64) draw.Canvas {
	return draw.New(vgimg.New(vg.Length(w), vg.Length(h)))
}

// Text is at least MinTextPoints at the figure's natural size (a PNG at
// DefaultDPI: twice that in pixels) and in the window's figure area at
// 1200×900, which is shorter than most figures: 1192×596 units, one
// pixel each at scale 1.
func TestTextIsLegible(t *testing.T) {
	bn := &Figure{Cols: 4, PanelSize: fyne.NewSize(230, 180), Panels: make([]*Panel, 16), FooterText: "f",
		Legend: []Series{{Name: "BN"}}} // the batch-norm grid: the tallest figure of the window
	nat := bn.Size()
	for _, tc := range []struct {
		name string
		w, h float64
	}{
		{"PNG", float64(nat.Width), float64(nat.Height)},
		{"window 1200x900", 1192, 596},
		{"twice", 2 * float64(nat.Width), 2 * float64(nat.Height)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := textAt(bn.scale(canvasOf(tc.w, tc.h)))
			for name, size := range map[string]vg.Length{"title": ts.title, "panel title": ts.panelTitle, "axis label": ts.axisLabel,
				"tick": ts.tick, "legend": ts.legend, "mark": ts.mark, "footer": ts.footer} {
				if size < MinTextPoints {
					t.Errorf("%s text is %.1f points, want at least %d", name, size, MinTextPoints)
				}
			}
		})
	}
}

// A panel's legend and colour bar sit right of its data area, in room
// the layout keeps for them in every panel of the column: neither covers
// data.
func TestLegendsAndBarsAreOutsideTheData(t *testing.T) {
	x := []float64{0, 1, 2}
	f := &Figure{Cols: 2, PanelSize: fyne.NewSize(300, 220)}
	for i := range 4 {
		p := &Panel{Title: "t", XMin: 0, XMax: 2, YMin: 0, YMax: 1,
			Series: []Series{{Name: "a long series name", X: x, Y: []float64{0.1, 0.9, 0.5}}}}
		switch i {
		case 1:
			p.Legend = true
		case 3:
			p.Heat = &Heat{Rows: 2, Cols: 2, Values: []float64{-1, 0, 1, 2}, Label: "weight"}
		}
		f.Panels = append(f.Panels, p)
	}
	dc := canvasOf(600, 500)
	plots, canvases := f.grid(dc, nil, f.scale(dc))
	for r, row := range plots {
		for c, pp := range row {
			data := pp.DataCanvas(canvases[r][c]).Rectangle
			var side vg.Length
			if pp.bar != nil {
				side += pp.gap + pp.bar.width()
			}
			if pp.legend != nil {
				side += pp.gap + pp.legend.width()
			}
			if side > 0 && data.Max.X+side > canvases[r][c].Max.X+0.5 {
				t.Errorf("panel (%d, %d): data ends at %.1f, its legend and bar need %.1f, the panel ends at %.1f",
					r, c, data.Max.X, side, canvases[r][c].Max.X)
			}
			if want := (r == 0 && c == 1) || (r == 1 && c == 1); (side > 0) != want {
				t.Errorf("panel (%d, %d): side room %.1f", r, c, side)
			}
			// The data areas of a column line up: the panel without a
			// legend keeps the same room.
			col := plots[0][c].DataCanvas(canvases[0][c]).Rectangle
			if math.Abs(float64(data.Max.X-col.Max.X)) > 0.5 {
				t.Errorf("panel (%d, %d): data ends at %.1f, its column's at %.1f", r, c, data.Max.X, col.Max.X)
			}
		}
	}
}

// The placeholder and the colour bar's label are in the drawing, and a
// figure without a placeholder has none.
func TestPlaceholderAndBarLabelAreDrawn(t *testing.T) {
	for _, tc := range []struct {
		name, placeholder string
	}{{"empty", "Run to draw"}, {"with data", ""}} {
		t.Run(tc.name, func(t *testing.T) {
			f := &Figure{Cols: 1, PanelSize: fyne.NewSize(300, 220), Placeholder: tc.placeholder, Panels: []*Panel{
				{Heat: &Heat{Rows: 1, Cols: 2, Values: []float64{0.2, math.NaN()}, Min: 0, Max: 1, Label: "final accuracy"}}}}
			var buf bytes.Buffer
			if err := f.Write(&buf, SVG, DefaultDPI); err != nil {
				t.Fatal(err)
			}
			svg := buf.String()
			if !strings.Contains(svg, "final accuracy") {
				t.Error("the colour bar's label is missing")
			}
			for _, tick := range []string{">0<", ">0.5<", ">1<"} {
				if !strings.Contains(svg, tick) {
					t.Errorf("the colour bar's value %s is missing", tick)
				}
			}
			if got := strings.Contains(svg, "Run to draw"); got != (tc.placeholder != "") {
				t.Errorf("placeholder drawn: %v, want %v", got, tc.placeholder != "")
			}
		})
	}
}

// A heat map's scale: the sequential [Min, Max], or symmetric around 0
// sized by the largest drawable magnitude.
func TestScaleOf(t *testing.T) {
	for _, tc := range []struct {
		name    string
		h       Heat
		lo, hi  float64
		diverge bool
	}{
		{"sequential", Heat{Values: []float64{0.3}, Min: 0, Max: 1}, 0, 1, false},
		{"weights", Heat{Values: []float64{-0.2, 0.05, math.NaN(), 1e300}}, -0.2, 0.2, true},
		{"all zero", Heat{Values: []float64{0, 0}}, -1, 1, true},
		{"inverted range is diverging", Heat{Values: []float64{3}, Min: 1, Max: 0}, -3, 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := scaleOf(&tc.h)
			if s.lo != tc.lo || s.hi != tc.hi || s.diverging != tc.diverge {
				t.Errorf("scale [%g, %g] diverging %v, want [%g, %g] %v", s.lo, s.hi, s.diverging, tc.lo, tc.hi, tc.diverge)
			}
			if tk := s.ticks(); tk[0] != tc.lo || tk[2] != tc.hi {
				t.Errorf("ticks %v", tk)
			}
		})
	}
}
