package kernelbench

import (
	"runtime"
	"time"
)

// Limits of a measurement the machine's load did not spoil.
const (
	// FullShare is the least fraction of a core a one-core measurement
	// (a peak sample or a one-worker product) may have had: below it, the
	// core was shared with another thread or process while it ran.
	FullShare = 0.8
	// MaxOfPeak is the highest fraction of peak a product can reach: a
	// faster one was rated against a peak sampled too low.
	MaxOfPeak = 1.0
)

// Busy says how the machine's load spoilt a measurement.
type Busy struct {
	// Shared counts the one-core measurements that had less than
	// FullShare of their core, out of Measured that report a share.
	Shared, Measured int
	// LeastShare is the smallest share of a core among them.
	LeastShare float64
	// OverPeak is the highest fraction of peak of a product, when it is
	// above MaxOfPeak (0 otherwise).
	OverPeak float64
}

// Busy reports whether the machine was too busy for r's figures to be
// trusted: some peak sample or one-worker product had less than FullShare
// of its core, or a product ran faster than its path's peak allows.
func (r *Result) Busy() (Busy, bool) {
	b := Busy{LeastShare: 1}
	count := func(share float64) {
		if share <= 0 {
			return // not known on this system
		}
		b.Measured++
		b.LeastShare = min(b.LeastShare, share)
		if share < FullShare {
			b.Shared++
		}
	}
	for _, samples := range r.PeakSamples {
		for _, s := range samples {
			count(s.Share)
		}
	}
	for _, p := range r.Points {
		count(p.Share)
		if p.OfPeak > MaxOfPeak {
			b.OverPeak = max(b.OverPeak, p.OfPeak)
		}
	}
	return b, b.Shared > 0 || b.OverPeak > 0
}

// onOneCore runs f with its goroutine locked to one OS thread and returns
// the fraction of f's wall time that thread ran (0 when the system does
// not tell; capped at 1, the clocks' rounding aside).
func onOneCore(f func()) float64 {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, ok0 := threadCPU()
	start := time.Now()
	f()
	wall := time.Since(start)
	cpu1, ok1 := threadCPU()
	if !ok0 || !ok1 || wall <= 0 {
		return 0
	}
	return min(1, float64(cpu1-cpu0)/float64(wall))
}
