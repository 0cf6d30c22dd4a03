package experiment

import (
	"fmt"
	"runtime"
	"sync"
)

// Event reports progress: one recorded point of one series, or (with Series
// empty) a bare progress tick.
type Event struct {
	// Series names the curve, e.g. "He" or "σ=0.0136/BN".
	Series string
	// Group is the index of the run (activations), series (initcompare) or
	// panel (batchnorm) the point belongs to; Net is 0 for the BN network
	// and 1 for the plain one in batchnorm.
	Group, Net int
	// Index is the point's position in its series, Value its value. A NaN
	// Value marks a point where the network had diverged.
	Index int
	Value float64
	// Done and Total count units of work (training steps, or layers for the
	// activation experiment) over the whole run.
	Done, Total int
}

// reporter serializes progress callbacks from several goroutines and
// counts work done.
type reporter struct {
	mu    sync.Mutex
	fn    func(Event)
	done  int
	total int
}

func newReporter(fn func(Event), total int) *reporter { return &reporter{fn: fn, total: total} }

// point reports one recorded value and work units finished since the last
// report.
func (r *reporter) point(series string, group, net, index int, value float64, work int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += work
	if r.fn != nil {
		r.fn(Event{Series: series, Group: group, Net: net, Index: index, Value: value, Done: r.done, Total: r.total})
	}
}

// workerCount resolves a configured worker count (0 = GOMAXPROCS).
func workerCount(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// parallel runs job(0…n−1) on up to workers goroutines and returns the
// first error.
func parallel(workers, n int, job func(i int) error) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan int)
	)
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := job(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return first
}

// DType names the element type of a run: "float32" (default) or "float64".
type DType string

// The element types.
const (
	Float32 DType = "float32"
	Float64 DType = "float64"
)

func (d DType) resolve() (DType, error) {
	switch d {
	case "", Float32:
		return Float32, nil
	case Float64:
		return Float64, nil
	}
	return "", fmt.Errorf("experiment: unknown dtype %q (want float32 or float64)", d)
}
