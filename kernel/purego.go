package kernel

import "unsafe"

// pureGo is the portable implementation, compiled on every platform.
//
// Its register tile is 6×1: six rows of a packed A panel against one
// column of B. The shape is chosen for the Go compiler, not for the cache.
// The compiler's scheduler places every product of a loop body before the
// first sum (values used inside the block come first), so a tile keeps
// its accumulators, the loaded operands and every product live at once.
// With one column, each loaded a becomes its product in place: six
// accumulators, six operands and the b broadcast are 13 of the 15 usable
// XMM registers on amd64, and nothing spills. A 2×4 tile needs 8 products
// on top of 8 accumulators and spilled; tiles of 7 and 8 rows measured no
// faster. The micro-kernel runs that tile over four columns (nr = 4), so the
// driver's per-tile work and B's packing (four values per row, not one)
// are shared by four of them. mr = 6 keeps the A panel (6·kc values) in
// L1 while the macro-kernel streams B's panels past it.
var pureGo = &implementation{
	name: "purego",
	s:    kernelSpec[float32]{mr: 6, nr: 4, kc: 512, mc: 120, nc: 2048, tileKernels: tileKernels[float32]{micro: microGo6x4[float32]}, alwaysPack: true},
	d:    kernelSpec[float64]{mr: 6, nr: 4, kc: 512, mc: 120, nc: 2048, tileKernels: tileKernels[float64]{micro: microGo6x4[float64]}, alwaysPack: true},
	vs:   pureGoVec32,
	vd:   pureGoVec64,
	// 25–40 times slower than avx512, so a band pays from far less work:
	// 60 kFlop is ≈ 10 µs here, against ≈ 1 µs to hand a band over.
	bandFlops: 60_000,
}

// microGo6x4 is the pure-Go micro-kernel: the 6×4 tile of the contract of
// microKernel, one column at a time, with the packed layout of A
// (csA = 6, rsA = 1) on its fast path.
func microGo6x4[T Float](k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int) {
	if k == 0 {
		return
	}
	for j := range 4 {
		if rsA == 1 && csA == 6 {
			microGo6x1Packed(k, alpha, a, b[j:], rsB, c[j:], ldc)
			continue
		}
		var acc [6]T
		for p := range k {
			bp := b[p*rsB+j]
			for i := range acc {
				acc[i] += a[i*rsA+p*csA] * bp
			}
		}
		for i, s := range acc {
			c[i*ldc+j] += alpha * s
		}
	}
}

// microGo6x1Packed runs the 6×1 tile on a packed A panel (six values per
// k step, contiguous) and a column of B rsB apart, two k steps per
// iteration. The slices are cut to exactly what the k steps read before
// the loop, which then reads through unsafe pointers at offsets inside
// them: the cut panics on a short slice, so no access can leave them, and
// the loop carries no bounds checks. (Offsets, not advanced pointers: a
// pointer one past the end of a slice is invalid in Go.)
func microGo6x1Packed[T Float](k int, alpha T, a, b []T, rsB int, c []T, ldc int) {
	a = a[:6*k]
	b = b[:(k-1)*rsB+1]
	var zero T
	size := unsafe.Sizeof(zero)
	pa, pb := unsafe.Pointer(unsafe.SliceData(a)), unsafe.Pointer(unsafe.SliceData(b))
	at := func(p unsafe.Pointer, off uintptr) T { return *(*T)(unsafe.Add(p, off)) }
	stepB := uintptr(rsB) * size
	var oa, ob uintptr // byte offsets of step p in a and b
	var c0, c1, c2, c3, c4, c5 T
	p := 0
	for ; p+2 <= k; p += 2 {
		b0 := at(pb, ob)
		c0 += at(pa, oa) * b0
		c1 += at(pa, oa+size) * b0
		c2 += at(pa, oa+2*size) * b0
		c3 += at(pa, oa+3*size) * b0
		c4 += at(pa, oa+4*size) * b0
		c5 += at(pa, oa+5*size) * b0
		b1 := at(pb, ob+stepB)
		c0 += at(pa, oa+6*size) * b1
		c1 += at(pa, oa+7*size) * b1
		c2 += at(pa, oa+8*size) * b1
		c3 += at(pa, oa+9*size) * b1
		c4 += at(pa, oa+10*size) * b1
		c5 += at(pa, oa+11*size) * b1
		oa += 12 * size
		ob += 2 * stepB
	}
	if p < k {
		b0 := at(pb, ob)
		c0 += at(pa, oa) * b0
		c1 += at(pa, oa+size) * b0
		c2 += at(pa, oa+2*size) * b0
		c3 += at(pa, oa+3*size) * b0
		c4 += at(pa, oa+4*size) * b0
		c5 += at(pa, oa+5*size) * b0
	}
	c = c[:5*ldc+1]
	c[0] += alpha * c0
	c[ldc] += alpha * c1
	c[2*ldc] += alpha * c2
	c[3*ldc] += alpha * c3
	c[4*ldc] += alpha * c4
	c[5*ldc] += alpha * c5
}
