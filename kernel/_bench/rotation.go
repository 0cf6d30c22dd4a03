package main

import "time"

// sample is one contender's share of one round.
type sample struct {
	calls  int
	secs   float64 // summed wall time of its calls, each timed on its own
	gflops float64 // flops·calls/secs, or the best self-timed rate (peak)
}

// rotate warms the contenders up and then times rounds of them, returning
// samples[round][contender]. A round calls the contenders in turn, one call
// each, each call timed on its own with time.Now around it, until the round
// has lasted at least roundDur (so a round always holds at least one call of
// each, however long a call takes); every contender gets the same number of
// calls per round. The round's first contender moves on by one each round,
// so that no library always runs right after the same neighbour. Warm-up is
// the same rotation, untimed, for at least one turn and warm.
func rotate(cs []contender, flops float64, rounds int, roundDur, warm time.Duration) [][]sample {
	start := time.Now()
	for turns := 0; turns == 0 || time.Since(start) < warm; turns++ {
		for _, c := range cs {
			c.call()
		}
	}
	out := make([][]sample, rounds)
	for r := range out {
		row := make([]sample, len(cs))
		start := time.Now()
		for time.Since(start) < roundDur || row[0].calls == 0 {
			for j := range cs {
				i := (r + j) % len(cs)
				t0 := time.Now()
				rate := cs[i].call()
				row[i].secs += time.Since(t0).Seconds()
				row[i].calls++
				if cs[i].selfTimed {
					row[i].gflops = max(row[i].gflops, rate)
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
