package experiment

import (
	"sync"

	"zerokara/net"
)

// batchRing gathers each iteration's batch once for all the networks of a
// comparison, which train on the same batches, into a ring of depth slots:
// a network may run up to depth-1 iterations ahead of the slowest one
// before it waits, so there is no barrier in every iteration. The slowest
// network never waits (its slot is either gathered or free), so the ring
// cannot deadlock as long as every user runs concurrently; a ring with
// one user and one slot is plain per-network gathering.
type batchRing[T net.Float] struct {
	train   *dataset[T]
	indices []int // iterations·batch sample indices
	batch   int
	users   int

	mu      sync.Mutex
	changed sync.Cond // a slot was gathered or freed, or the ring stopped
	slots   []ringSlot[T]
	stopped bool
}

// ringSlot holds one iteration's batch until all users have released it.
type ringSlot[T net.Float] struct {
	iteration int // the batch held; -1 before the first
	pending   int // users that have not released it
	gathering bool
	x         *net.Matrix[T]
	labels    []int
}

func newBatchRing[T net.Float](train *dataset[T], indices []int, batch, users, depth int) *batchRing[T] {
	r := &batchRing[T]{train: train, indices: indices, batch: batch, users: users, slots: make([]ringSlot[T], depth)}
	r.changed.L = &r.mu
	for i := range r.slots {
		r.slots[i] = ringSlot[T]{iteration: -1, x: net.NewMatrix[T](batch, train.cols)}
	}
	return r
}

// get returns iteration it's batch, gathering it if this user is the
// first to ask, or false when the ring was stopped. The caller must not
// modify the batch and must call release(it) once it is done with it.
func (r *batchRing[T]) get(it int) (*net.Matrix[T], []int, bool) {
	s := &r.slots[it%len(r.slots)]
	r.mu.Lock()
	defer r.mu.Unlock()
	for !r.stopped {
		switch {
		case s.iteration == it && !s.gathering:
			return s.x, s.labels, true
		case s.iteration < it && s.pending == 0:
			// Free: every user released the batch it held. Gather
			// outside the lock; users of this iteration wait above.
			s.iteration, s.pending, s.gathering = it, r.users, true
			r.mu.Unlock()
			s.labels = r.train.batch(s.x, s.labels, r.indices[it*r.batch:(it+1)*r.batch])
			r.mu.Lock()
			s.gathering = false
			r.changed.Broadcast()
		default:
			r.changed.Wait()
		}
	}
	return nil, nil, false
}

// release tells the ring that one user is done with iteration it's batch.
func (r *batchRing[T]) release(it int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := &r.slots[it%len(r.slots)]
	if s.pending--; s.pending == 0 {
		r.changed.Broadcast()
	}
}

// stop ends the ring for every user (one of them failed): waiting and
// later gets return false.
func (r *batchRing[T]) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopped = true
	r.changed.Broadcast()
}
