package kernel

import (
	"runtime"
	"time"
)

// peakLoop is a path's FMA throughput loop: n iterations of independent
// FMA chains, no memory traffic, flops floating-point operations each.
type peakLoop struct {
	run   func(n int)
	flops float64
}

// Peak is the measured floating-point peak of one core on a path.
type Peak struct {
	Float32, Float64 float64 // GFLOP/s; 0 where the path has no FMA loop
}

// MeasurePeak runs the path's FMA loops (12 independent FMA chains of the
// path's vector width, 24 on arm64; the bound a GEMM micro-kernel approaches) on the
// calling goroutine's core for about d per element type, and returns one
// core's GFLOP/s: the best of five slices of d, so that a slice the core
// spent on something else does not lower the peak. The pure-Go path has no such loop and reports 0: its
// speed is bounded by the compiler's scalar code, not by the FMA units.
func (k Kernel) MeasurePeak(d time.Duration) Peak {
	loops := peakLoops(k.impl().name)
	return Peak{Float32: measureLoop(loops[0], d), Float64: measureLoop(loops[1], d)}
}

func measureLoop(l peakLoop, d time.Duration) float64 {
	if l.run == nil {
		return 0
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const iters = 1 << 14
	l.run(iters) // warm up the vector units
	best := 0.0
	for range 5 {
		start, reps := time.Now(), 0
		for time.Since(start) < d/5 || reps == 0 {
			l.run(iters)
			reps++
		}
		best = max(best, l.flops*iters*float64(reps)/time.Since(start).Seconds()/1e9)
	}
	return best
}
