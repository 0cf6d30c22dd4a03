package main

import (
	"runtime"
	"runtime/debug"
	"time"
)

// sample is one contender's share of one round.
type sample struct {
	calls  int
	secs   float64 // summed wall time of its calls, each timed on its own
	gflops float64 // flops·calls/secs, or the best self-timed rate (peak)
}

// rotate warms the contenders up and then times rounds of them, returning
// samples[round][contender]. A round gives the contenders turns in order
// until it has lasted at least roundDur (so a round always holds at least
// one turn of each, however long a call takes). A turn is one call, or,
// with block > 0, calls back to back for at least block; each call is
// timed on its own with time.Now around it. With gap > 0 the harness then
// sleeps for gap, untimed, before the next turn, so that threads a library
// leaves spinning after its calls (zerokara's helpers poll for 100 µs,
// OpenBLAS's workers by OPENBLAS_THREAD_TIMEOUT) go idle instead of taking
// a core from the next contender. The round's first contender moves on by
// one each round, so that no library always runs right after the same
// neighbour. Warm-up is the same rotation, untimed, for at least one turn
// and warm. The garbage collector is off during the rounds and runs before
// each.
func rotate(cs []contender, flops float64, rounds int, roundDur, warm, block, gap time.Duration) [][]sample {
	start := time.Now()
	for turns := 0; turns == 0 || time.Since(start) < warm; turns++ {
		for _, c := range cs {
			c.call()
		}
	}
	// The collector runs between rounds, not during them: a cycle that
	// one contender's allocations start (gomlx allocates its outputs)
	// would otherwise take CPU from whichever contender runs next.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(8 << 30)) // a safety net for long rounds
	out := make([][]sample, rounds)
	for r := range out {
		runtime.GC()
		row := make([]sample, len(cs))
		start := time.Now()
		for time.Since(start) < roundDur || row[0].calls == 0 {
			for j := range cs {
				i := (r + j) % len(cs)
				turn := time.Now()
				for n := 0; n == 0 || time.Since(turn) < block; n++ {
					t0 := time.Now()
					rate := cs[i].call()
					row[i].secs += time.Since(t0).Seconds()
					row[i].calls++
					if cs[i].selfTimed {
						row[i].gflops = max(row[i].gflops, rate)
					}
				}
				if gap > 0 {
					time.Sleep(gap)
				}
			}
		}
		for i := range row {
			if !cs[i].selfTimed {
				row[i].gflops = flops * float64(row[i].calls) / row[i].secs / 1e9
			}
		}
		out[r] = row
	}
	return out
}
