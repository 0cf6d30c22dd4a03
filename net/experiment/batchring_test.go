package experiment

import (
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"zerokara/net"
	"zerokara/net/mnist"
)

// ringFixture is a small random data set, sample indices for iterations
// batches, and each iteration's batch gathered directly, as the reference.
func ringFixture(t *testing.T, iterations, batch int) (*dataset[float32], []int, []*net.Matrix[float32]) {
	t.Helper()
	rng := rand.New(rand.NewPCG(9, 9))
	set := mnist.Set{N: 50, Rows: 2, Cols: 3, Images: make([]byte, 50*6), Labels: make([]uint8, 50)}
	for i := range set.Images {
		set.Images[i] = byte(rng.IntN(256))
	}
	for i := range set.Labels {
		set.Labels[i] = uint8(rng.IntN(10))
	}
	train, err := toDataset[float32](set)
	if err != nil {
		t.Fatal(err)
	}
	indices := make([]int, iterations*batch)
	for i := range indices {
		indices[i] = rng.IntN(set.N)
	}
	want := make([]*net.Matrix[float32], iterations)
	for it := range want {
		want[it] = net.NewMatrix[float32](batch, train.cols)
		train.batch(want[it], nil, indices[it*batch:(it+1)*batch])
	}
	return train, indices, want
}

// TestBatchRingSharesEachBatch runs several users concurrently over every
// iteration: each sees exactly the directly gathered batch, and all users
// of an iteration see the same matrix (it was gathered once).
func TestBatchRingSharesEachBatch(t *testing.T) {
	const iterations, batch, users = 200, 4, 3
	train, indices, want := ringFixture(t, iterations, batch)
	for _, depth := range []int{1, 2, 8} {
		ring := newBatchRing(train, indices, batch, users, depth)
		seen := make([][]*net.Matrix[float32], users)
		var wg sync.WaitGroup
		for u := range users {
			wg.Go(func() {
				rng := rand.New(rand.NewPCG(uint64(u), 1))
				for it := range iterations {
					x, labels, ok := ring.get(it)
					if !ok {
						t.Errorf("depth %d: user %d: ring stopped", depth, u)
						return
					}
					if !slices.Equal(x.Data, want[it].Data) || len(labels) != batch {
						t.Errorf("depth %d: user %d, iteration %d: wrong batch", depth, u, it)
					}
					seen[u] = append(seen[u], x)
					if rng.IntN(4) == 0 {
						time.Sleep(time.Microsecond) // users drift apart
					}
					ring.release(it)
				}
			})
		}
		wg.Wait()
		for it := range iterations {
			for u := 1; u < users; u++ {
				if seen[u][it] != seen[0][it] {
					t.Fatalf("depth %d, iteration %d: users 0 and %d got different copies", depth, it, u)
				}
			}
		}
	}
}

// TestBatchRingBoundsTheLead checks that a user can run depth-1
// iterations ahead of a slower one but waits at depth, until the slower
// one releases, and that stop wakes a waiting user.
func TestBatchRingBoundsTheLead(t *testing.T) {
	const batch, depth = 2, 4
	train, indices, _ := ringFixture(t, 20, batch)
	ring := newBatchRing(train, indices, batch, 2, depth)
	for it := range depth { // the fast user takes depth batches without waiting
		if _, _, ok := ring.get(it); !ok {
			t.Fatal("ring stopped")
		}
		ring.release(it)
	}
	got := make(chan bool)
	go func() {
		_, _, ok := ring.get(depth)
		got <- ok
	}()
	select {
	case <-got:
		t.Fatal("the fast user got a batch depth iterations ahead of the slow one")
	case <-time.After(50 * time.Millisecond):
	}
	ring.get(0) // the slow user frees the first slot
	ring.release(0)
	if ok := <-got; !ok {
		t.Fatal("the fast user did not get its batch once the slot was free")
	}
	ring.release(depth)

	go func() {
		_, _, ok := ring.get(depth + 1) // waits for the slow user's iteration 1
		got <- ok
	}()
	time.Sleep(10 * time.Millisecond)
	ring.stop()
	if ok := <-got; ok {
		t.Fatal("a get waiting when the ring stopped returned a batch")
	}
}
