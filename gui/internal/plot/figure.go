package plot

import "fyne.io/fyne/v2"

// Figure is a title over a grid of panels (row-major).
type Figure struct {
	Title     string
	Cols      int
	PanelSize fyne.Size
	Panels    []*Panel
	// Legend is the figure's own legend, for the series every panel
	// shares (their Name, Color, Dashed and Dotted): one row of keys under
	// the title, outside the data, instead of a legend in each panel.
	Legend     []Series
	FooterText string
	// Placeholder, when set, is written in the middle of the panels: a
	// figure of a result with nothing recorded yet (the setup drawn as
	// empty axes before the first run) says what to do.
	Placeholder string
	// Typeface is the font of all the figure's text, registered with
	// RegisterTypeface; "" is Liberation Sans (bundled with gonum/plot),
	// which has no Japanese glyphs.
	Typeface string
}

// Size returns the figure's natural size: pixels on screen at scale 1,
// points in files.
func (f *Figure) Size() fyne.Size {
	cols := max(1, f.Cols)
	rows := (len(f.Panels) + cols - 1) / cols
	h := 30 + float32(rows)*f.PanelSize.Height
	if len(f.Legend) > 0 {
		h += 24
	}
	if f.FooterText != "" {
		h += 20
	}
	return fyne.NewSize(float32(cols)*f.PanelSize.Width, h)
}
