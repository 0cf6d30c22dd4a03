package plot

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func smallFigure() *Figure {
	return &Figure{Title: "t", Cols: 2, PanelSize: fyne.NewSize(200, 150), Panels: []*Panel{
		{Title: "line", XMin: 0, XMax: 2, YMin: 0, YMax: 1, Legend: true, Series: []Series{
			{Name: "a", X: []float64{0, 1, 2}, Y: []float64{0.1, 0.5, 0.9}, Color: Palette(0)},
			{Name: "b", X: []float64{0, 1, 2}, Y: []float64{0.9, math.NaN(), 0.2}, Color: Palette(1), Dashed: true},
		}, Marks: []Mark{{X: 1, Y: 0.1, Text: "x"}}},
		{Title: "hist", Bars: &Bars{Lo: 0, Hi: 1, Counts: []int{3, 0, 5}}},
	}}
}

// TestViewMarkup pins the primitives a figure is drawn with (markup golden
// in testdata/; regenerate by deleting it and copying testdata/failed/).
func TestViewMarkup(t *testing.T) {
	test.NewTempApp(t)
	v := NewView()
	v.SetFigure(smallFigure())
	w := test.NewTempWindow(t, v)
	w.Resize(smallFigure().Size())
	test.AssertObjectRendersToMarkup(t, "small_figure.xml", v)
}

// BenchmarkFigureObject builds the Batch Normalization grid (16 panels, 2
// series of 20 points): the cost of one live refresh.
func BenchmarkFigureObject(b *testing.B) {
	f := &Figure{Cols: 4, PanelSize: fyne.NewSize(230, 180)}
	for range 16 {
		x := make([]float64, 20)
		y := make([]float64, 20)
		for i := range x {
			x[i], y[i] = float64(i), float64(i)/20
		}
		f.Panels = append(f.Panels, &Panel{XMin: 0, XMax: 19, YMin: 0, YMax: 1,
			Series: []Series{{X: x, Y: y, Color: Palette(0)}, {X: x, Y: y, Color: Palette(1), Dashed: true}}})
	}
	test.NewTempApp(b)
	for b.Loop() {
		f.Object()
	}
}
