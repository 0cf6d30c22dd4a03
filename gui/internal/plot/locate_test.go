package plot

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
)

// TestDataAtFindsWhatIsDrawn draws a red + at a known data point, finds it
// in the rendered pixels and maps its position back with DataAt: the
// panel and the point come back to within a pixel, at the natural size
// and stretched, and positions off every fixed panel answer nothing.
func TestDataAtFindsWhatIsDrawn(t *testing.T) {
	red := color.NRGBA{R: 0xff, A: 0xff}
	const tx, ty = 3.0, -2.0
	f := &Figure{Title: "a title", Cols: 2, PanelSize: fyne.NewSize(220, 180), FooterText: "a footer"}
	for i := range 4 {
		p := &Panel{Title: "panel", XLabel: "x", YLabel: "y", XMin: -10, XMax: 10 + 5*float64(i), YMin: -5, YMax: 5}
		if i == 3 {
			p.Series = []Series{{X: []float64{tx - 0.6, tx + 0.6, math.NaN(), tx, tx}, Y: []float64{ty, ty, math.NaN(), ty - 0.3, ty + 0.3}, Color: red}}
		}
		f.Panels = append(f.Panels, p)
	}
	f.Panels = append(f.Panels, &Panel{Title: "log", XLog: true, XMin: 1, XMax: 100, YMin: 0, YMax: 1})
	for _, size := range []fyne.Size{f.Size(), fyne.NewSize(f.Size().Width*1.5, f.Size().Height*0.8)} {
		img := render(f, size, 1)
		b := img.Bounds()
		var sx, sy, n float64
		for py := b.Min.Y; py < b.Max.Y; py++ {
			for px := b.Min.X; px < b.Max.X; px++ {
				c := color.NRGBAModel.Convert(img.At(px, py)).(color.NRGBA)
				if c.R > 200 && c.G < 60 && c.B < 60 {
					sx, sy, n = sx+float64(px), sy+float64(py), n+1
				}
			}
		}
		if n == 0 {
			t.Fatalf("%v: the red + is not in the image", size)
		}
		// Pixels of the image are units of the view (scale 1).
		sx *= float64(size.Width) / float64(b.Dx())
		sy *= float64(size.Height) / float64(b.Dy())
		pos := fyne.NewPos(float32(sx/n)+0.5, float32(sy/n)+0.5)
		i, x, y, ok := f.DataAt(size, pos)
		// One pixel in data units: the panel is about 170 × 130 units wide
		// at most for 25 × 10 data units.
		if !ok || i != 3 || math.Abs(x-tx) > 0.4 || math.Abs(y-ty) > 0.2 {
			t.Errorf("%v: the + at (%v, %v) of panel 3 drawn at %v maps back to panel %d (%v, %v), ok %v", size, tx, ty, pos, i, x, y, ok)
		}
		for _, off := range []fyne.Position{{X: size.Width / 2, Y: 3}, {X: 2, Y: size.Height - 2}} {
			if i, x, y, ok := f.DataAt(size, off); ok {
				t.Errorf("%v: %v, on the title or footer, maps to panel %d (%v, %v)", size, off, i, x, y)
			}
		}
	}
}
