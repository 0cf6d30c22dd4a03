package kernel

import (
	"runtime"
	"sync/atomic"
	"time"
)

// minBandFlops is the least work (2·m·n·k / bands flops) worth a band of
// its own when no helper is awake: handing a band to a parked helper costs
// the caller the helper thread's wake-up, tens of microseconds on a VM.
// Measured on the 2-core Zen 4 VM, float32, two workers against one with
// a pause before each call: 128×100×100 (1.28 MFlop per band) 105 → 76
// GFLOP/s. Products between minAwakeBandFlops and this split only while a
// helper is awake.
const minBandFlops = 4_000_000

// minAwakeBandFlops replaces minBandFlops while a helper is awake (polling
// after a recent band, helpersAwake): handing it a band then costs no
// thread wake-up, so smaller products gain from a split. Measured on the
// same VM, float32, two workers against one, back to back: 100×100×100
// (1.0 MFlop per band) 104 → 180 GFLOP/s, 128×100×100 106 → 183; 64³
// (0.26 MFlop per band) gained nothing.
const minAwakeBandFlops = 500_000

// burstGap is the longest time between the starts of two products that
// counts them as one burst (a training loop): a product that runs serially
// only because no helper is awake then wakes one for those that follow.
const burstGap = helperSpin

// lastWakeable is when (UnixNano) the last such product started.
var lastWakeable atomic.Int64

// bands returns how many bands the product gets on kn's workers, and
// whether, running serially only for want of an awake helper, it should
// wake one afterwards (wakeHelper) for the products that follow it.
func bands(kn Kernel, m, n, k int) (workers int, wake bool) {
	minFlops := kn.bandFlops()
	workers = kn.workers.resolve(m, n, k, minFlops)
	if workers > 1 || minFlops != minBandFlops {
		return workers, false
	}
	awake := kn.workers.resolve(m, n, k, minAwakeBandFlops)
	if awake == 1 {
		return 1, false
	}
	if helpersAwake.Load() > 0 {
		return awake, false
	}
	now := time.Now().UnixNano()
	return 1, now-lastWakeable.Swap(now) < int64(burstGap)
}

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
