package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"zerokara/kernel"
)

// fullCheckFlops is the largest m·n·k whose every C entry the guard checks;
// bigger products are checked on sampledEntries entries (plus C's corners).
const (
	fullCheckFlops = 1 << 27
	sampledEntries = 1 << 14
)

// checkContenders calls every contender that computes a product once and
// compares its C with a float64 reference on the same operands. Entry (i,j)
// passes if |c − ref| ≤ 2·k·ε·Σₚ|a_ip·b_pj|, ε the element type's machine
// epsilon: twice the worst-case rounding bound of any summation order, so an
// honest kernel always passes and a wrong one (a lost panel, a stale tile, a
// NaN) does not. C buffers start as NaN, so a kernel that skips entries
// fails too. The first disagreement is returned as an error.
func checkContenders[T kernel.Float](o *operands[T], cs []contender) error {
	s := o.s
	eps := 0x1p-52
	if _, ok := any(o.a).([]float32); ok {
		eps = 0x1p-23
	}
	at := func(i, p int) float64 {
		if s.tA == kernel.Trans {
			return o.a64[p*s.lda()+i]
		}
		return o.a64[i*s.lda()+p]
	}
	bt := func(p, j int) float64 {
		if s.tB == kernel.Trans {
			return o.b64[j*s.ldb()+p]
		}
		return o.b64[p*s.ldb()+j]
	}
	type entry struct {
		i, j       int
		ref, bound float64
	}
	var entries []entry
	add := func(i, j int) {
		ref, abs := 0.0, 0.0
		for p := range s.k {
			x := at(i, p) * bt(p, j)
			ref += x
			abs += math.Abs(x)
		}
		entries = append(entries, entry{i, j, ref, 2 * float64(s.k) * eps * abs})
	}
	if float64(s.m)*float64(s.n)*float64(s.k) <= fullCheckFlops {
		for i := range s.m {
			for j := range s.n {
				add(i, j)
			}
		}
	} else {
		for _, i := range []int{0, s.m - 1} {
			for _, j := range []int{0, s.n - 1} {
				add(i, j)
			}
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for range sampledEntries {
			add(rng.IntN(s.m), rng.IntN(s.n))
		}
	}
	for _, c := range cs {
		if c.result == nil {
			continue
		}
		c.call()
		got := c.result()
		bad, worst := 0, -1
		for e, x := range entries {
			g := got[x.i*s.n+x.j]
			if !(math.Abs(g-x.ref) <= x.bound) { // NaN fails too
				if bad == 0 {
					worst = e
				}
				bad++
			}
		}
		if bad > 0 {
			x := entries[worst]
			return fmt.Errorf("%s disagrees with the float64 reference on %d of %d checked entries of %v; first C[%d,%d] = %g, want %g ± %.3g",
				c.name, bad, len(entries), s, x.i, x.j, got[x.i*s.n+x.j], x.ref, x.bound)
		}
	}
	return nil
}
