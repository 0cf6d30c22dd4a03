package experiment

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Work counts units of work (training steps, or layers for the
// activation experiment) over a whole run. Every event carries it.
type Work struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

// Progress returns the work counts; every event type has it through its
// embedded Work.
func (w Work) Progress() Work { return w }

// reporter serializes a run's events from several goroutines and counts
// the work done.
type reporter struct {
	mu    sync.Mutex
	done  int
	total int
}

func newReporter(total int) *reporter { return &reporter{total: total} }

// emit adds work finished since the last event and calls send with the new
// counts, under the reporter's lock: send applies the event to the run's
// result and passes it to the caller's callback, so neither ever runs
// concurrently with itself.
func (r *reporter) emit(work int, send func(Work)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += work
	send(Work{Done: r.done, Total: r.total})
}

// MaxWorkers bounds the parallel trainings of a run, so that the memory
// estimate of a run (which assumes that many at once) holds on any
// machine.
const MaxWorkers = 64

// workerCount resolves a configured worker count (0 = GOMAXPROCS), at most
// MaxWorkers.
func workerCount(n int) int {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return min(n, MaxWorkers)
}

// parallel runs job(0…n−1) on up to workers goroutines and returns the
// first error; once a job has failed (a canceled run's first job returns
// the context's error) no further job starts.
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
				mu.Lock()
				failed := first != nil
				mu.Unlock()
				if failed {
					continue
				}
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

// DType names the element type of a run: "float32" or "float64" (the
// book's arithmetic).
type DType string

// The element types.
const (
	Float32 DType = "float32"
	Float64 DType = "float64"
)

func (d DType) validate() error {
	if d != Float32 && d != Float64 {
		return fmt.Errorf("experiment: unknown dtype %q (want float32 or float64)", string(d))
	}
	return nil
}

// MarshalText writes the name; an unknown dtype is an error.
func (d DType) MarshalText() ([]byte, error) {
	if err := d.validate(); err != nil {
		return nil, err
	}
	return []byte(d), nil
}

// UnmarshalText reads "float32" or "float64".
func (d *DType) UnmarshalText(b []byte) error {
	v := DType(strings.ToLower(strings.TrimSpace(string(b))))
	if err := v.validate(); err != nil {
		return err
	}
	*d = v
	return nil
}

// setWork stores the counts; through the embedded Work every event type
// has it, which lets send fill in any event.
func (w *Work) setWork(v Work) { *w = v }

// send reports an event finishing work units: under the reporter's lock
// it gets the counts, is applied to the run's own result, then passed to
// the caller's callback (if any).
func send[E any, P interface {
	*E
	setWork(Work)
}](rep *reporter, work int, e E, apply func(E), progress func(E)) {
	rep.emit(work, func(w Work) {
		P(&e).setWork(w)
		apply(e)
		if progress != nil {
			progress(e)
		}
	})
}

// timed is a result that records how long its run took.
type timed interface{ setSeconds(float64) }

// execute builds the empty result of cfg, fills it with the float32 or
// the float64 instantiation of the experiment, and records the time.
func execute[C any, R timed](cfg C, d DType, newResult func(C) (R, error), f32, f64 func(R) error) (R, error) {
	start := time.Now()
	res, err := newResult(cfg)
	if err != nil {
		return res, err
	}
	if d == Float64 {
		err = f64(res)
	} else {
		err = f32(res)
	}
	if err != nil {
		var none R
		return none, err
	}
	res.setSeconds(time.Since(start).Seconds())
	return res, nil
}
