package plot

import (
	"math"
	"strconv"
)

// Scale maps the data interval [Lo, Hi] linearly onto pixels [P0, P1]
// (P1 < P0 for a y axis, which grows upwards).
type Scale struct {
	Lo, Hi float64
	P0, P1 float32
}

// At returns the pixel position of v (outside the interval it extrapolates).
func (s Scale) At(v float64) float32 {
	if s.Hi == s.Lo {
		return (s.P0 + s.P1) / 2
	}
	return s.P0 + float32((v-s.Lo)/(s.Hi-s.Lo))*(s.P1-s.P0)
}

// Ticks returns about n "nice" tick values (multiples of 1, 2 or 5 times a
// power of ten) inside [lo, hi].
func Ticks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 1 || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return []float64{lo}
	}
	step := niceStep((hi - lo) / float64(n))
	var ticks []float64
	for v := math.Ceil(lo/step) * step; v <= hi+step*1e-9; v += step {
		if math.Abs(v) < step*1e-9 {
			v = 0 // avoid -0 and 1e-17 labels
		}
		ticks = append(ticks, v)
	}
	return ticks
}

// niceStep rounds a raw step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// Label formats a tick value compactly: 0.5, 1000, 1e-04.
func Label(v float64) string {
	a := math.Abs(v)
	if a != 0 && (a < 1e-3 || a >= 1e5) {
		return strconv.FormatFloat(v, 'e', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// Decimate reduces a series to at most about 2 points per pixel column of
// a plot width pixels wide, keeping each column's minimum and maximum so
// spikes survive. NaN points are kept as breaks. x must be increasing.
func Decimate(x, y []float64, width int) (xs, ys []float64) {
	if width < 1 || len(x) <= 2*width {
		return x, y
	}
	per := float64(len(x)) / float64(width)
	for c := 0; c < width; c++ {
		lo, hi := int(float64(c)*per), int(float64(c+1)*per)
		hi = min(hi, len(x))
		if lo >= hi {
			continue
		}
		iMin, iMax, gap := -1, -1, false
		for i := lo; i < hi; i++ {
			if math.IsNaN(y[i]) {
				gap = true
				continue
			}
			if iMin < 0 || y[i] < y[iMin] {
				iMin = i
			}
			if iMax < 0 || y[i] > y[iMax] {
				iMax = i
			}
		}
		if iMin >= 0 {
			first, second := min(iMin, iMax), max(iMin, iMax)
			xs, ys = append(xs, x[first]), append(ys, y[first])
			if second != first {
				xs, ys = append(xs, x[second]), append(ys, y[second])
			}
		}
		if gap {
			xs, ys = append(xs, x[hi-1]), append(ys, math.NaN())
		}
	}
	return xs, ys
}
