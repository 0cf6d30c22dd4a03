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
	// helpersAwake counts the helpers running a band or polling for the
	// next: a band handed to one of them starts within a microsecond, with
	// no thread to wake.
	helpersAwake atomic.Int32
)

// band is one worker's share of a parallel product. Whoever claims it
// first runs it: a helper, or the caller once its own band is done.
type band struct {
	run     func()
	claimed atomic.Bool
	left    *atomic.Int32 // bands of the call still running
}

// ensureHelpers starts helpers until there are at least n.
func ensureHelpers(n int) {
	helpersMu.Lock()
	defer helpersMu.Unlock()
	for ; helperCount < n; helperCount++ {
		go helper()
	}
}

// do runs the band unless someone else claimed it, and counts it as
// finished.
func (b *band) do() {
	if !b.claimed.CompareAndSwap(false, true) {
		return
	}
	b.run()
	b.left.Add(-1)
}

func helper() {
	for t := range helperTasks {
		// Awake from before the band ends, so that a caller who sees its
		// product finished already finds this helper awake.
		helpersAwake.Add(1)
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
		helpersAwake.Add(-1)
	}
}

// runBands runs bands[1:] on helpers and bands[0] on the calling goroutine,
// and returns when all have finished. A band no helper has started by the
// time the caller's own is done, the caller runs itself: a parked helper's
// wake-up (tens of microseconds on a VM) then costs about nothing, and a
// split product is never much slower than the serial one. The caller
// polls rather than parks for the same reason the helpers do.
func runBands(bands []func()) {
	var left atomic.Int32
	left.Store(int32(len(bands) - 1))
	ensureHelpers(len(bands) - 1)
	tasks := make([]*band, len(bands)-1)
	for i, run := range bands[1:] {
		tasks[i] = &band{run: run, left: &left}
		helperTasks <- tasks[i]
	}
	bands[0]()
	for _, t := range tasks {
		t.do()
	}
	for left.Load() > 0 {
		runtime.Gosched()
	}
}

// wakeHelper wakes a parked helper without waiting for it (an empty band),
// so that it polls for the products that follow. If the queue is full,
// helpers are busy anyway.
func wakeHelper() {
	ensureHelpers(1)
	var left atomic.Int32
	left.Store(1)
	select {
	case helperTasks <- &band{run: func() {}, left: &left}:
	default:
	}
}
