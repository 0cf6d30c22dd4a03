package kernel

import (
	"runtime"
	"sync"
)

// parallelMinFlops is the smallest product (2·m·n·k flops) that Auto splits
// across cores: below it, starting goroutines and the packing each worker
// repeats cost more than they save (measured with BenchmarkSgemm and
// BenchmarkDgemm, workers=1 against workers=auto: 128³ is slower on two
// cores, 256³ faster).
const parallelMinFlops = 2 * 200 * 200 * 200

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
// workers bands of whole register tiles; each band is an independent serial
// product with its own packed buffers. The cut avoids repeating packing:
// along N when only B is packed (each worker packs its own columns), along
// M when only A is, else along the dimension with more tiles. Cutting never changes the k-blocking
// or the summation order of any element, so the result is bitwise the same
// for every worker count.
func (p *problem[T]) run(m, n, workers int) {
	mTiles := (m + p.spec.mr - 1) / p.spec.mr
	nTiles := (n + p.spec.nr - 1) / p.spec.nr
	alongM := mTiles >= nTiles
	if p.packA != p.packB {
		alongM = p.packA
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
	// Goroutines share a heap copy, so that serial calls keep p on the stack.
	shared := new(problem[T])
	*shared = *p
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
			shared.serial(i0, i1, j0, j1)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			shared.serial(i0, i1, j0, j1)
		}()
	}
	wg.Wait()
}
