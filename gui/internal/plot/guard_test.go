package plot

import (
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// brokenColor panics when it is used: a stand-in for any panic inside
// gonum/plot.
type brokenColor struct{}

func (brokenColor) RGBA() (r, g, b, a uint32) { panic("broken colour") }

// A panic while drawing becomes an error from Write, and a page that
// says so in the live view; neither takes the program down.
func TestDrawingPanicsAreContained(t *testing.T) {
	f := &Figure{Title: "broken", Cols: 1, PanelSize: fyne.NewSize(200, 150), Panels: []*Panel{
		{Series: []Series{{X: []float64{0, 1}, Y: []float64{0, 1}, Color: brokenColor{}}}}}}
	for _, format := range Formats() {
		err := f.Write(io.Discard, format, 72)
		if err == nil || !strings.Contains(err.Error(), "broken colour") {
			t.Errorf("%s: Write = %v, want the panic as an error", format, err)
		}
	}
	if img := render(f, fyne.NewSize(200, 150), 1); img == nil || img.Bounds().Dx() < 100 {
		t.Errorf("render drew %v", img)
	}
}
