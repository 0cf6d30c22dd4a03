package experiment

import "math"

// kaiser returns the Kaiser window of length n with shape β, normalised to
// sum 1: w[k] = I0(β·√(1 − (2k/(n−1) − 1)²)) / I0(β).
func kaiser(n int, beta float64) []float64 {
	w := make([]float64, n)
	var sum float64
	for k := range w {
		r := 2*float64(k)/float64(n-1) - 1
		w[k] = besselI0(beta*math.Sqrt(1-r*r)) / besselI0(beta)
		sum += w[k]
	}
	for k := range w {
		w[k] /= sum
	}
	return w
}

// besselI0 is the modified Bessel function of the first kind, order 0, by
// its power series (plenty for the small arguments of a window).
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1; k < 50; k++ {
		term *= (x / 2) * (x / 2) / float64(k*k)
		sum += term
	}
	return sum
}

// Smooth is the book's smooth_curve: a centred moving average with the
// Kaiser window (length 11, β = 2), output as long as the input. Edges are
// extended by reflection as the book's code does — asymmetrically: before
// the start without repeating the first value (x2, x1 | x0, x1, …), after
// the end repeating the last (… x[n−1] | x[n−1], x[n−2], …). Series shorter
// than the window reflect repeatedly.
func Smooth(x []float64) []float64 {
	window := kaiser(11, 2) // NumPy's np.kaiser(11, 2) / sum
	n := len(x)
	out := make([]float64, n)
	half := len(window) / 2
	for j := range out {
		var s float64
		for k, w := range window {
			s += w * x[mirror(j-half+k, n)]
		}
		out[j] = s
	}
	return out
}

// mirror maps an index outside [0, n) back inside with the book's edge
// rule: u < 0 → −u, u ≥ n → 2n−1−u.
func mirror(u, n int) int {
	for u < 0 || u >= n {
		if u < 0 {
			u = -u
		} else {
			u = 2*n - 1 - u
		}
		if n == 1 {
			return 0
		}
	}
	return u
}
