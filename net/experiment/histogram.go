package experiment

import "math"

// Histogram counts values in equal bins over [Lo, Hi]; values outside are
// not counted (as matplotlib's hist with a range), but Below and Above say
// how many there were.
type Histogram struct {
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	Counts []int   `json:"counts"`
	Below  int     `json:"below"`
	Above  int     `json:"above"`
}

// newHistogram bins values into bins equal bins over [lo, hi]; the last bin
// includes hi, as NumPy's does. NaN values count as neither.
func newHistogram[T float32 | float64](values []T, bins int, lo, hi float64) Histogram {
	h := Histogram{Lo: lo, Hi: hi, Counts: make([]int, bins)}
	width := (hi - lo) / float64(bins)
	for _, v := range values {
		f := float64(v)
		switch {
		case f < lo:
			h.Below++
		case f > hi:
			h.Above++
		case f <= hi:
			b := int((f - lo) / width)
			h.Counts[min(b, bins-1)]++
		}
	}
	return h
}

// moments returns the mean and (population) standard deviation of values.
func moments[T float32 | float64](values []T) (mean, std float64) {
	for _, v := range values {
		mean += float64(v)
	}
	mean /= float64(len(values))
	for _, v := range values {
		d := float64(v) - mean
		std += d * d
	}
	return mean, math.Sqrt(std / float64(len(values)))
}
