package main

import (
	"fmt"
	"math"
	"slices"
)

// spread is the median and the range of one quantity over the rounds.
type spread struct{ median, min, max float64 }

// summarize returns the median, minimum and maximum of xs, ignoring NaNs
// (NaN for none).
func summarize(xs []float64) spread {
	s := slices.DeleteFunc(slices.Clone(xs), math.IsNaN)
	if len(s) == 0 {
		return spread{math.NaN(), math.NaN(), math.NaN()}
	}
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return spread{med, s[0], s[len(s)-1]}
}

// rates returns contender i's GFLOP/s in each round.
func rates(samples [][]sample, i int) []float64 {
	out := make([]float64, len(samples))
	for r, row := range samples {
		out[r] = row[i].gflops
	}
	return out
}

// ratios returns, per round, contender i's rate divided by contender j's:
// both were measured in the same round, so a slow spell of the host that
// hits the round hits numerator and denominator alike. A zero denominator
// (the pure-Go path's peak) gives NaN, which summarize leaves out.
func ratios(samples [][]sample, i, j int) []float64 {
	out := make([]float64, len(samples))
	for r, row := range samples {
		out[r] = math.NaN()
		if row[j].gflops > 0 {
			out[r] = row[i].gflops / row[j].gflops
		}
	}
	return out
}

// rateCell formats a median rate in GFLOP/s ("–" when absent).
func rateCell(s spread) string {
	if math.IsNaN(s.median) {
		return "–"
	}
	return fmt.Sprintf("%.1f", s.median)
}

// ratioCell formats a median ratio with its min–max over the rounds.
func ratioCell(s spread) string {
	if math.IsNaN(s.median) {
		return "–"
	}
	return fmt.Sprintf("%.2f (%.2f–%.2f)", s.median, s.min, s.max)
}
