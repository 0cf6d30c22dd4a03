package lab

import (
	"context"
	"sync"

	"zerokara/net/experiment"
)

// event is what every experiment's progress callback receives.
type event interface{ Progress() experiment.Work }

// partialResult is an experiment result that its events fill in
// (experiment.InitCompareResult and its siblings).
type partialResult[R any, E event] interface {
	Apply(E)
	Snapshot() R
}

// live is the result of one screen's experiment as it forms: the worker
// applies events to it, the UI goroutine draws snapshots of it. It keeps
// the last complete result for export.
type live[R partialResult[R, E], E event] struct {
	mu       sync.Mutex
	partial  R
	started  bool // partial holds a run's result
	final    R
	complete bool
}

// run starts an experiment on r's worker goroutine. prepare (on the
// worker: it may load data) returns the config; newResult builds the empty
// partial result for it and execute runs it. draw gets a snapshot on the
// UI goroutine ten times a second and at the end; finish gets the run's
// error there.
func run[C any, R partialResult[R, E], E event](r *runner, l *live[R, E],
	prepare func() (C, error), newResult func(C) (R, error),
	execute func(context.Context, C, func(E)) (R, error),
	draw func(R), finish func(error)) bool {
	return r.start(func(ctx context.Context, work func(experiment.Work)) error {
		cfg, err := prepare()
		if err != nil {
			return err
		}
		partial, err := newResult(cfg)
		if err != nil {
			return err
		}
		l.begin(partial)
		res, err := execute(ctx, cfg, func(e E) {
			l.apply(e)
			work(e.Progress())
		})
		if err == nil {
			l.keep(res)
		}
		return err
	}, func() {
		if snap, ok := l.snapshot(); ok {
			draw(snap)
		}
	}, finish)
}

// adopt takes old's last complete result as its own (a language switch
// builds new screens) and reports it.
func (l *live[R, E]) adopt(old *live[R, E]) (R, bool) {
	res, ok := old.last()
	if ok {
		l.mu.Lock()
		l.partial, l.final, l.started, l.complete = res, res, true, true
		l.mu.Unlock()
	}
	return res, ok
}

// snapshot copies the result so far, if a run has started.
func (l *live[R, E]) snapshot() (R, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.started {
		var zero R
		return zero, false
	}
	return l.partial.Snapshot(), true
}

// last returns the last complete result, if any.
func (l *live[R, E]) last() (R, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.final, l.complete
}

// begin starts a new partial result (on the worker, before the run).
func (l *live[R, E]) begin(partial R) {
	l.mu.Lock()
	l.partial, l.started = partial, true
	l.mu.Unlock()
}

// apply records an event in the partial result.
func (l *live[R, E]) apply(e E) {
	l.mu.Lock()
	l.partial.Apply(e)
	l.mu.Unlock()
}

// keep keeps a run's final result.
func (l *live[R, E]) keep(res R) {
	l.mu.Lock()
	l.partial, l.final, l.complete = res, res, true
	l.mu.Unlock()
}
