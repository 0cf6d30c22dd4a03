package plot

import (
	"fmt"
	"image"
	"image/png"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
)

// Figure is a title over a grid of panels (row-major).
type Figure struct {
	Title      string
	Cols       int
	PanelSize  fyne.Size
	Panels     []*Panel
	FooterText string
}

// Size returns the figure's size in pixels.
func (f *Figure) Size() fyne.Size {
	rows := (len(f.Panels) + f.Cols - 1) / f.Cols
	h := 30 + float32(rows)*f.PanelSize.Height
	if f.FooterText != "" {
		h += 20
	}
	return fyne.NewSize(float32(f.Cols)*f.PanelSize.Width, h)
}

// Object returns the whole figure as one canvas object of Size().
func (f *Figure) Object() fyne.CanvasObject {
	size := f.Size()
	bg := canvas.NewRectangle(Paper)
	bg.Resize(size)
	objs := []fyne.CanvasObject{bg, text(f.Title, fyne.NewPos(size.Width/2, 6), 15, fyne.TextAlignCenter)}
	for i, p := range f.Panels {
		origin := fyne.NewPos(float32(i%f.Cols)*f.PanelSize.Width, 30+float32(i/f.Cols)*f.PanelSize.Height)
		objs = append(objs, p.Objects(origin, f.PanelSize)...)
	}
	if f.FooterText != "" {
		objs = append(objs, text(f.FooterText, fyne.NewPos(8, size.Height-18), fontSize, fyne.TextAlignLeading))
	}
	c := container.NewWithoutLayout(objs...)
	c.Resize(size)
	return c
}

// Render draws the figure with fyne's software renderer. Outside a running
// fyne app (the headless runner) it starts an in-memory one for the fonts.
func (f *Figure) Render() image.Image {
	if fyne.CurrentApp() == nil {
		test.NewApp()
	}
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(f.Object())
	c.Resize(f.Size())
	return c.Capture()
}

// WritePNG renders the figure and encodes it as PNG.
func (f *Figure) WritePNG(w io.Writer) error {
	if err := png.Encode(w, f.Render()); err != nil {
		return fmt.Errorf("plot: encoding PNG: %w", err)
	}
	return nil
}
