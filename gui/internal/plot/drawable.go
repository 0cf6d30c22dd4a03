package plot

import (
	"math"

	"gonum.org/v1/plot/vg"
)

// drawable reports whether a panel's place can hold a drawing: finite
// corners and a positive size. A figure squeezed below the room its text
// needs gives its panels negative or NaN sizes, and a NaN coordinate sends
// the rasterizer into an endless loop; such a panel is left out.
func drawable(r vg.Rectangle) bool {
	for _, v := range []vg.Length{r.Min.X, r.Min.Y, r.Max.X, r.Max.Y} {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return false
		}
	}
	return r.Max.X > r.Min.X && r.Max.Y > r.Min.Y
}
