package plot

import (
	"math"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
)

func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 1, 5, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{0, 2.5, 5, []float64{0, 0.5, 1, 1.5, 2, 2.5}},
		{0, 1999, 4, []float64{0, 500, 1000, 1500}},
		{-1, 1, 4, []float64{-1, -0.5, 0, 0.5, 1}},
		{0, 19, 4, []float64{0, 5, 10, 15}},
		{3, 3, 4, []float64{3}},
	} {
		if got := Ticks(tc.lo, tc.hi, tc.n); !slices.EqualFunc(got, tc.want, func(a, b float64) bool { return math.Abs(a-b) < 1e-12 }) {
			t.Errorf("Ticks(%g, %g, %d) = %v, want %v", tc.lo, tc.hi, tc.n, got, tc.want)
		}
	}
}

func TestScale(t *testing.T) {
	s := Scale{Lo: 0, Hi: 2.5, P0: 200, P1: 0}
	for _, tc := range []struct{ v, want float64 }{{0, 200}, {2.5, 0}, {1.25, 100}, {5, -200}} {
		if got := s.At(tc.v); math.Abs(float64(got)-tc.want) > 1e-4 {
			t.Errorf("At(%g) = %g, want %g", tc.v, got, tc.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 0.5: "0.5", 1000: "1000", 0.0001: "1e-04", 2.5: "2.5"} {
		if got := Label(v); got != want {
			t.Errorf("Label(%g) = %q, want %q", v, got, want)
		}
	}
}

func TestDecimate(t *testing.T) {
	x := make([]float64, 2000)
	y := make([]float64, 2000)
	for i := range x {
		x[i], y[i] = float64(i), math.Sin(float64(i)/50)
	}
	y[777] = 10 // a spike must survive
	y[1500] = math.NaN()
	xs, ys := Decimate(x, y, 100)
	if len(xs) > 2*100+100 || len(xs) != len(ys) {
		t.Fatalf("%d points after decimating to 100 columns", len(xs))
	}
	if !slices.Contains(ys, 10) {
		t.Error("the spike was lost")
	}
	if !slices.ContainsFunc(ys, math.IsNaN) {
		t.Error("the NaN break was lost")
	}
	if !slices.IsSorted(xs) {
		t.Error("x is no longer increasing")
	}
	short := []float64{1, 2, 3}
	if xs, _ := Decimate(short, short, 100); len(xs) != 3 {
		t.Error("a short series was changed")
	}
}

// TestRaggedSeries draws a series whose X is longer than its Y, as a live
// chart can be while a run fills it.
func TestRaggedSeries(t *testing.T) {
	p := &Panel{Series: []Series{{X: []float64{0, 1, 2}, Y: []float64{1}}, {X: []float64{0}, Y: []float64{1, 2}}}}
	p.Objects(fyne.NewPos(0, 0), fyne.NewSize(200, 150))
}
