package plot

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// Whatever the data give, an axis gets a range it can draw: finite ends,
// min < max, positive on a log scale.
func TestDomainSpanIsDrawable(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name             string
		log              bool
		min, max         float64
		wantMin, wantMax float64 // 0, 0: any drawable range
	}{
		{"plain", false, -1, 2, -1, 2},
		{"log plain", true, 0.8, 150, 0.8, 150},
		{"no data", false, inf, -inf, 0, 1},
		{"no data on log", true, inf, -inf, 1, 10},
		{"all NaN", false, nan, nan, 0, 1},
		{"zero floor on log", true, 0, 100, 10, 100},
		{"negative on log", true, -5, -1, 1, 10},
		{"one point", false, 3, 3, 1.5, 4.5},
		{"one point on log", true, 3, 3, 0.3, 30},
		{"reversed", false, 2, 1, 1, 2},
		{"huge", false, -math.MaxFloat64, math.MaxFloat64, 0, 1},
		{"denormal on log", true, 5e-324, 1, 0.1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := domain{log: tc.log}
			lo, hi := d.span(tc.min, tc.max)
			if !d.holds(lo) || !d.holds(hi) || !(lo < hi) {
				t.Fatalf("span(%g, %g) = [%g, %g], not drawable", tc.min, tc.max, lo, hi)
			}
			if math.Abs(lo-tc.wantMin) > 1e-12 || math.Abs(hi-tc.wantMax) > 1e-12 {
				t.Errorf("span(%g, %g) = [%g, %g], want [%g, %g]", tc.min, tc.max, lo, hi, tc.wantMin, tc.wantMax)
			}
		})
	}
}

// A series breaks at points it cannot draw; the finite ones off a log
// axis come back to be marked.
func TestSegmentsBreakAndClamp(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name         string
		log          bool
		ys           []float64
		parts, marks int
	}{
		{"whole", false, []float64{1, 2, 3, 4}, 1, 0},
		{"NaN gap", false, []float64{1, nan, 3, 4}, 2, 0},
		{"all NaN", false, []float64{nan, nan, nan, nan}, 0, 0},
		{"Inf", false, []float64{1, math.Inf(1), 3, math.Inf(-1)}, 2, 0},
		{"huge", false, []float64{1, 1e300, 3, 4}, 2, 1},
		{"zero on linear", false, []float64{0, 0, 0, 0}, 1, 0},
		{"zero on log", true, []float64{4, 0, 0, 4}, 2, 2},
		{"negative on log", true, []float64{-1, -2, nan, -3}, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts, marks := segments([]float64{0, 1, 2, 3}, tc.ys, domain{}, domain{log: tc.log})
			if len(parts) != tc.parts || len(marks) != tc.marks {
				t.Errorf("%d lines and %d marks, want %d and %d", len(parts), len(marks), tc.parts, tc.marks)
			}
		})
	}
}

// Panels whose data no axis can hold — a diverged network's 0 on a log
// axis, all NaN, infinite ranges — draw in every format, and the points
// off a log axis are marked on it.
func TestPanelsDrawWhateverTheData(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	red := Palette(3)
	x := []float64{0, 1, 2}
	for _, tc := range []struct {
		name  string
		panel Panel
		want  string // in the SVG, when set
	}{
		{"zeros on a log axis", Panel{YLog: true, YMin: 0.8, YMax: 150, Series: []Series{{X: x, Y: []float64{0, 0, 0}, Color: red}}}, "stroke:#D62728"},
		{"log axis fixed at 0", Panel{XLog: true, XMin: 0, XMax: 0, YLog: true, YMin: 0, YMax: -1, Series: []Series{{X: x, Y: []float64{1, 0, 5}}}}, ""},
		{"all NaN", Panel{Series: []Series{{X: x, Y: []float64{nan, nan, nan}}}}, ""},
		{"all NaN on log", Panel{YLog: true, Series: []Series{{X: x, Y: []float64{nan, nan, nan}}}, Legend: true}, ""},
		{"NaN fixed range", Panel{XMin: nan, XMax: nan, YMin: -inf, YMax: inf}, ""},
		{"histogram over NaN", Panel{Bars: &Bars{Lo: nan, Hi: nan, Counts: []int{1, 2}}}, ""},
		{"histogram on log", Panel{YLog: true, Bars: &Bars{Lo: 0, Hi: 1, Counts: []int{1, 2}}}, ""},
		{"heat of Inf", Panel{Heat: &Heat{Rows: 1, Cols: 3, Values: []float64{inf, -inf, nan}, Min: -inf, Max: inf}}, ""},
		{"marks off the axes", Panel{YLog: true, Marks: []Mark{{X: nan, Y: 1, Text: "a"}, {X: 1, Y: 0, Text: "b"}, {X: inf, Y: 1, Text: "c"}}}, ""},
		{"NaN ticks", Panel{XLog: true, XTicks: []Tick{{Value: nan}, {Value: 0, Label: "0"}, {Value: 10, Label: "10"}}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.panel
			f := &Figure{Title: tc.name, Cols: 1, PanelSize: fyne.NewSize(300, 200), Panels: []*Panel{&p}}
			for _, format := range Formats() {
				var buf bytes.Buffer
				if err := f.Write(&buf, format, 72); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
				if buf.Len() < 500 {
					t.Errorf("%s: %d bytes", format, buf.Len())
				}
				if format == SVG && tc.want != "" && !strings.Contains(buf.String(), tc.want) {
					t.Errorf("SVG lacks %s: the off-axis points are not marked", tc.want)
				}
			}
		})
	}
}
