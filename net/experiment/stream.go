package experiment

import (
	"hash/fnv"
	"math"
)

// nameStream is the random stream of a network named name within a run:
// a network's draws depend on the run's seed and its own name, never on
// its position in a list, so adding or removing a neighbour does not
// change its result.
func nameStream(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// cellStream is the random stream of a grid cell at values (a, b), e.g. a
// σ × learning-rate cell: like nameStream, by value and not by index.
func cellStream(a, b float64) uint64 {
	h := fnv.New64a()
	var buf [16]byte
	for i, v := range []float64{a, b} {
		bits := math.Float64bits(v)
		for j := range 8 {
			buf[8*i+j] = byte(bits >> (8 * j))
		}
	}
	h.Write(buf[:])
	return h.Sum64()
}
