package plot

import (
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// MinTextPoints is the size of a figure's smallest text (tick labels,
// footer) in points at the figure's natural size. Text never shrinks
// below its natural size (see Figure.scale), so every text is at least
// this many pixels tall in the window at scale 1, and twice that in a
// PNG at DefaultDPI.
const MinTextPoints = 10

// textSizes are the sizes of a figure's texts, in points.
type textSizes struct {
	title, panelTitle, axisLabel, tick, legend, mark, footer, placeholder vg.Length
}

// textAt returns the text sizes of a figure drawn at scale (see
// Figure.scale): legends as large as axis labels, so that a reader
// finds which curve is which without a magnifier.
func textAt(scale vg.Length) textSizes {
	return textSizes{
		title:       15 * scale,
		panelTitle:  12 * scale,
		axisLabel:   11 * scale,
		tick:        MinTextPoints * scale,
		legend:      11 * scale,
		mark:        MinTextPoints * scale,
		footer:      MinTextPoints * scale,
		placeholder: 18 * scale,
	}
}

// sans is the figures' default font: Liberation Sans, which gonum/plot
// bundles, reads better at small sizes on screen than its default serif.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}
