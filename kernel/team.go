package kernel

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// The helpers are goroutines that run the bands of parallel products. They
// outlive a call and, after finishing a band, poll for the next one for
// helperSpin before they block: back-to-back products (a training loop)
// then find them awake instead of paying the wake-up of a parked thread,
// which on a virtual machine takes tens of microseconds — longer than many
// whole products. The polling yields to other goroutines (runtime.Gosched)
// and stops after helperSpin, so an idle program does not burn CPU.
const helperSpin = 100 * time.Microsecond

var (
	helperTasks = make(chan *band, 64)
	helpersMu   sync.Mutex
	helperCount int
)

// band is one worker's share of a parallel product.
type band struct {
	run  func()
	left *atomic.Int32 // bands of the call still running
}

// ensureHelpers starts helpers until there are at least n.
func ensureHelpers(n int) {
	helpersMu.Lock()
	defer helpersMu.Unlock()
	for ; helperCount < n; helperCount++ {
		go helper()
	}
}

// do runs the band and counts it as finished.
func (b *band) do() {
	b.run()
	b.left.Add(-1)
}

func helper() {
	for t := range helperTasks {
		t.do()
		for deadline := time.Now().Add(helperSpin); time.Now().Before(deadline); {
			select {
			case t = <-helperTasks:
				t.do()
				deadline = time.Now().Add(helperSpin)
			default:
				runtime.Gosched()
			}
		}
	}
}

// runBands runs bands[1:] on helpers and bands[0] on the calling goroutine,
// and returns when all have finished. The caller polls rather than parks
// for the same reason the helpers do.
func runBands(bands []func()) {
	var left atomic.Int32
	left.Store(int32(len(bands) - 1))
	ensureHelpers(len(bands) - 1)
	for _, run := range bands[1:] {
		helperTasks <- &band{run: run, left: &left}
	}
	bands[0]()
	for left.Load() > 0 {
		runtime.Gosched()
	}
}
