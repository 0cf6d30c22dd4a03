package kernel

import (
	"testing"
	"time"
)

// MeasurePeak reports a positive rate for every SIMD path and 0 for pure
// Go; float32 runs about twice as many lanes as float64.
func TestMeasurePeak(t *testing.T) {
	for _, name := range Implementations() {
		k, err := Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		p := k.MeasurePeak(20 * time.Millisecond)
		if name == "purego" {
			if p != (Peak{}) {
				t.Errorf("purego peak %+v, want none", p)
			}
			continue
		}
		if !(p.Float32 > 0 && p.Float64 > 0) {
			t.Errorf("%s peak %+v: want positive rates", name, p)
		}
		// Emulated CPUs (CI runs qemu with -short) keep no lane ratio.
		if !testing.Short() && p.Float32 < 1.3*p.Float64 {
			t.Errorf("%s peak %+v: want float32 well above float64 (twice the lanes)", name, p)
		}
	}
}

// ExampleKernel_MeasurePeak compares a path's GEMM with one core's FMA
// peak (the numbers depend on the machine, so nothing is printed).
func ExampleKernel_MeasurePeak() {
	k, _ := Lookup(Implementation())
	peak := k.MeasurePeak(50 * time.Millisecond)
	_ = peak.Float32 // GFLOP/s of one core; 0 on the pure-Go path
}
