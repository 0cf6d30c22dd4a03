package kernel

import (
	"math/rand/v2"
	"testing"
)

// fuzzCase decodes fuzzer input into a GEMM case of at most 70 in each
// dimension (enough to cross every tile and the narrow-panel edges).
func fuzzCase(m, n, k, pad uint8, tA, tB bool, scalars uint8) gemmCase {
	tc := gemmCase{m: int(m % 71), n: int(n % 71), k: int(k % 71), pad: int(pad % 9)}
	if tA {
		tc.tA = Trans
	}
	if tB {
		tc.tB = Trans
	}
	s := []float64{0, 1, -1, 0.5, 3.25}
	tc.alpha = s[int(scalars)%len(s)]
	tc.beta = s[int(scalars/8)%len(s)]
	return tc
}

func addFuzzSeeds(f *testing.F) {
	f.Add(uint8(7), uint8(17), uint8(9), uint8(0), false, false, uint8(9), uint64(1))
	f.Add(uint8(13), uint8(8), uint8(70), uint8(3), true, false, uint8(20), uint64(2))
	f.Add(uint8(1), uint8(33), uint8(2), uint8(5), false, true, uint8(33), uint64(3))
	f.Add(uint8(64), uint8(1), uint8(0), uint8(1), true, true, uint8(4), uint64(4))
	f.Add(uint8(12), uint8(36), uint8(9), uint8(0), false, false, uint8(9), uint64(5)) // dot kernels
	f.Add(uint8(20), uint8(10), uint8(6), uint8(2), false, false, uint8(3), uint64(6))
}

// FuzzSgemm checks fuzzer-chosen float32 products on every implementation.
func FuzzSgemm(f *testing.F) { fuzzGemm[float32](f) }

// FuzzDgemm is FuzzSgemm for float64.
func FuzzDgemm(f *testing.F) { fuzzGemm[float64](f) }

// fuzzGemm checks fuzzer-chosen cases on every implementation (Auto
// workers) against the oracle (runCase).
func fuzzGemm[T Float](f *testing.F) {
	addFuzzSeeds(f)
	ks := kernels(f)
	f.Fuzz(func(t *testing.T, m, n, k, pad uint8, tA, tB bool, scalars uint8, seed uint64) {
		tc := fuzzCase(m, n, k, pad, tA, tB, scalars)
		for _, kn := range ks {
			t.Run("impl="+kn.Name(), func(t *testing.T) {
				runCase(t, rand.New(rand.NewPCG(seed, 1)), tc, gemmOn[T](kn))
			})
		}
	})
}
