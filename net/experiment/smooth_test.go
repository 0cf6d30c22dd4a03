package experiment

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestKaiserWindowMatchesNumPy(t *testing.T) {
	// SPEC §5.2: np.kaiser(11, 2) / sum, first half.
	want := []float64{0.052445, 0.073094, 0.091778, 0.106661, 0.116245, 0.119553}
	w := kaiser(11, 2)
	for i, v := range want {
		if math.Abs(w[i]-v) > 5e-7 || math.Abs(w[10-i]-v) > 5e-7 {
			t.Errorf("w[%d] = %.7f, w[%d] = %.7f, want %.6f", i, w[i], 10-i, w[10-i], v)
		}
	}
}

// numpySmooth is the book's smooth_curve written the way NumPy computes it:
// pad with x[10:0:-1] and x[-1:-11:-1], convolve in 'valid' mode, then drop
// 5 values at each end.
func numpySmooth(x []float64) []float64 {
	n := len(x)
	var s []float64
	for i := 10; i > 0; i-- {
		s = append(s, x[i])
	}
	s = append(s, x...)
	for i := n - 1; i > n-11; i-- {
		s = append(s, x[i])
	}
	w := kaiser(11, 2)
	var y []float64
	for i := 0; i+11 <= len(s); i++ {
		var v float64
		for k := range 11 {
			v += w[10-k] * s[i+k]
		}
		y = append(y, v)
	}
	return y[5 : len(y)-5]
}

func TestSmoothMatchesBookEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, n := range []int{11, 12, 30, 2000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.Float64()
		}
		got, want := Smooth(x), numpySmooth(x)
		if len(got) != n || len(want) != n {
			t.Fatalf("n=%d: lengths %d and %d", n, len(got), len(want))
		}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-12 {
				t.Fatalf("n=%d: smoothed[%d] = %g, NumPy's way %g", n, i, got[i], want[i])
			}
		}
	}
	// Short series reflect repeatedly and keep constants constant.
	for _, v := range Smooth([]float64{2, 2, 2}) {
		if math.Abs(v-2) > 1e-12 {
			t.Fatalf("smoothing a constant gave %g", v)
		}
	}
}
