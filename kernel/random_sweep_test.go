package kernel

import (
	"math/rand/v2"
	"testing"
)

// TestGemmRandomSweep runs pseudo-random cases — sizes up to 70, any
// transposes, padding and scalars, decoded as the fuzz targets decode
// theirs — on every implementation, serially and on two workers. Unlike
// the fuzz targets it also runs where the fuzzing engine cannot, e.g. on
// arm64 under qemu-aarch64. The seed is fixed, so a failure reproduces.
func TestGemmRandomSweep(t *testing.T) {
	cases := 300
	if testing.Short() {
		cases = 60
	}
	forEachImplementation(t, func(t *testing.T, k Kernel) {
		t.Run("float32", func(t *testing.T) { randomSweep[float32](t, k, cases) })
		t.Run("float64", func(t *testing.T) { randomSweep[float64](t, k, cases) })
	})
}

func randomSweep[T Float](t *testing.T, k Kernel, cases int) {
	rng := rand.New(rand.NewPCG(41, 42))
	for i := range cases {
		u := rng.Uint64()
		tc := fuzzCase(uint8(u), uint8(u>>8), uint8(u>>16), uint8(u>>24), u>>32&1 != 0, u>>33&1 != 0, uint8(u>>40))
		kn := k.WithWorkers(Workers(1 + i%2))
		kn.splitAll = true // two workers split even these small products
		runCase(t, rng, tc, gemmOn[T](kn))
	}
}
