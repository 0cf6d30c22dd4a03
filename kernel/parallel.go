package kernel

import (
	"runtime"
	"sync"
)

// parallelMinFlops is the smallest product (2·m·n·k flops) that Auto splits
// across cores: below it, starting goroutines and packing B once per worker
// cost more than they save (see BenchmarkWorkers).
const parallelMinFlops = 2 * 96 * 96 * 96

// resolve turns w into a concrete worker count for an m×n×k product.
func (w Workers) resolve(m, n, k int) int {
	if w == Auto {
		if 2*m*n*k < parallelMinFlops {
			return 1
		}
		return runtime.GOMAXPROCS(0)
	}
	return int(w)
}

// run computes the product on up to workers goroutines. C is cut into
// workers bands of whole register tiles, along M if it has at least as
// many tiles as N, else along N; each band is an independent serial
// product with its own packed buffers. Cutting never changes the k-blocking
// or the summation order of any element, so the result is bitwise the same
// for every worker count.
func (p *problem[T]) run(m, n, workers int) {
	mTiles := (m + p.spec.mr - 1) / p.spec.mr
	nTiles := (n + p.spec.nr - 1) / p.spec.nr
	alongM := mTiles >= nTiles
	tiles, step := nTiles, p.spec.nr
	if alongM {
		tiles, step = mTiles, p.spec.mr
	}
	workers = min(workers, tiles)
	if workers <= 1 {
		p.serial(0, m, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo := tiles * w / workers * step
		hi := tiles * (w + 1) / workers * step
		i0, i1, j0, j1 := 0, m, 0, n
		if alongM {
			i0, i1 = lo, min(hi, m)
		} else {
			j0, j1 = lo, min(hi, n)
		}
		if w == workers-1 {
			p.serial(i0, i1, j0, j1)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.serial(i0, i1, j0, j1)
		}()
	}
	wg.Wait()
}
