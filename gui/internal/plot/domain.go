package plot

import (
	"math"

	"gonum.org/v1/plot/plotter"
)

// domain is what one axis can draw: finite values, positive ones only on
// a log scale. gonum/plot panics on a value outside it (a diverged
// network's 0 on a log axis) or loops forever on a NaN range, so every
// value goes through a domain before it reaches gonum.
type domain struct{ log bool }

// limit bounds the magnitude of a drawn range: gonum's tickers work on
// max − min, which must stay finite.
const limit = 1e150

// holds reports whether v can be drawn on the axis.
func (d domain) holds(v float64) bool {
	return !math.IsNaN(v) && math.Abs(v) <= limit && (!d.log || v > 1/limit)
}

// span returns a range gonum can draw: [min, max] itself when both ends
// are in the domain and min < max, otherwise the nearest sensible range
// (an empty axis, all NaN, gets [0, 1], or [1, 10] on a log scale).
func (d domain) span(min, max float64) (float64, float64) {
	lo, hi := d.holds(min), d.holds(max)
	switch {
	case !lo && !hi:
		if d.log {
			return 1, 10
		}
		return 0, 1
	case !lo:
		min = d.below(max)
	case !hi:
		max = d.above(min)
	}
	if min > max {
		min, max = max, min
	}
	if min == max {
		min, max = d.below(min), d.above(max)
	}
	return min, max
}

// below returns a value under v in the domain: v − 1, or v/10 on a log
// scale.
func (d domain) below(v float64) float64 {
	if d.log {
		return v / 10
	}
	return v - math.Max(1, math.Abs(v)/2)
}

// above returns a value over v in the domain: v + 1, or 10v on a log
// scale.
func (d domain) above(v float64) float64 {
	if d.log {
		return v * 10
	}
	return v + math.Max(1, math.Abs(v)/2)
}

// axis returns the range an axis is drawn over: the fixed [lo, hi] when
// lo != hi, with an end the axis cannot draw replaced by the data's end,
// else the data's range; span makes it drawable.
func (d domain) axis(lo, hi, dataLo, dataHi float64) (float64, float64) {
	if lo != hi { // NaN != NaN: a NaN end counts as set, and is replaced
		if d.holds(lo) {
			dataLo = lo
		}
		if d.holds(hi) {
			dataHi = hi
		}
	}
	return d.span(dataLo, dataHi)
}

// clamp returns v when the axis can draw it, else the end of [lo, hi]
// nearest to it: where a point off the domain is marked.
func (d domain) clamp(v, lo, hi float64) float64 {
	switch {
	case d.holds(v):
		return v
	case v > hi:
		return hi
	}
	return lo
}

// segments splits a series into the runs of points it can draw as lines.
// Points with a NaN or infinite coordinate break the line. Finite points
// outside the axes' domains (0 neurons left on a log axis, a loss of
// 1e300) break it too, and are returned as clamped: to be marked where
// they leave the axes.
func segments(xs, ys []float64, dx, dy domain) (parts []plotter.XYs, clamped []plotter.XY) {
	var cur plotter.XYs
	for i := range min(len(xs), len(ys)) {
		x, y := xs[i], ys[i]
		if dx.holds(x) && dy.holds(y) {
			cur = append(cur, plotter.XY{X: x, Y: y})
			continue
		}
		if len(cur) > 0 {
			parts, cur = append(parts, cur), nil
		}
		if finite(x) && finite(y) {
			clamped = append(clamped, plotter.XY{X: x, Y: y})
		}
	}
	if len(cur) > 0 {
		parts = append(parts, cur)
	}
	return parts, clamped
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
