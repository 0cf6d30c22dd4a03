package kernel

import "runtime"

// minBandFlops is the least work (2·m·n·k / bands flops) worth a band of
// its own: handing a band to a helper and waiting for it costs about a
// microsecond even when the helper is awake. Measured with two workers
// against one on this project's 2-core VM (BenchmarkSgemm, float32, AVX-512):
// 128×100×100 (1.28 MFlop per band) gains, 100×100×100 (1.0) loses.
const minBandFlops = 1_200_000

// resolve turns w into a worker count for an m×n×k product: w itself, or
// GOMAXPROCS for Auto, but never so many that a band gets less than
// minFlops (minBandFlops, or 0 in tests that split products however small).
func (w Workers) resolve(m, n, k, minFlops int) int {
	workers := int(w)
	if w == Auto {
		workers = runtime.GOMAXPROCS(0)
	}
	if minFlops > 0 {
		workers = min(workers, 2*m*n*k/minFlops)
	}
	return max(workers, 1)
}

// run computes the product on up to workers goroutines. C is cut into
// workers bands of whole register tiles; each band is an independent serial
// product with its own packed buffers. The cut avoids repeating packing —
// along N when only B is packed (each worker packs its own columns), along
// M when only A is — unless that dimension has too few tiles for balanced
// bands (fewer than 4 per worker: 784×100×100 Aᵀ·B, 4 column tiles, ran
// 1.09× faster on two workers cut along N, 1.43× along M); otherwise along
// the dimension with more tiles. Cutting never changes the k-blocking or
// the summation order of any element, so the result is bitwise the same for
// every worker count.
func (p *problem[T]) run(m, n, workers int) {
	mTiles := (m + p.spec.mr - 1) / p.spec.mr
	nTiles := (n + p.spec.nr - 1) / p.spec.nr
	alongM := mTiles >= nTiles
	if p.packA != p.packB {
		preferred := nTiles
		if p.packA {
			preferred = mTiles
		}
		if preferred >= 4*workers {
			alongM = p.packA
		}
	}
	tiles, step := nTiles, p.spec.nr
	if alongM {
		tiles, step = mTiles, p.spec.mr
	}
	workers = min(workers, tiles)
	if workers <= 1 {
		p.serial(0, m, 0, n)
		return
	}
	// Helpers share a heap copy, so that serial calls keep p on the stack.
	shared := new(problem[T])
	*shared = *p
	bands := make([]func(), workers)
	for w := range bands {
		lo := tiles * w / workers * step
		hi := tiles * (w + 1) / workers * step
		i0, i1, j0, j1 := 0, m, 0, n
		if alongM {
			i0, i1 = lo, min(hi, m)
		} else {
			j0, j1 = lo, min(hi, n)
		}
		bands[w] = func() { shared.serial(i0, i1, j0, j1) }
	}
	runBands(bands)
}
