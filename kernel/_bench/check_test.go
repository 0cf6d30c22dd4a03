package main

import (
	"math"
	"strings"
	"testing"

	"zerokara/kernel"
)

// fixedContender returns a contender whose C is c, whatever it is asked.
func fixedContender(name string, c []float64) contender {
	return contender{name: name, call: func() float64 { return 0 }, result: func() []float64 { return c }}
}

// naive returns op(A)·op(B) of o computed in float64, row by row.
func naive[T kernel.Float](o *operands[T]) []float64 {
	s := o.s
	c := make([]float64, s.m*s.n)
	for i := range s.m {
		for j := range s.n {
			for p := range s.k {
				a := o.a64[i*s.lda()+p]
				if s.tA == kernel.Trans {
					a = o.a64[p*s.lda()+i]
				}
				b := o.b64[p*s.ldb()+j]
				if s.tB == kernel.Trans {
					b = o.b64[j*s.ldb()+p]
				}
				c[i*s.n+j] += a * b
			}
		}
	}
	return c
}

// TestGuard checks that the guard passes every real contender on a small
// transposed shape and refuses a C with one entry missing a
// product term, one NaN, or one zero.
func TestGuard(t *testing.T) {
	s := shape{"test", kernel.Trans, kernel.NoTrans, 37, 29, 53}
	o := newOperands[float32](s)
	zk, err := kernel.Lookup(kernel.Implementation())
	if err != nil {
		t.Fatal(err)
	}
	openblasSetThreads(1)
	cs := []contender{zerokaraContender(o, zk, kernel.Serial), openblasContender(o), gonumContender(o)}
	b, err := gomlxBackend(1)
	if err != nil {
		t.Fatal(err)
	}
	g, err := newGomlxMatmul(b, o)
	if err != nil {
		t.Fatal(err)
	}
	defer g.close()
	cs = append(cs, gomlxContender(g, o))
	if err := checkContenders(o, cs); err != nil {
		t.Fatalf("honest contenders refused: %v", err)
	}
	ref := naive(o)
	if err := checkContenders(o, []contender{fixedContender("exact", ref)}); err != nil {
		t.Fatalf("exact C refused: %v", err)
	}
	for name, spoil := range map[string]func([]float64){
		// one product term lost, as a kernel skipping a k step would
		"off":  func(c []float64) { c[5*s.n+7] -= o.a64[0*s.lda()+5] * o.b64[0*s.ldb()+7] },
		"NaN":  func(c []float64) { c[len(c)-1] = math.NaN() },
		"zero": func(c []float64) { c[0] = 0 },
	} {
		c := append([]float64(nil), ref...)
		spoil(c)
		err := checkContenders(o, []contender{fixedContender(name, c)})
		if err == nil || !strings.Contains(err.Error(), name+" disagrees") {
			t.Errorf("%s: got %v, want a disagreement", name, err)
		}
	}
}
