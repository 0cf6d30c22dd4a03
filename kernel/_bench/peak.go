package main

import (
	"time"

	"zerokara/kernel"
)

// peakContender runs zerokara's MeasurePeak on the -impl path for slice per
// element type and returns the one-core FMA peak of T in GFLOP/s. In a
// rotation it stands next to the single-thread GEMMs so that the peak and
// the GEMM share each round's conditions (clock, neighbours on the host).
func peakContender[T kernel.Float](k kernel.Kernel, slice time.Duration) contender {
	var zero T
	_, f32 := any(zero).(float32)
	return contender{
		name: "peak",
		call: func() float64 {
			p := k.MeasurePeak(slice)
			if f32 {
				return p.Float32
			}
			return p.Float64
		},
		selfTimed: true,
	}
}
