package kernel

import (
	"math"
	"testing"
	"time"
)

// MeasurePeak returns for every path: a positive, finite rate of each
// element type on the SIMD paths and none on pure Go. How the two rates
// compare is a speed, which load on a shared machine can change at will,
// so BenchmarkMeasurePeak reports it instead of a test asserting it.
func TestMeasurePeak(t *testing.T) {
	for _, name := range Implementations() {
		t.Run(name, func(t *testing.T) {
			k, err := Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			p := k.MeasurePeak(20 * time.Millisecond)
			if name == "purego" {
				if p != (Peak{}) {
					t.Errorf("purego peak %+v, want none", p)
				}
				return
			}
			for _, r := range []float64{p.Float32, p.Float64} {
				if !(r > 0) || math.IsInf(r, 0) {
					t.Errorf("%s peak %+v: want positive finite rates", name, p)
				}
			}
		})
	}
}

// BenchmarkMeasurePeak reports each SIMD path's MeasurePeak and the ratio
// of its float32 rate to its float64 rate: about 2 on an idle core (twice
// the lanes), less when the core is shared or emulated.
func BenchmarkMeasurePeak(b *testing.B) {
	for _, name := range Implementations() {
		if name == "purego" {
			continue
		}
		k, err := Lookup(name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("impl="+name, func(b *testing.B) {
			var p Peak
			for b.Loop() {
				p = k.MeasurePeak(20 * time.Millisecond)
			}
			b.ReportMetric(p.Float32, "f32-GFLOP/s")
			b.ReportMetric(p.Float64, "f64-GFLOP/s")
			b.ReportMetric(p.Float32/p.Float64, "f32/f64")
		})
	}
}

// ExampleKernel_MeasurePeak compares a path's GEMM with one core's FMA
// peak (the numbers depend on the machine, so nothing is printed).
func ExampleKernel_MeasurePeak() {
	k, _ := Lookup(Implementation())
	peak := k.MeasurePeak(50 * time.Millisecond)
	_ = peak.Float32 // GFLOP/s of one core; 0 on the pure-Go path
}
