package plot

import "fyne.io/fyne/v2"

// Figure is a title over a grid of panels (row-major).
type Figure struct {
	Title      string
	Cols       int
	PanelSize  fyne.Size
	Panels     []*Panel
	FooterText string
	// Typeface is the font of all the figure's text, registered with
	// RegisterTypeface; "" is gonum/plot's default (Liberation), which
	// has no Japanese glyphs.
	Typeface string
}

// Size returns the figure's natural size: pixels on screen at scale 1,
// points in files.
func (f *Figure) Size() fyne.Size {
	cols := max(1, f.Cols)
	rows := (len(f.Panels) + cols - 1) / cols
	h := 30 + float32(rows)*f.PanelSize.Height
	if f.FooterText != "" {
		h += 20
	}
	return fyne.NewSize(float32(cols)*f.PanelSize.Width, h)
}
