package plot

import "image/color"

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
	Dotted bool // a reference line (a peak), thinner than the data
}

// Bars is a histogram: Counts in equal bins over [Lo, Hi].
type Bars struct {
	Lo, Hi float64
	Counts []int
	Color  color.Color
}

// Heat is a heat map: Values[r*Cols+c] drawn as a grid of cells, row 0
// at the top, on a diverging blue–red scale symmetric around 0 (so a
// matrix of weights shows its sign). NaN cells are left blank.
type Heat struct {
	Rows, Cols int
	Values     []float64
	// Min < Max puts the values on a sequential scale over [Min, Max]
	// instead (accuracies).
	Min, Max float64
	// Label says what the colours stand for ("final training accuracy").
	// A heat map with a label gets a colour bar with its values and the
	// label, right of its panel; "" draws none (a panel whose neighbour's
	// bar shows the same scale).
	Label string
}

// Tick is a labelled position on an axis.
type Tick struct {
	Value float64
	Label string
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
	Heat                   *Heat
	Marks                  []Mark
	// Legend lists the named series right of the data area, outside it.
	Legend bool
	// LegendTop is ignored: the legend is outside the data, where it
	// hides no corner (kept for figure code that sets it).
	LegendTop              bool
	HideXTicks, HideYTicks bool
	// XLog and YLog put an axis on a log scale (σ, learning rates).
	XLog, YLog bool
	// XTicks and YTicks, when set, replace the axis's ticks (index axes of
	// a heat map labelled with the values they stand for).
	XTicks, YTicks []Tick
	// axisLabels are the figure's shared axis labels, kept as invisible
	// room where the panel shows none; dropX and dropY say that no panel
	// of the row (column) shows x (y) tick labels or an axis label, so
	// that none keeps room for them.
	axisLabels struct {
		x, y         string
		dropX, dropY bool
	}
}
