package kernel

// pureGo is the portable implementation, compiled on every platform.
var pureGo = &implementation{
	name: "purego",
	s:    kernelSpec[float32]{mr: 2, nr: 4, kc: 256, mc: 128, nc: 2048, micro: microGo2x4[float32], alwaysPack: true},
	d:    kernelSpec[float64]{mr: 2, nr: 4, kc: 256, mc: 64, nc: 2048, micro: microGo2x4[float64], alwaysPack: true},
	vs:   pureGoVec32,
	vd:   pureGoVec64,
}

// microGo2x4 is the pure-Go micro-kernel: the 2×4 tile of the contract of
// microKernel. Larger tiles measured slower: the Go compiler spills their
// accumulators (BenchmarkMicroKernel).
func microGo2x4[T Float](k int, alpha T, a []T, rsA, csA int, b []T, rsB int, c []T, ldc int) {
	var c00, c01, c02, c03, c10, c11, c12, c13 T
	if k == 0 {
		return
	}
	if rsA == 1 && csA == 2 && rsB == 4 {
		microGo2x4Packed(k, alpha, a, b, c, ldc)
		return
	}
	r0 := a[:(k-1)*csA+1]
	r1 := a[rsA:][:(k-1)*csA+1]
	b = b[:(k-1)*rsB+4]
	for p := 0; p < k; p++ {
		bp := b[p*rsB : p*rsB+4 : p*rsB+4]
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		a0 := r0[p*csA]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		a1 := r1[p*csA]
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
	}
	store2x4(c, ldc, alpha, [8]T{c00, c01, c02, c03, c10, c11, c12, c13})
}

// microGo2x4Packed is microGo2x4 on packed panels (rsA = 1, csA = 2,
// rsB = 4): contiguous loads without index arithmetic, 40 % faster.
func microGo2x4Packed[T Float](k int, alpha T, a, b, c []T, ldc int) {
	var c00, c01, c02, c03, c10, c11, c12, c13 T
	a = a[:2*k]
	b = b[:4*k]
	for p := 0; p < k; p++ {
		ap := a[2*p : 2*p+2 : 2*p+2]
		bp := b[4*p : 4*p+4 : 4*p+4]
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		a0 := ap[0]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		a1 := ap[1]
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
	}
	store2x4(c, ldc, alpha, [8]T{c00, c01, c02, c03, c10, c11, c12, c13})
}

// store2x4 adds alpha times the accumulators (row-major 2×4) to C.
func store2x4[T Float](c []T, ldc int, alpha T, acc [8]T) {
	r0, r1 := c[:4:4], c[ldc:ldc+4:ldc+4]
	for j := range 4 {
		r0[j] += alpha * acc[j]
		r1[j] += alpha * acc[4+j]
	}
}
