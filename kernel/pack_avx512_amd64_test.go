//go:build !purego

package kernel

import "testing"

// TestPackTransAVX512 checks the transposing panel packers (transposed B,
// and A's 12-row panels) against their formula for several depths and
// strides, and that they write nothing past the packed rows.
func TestPackTransAVX512(t *testing.T) {
	if !cpuSupportsAVX512() {
		t.Skip("no AVX-512F on this CPU")
	}
	t.Run("B/float32", func(t *testing.T) { packTransCheck(t, packBT32AVX512, 32, 16) })
	t.Run("B/float64", func(t *testing.T) { packTransCheck(t, packBT16AVX512, 16, 8) })
	t.Run("A/float32", func(t *testing.T) { packTransCheck(t, spackA12AVX512, 12, 16) })
	t.Run("A/float64", func(t *testing.T) { packTransCheck(t, dpackA12AVX512, 12, 8) })
}

func packTransCheck[T Float](t *testing.T, pack func(dst, src []T, ld, blocks int), nr, rowsPerBlock int) {
	for _, tc := range []struct{ blocks, ld int }{{1, 16}, {1, 17}, {2, 40}, {3, 100}, {6, 1024}} {
		kb := rowsPerBlock * tc.blocks
		ld := max(tc.ld, kb)
		src := make([]T, (nr-1)*ld+kb)
		for i := range src {
			src[i] = T(i)
		}
		dst := make([]T, kb*nr+nr)
		const canary = -1
		for i := range dst {
			dst[i] = canary
		}
		pack(dst, src, ld, tc.blocks)
		for p := 0; p < kb; p++ {
			for i := 0; i < nr; i++ {
				if got, want := dst[p*nr+i], src[i*ld+p]; got != want {
					t.Fatalf("blocks=%d ld=%d: dst[%d*%d+%d] = %v, want %v", tc.blocks, ld, p, nr, i, got, want)
				}
			}
		}
		for i := kb * nr; i < len(dst); i++ {
			if dst[i] != canary {
				t.Fatalf("blocks=%d ld=%d: wrote dst[%d] past the packed rows", tc.blocks, ld, i)
			}
		}
	}
}
